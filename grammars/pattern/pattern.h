// The rule pattern language: parsing a pattern into its AST.
//
// The language is specified, with one worked example per feature, in
// grammars/pattern/PATTERNS.md. In short:
//
//   {h:ACTORS} (firmly)? @oppose.ing ...3 {t:PHRASE}
//
// is a sequence of a slot, an optional group, a lexicon reference, a gap of
// up to 3 tokens and another slot. pipeline/pattern_compiler.h turns the AST
// into one RE2 regex; this header knows nothing of RE2 or of the classes and
// lexicons a rule set provides.
//
// The grammar is a Boost.Spirit X3 parser, but no X3 type appears here: the
// rules are instantiated once, in pattern.cc, and ParsePattern is the only
// way in. Thread-safe (no shared mutable state).
#ifndef STANCE_GRAMMARS_PATTERN_PATTERN_H_
#define STANCE_GRAMMARS_PATTERN_PATTERN_H_

#include <string>
#include <string_view>

namespace stance {

// A problem in a pattern. `offset` is the 0-based byte offset in the pattern
// text where the caret belongs; a rule loader adds it to the column of the
// YAML scalar that holds the pattern.
struct PatternError {
  int offset = 0;
  std::string message;
};

namespace pattern::ast {
struct Pattern;
}  // namespace pattern::ast

namespace pattern {

// Longest gap an author may ask for (`...30`), and the length of `...`.
inline constexpr int kMaxGap = 30;
inline constexpr int kDefaultGap = 8;
// Deepest nesting of groups: ((( ... ))) at most this many levels.
inline constexpr int kMaxNesting = 32;

// Parses `text` into *out. On success returns true. On a syntax error
// returns false, fills *error with the offset and a message such as
// "expected '}' closing the slot here", and leaves *out unspecified.
// Checks syntax only: whether a class or a lexicon exists is the compiler's
// business (pipeline/pattern_compiler.h).
// REQUIRES: out != nullptr, error != nullptr.
bool ParsePattern(std::string_view text, ast::Pattern* out, PatternError* error);

}  // namespace pattern
}  // namespace stance

#endif  // STANCE_GRAMMARS_PATTERN_PATTERN_H_
