// One article of the review page: the original text of a Document with its
// sentences, quotations, actors and claims marked up. Internal to
// pipeline/writers/; html_writer.cc puts articles into the page and the
// page's script reads the attributes described here. Thread-safe (pure
// functions).
//
// Layers, outermost first (html_markup.h splits whatever crosses):
//   span.sen      a sentence; the first piece has id="d<doc>-s<index>"
//   span.q        a quotation's inner text (.term for scare quotes), with
//                 data-q (its index in Document::quotes) and data-speaker;
//                 after its last piece an empty span.qs whose CSS label
//                 shows the speaker
//   span.cl       the text a claim's rule matched
//   span.tg       a claim's target
//   span.h        a claim's holder
//   span.cue      a claim's cue
//   span.a        an actor: .a-country, .a-organisation, .a-group or
//                 .a-person (.a-mod for a demonym used as a modifier), with
//                 data-actor (the canonical name) and a title
// Claim parts carry data-c, the page-wide numbers of their claims separated
// by spaces (claims with the same part share one element), and the class
// s<k> of their stance. The text content of the article is exactly the
// original text (labels are CSS only), with invalid UTF-8 as U+FFFD.
#ifndef STANCE_PIPELINE_WRITERS_HTML_ARTICLE_H_
#define STANCE_PIPELINE_WRITERS_HTML_ARTICLE_H_

#include <functional>
#include <string>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/writers/html_markup.h"

namespace stance {
namespace writers {

// The claims of an article, numbered for the page.
struct NumberedClaims {
  // Indexes into Document::claims, in page order.
  std::vector<size_t> order;
  // The number of the first claim of `order` on the page; the others follow.
  size_t first_number = 0;
  // The stance class number k (class s<k>) of a label.
  std::function<int(const std::string&)> stance_class;
};

// The marks of `doc`, for AppendMarkedText over doc.original.
std::vector<HtmlMark> ArticleMarks(const Document& doc, int doc_index,
                                   const NumberedClaims& claims);

// Appends <article id="d<doc_index>"> with a heading (the document id), a
// line of counts and the marked-up text.
void AppendArticle(const Document& doc, int doc_index, const NumberedClaims& claims,
                   std::string* out);

}  // namespace writers
}  // namespace stance

#endif  // STANCE_PIPELINE_WRITERS_HTML_ARTICLE_H_
