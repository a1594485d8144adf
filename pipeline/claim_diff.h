// Claim diff: consumes the claims (or quotes) a fixture expects and those the
// pipeline gave; produces what is missing, unexpected and changed, field by
// field, and the precision and recall they make. `stance test` prints it.
//
//   ClaimDiff diff = DiffClaims(expected, actual);
//   for (const ClaimRecord& c : diff.missing) ...   // c.rule made it before
//   diff.precision().ToString();                     // "80.0% (4/5)"
//
// Pairing, strictest first, each record used once, in order:
//   1. every field the expected record states is equal: a match;
//   2. the content (holder, stance, target, negated, hedged) is equal but the
//      rule or the evidence sentence is not: changed, still correct;
//   3. same holder, stance and evidence: changed (e.g. the target);
//   4. same holder and evidence: changed (e.g. the stance);
//   5. same holder, stance and target: changed (e.g. negated, or the
//      evidence of a record that states none).
// Quotes pair by their text: a changed quote has another speaker or cue.
// What is left is missing (expected only) or unexpected (given only).
//
// Precision is correct / given, recall correct / expected, where a record is
// correct when its content fields are all equal. Pure functions; thread-safe.
#ifndef STANCE_PIPELINE_CLAIM_DIFF_H_
#define STANCE_PIPELINE_CLAIM_DIFF_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace stance {

// A claim as a fixture records it. `rule` and `evidence` may be empty in a
// hand-written expected record: they are then not compared.
struct ClaimRecord {
  std::string holder;
  std::string stance;
  std::string target;
  bool negated = false;
  bool hedged = false;
  std::string rule;      // the rule id that made it
  std::string evidence;  // the sentence, whitespace collapsed
  int line = 0;          // line in the expected file, from 1; 0 if none
};

// A quotation as a fixture records it. An empty speaker or cue means none.
// `method` (the quote stage's rule: the layout that attributed it) may be
// empty in a hand-written record: it is then not compared.
struct QuoteRecord {
  std::string quote;
  std::string speaker;
  std::string cue;
  std::string method;
  int line = 0;
};

struct FieldChange {
  std::string field;   // "target"
  std::string before;  // as printed: quoted text, true/false, or (none)
  std::string after;
};

// correct out of total, e.g. for precision: claims right of claims given.
struct Score {
  size_t correct = 0;
  size_t total = 0;

  // 1 when total is 0: nothing given is nothing wrong.
  double ratio() const { return total == 0 ? 1.0 : double(correct) / double(total); }
  // "80.0% (4/5)"; "- (0/0)" when total is 0.
  std::string ToString() const;
  Score& operator+=(const Score& o) {
    correct += o.correct;
    total += o.total;
    return *this;
  }
};

template <typename Record>
struct Changed {
  Record expected;
  Record actual;
  std::vector<FieldChange> changes;  // in field order
};

template <typename Record>
struct RecordDiff {
  std::vector<Record> missing;           // expected order
  std::vector<Record> unexpected;        // given order
  std::vector<Changed<Record>> changed;  // expected order
  size_t expected = 0;
  size_t actual = 0;
  size_t correct = 0;

  bool empty() const { return missing.empty() && unexpected.empty() && changed.empty(); }
  size_t differences() const { return missing.size() + unexpected.size() + changed.size(); }
  Score precision() const { return {correct, actual}; }
  Score recall() const { return {correct, expected}; }
};

using ClaimDiff = RecordDiff<ClaimRecord>;
using QuoteDiff = RecordDiff<QuoteRecord>;

ClaimDiff DiffClaims(const std::vector<ClaimRecord>& expected,
                     const std::vector<ClaimRecord>& actual);
QuoteDiff DiffQuotes(const std::vector<QuoteRecord>& expected,
                     const std::vector<QuoteRecord>& actual);

// The fields of `before` and `after` that differ, in record order; `rule`
// and `evidence` (`method` for quotes) only when `before` states them.
std::vector<FieldChange> ChangedFields(const ClaimRecord& before, const ClaimRecord& after);
std::vector<FieldChange> ChangedFields(const QuoteRecord& before, const QuoteRecord& after);

// `text` with every run of whitespace turned into one space and none at
// either end: how evidence is recorded and compared.
std::string CollapseSpaces(std::string_view text);

}  // namespace stance

#endif  // STANCE_PIPELINE_CLAIM_DIFF_H_
