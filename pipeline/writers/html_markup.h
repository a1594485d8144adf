// HTML markup of text: escaping, and elements over byte ranges that may
// overlap, turned into properly nested HTML. Used by the review page
// (html_writer.cc); internal to pipeline/writers/. Thread-safe (pure
// functions).
//
//   std::vector<HtmlMark> marks = {
//       {{0, 11}, 0, "span", " class=\"q\"", "", ""},
//       {{6, 20}, 1, "span", " class=\"a\"", "", ""}};
//   AppendMarkedText("He said <b> then", marks, &html);
//
// Overlapping ranges are split where they cross: a range that begins inside
// another and ends outside it becomes two elements, the second opened again
// right after the first one closes, so the output always nests.
#ifndef STANCE_PIPELINE_WRITERS_HTML_MARKUP_H_
#define STANCE_PIPELINE_WRITERS_HTML_MARKUP_H_

#include <string>
#include <string_view>
#include <vector>

#include "pipeline/document.h"

namespace stance {
namespace writers {

// Appends `text` escaped for HTML text and for attribute values in double or
// single quotes: & < > " ' become references. Invalid UTF-8 becomes U+FFFD,
// one per bad byte, and so do the control characters other than tab, LF and
// CR, so the page is well-formed UTF-8 whatever the bytes of the article.
void AppendHtmlEscaped(std::string_view text, std::string* out);

// An element to wrap around a byte range of the text.
struct HtmlMark {
  Span span;  // bytes of the text; clamped to it
  // Lower layers are kept outside higher ones: a mark of a higher layer is
  // split where a lower one begins or ends inside it. Within a layer, the
  // earlier (then the longer) mark is outside.
  int layer = 0;
  std::string_view tag = "span";
  // Written in the start tag of every piece, e.g. ` class="q"`. Must be
  // markup already (values escaped with AppendHtmlEscaped).
  std::string attributes;
  // Written in the start tag of the first piece only, e.g. ` id="s3"`.
  std::string first_attributes;
  // Markup written right after the last piece closes (a label).
  std::string after;
};

// Appends `text` escaped as by AppendHtmlEscaped, with every mark of `marks`
// wrapped around its range. Range ends that fall inside a UTF-8 sequence move
// back to its first byte, so no character is ever cut; a mark left empty is
// dropped, `after` included. Runs in O(n log n) in the number of marks plus
// the length of the text, times the depth of nesting.
void AppendMarkedText(std::string_view text, const std::vector<HtmlMark>& marks, std::string* out);

}  // namespace writers
}  // namespace stance

#endif  // STANCE_PIPELINE_WRITERS_HTML_MARKUP_H_
