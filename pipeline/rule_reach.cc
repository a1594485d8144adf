#include "pipeline/rule_reach.h"

#include <algorithm>

namespace stance {
namespace {

char LowerAscii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool IsAscii(std::string_view s) {
  return std::all_of(s.begin(), s.end(), [](char c) { return (c & 0x80) == 0; });
}

}  // namespace

size_t LastOccurrenceIgnoringCase(std::string_view text, std::string_view lower_word) {
  if (lower_word.empty() || lower_word.size() > text.size()) return std::string_view::npos;
  for (size_t i = text.size() - lower_word.size() + 1; i-- > 0;) {
    if (LowerAscii(text[i]) != lower_word[0]) continue;
    size_t k = 1;
    while (k < lower_word.size() && LowerAscii(text[i + k]) == lower_word[k]) ++k;
    if (k == lower_word.size()) return i;
  }
  return std::string_view::npos;
}

RuleReach::RuleReach(const RuleSet::Data& data)
    : data_(data),
      stamp_(data.word_text.size(), 0),
      last_place_(data.word_text.size(), kNotYet) {}

void RuleReach::Reset(std::string_view text, const std::vector<int>& present) {
  text_ = text;
  if (++sentence_ == 0) {  // wrapped: forget every stamp
    std::fill(stamp_.begin(), stamp_.end(), 0);
    sentence_ = 1;
  }
  for (int w : present) {
    stamp_[w] = sentence_;
    last_place_[w] = kNotYet;
  }
  // RE2 folds k and s with two non-ASCII letters (KELVIN SIGN, LONG S): a
  // sentence holding either may meet a word where an ASCII search sees none.
  bounded_ = text.find("\xE2\x84\xAA") == std::string_view::npos &&
             text.find("\xC5\xBF") == std::string_view::npos;
}

size_t RuleReach::LastPlace(int word) {
  if (last_place_[word] == kNotYet) {
    const std::string& w = data_.word_text[word];
    if (!IsAscii(w)) {
      last_place_[word] = kUnbounded;
    } else {
      const size_t at = LastOccurrenceIgnoringCase(text_, w);
      last_place_[word] = at == std::string_view::npos ? kAbsent : at;
    }
  }
  return last_place_[word];
}

size_t RuleReach::StartBound(int rule) {
  if (!bounded_ || !data_.rules[rule]->opens_with_holder) return kUnbounded;
  size_t limit = kUnbounded;
  for (const std::vector<int>& clause : data_.words_of_clause[rule]) {
    // The clause is met at the last place any of its present words stands.
    size_t met = 0;
    bool any = false;
    for (int w : clause) {
      if (stamp_[w] != sentence_) continue;
      const size_t place = LastPlace(w);
      if (place == kUnbounded) return kUnbounded;
      if (place == kAbsent) continue;
      met = std::max(met, place);
      any = true;
    }
    // Met nowhere in the match text (only inside a mention): no start works.
    if (!any) return 0;
    limit = std::min(limit, met + 1);
  }
  return limit;
}

}  // namespace stance
