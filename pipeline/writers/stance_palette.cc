#include "pipeline/writers/stance_palette.h"

#include <cmath>

namespace stance {
namespace writers {
namespace {

struct Named {
  std::string_view label;
  Rgb colour;
};

constexpr Named kKnown[] = {
    {"supports", {0x1a, 0x7f, 0x37}}, {"opposes", {0xcf, 0x22, 0x2e}},
    {"praises", {0x09, 0x69, 0xda}},  {"criticizes", {0xbc, 0x4c, 0x00}},
    {"welcomes", {0x1b, 0x7c, 0x83}}, {"rejects", {0x82, 0x50, 0xdf}},
    {"urges", {0x9a, 0x67, 0x00}},    {"pledges", {0xbf, 0x39, 0x89}},
};

// HSL with saturation 0.6 and lightness 0.38 at `hue` degrees: a colour as
// dark as the named ones.
Rgb FromHue(double hue) {
  const double s = 0.6, l = 0.38;
  const double chroma = (1 - std::fabs(2 * l - 1)) * s;
  const double h = hue / 60;
  const double x = chroma * (1 - std::fabs(std::fmod(h, 2) - 1));
  double r = 0, g = 0, b = 0;
  if (h < 1) {
    r = chroma, g = x;
  } else if (h < 2) {
    r = x, g = chroma;
  } else if (h < 3) {
    g = chroma, b = x;
  } else if (h < 4) {
    g = x, b = chroma;
  } else if (h < 5) {
    r = x, b = chroma;
  } else {
    r = chroma, b = x;
  }
  const double m = l - chroma / 2;
  auto channel = [m](double v) { return static_cast<uint8_t>(std::lround((v + m) * 255)); };
  return {channel(r), channel(g), channel(b)};
}

}  // namespace

Rgb StanceColour(std::string_view label) {
  for (const Named& named : kKnown) {
    if (named.label == label) return named.colour;
  }
  // FNV-1a: a stable hash, so a label keeps its colour from run to run.
  uint32_t hash = 2166136261u;
  for (char c : label) {
    hash ^= static_cast<unsigned char>(c);
    hash *= 16777619u;
  }
  return FromHue(hash % 360);
}

std::string CssHex(Rgb colour) {
  static constexpr char kDigits[] = "0123456789abcdef";
  std::string out = "#";
  for (uint8_t v : {colour.r, colour.g, colour.b}) {
    out += kDigits[v >> 4];
    out += kDigits[v & 15];
  }
  return out;
}

}  // namespace writers
}  // namespace stance
