// StancePalette: the colour of each stance label on the review page.
// Internal to pipeline/writers/. Thread-safe (pure functions).
//
// Labels are data (rules/stances.yaml), so the palette cannot list them all:
// the labels the default rules use have colours chosen to be told apart
// (positive ones green and blue, negative ones red and purple), and any
// other label gets a colour of its own derived from its name, the same on
// every page.
#ifndef STANCE_PIPELINE_WRITERS_STANCE_PALETTE_H_
#define STANCE_PIPELINE_WRITERS_STANCE_PALETTE_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace stance {
namespace writers {

struct Rgb {
  uint8_t r = 0;
  uint8_t g = 0;
  uint8_t b = 0;
  bool operator==(const Rgb&) const = default;
};

// The colour of `label`: dark enough for white text on it.
Rgb StanceColour(std::string_view label);

// "#rrggbb".
std::string CssHex(Rgb colour);

}  // namespace writers
}  // namespace stance

#endif  // STANCE_PIPELINE_WRITERS_STANCE_PALETTE_H_
