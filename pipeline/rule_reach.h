// RuleReach: how far into a sentence a rule that opens with a holder can
// start, from where the prefilter's words stand.
//
// Consumes a sentence's match text (match_text.h) and the prefilter words it
// holds (RuleSet::Data::words); produces, per rule, the last holder start
// worth trying. Every match of a rule holds a word of each of its clauses
// (CompiledPattern::required), so it starts no later than the last place
// where each clause is met. Trying only those starts spares the anchored
// searches that could not succeed; it never changes what matches.
//
// Thread-compatible: one per worker, reused across sentences.
#ifndef STANCE_PIPELINE_RULE_REACH_H_
#define STANCE_PIPELINE_RULE_REACH_H_

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "pipeline/stance_rules.h"

namespace stance {

// The offset of the last occurrence of `lower_word` (ASCII lower case) in
// `text`, compared ignoring ASCII case, or npos. Finds at least every place
// RE2's case-insensitive \bWORD\b matches, as long as neither holds a byte
// over 0x7F (RuleReach::Reset handles the two folds that cross).
size_t LastOccurrenceIgnoringCase(std::string_view text, std::string_view lower_word);

class RuleReach {
 public:
  static constexpr size_t kUnbounded = static_cast<size_t>(-1);

  explicit RuleReach(const RuleSet::Data& data);

  // Starts a sentence: `text` is its match text, `present` the indexes of
  // the prefilter words its text holds.
  void Reset(std::string_view text, const std::vector<int>& present);

  // Where `rule` can start: only before this offset of the match text (0:
  // nowhere, as when a clause is met only inside a mention), or anywhere
  // when kUnbounded (a rule that does not open with a holder, a word with
  // non-ASCII letters).
  size_t StartBound(int rule);

 private:
  size_t LastPlace(int word);

  const RuleSet::Data& data_;
  std::string_view text_;
  bool bounded_ = true;             // false when case folding leaves ASCII
  // Values of last_place_ besides offsets and kUnbounded (a word that is
  // not ASCII). Not npos, which is kUnbounded.
  static constexpr size_t kNotYet = kUnbounded - 1;  // not computed
  static constexpr size_t kAbsent = kUnbounded - 2;  // not in the match text
  std::vector<uint32_t> stamp_;     // per word: the sentence it was seen in
  std::vector<size_t> last_place_;  // per word, valid when stamp_ matches
  uint32_t sentence_ = 0;
};

}  // namespace stance

#endif  // STANCE_PIPELINE_RULE_REACH_H_
