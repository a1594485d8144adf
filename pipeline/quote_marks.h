// Quote marks: finds the quotations of a normalised text, before anyone asks
// who said them.
//
// One linear pass per paragraph with a stack of open marks. After
// normalisation every double mark is " and every single one is ' (see
// normalize.h); the original text is consulted through the offset map only to
// read the direction of curly marks (“ opens, ” closes, ‘ opens) where the
// straight mark would be ambiguous.
//
//  - A " opens when nothing is open and closes the innermost open " (straight
//    marks toggle); a mark that can only close ("word" followed by a space)
//    with nothing open is a stray, reported and skipped.
//  - A ' between two letters or digits is an apostrophe (Lavrov's, don't). A '
//    opens only at the start of a word and closes only at the end of one;
//    an opening ' that never closes was an apostrophe too ('90s) and is
//    dropped without a word. A closing s' before a lower-case word (the
//    ministers' talks) is a plural possessive unless nothing better closes
//    the quotation.
//  - Paragraphs are separated by blank lines (by line breaks in a text that
//    has no blank line). A " still open at the end of a paragraph continues
//    into the next one when that paragraph opens with a mark (the newspaper
//    convention for long quotations); otherwise the quotation ends with the
//    paragraph and is reported as unbalanced.
//
// Internal to the quote stage. Thread-safe (pure functions).
#ifndef STANCE_PIPELINE_QUOTE_MARKS_H_
#define STANCE_PIPELINE_QUOTE_MARKS_H_

#include <string>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/status.h"

namespace stance {

struct QuoteMarks {
  Span outer;                    // normalised, the marks included
  Span inner;                    // normalised, between the marks
  int depth = 0;                 // 0: top level; 1: inside another quotation
  int paragraph = 0;             // paragraph of the opening mark
  bool single = false;           // ' marks rather than "
  bool balanced = true;          // false: ended at the paragraph's end
  bool multi_paragraph = false;  // continued across a paragraph break
};

// The paragraphs of `text` (normalised), trimmed of surrounding white space,
// never empty, in order.
void FindParagraphs(std::string_view text, std::vector<Span>* paragraphs);

// Every quotation of `doc` (doc.text, with doc.offsets and doc.original for
// curly marks) over `paragraphs`, sorted by opening mark. Unbalanced and
// stray marks are reported to `sink` as warnings (path = doc.id).
void FindQuoteMarks(const Document& doc, const std::vector<Span>& paragraphs,
                    std::vector<QuoteMarks>* quotes, DiagnosticSink* sink);

// Reports warnings at normalised offsets of one document: path = doc.id,
// line and column of the original text (counted from 1), the original line
// for a caret. Finding a line is cheap when offsets come in increasing order,
// as they do in both passes of the stage. `doc` and `sink` (which may be
// null) must outlive it.
class QuoteWarner {
 public:
  QuoteWarner(const Document& doc, DiagnosticSink* sink)
      : doc_(doc), sink_(sink) {}
  void Warn(uint32_t norm, std::string message,
            Diagnostic::Severity severity = Diagnostic::kWarning);

 private:
  const Document& doc_;
  DiagnosticSink* sink_;
  uint32_t line_start_ = 0;  // original offset of the start of line `line_`
  int line_ = 1;
};

}  // namespace stance

#endif  // STANCE_PIPELINE_QUOTE_MARKS_H_
