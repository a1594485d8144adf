// The AST of a rule pattern (see PATTERNS.md), as the X3 grammar in
// pattern_def.h builds it and pipeline/pattern_compiler.cc consumes it.
//
//   pattern     Alternation           a | b
//   Alternation vector<Sequence>      one branch per '|'
//   Sequence    vector<Item>          items separated by whitespace
//   Item        Literal | Slot | LexiconRef | Gap | Raw | Group
//
// Every node that the compiler can reject carries the byte offset where it
// starts in the pattern text (Located), so an unknown class or lexicon is
// reported under the right column.
//
// Plain data; thread-compatible.
#ifndef STANCE_GRAMMARS_PATTERN_AST_H_
#define STANCE_GRAMMARS_PATTERN_AST_H_

#include <string>
#include <vector>

#include <boost/optional.hpp>
#include <boost/spirit/home/x3/support/ast/variant.hpp>

namespace stance::pattern::ast {

namespace x3 = boost::spirit::x3;

// Where a node starts and how many bytes of the pattern it spans. Filled by
// the grammar's annotate_offset handler when the node's rule succeeds.
//
// X3's own position_tagged keeps only ids into a position cache owned by the
// error handler, and that cache dies with the parse; the compiler runs after
// it, so the nodes keep plain byte offsets instead.
struct Located {
  int offset = 0;
  int length = 0;
};

// An identifier: a slot name, a class name, a lexicon name or a form.
struct Name : Located {
  std::string text;
};

// A word (`joined`, `'s`, `U.S.`) or a punctuation mark (`,` `:` `;` `"`),
// matched case-insensitively. `text` is exactly as written.
struct Literal : Located {
  std::string text;
};

// {name:CLASS}
struct Slot : Located {
  Name name;
  Name cls;
};

// @name or @name.form
struct LexiconRef : Located {
  Name name;
  boost::optional<Name> form;
};

// `...` (count 8) or `...N`.
struct Gap : Located {
  int count = 0;
};

// /regex/: `regex` has every `\/` already turned into `/`.
struct Raw : Located {
  std::string regex;
};

struct Group;

using Item = x3::variant<Literal, Slot, LexiconRef, Gap, Raw, x3::forward_ast<Group>>;

// Items that must match one after another.
struct Sequence : Located, std::vector<Item> {};

// Branches separated by '|'; never empty after a successful parse.
struct Alternation : Located, std::vector<Sequence> {};

// ( ... ) or ( ... )?
struct Group : Located {
  Alternation body;
  bool optional = false;
};

// The whole pattern.
struct Pattern : Located {
  Alternation body;
};

}  // namespace stance::pattern::ast

#endif  // STANCE_GRAMMARS_PATTERN_AST_H_
