// Quote tokens: the words and punctuation around a quotation, classified by
// the QuoteLexicon, which the attribution layouts (quote_attribution.h) read.
//
// Only the text near each quotation is tokenised (a clause before it, a
// clause after it), never the whole document: the cost of the quote stage
// grows with the number of quotations, not with the length of the text.
//
// Internal to the quote stage. Thread-safe (pure functions).
#ifndef STANCE_PIPELINE_QUOTE_TOKENS_H_
#define STANCE_PIPELINE_QUOTE_TOKENS_H_

#include <cstdint>
#include <string_view>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/quote_lexicon.h"
#include "pipeline/quote_marks.h"

namespace stance {

struct QuoteToken {
  enum Kind : uint8_t {
    kWord,        // "said", "U.S.", "al-Qaeda", "Mr."
    kPossessive,  // 's, or the ' of "ministers'"
    kComma,
    kColon,
    kSemicolon,
    kDash,         // - or -- standing alone (normalised dashes are " - ")
    kTerminator,   // . ! ? and runs of them
    kOpenBracket,  // ( [
    kCloseBracket,
    kQuotation,  // a whole top-level quotation, marks included
    kOther,
  };
  Kind kind = kOther;
  bool capitalised = false;         // words: starts with an upper-case letter
  bool ing = false;                 // words: lower-case and ending in -ing
  bool ly = false;                  // words: lower-case and ending in -ly
  Span norm;                        // normalised
  const QuoteWord* word = nullptr;  // words: the lexicon entry, or null
  int quotation = -1;  // kQuotation: index into the QuoteMarks list
  // The word's classes: its lexicon entry's, copied here because the layouts
  // ask for them many times per token, plus those it has by its form
  // ("investigators" is a speaker noun).
  uint32_t word_classes = 0;

  uint32_t classes() const { return word_classes; }
  bool Is(uint32_t word_class) const {
    return kind == kWord && (classes() & word_class) != 0;
  }
};

// Appends the tokens of `text[range)`. The top-level quotations of `marks`
// (sorted) that open inside `range` become one kQuotation token each, so no
// word inside a quotation is ever read as a cue or a speaker. With
// `to_sentence_end`, stops before the first terminator or quotation.
void TokenizeQuoteContext(std::string_view text, Span range,
                          const std::vector<QuoteMarks>& marks,
                          const QuoteLexicon& lexicon,
                          std::vector<QuoteToken>* tokens,
                          bool to_sentence_end = false);

}  // namespace stance

#endif  // STANCE_PIPELINE_QUOTE_TOKENS_H_
