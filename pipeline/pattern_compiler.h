// Pattern compiler: consumes the text of a rule pattern (the language of
// grammars/pattern/PATTERNS.md) and the classes and lexicons of a rule set
// (a PatternContext); produces one RE2 regex and the list of its slots.
//
//   CompiledPattern compiled;
//   PatternError error;
//   Status s = CompilePattern("{h:ACTOR} (firmly)? @oppose", context, &compiled, &error);
//   if (!s.ok()) report(rule_column + error.offset, error.message);
//   // compiled.regex: (?P<h__0>...)(?:\s*(?i:\bfirmly\b))?\s*(?i:\bopposes\b|\boppose\b)
//   // compiled.slots: {h, ACTOR, h__0}
//
// The regex is RE2 syntax, meant to be searched (not anchored) in a sentence
// whose actor mentions are placeholders. Items are joined by \s*; literals
// are case-insensitive and bounded by \b where they start or end with an
// ASCII word character; each slot is a named group, so captures are looked up
// by PatternSlot::group and unnamed groups inside /raw/ regexes do no harm.
//
// CompilePattern is a pure function of its arguments: thread-safe as long as
// the PatternContext's const methods are.
#ifndef STANCE_PIPELINE_PATTERN_COMPILER_H_
#define STANCE_PIPELINE_PATTERN_COMPILER_H_

#include <string>
#include <string_view>
#include <vector>

#include "grammars/pattern/pattern.h"  // PatternError
#include "pipeline/status.h"

namespace stance {

// One {name:CLASS} of a pattern.
struct PatternSlot {
  std::string name;   // as written: "h"
  std::string cls;    // "ACTORS"
  std::string group;  // its RE2 named group: name, "__", running index ("h__0")
};

struct CompiledPattern {
  std::string regex;
  // Every slot in the order it appears in the pattern. A name used in several
  // alternatives appears once per use, each with its own group; at most one
  // of them takes part in any match.
  std::vector<PatternSlot> slots;
  // Names of the lexicons the pattern refers to, first use first, each once.
  std::vector<std::string> lexicons;
  // Every lexicon reference, in pattern order, as a named group ("cue_0",
  // "cue_1", ...; name and cls are the lexicon, e.g. "oppose"), so the engine
  // knows where the cue of a match stands (negation and hedging look just
  // before it). Slot groups always contain "__", so the names never clash.
  std::vector<PatternSlot> cues;
  // What a sentence must contain for the pattern to match it: every clause,
  // each by one of its words (lower case, matched as whole words). Most
  // selective clause first; empty when the pattern guarantees nothing. The
  // rule engine's prefilter is built from these.
  std::vector<std::vector<std::string>> required;
};

// What a rule set provides to the compiler: the slot classes, the lexicons
// and the token a gap skips. Implemented by the rule engine (and by fakes in
// tests). CompilePattern calls only const methods.
class PatternContext {
 public:
  virtual ~PatternContext() = default;

  // The RE2 text that a slot of class `cls` matches. It must not match the
  // empty string and must have no capturing groups (the slot's named group
  // wraps it). Returns false if there is no such class.
  virtual bool ClassRegex(std::string_view cls, std::string* regex) const = 0;

  // Every class name, for "did you mean" suggestions.
  virtual std::vector<std::string> ClassNames() const = 0;

  // The phrases of lexicon `name` in `form` ("" when the pattern names no
  // form: the context decides what that means, e.g. every form). A phrase is
  // words separated by spaces, matched case-insensitively. Returns false and
  // fills *error (e.g. "lexicon 'oppose' has no form 'ingg'") if the form is
  // not one the lexicon has. Called only with names from LexiconNames().
  virtual bool LexiconPhrases(std::string_view name, std::string_view form,
                              std::vector<std::string>* phrases, std::string* error) const = 0;

  // Every lexicon name, to tell an unknown lexicon from a bad form and for
  // "did you mean" suggestions.
  virtual std::vector<std::string> LexiconNames() const = 0;

  // RE2 text for one token that a gap may skip, e.g.
  // (?:[^\s\x01";]|\x01m\d+\x02)+ . It must not match whitespace (tokens are
  // separated by \s*, so a token that could contain spaces would let a gap
  // skip more than N words) and must not match the empty string.
  virtual std::string GapToken() const = 0;
};

// Parses `pattern` and compiles it against `context`.
//
// On success returns OK and fills *out. On error returns a RuleError whose
// message is error->message, fills *error with the 0-based byte offset in
// `pattern` where the problem is and the message, and leaves *out untouched.
// Errors include syntax errors ("expected '}' closing the slot here"), an
// unknown class or lexicon (with a did-you-mean suggestion), a bad lexicon
// form, a /raw/ regex RE2 rejects (except for its size: a raw regex over
// RE2's default memory budget is left to the caller's budget, since the
// whole pattern is larger still), a slot name filled twice on one path, and
// a pattern that can match the empty string.
//
// The regex itself is not compiled here: the caller builds its RE2 (and its
// RE2::Set entry) once, at load time, and reports RE2's error if any.
// REQUIRES: out != nullptr, error != nullptr.
Status CompilePattern(std::string_view pattern, const PatternContext& context,
                      CompiledPattern* out, PatternError* error);

// Renders a pattern error for a person, on three lines:
//   col 4: unknown class 'ACTR' (did you mean ACTOR?)
//   {h:ACTR} joined
//      ^
// The column counts bytes from 1 (error.offset + 1), as rule-file diagnostics
// do; the caret is placed by characters, so it stays under the right one
// after non-ASCII text.
std::string FormatPatternError(std::string_view pattern, const PatternError& error);

}  // namespace stance

#endif  // STANCE_PIPELINE_PATTERN_COMPILER_H_
