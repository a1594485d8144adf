// A canonical, one-line dump of a pattern AST, for tests and for
// `stance --check-rules`-style debugging:
//
//   {h:ACTORS} (firmly)? @oppose.ing {t:PHRASE}
//   seq{slot{h:ACTORS} opt{lit{firmly}} lex{oppose.ing} slot{t:PHRASE}}
//
// A sequence is seq{...}; more than one branch is alt{seq{...} seq{...}}.
// A group shows its body without the seq{} wrapper when it has one branch:
// group{...} or, when optional, opt{...}. Leaves are lit{text},
// slot{name:CLASS}, lex{name} or lex{name.form}, gap{N} and raw{regex}.
// With `offsets`, each node's byte offset follows its tag: lit@7{joined}.
//
// Header-only and pure; thread-safe.
#ifndef STANCE_GRAMMARS_PATTERN_PRINTER_H_
#define STANCE_GRAMMARS_PATTERN_PRINTER_H_

#include <string>

#include "grammars/pattern/ast.h"

namespace stance::pattern {

class AstPrinter {
 public:
  using result_type = void;

  explicit AstPrinter(bool offsets) : offsets_(offsets) {}

  const std::string& out() const { return out_; }

  void Print(const ast::Pattern& pattern) { Top(pattern.body); }

  void operator()(const ast::Literal& lit) {
    Open("lit", lit);
    out_ += lit.text;
    out_ += '}';
  }
  void operator()(const ast::Slot& slot) {
    Open("slot", slot);
    out_ += slot.name.text + ":" + slot.cls.text + "}";
  }
  void operator()(const ast::LexiconRef& ref) {
    Open("lex", ref);
    out_ += ref.name.text;
    if (ref.form) out_ += "." + ref.form->text;
    out_ += '}';
  }
  void operator()(const ast::Gap& gap) {
    Open("gap", gap);
    out_ += std::to_string(gap.count) + "}";
  }
  void operator()(const ast::Raw& raw) {
    Open("raw", raw);
    out_ += raw.regex + "}";
  }
  void operator()(const ast::Group& group) {
    Open(group.optional ? "opt" : "group", group);
    if (group.body.size() == 1) {
      Items(group.body.front());
    } else {
      Top(group.body);
    }
    out_ += '}';
  }
  void operator()(const boost::spirit::x3::forward_ast<ast::Group>& group) { (*this)(group.get()); }

 private:
  void Open(const char* tag, const ast::Located& node) {
    out_ += tag;
    if (offsets_) out_ += "@" + std::to_string(node.offset);
    out_ += '{';
  }
  void Items(const ast::Sequence& seq) {
    for (size_t i = 0; i < seq.size(); ++i) {
      if (i > 0) out_ += ' ';
      seq[i].apply_visitor(*this);
    }
  }
  void Seq(const ast::Sequence& seq) {
    Open("seq", seq);
    Items(seq);
    out_ += '}';
  }
  void Top(const ast::Alternation& alt) {
    if (alt.size() == 1) {
      Seq(alt.front());
      return;
    }
    Open("alt", alt);
    for (size_t i = 0; i < alt.size(); ++i) {
      if (i > 0) out_ += ' ';
      Seq(alt[i]);
    }
    out_ += '}';
  }

  bool offsets_;
  std::string out_;
};

// The canonical dump of `pattern`; with `offsets`, byte offsets after tags.
inline std::string DumpPattern(const ast::Pattern& pattern, bool offsets = false) {
  AstPrinter printer(offsets);
  printer.Print(pattern);
  return printer.out();
}

}  // namespace stance::pattern

#endif  // STANCE_GRAMMARS_PATTERN_PRINTER_H_
