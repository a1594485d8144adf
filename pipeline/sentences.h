// Sentences: consumes Document::text; produces Document::sentences.
//
// A rule-based splitter for news text. It knows abbreviations and titles
// (Mr., Gen., U.S., a.m.), initials (J. R. R. Tolkien), decimals and money
// ($4.5 billion), ellipses, ?/! inside quotes, sentence-final quotes
// (." He said), parentheses, headlines and datelines (a line without final
// punctuation is a sentence of its own), list items and paragraph breaks.
// The abbreviation lists are data: rules/abbreviations.yaml.
//
// A SentenceSplitter is immutable after Create; its const methods are
// thread-safe.
#ifndef STANCE_PIPELINE_SENTENCES_H_
#define STANCE_PIPELINE_SENTENCES_H_

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/status.h"

namespace stance {

class SentenceSplitter {
 public:
  SentenceSplitter(const SentenceSplitter&) = delete;
  SentenceSplitter& operator=(const SentenceSplitter&) = delete;
  ~SentenceSplitter();

  // Loads the abbreviation lists from `abbreviations_yaml`. On error returns a
  // status with path:line:col and leaves *out null.
  static Status Create(const std::string& abbreviations_yaml, std::unique_ptr<SentenceSplitter>* out);

  // Splits `text` (normalised) into sentence spans, in order, trimmed of
  // surrounding white space, never empty, never overlapping.
  void Split(std::string_view text, std::vector<Span>* sentences) const;

  // The stage: fills doc->sentences (norm spans and original spans).
  void Annotate(Document* doc) const;

 private:
  struct Data;
  explicit SentenceSplitter(std::unique_ptr<Data> data);
  std::unique_ptr<Data> data_;
};

}  // namespace stance

#endif  // STANCE_PIPELINE_SENTENCES_H_
