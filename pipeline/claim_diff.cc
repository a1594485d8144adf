#include "pipeline/claim_diff.h"

#include <algorithm>
#include <cstdio>

namespace stance {
namespace {

bool SameContent(const ClaimRecord& a, const ClaimRecord& b) {
  return a.holder == b.holder && a.stance == b.stance && a.target == b.target &&
         a.negated == b.negated && a.hedged == b.hedged;
}

bool SameContent(const QuoteRecord& a, const QuoteRecord& b) {
  return a.quote == b.quote && a.speaker == b.speaker && a.cue == b.cue;
}

// Every field `expected` states equals the one of `actual`.
bool SameAsStated(const ClaimRecord& expected, const ClaimRecord& actual) {
  return SameContent(expected, actual) && (expected.rule.empty() || expected.rule == actual.rule) &&
         (expected.evidence.empty() || expected.evidence == actual.evidence);
}

bool SameAsStated(const QuoteRecord& expected, const QuoteRecord& actual) {
  return SameContent(expected, actual) &&
         (expected.method.empty() || expected.method == actual.method);
}

std::string Quoted(const std::string& text) { return text.empty() ? "(none)" : "\"" + text + "\""; }

const char* Bool(bool b) { return b ? "true" : "false"; }

void AddText(const char* field, const std::string& before, const std::string& after,
             std::vector<FieldChange>* out) {
  if (before != after) out->push_back({field, Quoted(before), Quoted(after)});
}

void AddBool(const char* field, bool before, bool after, std::vector<FieldChange>* out) {
  if (before != after) out->push_back({field, Bool(before), Bool(after)});
}

// Pairs expected with given records, pass by pass, each record at most once.
// Records are tried in order, so a diff is the same on every run.
template <typename Record>
class Pairing {
 public:
  Pairing(const std::vector<Record>& expected, const std::vector<Record>& actual,
          RecordDiff<Record>* diff)
      : expected_(expected),
        actual_(actual),
        expected_used_(expected.size(), false),
        actual_used_(actual.size(), false),
        diff_(diff) {
    diff_->expected = expected.size();
    diff_->actual = actual.size();
  }

  // Pairs every record left whose counterpart is `same`. `correct`: pairs
  // count as right for precision and recall. A pair whose fields differ is
  // a change.
  template <typename Same>
  void Pass(Same same, bool correct) {
    for (size_t i = 0; i < expected_.size(); ++i) {
      if (expected_used_[i]) continue;
      for (size_t j = 0; j < actual_.size(); ++j) {
        if (actual_used_[j] || !same(expected_[i], actual_[j])) continue;
        expected_used_[i] = actual_used_[j] = true;
        if (correct) ++diff_->correct;
        std::vector<FieldChange> changes = ChangedFields(expected_[i], actual_[j]);
        if (!changes.empty()) {
          changed_.push_back({i, {expected_[i], actual_[j], std::move(changes)}});
        }
        break;
      }
    }
  }

  // The records left are missing or unexpected; changes go in expected order.
  void Finish() {
    for (size_t i = 0; i < expected_.size(); ++i) {
      if (!expected_used_[i]) diff_->missing.push_back(expected_[i]);
    }
    for (size_t j = 0; j < actual_.size(); ++j) {
      if (!actual_used_[j]) diff_->unexpected.push_back(actual_[j]);
    }
    std::stable_sort(changed_.begin(), changed_.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    for (auto& [index, change] : changed_) diff_->changed.push_back(std::move(change));
  }

 private:
  const std::vector<Record>& expected_;
  const std::vector<Record>& actual_;
  std::vector<bool> expected_used_;
  std::vector<bool> actual_used_;
  std::vector<std::pair<size_t, Changed<Record>>> changed_;
  RecordDiff<Record>* diff_;
};

}  // namespace

std::string Score::ToString() const {
  char buffer[64];
  if (total == 0) {
    std::snprintf(buffer, sizeof(buffer), "- (0/0)");
  } else {
    std::snprintf(buffer, sizeof(buffer), "%.1f%% (%zu/%zu)", 100.0 * ratio(), correct, total);
  }
  return buffer;
}

std::string CollapseSpaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
    if (space) {
      if (!out.empty() && out.back() != ' ') out += ' ';
    } else {
      out += c;
    }
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

std::vector<FieldChange> ChangedFields(const ClaimRecord& before, const ClaimRecord& after) {
  std::vector<FieldChange> out;
  AddText("holder", before.holder, after.holder, &out);
  AddText("stance", before.stance, after.stance, &out);
  AddText("target", before.target, after.target, &out);
  AddBool("negated", before.negated, after.negated, &out);
  AddBool("hedged", before.hedged, after.hedged, &out);
  if (!before.rule.empty()) AddText("rule", before.rule, after.rule, &out);
  if (!before.evidence.empty()) AddText("evidence", before.evidence, after.evidence, &out);
  return out;
}

std::vector<FieldChange> ChangedFields(const QuoteRecord& before, const QuoteRecord& after) {
  std::vector<FieldChange> out;
  AddText("quote", before.quote, after.quote, &out);
  AddText("speaker", before.speaker, after.speaker, &out);
  AddText("cue", before.cue, after.cue, &out);
  if (!before.method.empty()) AddText("method", before.method, after.method, &out);
  return out;
}

ClaimDiff DiffClaims(const std::vector<ClaimRecord>& expected,
                     const std::vector<ClaimRecord>& actual) {
  using C = const ClaimRecord&;
  ClaimDiff diff;
  Pairing<ClaimRecord> pairing(expected, actual, &diff);
  pairing.Pass([](C e, C a) { return SameAsStated(e, a); }, true);
  pairing.Pass([](C e, C a) { return SameContent(e, a); }, true);
  auto same_sentence = [](C e, C a) {
    return !e.evidence.empty() && e.evidence == a.evidence && e.holder == a.holder;
  };
  pairing.Pass([&](C e, C a) { return same_sentence(e, a) && e.stance == a.stance; }, false);
  pairing.Pass(same_sentence, false);
  pairing.Pass(
      [](C e, C a) { return e.holder == a.holder && e.stance == a.stance && e.target == a.target; },
      false);
  pairing.Finish();
  return diff;
}

QuoteDiff DiffQuotes(const std::vector<QuoteRecord>& expected,
                     const std::vector<QuoteRecord>& actual) {
  using Q = const QuoteRecord&;
  QuoteDiff diff;
  Pairing<QuoteRecord> pairing(expected, actual, &diff);
  pairing.Pass([](Q e, Q a) { return SameAsStated(e, a); }, true);
  pairing.Pass([](Q e, Q a) { return SameContent(e, a); }, true);
  pairing.Pass([](Q e, Q a) { return e.quote == a.quote; }, false);
  pairing.Finish();
  return diff;
}

}  // namespace stance
