// Stance: consumes Document::text, sentences, actor_mentions and quotes;
// produces Document::claims.
//
// A RuleSet is every file of rules/: the stance labels (stances.yaml), the
// lexicons (lexicon/*.yaml), the canonical targets (targets/*.yaml) and the
// rules (stance/*.yaml). Each rule's pattern (grammars/pattern) is compiled
// to one RE2; all of them also go into one RE2::Set, the prefilter that says
// which rules can fire on a sentence, so only those run their own RE2.
// Patterns match a sentence in which every actor mention is replaced by a
// placeholder (see match_text.h), so actor aliases are matched once per
// sentence, not once per rule.
//
// A RuleSet is immutable after Load; its const methods are thread-safe.
#ifndef STANCE_PIPELINE_STANCE_H_
#define STANCE_PIPELINE_STANCE_H_

#include <functional>
#include <memory>
#include <string_view>
#include <string>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/status.h"

namespace stance {

struct StanceTrace;

class RuleSet {
 public:
  RuleSet(const RuleSet&) = delete;
  RuleSet& operator=(const RuleSet&) = delete;
  ~RuleSet();

  // Loads `rules_dir` (stances.yaml, lexicon/, targets/, stance/). Every
  // problem goes to `sink` with path:line:col; on any error returns RuleError
  // and leaves *out null.
  static Status Load(const std::string& rules_dir, std::unique_ptr<RuleSet>* out,
                     DiagnosticSink* sink);

  // The stage: fills doc->claims, sorted by begin offset, then rule id.
  // When `trace` is not null it is overwritten with what each rule did on
  // each sentence and why (stance_trace.h); null costs nothing.
  void Annotate(Document* doc, DiagnosticSink* sink, StanceTrace* trace = nullptr) const;

  size_t rule_count() const;

  // Checks every rule against its own examples (each must give a claim from
  // that rule, with the stated holder and target words) and counter-examples
  // (must give none). `prepare` runs the stages before this one on a text.
  // Each failure goes to `sink` at the example's line; returns their number.
  int CheckExamples(const std::function<void(std::string_view, Document*)>& prepare,
                    DiagnosticSink* sink) const;

  // name:version of every rule file, lexicon and target file loaded.
  const std::vector<std::string>& sources() const;

  struct Data;  // Opaque; defined in stance_rules.h.
  // The loaded rules, for what looks inside them (tests, tools).
  const Data& data() const { return *data_; }

 private:
  explicit RuleSet(std::unique_ptr<Data> data);
  std::unique_ptr<Data> data_;
};

}  // namespace stance

#endif  // STANCE_PIPELINE_STANCE_H_
