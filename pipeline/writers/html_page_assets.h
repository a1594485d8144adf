// The fixed parts of the review page (html_writer.cc): its style sheet, the
// claims panel, the page header and the script. Internal to
// pipeline/writers/. Thread-safe (constants).
//
// The script reads the JSON blob <script type="application/json"
// id="stance-data"> ({"docs", "stances", "claims"}) and the article markup
// described in html_article.h. It builds the claim table once, and listens
// on the table, the filter form and the articles (event delegation, no
// listener per row). The URL hash holds the view, applied on load and
// whenever it changes, and kept up to date:
//   #filter=holder:Russia&filter=stance:opposes&filter=target:sanctions
//   &sort=holder (or sort=-holder, descending)&claim=3 (the 3rd row's claim)
// holder matches the holder's name or affiliation and target the target,
// both as case-insensitive substrings; stance is the exact label.
#ifndef STANCE_PIPELINE_WRITERS_HTML_PAGE_ASSETS_H_
#define STANCE_PIPELINE_WRITERS_HTML_PAGE_ASSETS_H_

#include <string_view>

namespace stance {
namespace writers {

std::string_view ReviewPageStyle();
// <aside id="panel">: the filters, the selected claim and the claim table.
std::string_view ReviewPagePanel();
// The heading of <main>: title, summary and legend.
std::string_view ReviewPageHeader();
std::string_view ReviewPageScript();

}  // namespace writers
}  // namespace stance

#endif  // STANCE_PIPELINE_WRITERS_HTML_PAGE_ASSETS_H_
