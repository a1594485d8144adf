#include "pipeline/writers/xlsx_cell_text.h"

#include "pipeline/utf8.h"

namespace stance {
namespace writers {
namespace {

constexpr std::string_view kReplacement = "\xEF\xBF\xBD";  // U+FFFD
constexpr std::string_view kEscapedUnderscore = "_x005F";

bool IsHexDigit(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') ||
         (c >= 'A' && c <= 'F');
}

// `text` at `i` reads "_xHHHH_".
bool StartsEscape(std::string_view text, size_t i) {
  if (i + 7 > text.size() || text[i] != '_' || text[i + 1] != 'x' ||
      text[i + 6] != '_') {
    return false;
  }
  for (size_t k = i + 2; k < i + 6; ++k) {
    if (!IsHexDigit(text[k])) return false;
  }
  return true;
}

// True when `text` can go into a cell unchanged: short enough in bytes
// (hence in characters), valid UTF-8 without NUL, U+FFFE or U+FFFF, and no
// "_x".
bool FitsAsIs(std::string_view text) {
  if (text.size() > kMaxCellChars) return false;
  if (text.find("_x") != std::string_view::npos) return false;
  if (text.find('\0') != std::string_view::npos) return false;
  if (text.find("\xEF\xBF\xBE") != std::string_view::npos ||
      text.find("\xEF\xBF\xBF") != std::string_view::npos) {
    return false;
  }
  return FirstInvalidUtf8(text) == std::string_view::npos;
}

}  // namespace

std::string_view FitCellText(std::string_view text, std::string* scratch,
                             bool* truncated) {
  *truncated = false;
  if (FitsAsIs(text)) return text;
  scratch->clear();
  size_t units = 0;   // UTF-16 code units Excel will count
  size_t passed = 0;  // code points libxlsxwriter will count
  for (size_t i = 0; i < text.size();) {
    char32_t cp = 0;
    int length = DecodeUtf8(text, i, &cp);
    std::string_view piece = text.substr(i, length);
    if (length == 0 || cp == 0 || cp == 0xFFFE || cp == 0xFFFF) {
      cp = 0xFFFD;
      piece = kReplacement;
      length = length == 0 ? 1 : length;
    }
    const bool escape = cp == '_' && StartsEscape(text, i);
    const size_t add_units = cp >= 0x10000 ? 2 : 1;
    const size_t add_passed = escape ? kEscapedUnderscore.size() + 1 : 1;
    if (units + add_units > kMaxCellChars ||
        passed + add_passed > kMaxCellChars) {
      *truncated = true;
      break;
    }
    units += add_units;
    passed += add_passed;
    if (escape) scratch->append(kEscapedUnderscore);
    scratch->append(piece);
    i += length;
  }
  return *scratch;
}

size_t DisplayWidth(std::string_view text, size_t limit) {
  size_t width = 0;
  for (char c : text) {
    // Count every byte that does not continue a sequence.
    if ((static_cast<unsigned char>(c) & 0xC0) != 0x80 && ++width >= limit) {
      return limit;
    }
  }
  return width;
}

}  // namespace writers
}  // namespace stance
