// Records: the rows every writer formats, built once from a Document so that
// JSONL, CSV and TSV cannot disagree on what a column holds or on the order
// of rows. Internal to pipeline/writers/. Thread-safe (pure functions).
#ifndef STANCE_PIPELINE_WRITERS_RECORDS_H_
#define STANCE_PIPELINE_WRITERS_RECORDS_H_

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/writers/writer.h"

namespace stance {
namespace writers {

// One value of a record.
struct Field {
  enum class Kind { kNull, kText, kBool, kNumber };
  Kind kind = Kind::kNull;
  std::string_view text;  // kText: borrowed from the Document or the Record
  bool flag = false;      // kBool
  int64_t number = 0;     // kNumber

  static Field Null() { return {}; }
  static Field Text(std::string_view s) { return {Kind::kText, s, false, 0}; }
  // Null when `s` is empty.
  static Field TextOrNull(std::string_view s) {
    return s.empty() ? Null() : Text(s);
  }
  static Field Bool(bool b) { return {Kind::kBool, {}, b, 0}; }
  static Field Number(int64_t n) { return {Kind::kNumber, {}, false, n}; }
};

// The values of one row: first one per column, then the JSONL-only extras.
struct Record {
  std::vector<Field> fields;
  // Text made for this record (the evidence with newlines turned into
  // spaces); Fields may point into it.
  std::string scratch;
};

// Column names of a kind of record. `columns` are the CSV/TSV columns and the
// first JSONL keys; `extra_json_keys` follow them in JSONL only.
struct Schema {
  const std::vector<std::string>* columns;
  std::vector<std::string> extra_json_keys;
};

// REQUIRES: `records` is not kSentenceLists (it has no flat rows).
const Schema& SchemaOf(WriterOptions::Records records);

// Calls `emit` once for each record of `doc`, in output order: claims by
// begin offset then rule id, quotes by begin offset, sentences in order.
// The Record is reused between calls; what it borrows is valid during the
// call only. REQUIRES: `records` is not kSentenceLists or kAggregates (those
// are not rows of one document).
void ForEachRecord(WriterOptions::Records records, const Document& doc,
                   const std::function<void(const Record&)>& emit);

// Positions in doc.claims in output order: by begin offset, then rule id
// (stable, so equal keys keep the stage's order).
std::vector<size_t> ClaimOrder(const Document& doc);

// The evidence of a claim: the original text of its sentence with CR and LF
// turned into spaces, in *out. Returns false (and clears *out) when the
// claim's sentence index is out of range.
bool ClaimEvidence(const Document& doc, const Claim& claim, std::string* out);

// doc.Original(span), clamped to the document so that a bad span from a stage
// cannot read out of bounds.
std::string_view OriginalText(const Document& doc, Span span);

// The span of sentence `index`, or null when `index` is out of range.
const Sentence* SentenceAt(const Document& doc, int index);

}  // namespace writers
}  // namespace stance

#endif  // STANCE_PIPELINE_WRITERS_RECORDS_H_
