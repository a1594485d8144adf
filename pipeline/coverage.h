// Coverage: consumes processed Documents and the RuleCatalog of the rules
// that processed them; produces how many claims each rule gave, the rules
// that gave none, and the near misses: sentences holding a stance cue word
// (a word of a rule's cue entry, see rule_catalog.h) that gave no claim,
// the first place a rule author should look next.
//
//   Coverage coverage(*catalog, cues.get());
//   for (...) coverage.Add(doc);
//   coverage.Print(&std::cout, 100);
//
// Not thread-safe: Add from one thread.
#ifndef STANCE_PIPELINE_COVERAGE_H_
#define STANCE_PIPELINE_COVERAGE_H_

#include <cstddef>
#include <map>
#include <ostream>
#include <string>
#include <vector>

#include "pipeline/cue_matcher.h"
#include "pipeline/document.h"
#include "pipeline/rule_catalog.h"

namespace stance {

struct NearMiss {
  std::string doc;       // document id
  int line = 0;          // where the sentence starts, from 1
  std::string cue;       // the cue word as written
  std::string entries;   // its lexicon entries: "assist, support"
  std::string sentence;  // whitespace collapsed
};

class Coverage {
 public:
  // `catalog` and `cues` must outlive this Coverage.
  Coverage(const RuleCatalog& catalog, const CueMatcher& cues) : catalog_(catalog), cues_(cues) {}

  // Counts the claims of `doc` by rule and looks for near misses in its
  // sentences without a claim.
  void Add(const Document& doc);

  size_t documents() const { return documents_; }
  size_t sentences() const { return sentences_; }
  size_t claims() const { return claims_; }
  // Claims given by rule `id` so far.
  size_t ClaimsOf(const std::string& id) const;
  // The rules of the catalog that gave no claim, in catalog order.
  std::vector<const CatalogRule*> NeverFired() const;
  const std::vector<NearMiss>& near_misses() const { return near_misses_; }

  // The whole report: a table of rules by claims given (most first), the
  // rules that never fired with where they are defined, and the first
  // `max_near_misses` near misses (then how many more).
  void Print(std::ostream* out, size_t max_near_misses) const;

 private:
  const RuleCatalog& catalog_;
  const CueMatcher& cues_;
  size_t documents_ = 0;
  size_t sentences_ = 0;
  size_t claims_ = 0;
  std::map<std::string, size_t> fired_;  // rule id -> claims
  std::vector<NearMiss> near_misses_;
};

}  // namespace stance

#endif  // STANCE_PIPELINE_COVERAGE_H_
