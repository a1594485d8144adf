// Targets: turns the text a rule captured as a target into a short canonical
// phrase.
//
// rules/targets/*.yaml declare canonical targets with trigger patterns (the
// pattern language of grammars/pattern): "US return to Bagram" is triggered
// by "(@retake | take back (control of)? | return to) ... Bagram". A target
// with no canonical form is the captured phrase, cut at the first clause
// boundary (", which", " since ", "; ", a coordinated verb like " and
// calling") and trimmed of leading determiners and trailing punctuation; the
// boundaries are data too (trimming: in the same files).
//
// Immutable after Load; const methods are thread-safe.
#ifndef STANCE_PIPELINE_TARGETS_H_
#define STANCE_PIPELINE_TARGETS_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/status.h"

namespace re2 {
class RE2;
}

namespace stance {

class PatternContext;

class TargetTable {
 public:
  TargetTable(const TargetTable&) = delete;
  TargetTable& operator=(const TargetTable&) = delete;
  ~TargetTable();

  // Loads every *.yaml in `dir`, compiling triggers with `context`. Problems
  // go to `sink`; on error returns RuleError and leaves *out null.
  static Status Load(const std::string& dir, const PatternContext& context,
                     std::unique_ptr<TargetTable>* out, DiagnosticSink* sink);

  // The canonical target whose trigger matches `match_text` (a slice of a
  // MatchText), or "" if none.
  std::string Canonical(std::string_view match_text) const;

  // The span of `phrase` (a span of doc.text) kept as a target: cut at the
  // first boundary, trimmed. May be empty.
  Span Trim(const Document& doc, Span phrase) const;

  // True when `target` says nothing by itself ("it", "this"): such a claim
  // is dropped rather than shown with an empty target (trimming: vacuous).
  bool IsVacuous(std::string_view target) const;

  const std::vector<std::string>& sources() const { return sources_; }

 private:
  TargetTable();
  struct Canon {
    std::string name;
    std::vector<std::unique_ptr<re2::RE2>> triggers;
  };
  std::vector<Canon> canon_;
  std::unique_ptr<re2::RE2> boundary_;
  std::unique_ptr<re2::RE2> leading_;
  size_t max_words_ = 16;
  std::vector<std::string> vacuous_;
  std::vector<std::string> sources_;
};

}  // namespace stance

#endif  // STANCE_PIPELINE_TARGETS_H_
