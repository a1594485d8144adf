// The review page as a whole (html_writer.cc, html_article.cc): escaping of
// hostile articles, the JSON blob, claim numbering, stance colours. What the
// page's script does is tested in a browser by tests/cli/html_review.sh.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <regex>
#include <set>
#include <sstream>

#include "pipeline/stance_trace.h"
#include "pipeline/utf8.h"
#include "pipeline/writers/html_article.h"
#include "pipeline/writers/stance_palette.h"
#include "pipeline/writers/writer.h"
#include "tests/test_util.h"

namespace stance {
namespace {

using Records = WriterOptions::Records;

std::string Page(const std::vector<Document>& docs) {
  std::ostringstream out;
  std::unique_ptr<Writer> writer;
  WriterOptions options;
  Status s = NewWriter("html", options, &out, &writer);
  REQUIRE_MESSAGE(s.ok(), s.ToString());
  for (const Document& doc : docs) REQUIRE(writer->Write(doc).ok());
  REQUIRE(writer->Finish().ok());
  return out.str();
}

// The text of the page's JSON blob, parsed.
nlohmann::json Blob(const std::string& page) {
  const std::string open = "<script type=\"application/json\" id=\"stance-data\">";
  size_t begin = page.find(open);
  REQUIRE(begin != std::string::npos);
  begin += open.size();
  size_t end = page.find("</script>", begin);
  REQUIRE(end != std::string::npos);
  return nlohmann::json::parse(page.substr(begin, end - begin));
}

// Every start tag of the page outside <script> and <style> contents:
// name and attribute names.
struct Tag {
  std::string name;
  std::vector<std::string> attributes;
};
std::vector<Tag> StartTags(const std::string& page) {
  std::vector<Tag> tags;
  static const std::regex attribute(R"(\s([a-zA-Z-]+)(=("[^"]*"|'[^']*'|[^\s>]*))?)");
  for (size_t i = page.find('<'); i != std::string::npos; i = page.find('<', i + 1)) {
    size_t end = page.find('>', i);
    REQUIRE(end != std::string::npos);
    std::string tag = page.substr(i + 1, end - i - 1);
    if (tag.empty() || tag[0] == '/' || tag[0] == '!') continue;
    Tag t;
    t.name = tag.substr(0, tag.find_first_of(" \t\n"));
    std::string rest = tag.substr(t.name.size());
    for (std::sregex_iterator it(rest.begin(), rest.end(), attribute), stop; it != stop; ++it) {
      t.attributes.push_back((*it)[1]);
    }
    tags.push_back(t);
    if (t.name == "script" || t.name == "style") {
      i = page.find("</" + t.name + ">", end);
      REQUIRE(i != std::string::npos);
    }
  }
  return tags;
}

size_t Count(const std::string& haystack, const std::string& needle) {
  size_t n = 0;
  for (size_t at = haystack.find(needle); at != std::string::npos;
       at = haystack.find(needle, at + 1)) {
    ++n;
  }
  return n;
}

// A document whose text, id and claim all try to get markup into the page.
Document HostileDocument() {
  Document doc;
  doc.id = "evil<script>alert(1)</script>.txt";
  doc.original =
      "Russia backs <script>document.title='pwned'</script> the \"deal\" & "
      "<img src=x onerror=\"document.body.dataset.pwned=1\"> plan.\n"
      "Bad bytes: \xff\xfe and \xC3 end.";
  doc.text = doc.original;
  const auto at = [&doc](std::string_view s) {
    return static_cast<uint32_t>(doc.original.find(s));
  };
  const uint32_t line = at("\n"), size = static_cast<uint32_t>(doc.original.size());
  doc.sentences = {{{0, line}, {0, line}}, {{line + 1, size}, {line + 1, size}}};
  ActorMention russia;
  russia.span = russia.norm = {0, 6};
  russia.sentence = 0;
  russia.name = "Russia";
  russia.affiliation = "Russia";
  doc.actor_mentions = {russia};
  Claim c;
  c.holder = "Russia";
  c.holder_type = "country";
  c.stance = "supports";
  c.target = "</script><script>alert('target')</script> & deal";
  c.cue = "backs";
  c.sentence = 0;
  c.span = c.norm = {0, at(" plan.") + 5};
  c.holder_span = {0, 6};
  c.cue_span = {7, 12};
  c.target_span = {13, c.span.end};
  c.rule = "support-<b>verb</b>";
  c.rule_file = "stance-supports";
  c.rule_version = "1";
  doc.claims = {c};
  return doc;
}

TEST_CASE("HTML: a hostile article cannot add an element or a handler") {
  const std::string page = Page({HostileDocument()});
  std::set<std::string> allowed = {
      "html",   "head",  "meta",     "title",   "style",    "body",   "aside",    "form",
      "label",  "input", "datalist", "select",  "option",   "button", "p",        "section",
      "div",    "table", "thead",    "tr",      "th",       "tbody",  "noscript", "main",
      "header", "h1",    "span",     "article", "colgroup", "col",    "h2",       "script"};
  int scripts = 0;
  for (const Tag& tag : StartTags(page)) {
    CHECK_MESSAGE(allowed.count(tag.name) == 1, "unexpected <" << tag.name << ">");
    for (const std::string& a : tag.attributes) {
      CHECK_MESSAGE(a.rfind("on", 0) != 0, "handler " << a << " on <" << tag.name << ">");
      CHECK(a != "src");
    }
    scripts += tag.name == "script";
  }
  CHECK(scripts == 2);  // the JSON blob and the page's own script
  CHECK(page.find("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;") !=
        std::string::npos);
  CHECK(page.find("&lt;img src=x onerror=&quot;document.body") != std::string::npos);
  CHECK(page.find("<h2>evil&lt;script&gt;alert(1)&lt;/script&gt;.txt</h2>") != std::string::npos);
  // The whole page is UTF-8; the article's bad bytes are U+FFFD.
  CHECK(FirstInvalidUtf8(page) == std::string::npos);
  CHECK(page.find("Bad bytes: \xEF\xBF\xBD\xEF\xBF\xBD and \xEF\xBF\xBD end.") !=
        std::string::npos);
}

TEST_CASE("HTML: the JSON blob survives </script> and holds every claim") {
  const std::string page = Page({HostileDocument()});
  // Only the page's own script elements close.
  CHECK(Count(page, "</script>") == 2);
  CHECK(page.find("<!--") == std::string::npos);
  nlohmann::json blob = Blob(page);
  REQUIRE(blob["claims"].size() == 1);
  const nlohmann::json& c = blob["claims"][0];
  CHECK(c["target"] == "</script><script>alert('target')</script> & deal");
  CHECK(c["rule"] == "support-<b>verb</b>");
  CHECK(c["holder_span"] == nlohmann::json::array({0, 6}));
  CHECK(c["speaker"].is_null());
  CHECK(c["explanation"].get<std::string>().find("Rule support-<b>verb</b> "
                                                 "(stance-supports version 1)") == 0);
  CHECK(blob["docs"][0]["id"] == "evil<script>alert(1)</script>.txt");
  CHECK(blob["stances"] == nlohmann::json::parse(R"([{"label":"supports","colour":"#1a7f37"}])"));
}

TEST_CASE("HTML: a content security policy allows no network and only the page's script") {
  const std::string page = Page({});
  std::smatch m;
  REQUIRE(std::regex_search(page, m, std::regex("script-src 'nonce-([0-9a-f]{32})'")));
  const std::string nonce = m[1];
  CHECK(page.find("default-src 'none'") != std::string::npos);
  CHECK(page.find("<script nonce=\"" + nonce + "\">") != std::string::npos);
  // A fresh nonce per page.
  CHECK(Page({}).find(nonce) == std::string::npos);
  CHECK(page.find("http:") == std::string::npos);
  CHECK(page.find("https:") == std::string::npos);
  CHECK(Blob(page)["claims"].empty());
}

TEST_CASE("HTML: claims are numbered across the page, in the order of the other formats") {
  Document first = HostileDocument();
  Claim later = first.claims[0];
  later.span = later.target_span;
  later.holder = "Moscow";
  later.stance = "opposes";
  first.claims.insert(first.claims.begin(), later);  // out of order
  Document second = HostileDocument();
  second.id = "second.txt";
  second.claims[0].stance = "mediates";  // a label the palette does not know
  const std::string page = Page({first, second});
  nlohmann::json blob = Blob(page);
  REQUIRE(blob["claims"].size() == 3);
  CHECK(blob["claims"][0]["holder"] == "Russia");
  CHECK(blob["claims"][1]["holder"] == "Moscow");
  CHECK(blob["claims"][2]["doc"] == 1);
  CHECK(blob["stances"].size() == 3);
  CHECK(blob["stances"][2]["label"] == "mediates");
  // Parts carry their claim numbers and stance class; the second article's
  // claim is number 2.
  CHECK(page.find("<span class=\"h s0\" data-c=\"0\"") != std::string::npos);
  CHECK(page.find("<span class=\"tg s1\" data-c=\"1\"") != std::string::npos);
  CHECK(page.find("<span class=\"cl\" data-c=\"2\"") != std::string::npos);
  CHECK(page.find("<span class=\"cue s2\" data-c=\"2\"") != std::string::npos);
  CHECK(page.find(".s2{--sc:" + writers::CssHex(writers::StanceColour("mediates"))) !=
        std::string::npos);
  CHECK(page.find("<article id=\"d1\">") != std::string::npos);
}

TEST_CASE("HTML: claims with the same part share one element") {
  Document doc = HostileDocument();
  Claim other = doc.claims[0];
  other.holder = "Moscow";
  other.holder_span = {};  // a quotation's speaker: not in the text
  doc.claims.push_back(other);
  const std::string page = Page({doc});
  CHECK(page.find("<span class=\"tg s0\" data-c=\"0 1\"") != std::string::npos);
  CHECK(page.find("<span class=\"cue s0\" data-c=\"0 1\"") != std::string::npos);
  CHECK(page.find("<span class=\"h s0\" data-c=\"0\"") != std::string::npos);
  CHECK(Count(page, "class=\"h s0\"") == 1);
}

TEST_CASE("HTML: quotations are labelled with their speaker, terms are not") {
  Document doc;
  doc.id = "q.txt";
  doc.original = "He said \"we stay\" and called it a \"deal\".";
  doc.text = doc.original;
  doc.sentences = {{{0, 41}, {0, 41}}};
  Quote said;
  said.span = said.norm = {9, 16};
  said.sentence = said.last_sentence = 0;
  said.speaker = "Ana \"Q\" Lima";
  said.cue = "said";
  Quote term;
  term.span = term.norm = {35, 39};
  term.sentence = term.last_sentence = 0;
  term.is_term = true;
  doc.quotes = {said, term};
  const std::string page = Page({doc});
  CHECK(page.find("<span class=\"q\" data-q=\"0\" data-speaker=\"Ana &quot;Q&quot; Lima\" "
                  "title=\"quotation: "
                  "Ana &quot;Q&quot; Lima, cue \xE2\x80\x9csaid\xE2\x80\x9d\">we stay</span>"
                  "<span class=\"qs\" data-speaker=\"Ana &quot;Q&quot; Lima\"></span>") !=
        std::string::npos);
  CHECK(page.find("<span class=\"q term\" data-q=\"1\" title=\"a term in quotation "
                  "marks\">deal</span>&quot;") != std::string::npos);
  CHECK(page.find("<span class=\"sen\" id=\"d0-s0\">") != std::string::npos);
}

TEST_CASE("HTML: only claims") {
  std::ostringstream out;
  std::unique_ptr<Writer> writer;
  WriterOptions options;
  options.records = Records::kQuotes;
  Status s = NewWriter("html", options, &out, &writer);
  CHECK(s.code() == Status::kInvalidArgument);
  CHECK(writer == nullptr);
}

TEST_CASE("Stance colours: fixed for known labels, stable for others") {
  using writers::CssHex;
  using writers::StanceColour;
  CHECK(CssHex(StanceColour("supports")) == "#1a7f37");
  CHECK(CssHex(StanceColour("opposes")) == "#cf222e");
  CHECK(StanceColour("mediates") == StanceColour("mediates"));
  CHECK(StanceColour("mediates") != StanceColour("abstains"));
  CHECK(std::regex_match(CssHex(StanceColour("")), std::regex("#[0-9a-f]{6}")));
  // Dark enough for white text: no channel near white.
  for (const char* label : {"mediates", "abstains", "x", "warns"}) {
    writers::Rgb c = StanceColour(label);
    CHECK(0.2126 * c.r + 0.7152 * c.g + 0.0722 * c.b < 140);
  }
}

// The stance stage says where each part of a claim stands.
TEST_CASE("Claims carry holder, cue and target spans") {
  Document doc;
  const std::string text =
      "Pakistan pledged $50 million in humanitarian aid to Afghanistan.\n"
      "Mr. Sharif said he opposes the new dam.";
  Status s = testing::DefaultPipeline().Process("p.txt", text, &doc, nullptr);
  REQUIRE(s.ok());
  REQUIRE(!doc.claims.empty());
  const Claim& pledge = doc.claims[0];
  CHECK(pledge.holder == "Pakistan");
  CHECK(doc.Original(pledge.holder_span) == "Pakistan");
  CHECK(doc.Original(pledge.cue_span) == "pledged");
  CHECK(doc.Original(pledge.target_span).find("$50 million") == 0);
  CHECK(pledge.span.Contains(pledge.target_span));
}

TEST_CASE("HTML: with the stance trace, a claim's explanation is stance explain's") {
  Document doc;
  StanceTrace trace;
  const std::string text = "Chile firmly opposes the proposed tariff on copper.";
  REQUIRE(testing::DefaultPipeline().Process("c.txt", text, &doc, nullptr, &trace).ok());
  REQUIRE(doc.claims.size() == 1);
  std::ostringstream out;
  std::unique_ptr<Writer> writer;
  REQUIRE(NewWriter("html", WriterOptions{}, &out, &writer).ok());
  REQUIRE(writer->wants_trace());
  REQUIRE(writer->Write(doc, &trace).ok());
  REQUIRE(writer->Finish().ok());
  nlohmann::json claims = Blob(out.str())["claims"];
  REQUIRE(claims.size() == 1);
  std::string why = claims[0]["explanation"];
  // The rule's pattern and the slot fills, which only the trace knows.
  const TracedRule* rule = nullptr;
  for (const TracedRule& r : trace.rules) {
    if (r.id == doc.claims[0].rule) rule = &r;
  }
  REQUIRE(rule != nullptr);
  CHECK(why.find(rule->pattern) != std::string::npos);
  CHECK(why.find("Chile") != std::string::npos);
  // Without a trace the page still explains from the claim record.
  std::string plain = Blob(Page({doc}))["claims"][0]["explanation"];
  CHECK(plain.find(rule->pattern) == std::string::npos);
  CHECK(plain.find(doc.claims[0].rule) != std::string::npos);
}

}  // namespace
}  // namespace stance
