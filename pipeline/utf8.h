// Small UTF-8 helpers shared by the stages. Thread-safe (pure functions).
#ifndef STANCE_PIPELINE_UTF8_H_
#define STANCE_PIPELINE_UTF8_H_

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace stance {

// Offset of the first byte that does not start a well-formed UTF-8 sequence
// (overlongs, surrogates and code points past U+10FFFF included), or npos.
size_t FirstInvalidUtf8(std::string_view text);

// Length of the well-formed sequence starting at `text[i]`, or 0 if it is not
// well formed. Decodes it into *code_point when non-null.
int DecodeUtf8(std::string_view text, size_t i, char32_t* code_point);

// Appends the UTF-8 encoding of `cp`.
void AppendUtf8(char32_t cp, std::string* out);

}  // namespace stance

#endif  // STANCE_PIPELINE_UTF8_H_
