#include "pipeline/writers/records.h"

#include <algorithm>
#include <numeric>

namespace stance {
namespace writers {
namespace {

using Records = WriterOptions::Records;

// Copies `text` into *out with CR and LF turned into spaces.
void FlattenLines(std::string_view text, std::string* out) {
  out->assign(text);
  for (char& c : *out) c = (c == '\n' || c == '\r') ? ' ' : c;
}

// Positions of `items` sorted stably by `less`.
template <typename T, typename Less>
std::vector<size_t> SortedOrder(const std::vector<T>& items, Less less) {
  std::vector<size_t> order(items.size());
  std::iota(order.begin(), order.end(), size_t{0});
  std::stable_sort(
      order.begin(), order.end(),
      [&items, &less](size_t a, size_t b) { return less(items[a], items[b]); });
  return order;
}

void EmitClaims(const Document& doc,
                const std::function<void(const Record&)>& emit) {
  Record r;
  for (size_t i : ClaimOrder(doc)) {
    const Claim& c = doc.claims[i];
    const bool has_sentence = ClaimEvidence(doc, c, &r.scratch);
    r.fields.clear();
    r.fields.push_back(Field::Text(doc.id));
    r.fields.push_back(Field::Text(c.holder));
    r.fields.push_back(Field::Text(c.holder_type));
    r.fields.push_back(Field::Text(c.holder_affiliation));
    r.fields.push_back(Field::Text(c.stance));
    r.fields.push_back(Field::Text(c.target));
    r.fields.push_back(Field::Bool(c.negated));
    r.fields.push_back(Field::Bool(c.hedged));
    r.fields.push_back(Field::TextOrNull(c.speaker));
    r.fields.push_back(Field::TextOrNull(c.quote));
    r.fields.push_back(has_sentence ? Field::Text(r.scratch) : Field::Null());
    r.fields.push_back(has_sentence ? Field::Number(c.sentence)
                                    : Field::Null());
    r.fields.push_back(Field::Number(c.span.begin));
    r.fields.push_back(Field::Number(c.span.end));
    r.fields.push_back(Field::Text(c.rule));
    r.fields.push_back(Field::Text(c.rule_file));
    r.fields.push_back(Field::Text(c.rule_version));
    r.fields.push_back(Field::Text(c.cue));
    emit(r);
  }
}

void EmitQuotes(const Document& doc,
                const std::function<void(const Record&)>& emit) {
  std::vector<size_t> order =
      SortedOrder(doc.quotes, [](const Quote& a, const Quote& b) {
        return a.span.begin < b.span.begin;
      });
  Record r;
  for (size_t i : order) {
    const Quote& q = doc.quotes[i];
    const Sentence* sentence = SentenceAt(doc, q.sentence);
    r.fields.clear();
    r.fields.push_back(Field::Text(doc.id));
    r.fields.push_back(Field::Text(OriginalText(doc, q.span)));
    r.fields.push_back(Field::Number(q.span.begin));
    r.fields.push_back(Field::Number(q.span.end));
    r.fields.push_back(Field::TextOrNull(q.speaker));
    r.fields.push_back(Field::TextOrNull(q.speaker_role));
    r.fields.push_back(Field::TextOrNull(q.speaker_affiliation));
    r.fields.push_back(Field::TextOrNull(q.cue));
    r.fields.push_back(Field::TextOrNull(q.method));
    r.fields.push_back(Field::Bool(q.is_term));
    if (sentence != nullptr) {
      r.fields.push_back(Field::Number(q.sentence));
      r.fields.push_back(Field::Number(sentence->span.begin));
      r.fields.push_back(Field::Number(sentence->span.end));
    } else {
      r.fields.insert(r.fields.end(), 3, Field::Null());
    }
    emit(r);
  }
}

void EmitSentences(const Document& doc,
                   const std::function<void(const Record&)>& emit) {
  Record r;
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    Span span = doc.sentences[i].span;
    r.fields.clear();
    r.fields.push_back(Field::Text(doc.id));
    r.fields.push_back(Field::Number(static_cast<int64_t>(i)));
    r.fields.push_back(Field::Number(span.begin));
    r.fields.push_back(Field::Number(span.end));
    r.fields.push_back(Field::Text(OriginalText(doc, span)));
    emit(r);
  }
}

}  // namespace

const Schema& SchemaOf(Records records) {
  static const Schema claims{&ClaimColumns(),
                             {"rule_file", "rule_version", "cue"}};
  static const Schema quotes{&QuoteColumns(), {}};
  static const Schema sentences{&SentenceColumns(), {}};
  static const Schema aggregates{&AggregateColumns(), {}};
  switch (records) {
    case Records::kClaims:
      return claims;
    case Records::kQuotes:
      return quotes;
    case Records::kAggregates:
      return aggregates;
    case Records::kSentences:
    case Records::kSentenceLists:
      break;
  }
  return sentences;
}

void ForEachRecord(Records records, const Document& doc,
                   const std::function<void(const Record&)>& emit) {
  switch (records) {
    case Records::kClaims:
      EmitClaims(doc, emit);
      return;
    case Records::kQuotes:
      EmitQuotes(doc, emit);
      return;
    case Records::kSentences:
    case Records::kSentenceLists:
      EmitSentences(doc, emit);
      return;
    case Records::kAggregates:
      return;
  }
}

std::vector<size_t> ClaimOrder(const Document& doc) {
  return SortedOrder(doc.claims, [](const Claim& a, const Claim& b) {
    if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
    return a.rule < b.rule;
  });
}

bool ClaimEvidence(const Document& doc, const Claim& claim, std::string* out) {
  const Sentence* sentence = SentenceAt(doc, claim.sentence);
  if (sentence == nullptr) {
    out->clear();
    return false;
  }
  FlattenLines(OriginalText(doc, sentence->span), out);
  return true;
}

std::string_view OriginalText(const Document& doc, Span span) {
  size_t size = doc.original.size();
  size_t begin = std::min<size_t>(span.begin, size);
  size_t end = std::clamp<size_t>(span.end, begin, size);
  return std::string_view(doc.original).substr(begin, end - begin);
}

const Sentence* SentenceAt(const Document& doc, int index) {
  if (index < 0 || static_cast<size_t>(index) >= doc.sentences.size())
    return nullptr;
  return &doc.sentences[index];
}

}  // namespace writers
}  // namespace stance
