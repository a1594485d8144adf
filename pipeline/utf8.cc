#include "pipeline/utf8.h"

#include <utf8proc.h>

namespace stance {

int DecodeUtf8(std::string_view text, size_t i, char32_t* code_point) {
  auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) {
    if (code_point) *code_point = c;
    return 1;
  }
  utf8proc_int32_t cp = -1;
  utf8proc_ssize_t len = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                                          static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
  if (len <= 0 || cp < 0) return 0;
  if (code_point) *code_point = static_cast<char32_t>(cp);
  return static_cast<int>(len);
}

size_t FirstInvalidUtf8(std::string_view text) {
  size_t i = 0;
  while (i < text.size()) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    int len = DecodeUtf8(text, i, nullptr);
    if (len == 0) return i;
    i += len;
  }
  return std::string_view::npos;
}

void AppendUtf8(char32_t cp, std::string* out) {
  utf8proc_uint8_t buffer[4];
  utf8proc_ssize_t len = utf8proc_encode_char(static_cast<utf8proc_int32_t>(cp), buffer);
  out->append(reinterpret_cast<const char*>(buffer), static_cast<size_t>(len));
}

}  // namespace stance
