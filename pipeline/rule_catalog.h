// Rule catalog: consumes rules/stance/*.yaml, rules/lexicon/ and the
// optional rules/coverage.yaml; produces the list of rules as written (id,
// stance, where) and, for each, the lexicon entry of its stance cue.
// `stance test --coverage` reports on it: which rules fired, which never
// did, and which sentences hold a cue word but gave no claim.
//
// A rule's cue entry is the last lexicon reference of its pattern, the one a
// match reports as its cue ("@join ... in @oppose.ing": oppose); a pattern
// without a reference has none. coverage.yaml lists entries that are no
// stance cue although a rule ends on them ("@state ... would seek to": the
// words "said", "told" report speech):
//
//   name: coverage
//   version: 1
//   not_cues: [state]
//
// Not a loader of rules for matching (that is RuleSet): it reads the files
// again, after the pipeline has loaded them, and skips rules it cannot
// read. Immutable after Load; thread-safe.
#ifndef STANCE_PIPELINE_RULE_CATALOG_H_
#define STANCE_PIPELINE_RULE_CATALOG_H_

#include <memory>
#include <set>
#include <string>
#include <vector>

#include "pipeline/lexicon.h"
#include "pipeline/status.h"

namespace stance {

struct CatalogRule {
  std::string id;
  std::string stance;
  SourceLocation where;   // the rule's "id:" line
  std::string cue_entry;  // lexicon entry name; empty when none
};

class RuleCatalog {
 public:
  RuleCatalog(const RuleCatalog&) = delete;
  RuleCatalog& operator=(const RuleCatalog&) = delete;

  // Reads `rules_dir`/stance/*.yaml, `rules_dir`/lexicon/ and, if present,
  // `rules_dir`/coverage.yaml. Returns RuleError when the rules or the
  // lexicon cannot be read at all, or coverage.yaml is malformed or names an
  // entry the lexicon lacks (located at path:line:col); *out is then null.
  static Status Load(const std::string& rules_dir, std::unique_ptr<RuleCatalog>* out);

  // Every rule, files in name order, rules in file order.
  const std::vector<CatalogRule>& rules() const { return rules_; }
  const Lexicon& lexicon() const { return *lexicon_; }
  // The distinct cue entries of the rules but those of not_cues, sorted.
  std::vector<std::string> CueEntries() const;

 private:
  RuleCatalog() = default;
  // Reads coverage.yaml into not_cues_, if the file exists.
  Status LoadSettings(const std::string& path);

  std::vector<CatalogRule> rules_;
  std::unique_ptr<Lexicon> lexicon_;
  std::set<std::string> not_cues_;
};

}  // namespace stance

#endif  // STANCE_PIPELINE_RULE_CATALOG_H_
