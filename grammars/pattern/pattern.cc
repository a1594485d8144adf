// Instantiates the pattern grammar (the only translation unit that includes
// pattern_def.h) and turns its failures into PatternErrors.
#include "grammars/pattern/pattern.h"

#include <cstdint>
#include <string>
#include <string_view>

#include <boost/spirit/home/support/char_encoding/unicode/query.hpp>
#include <boost/spirit/home/x3.hpp>

#include "grammars/pattern/ast.h"
#include "grammars/pattern/config.h"
#include "grammars/pattern/error_handler.h"
#include "grammars/pattern/pattern_def.h"

namespace stance::pattern {

namespace x3 = boost::spirit::x3;

namespace parser {

BOOST_SPIRIT_INSTANTIATE(pattern_type, iterator_type, context_type)

namespace {

// Length of the well-formed UTF-8 sequence at `it` (1 to 4), or 0 if the
// bytes there are not one; decodes it into *cp.
int DecodeUtf8(iterator_type it, iterator_type last, char32_t* cp) {
  const auto byte = [&](std::ptrdiff_t i) { return static_cast<unsigned char>(it[i]); };
  const std::ptrdiff_t left = last - it;
  if (left <= 0) return 0;
  const unsigned char b0 = byte(0);
  if (b0 < 0x80) {
    *cp = b0;
    return 1;
  }
  int len;
  char32_t min;
  if ((b0 & 0xE0) == 0xC0) {
    len = 2, min = 0x80, *cp = b0 & 0x1F;
  } else if ((b0 & 0xF0) == 0xE0) {
    len = 3, min = 0x800, *cp = b0 & 0x0F;
  } else if ((b0 & 0xF8) == 0xF0) {
    len = 4, min = 0x10000, *cp = b0 & 0x07;
  } else {
    return 0;
  }
  if (left < len) return 0;
  for (int i = 1; i < len; ++i) {
    if ((byte(i) & 0xC0) != 0x80) return 0;
    *cp = (*cp << 6) | (byte(i) & 0x3F);
  }
  if (*cp < min || *cp > 0x10FFFF || (*cp >= 0xD800 && *cp <= 0xDFFF)) return 0;
  return len;
}

// The word character at `it`: its length in bytes, 0 if there is none.
// *letter tells whether it is a letter (abbreviations are letters and dots).
int WordChar(iterator_type it, iterator_type last, bool* letter) {
  char32_t cp = 0;
  const int len = DecodeUtf8(it, last, &cp);
  if (len == 0) return 0;
  namespace ucd = boost::spirit::ucd;
  using Props = ucd::properties;
  *letter = false;
  if (cp == '\'' || cp == '-') return len;
  switch (ucd::get_major_category(cp)) {
    case Props::letter:
      *letter = true;
      return len;
    case Props::mark:
      return len;
    default:
      return ucd::is_decimal_number(cp) ? len : 0;
  }
}

}  // namespace

iterator_type WordEnd(iterator_type first, iterator_type last) {
  iterator_type it = first;
  bool letters_only = true;  // every run so far is one letter ("U", "S")
  int runs = 0;
  for (;;) {
    int run = 0;
    bool letter = false;
    while (const int len = WordChar(it, last, &letter)) {
      it += len;
      ++run;
      if (run > 1 || !letter) letters_only = false;
    }
    if (run == 0) break;
    ++runs;
    if (it == last || *it != '.') break;
    const iterator_type after = it + 1;
    if (WordChar(after, last, &letter) > 0) {
      it = after;
      continue;
    }
    if (letters_only && runs >= 2 && (after == last || *after != '.')) it = after;
    break;
  }
  return it;
}

}  // namespace parser

namespace {

using parser::iterator_type;

// The character at `offset`, quoted for a message ('!', '“').
// REQUIRES: `text` is valid UTF-8 and offset < text.size().
std::string QuotedCharAt(std::string_view text, int offset) {
  char32_t unused = 0;
  const int len = parser::DecodeUtf8(text.begin() + offset, text.end(), &unused);
  return "'" + std::string(text.substr(offset, len)) + "'";
}

// The message for an expectation of rule `which` that failed at `offset`.
std::string ExpectationMessage(std::string_view text, int offset, const std::string& which) {
  const bool at_end = offset >= static_cast<int>(text.size());
  const char next = at_end ? '\0' : text[offset];
  // Where a group or the whole pattern should end, the character there
  // cannot start an item; saying what it is helps more than "expected ')'".
  if (!at_end && (which == "end" || which == "group_close")) {
    if (next == '?') return "'?' may only follow the ')' of a group, as in ( ... )?";
    if (next == ')') return "unmatched ')'";
    std::string message = "unexpected " + QuotedCharAt(text, offset);
    if (which == "group_close") message += "; expected ')' closing the group";
    return message;
  }
  const auto& names = parser::id_map();
  const auto found = names.find(which);
  return "expected " + (found == names.end() ? which : found->second) + " here";
}

// The offset of the first '(' nested deeper than kMaxNesting, or -1.
// The grammar descends once per group, so this bound keeps any pattern from
// exhausting the stack. Raw regexes are skipped: their parentheses are RE2's.
int TooDeep(std::string_view text) {
  int depth = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '/') {
      for (++i; i < text.size() && text[i] != '/'; ++i) {
        if (text[i] == '\\') ++i;
      }
    } else if (text[i] == '(') {
      if (++depth > kMaxNesting) return static_cast<int>(i);
    } else if (text[i] == ')' && depth > 0) {
      --depth;
    }
  }
  return -1;
}

}  // namespace

bool ParsePattern(std::string_view text, ast::Pattern* out, PatternError* error) {
  // Invalid UTF-8 would make word boundaries meaningless; say where it is.
  for (iterator_type it = text.begin(); it != text.end();) {
    char32_t cp = 0;
    const int len = parser::DecodeUtf8(it, text.end(), &cp);
    if (len == 0) {
      *error = {static_cast<int>(it - text.begin()), "invalid UTF-8"};
      return false;
    }
    it += len;
  }
  if (text.find_first_not_of(" \t\n\r\f\v") == std::string_view::npos) {
    *error = {0, "empty pattern"};
    return false;
  }

  if (const int at = TooDeep(text); at >= 0) {
    *error = {at, "groups nested more than " + std::to_string(kMaxNesting) + " deep"};
    return false;
  }

  parser::ParseState state;
  state.begin = text.begin();
  *out = ast::Pattern();
  iterator_type first = text.begin();
  bool ok = false;
  try {
    const auto grammar = x3::with<parser::parse_state_tag>(std::ref(state))[parser::pattern];
    ok = x3::phrase_parse(first, text.end(), grammar, parser::skipper_type(), out->body);
  } catch (const std::exception& e) {
    // Nothing else should throw, but no exception may leave this file.
    *error = {static_cast<int>(first - text.begin()), std::string("internal error: ") + e.what()};
    return false;
  }
  if (state.failed) {
    // Between items the expected thing may come after blanks, so the caret
    // goes under what is there instead. Inside a slot, a reference, a gap or
    // a raw regex no blank is allowed: the blank itself is the error.
    int offset = state.error_offset;
    const std::string& which = state.error_which;
    if (which == "items" || which == "group_close" || which == "end") {
      while (offset < static_cast<int>(text.size()) &&
             (text[offset] == ' ' || text[offset] == '\t')) {
        ++offset;
      }
    }
    *error = {offset, ExpectationMessage(text, offset, state.error_which)};
    return false;
  }
  if (!ok) {
    *error = {static_cast<int>(first - text.begin()), "cannot parse the pattern"};
    return false;
  }
  out->offset = 0;
  out->length = static_cast<int>(text.size());
  return true;
}

}  // namespace stance::pattern
