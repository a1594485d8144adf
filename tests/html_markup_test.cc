#include "pipeline/writers/html_markup.h"

#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "pipeline/utf8.h"

namespace stance::writers {
namespace {

std::string Escaped(std::string_view text) {
  std::string out;
  AppendHtmlEscaped(text, &out);
  return out;
}

HtmlMark Mark(Span span, int layer, std::string_view tag) {
  HtmlMark mark;
  mark.span = span;
  mark.layer = layer;
  mark.tag = tag;
  return mark;
}

std::string Marked(std::string_view text, const std::vector<HtmlMark>& marks) {
  std::string out;
  AppendMarkedText(text, marks, &out);
  return out;
}

TEST_CASE("AppendHtmlEscaped: markup characters become references") {
  CHECK(Escaped("<script>alert(\"x\")</script>") ==
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
  CHECK(Escaped("<img src=x onerror='a()'> & b") ==
        "&lt;img src=x onerror=&#39;a()&#39;&gt; &amp; b");
  CHECK(Escaped("&amp;") == "&amp;amp;");
  CHECK(Escaped("plain text, caf\xC3\xA9 \xE2\x82\xAC") == "plain text, caf\xC3\xA9 \xE2\x82\xAC");
  CHECK(Escaped("") == "");
}

TEST_CASE("AppendHtmlEscaped: bad bytes and control characters become U+FFFD") {
  const std::string fffd = "\xEF\xBF\xBD";
  // A lone continuation byte, a truncated sequence at the end.
  CHECK(Escaped("a\x80z\xC3") == "a" + fffd + "z" + fffd);
  // Overlong '/', a surrogate: one U+FFFD per byte.
  CHECK(Escaped("\xC0\xAF") == fffd + fffd);
  CHECK(Escaped("\xED\xA0\x80") == fffd + fffd + fffd);
  // A lead byte cut short by '<': the '<' is still escaped.
  CHECK(Escaped("\xE2\x82<") == fffd + fffd + "&lt;");
  CHECK(Escaped(std::string("a\0b\x1b\x7f", 5)) == "a" + fffd + "b" + fffd + fffd);
  CHECK(Escaped("tab\tlf\ncr\r") == "tab\tlf\ncr\r");
}

TEST_CASE("AppendMarkedText: no marks is escaped text") {
  CHECK(Marked("a < b", {}) == "a &lt; b");
  CHECK(Marked("", {Mark({0, 3}, 0, "b")}) == "");
}

TEST_CASE("AppendMarkedText: nested ranges stay nested") {
  // An actor inside a target inside a sentence.
  CHECK(Marked("abcdefghij", {Mark({0, 10}, 0, "s"), Mark({2, 8}, 1, "t"), Mark({4, 6}, 2, "a")}) ==
        "<s>ab<t>cd<a>ef</a>gh</t>ij</s>");
  // Equal ranges: the lower layer outside, whatever the order given.
  CHECK(Marked("abc", {Mark({0, 3}, 2, "a"), Mark({0, 3}, 1, "h")}) == "<h><a>abc</a></h>");
  // Equal ranges and layers: the one given first outside.
  CHECK(Marked("abc", {Mark({0, 3}, 1, "x"), Mark({0, 3}, 1, "y")}) == "<x><y>abc</y></x>");
  // Within a layer the longer range is outside.
  CHECK(Marked("abcdef", {Mark({0, 3}, 1, "x"), Mark({0, 6}, 1, "y")}) == "<y><x>abc</x>def</y>");
}

TEST_CASE("AppendMarkedText: crossing ranges are split where they cross") {
  // A claim that runs past the end of a quotation.
  CHECK(Marked("abcdefghi", {Mark({0, 6}, 1, "q"), Mark({3, 9}, 2, "c")}) ==
        "<q>abc<c>def</c></q><c>ghi</c>");
  // Same layer: the earlier one is outside.
  CHECK(Marked("abcdefghi", {Mark({3, 9}, 1, "y"), Mark({0, 6}, 1, "x")}) ==
        "<x>abc<y>def</y></x><y>ghi</y>");
  // A lower layer that begins inside a higher one splits it.
  CHECK(Marked("abcdefghi", {Mark({0, 9}, 2, "c"), Mark({3, 6}, 0, "s")}) ==
        "<c>abc</c><s><c>def</c></s><c>ghi</c>");
  // A quotation over two sentences with the gap between them.
  CHECK(Marked("Ab. Cd.", {Mark({0, 3}, 0, "s"), Mark({4, 7}, 0, "s"), Mark({1, 6}, 1, "q")}) ==
        "<s>A<q>b.</q></s><q> </q><s><q>Cd</q>.</s>");
}

TEST_CASE("AppendMarkedText: first piece attributes, label after the last") {
  HtmlMark quote = Mark({1, 6}, 1, "q");
  quote.attributes = " class=\"q\"";
  quote.first_attributes = " id=\"q1\"";
  quote.after = "<i></i>";
  CHECK(Marked("abcdefgh", {Mark({0, 4}, 0, "s"), quote}) ==
        "<s>a<q class=\"q\" id=\"q1\">bcd</q></s><q class=\"q\">ef</q><i></i>gh");
  // The label follows the close of its mark, inside what stays open.
  HtmlMark to_end = Mark({1, 3}, 1, "q");
  to_end.after = "<i></i>";
  CHECK(Marked("abc", {Mark({0, 3}, 0, "s"), to_end}) == "<s>a<q>bc</q><i></i></s>");
}

TEST_CASE("AppendMarkedText: ranges never cut a UTF-8 character") {
  // "a" [0,1), "é" [1,3), "b" [3,4).
  const std::string text =
      "a\xC3\xA9"
      "b";
  // Both ends inside é move back to its first byte.
  CHECK(Marked(text, {Mark({2, 4}, 0, "m")}) ==
        "a<m>\xC3\xA9"
        "b</m>");
  CHECK(Marked(text, {Mark({0, 2}, 0, "m")}) ==
        "<m>a</m>\xC3\xA9"
        "b");
  // A range that starts inside é takes all of it.
  CHECK(Marked(text, {Mark({2, 3}, 0, "m")}) == "a<m>\xC3\xA9</m>b");
  // A range inside one character is empty: dropped with its label.
  HtmlMark inside = Mark({2, 3}, 0, "m");  // inside the euro sign [1,4)
  inside.after = "<i></i>";
  CHECK(Marked("a\xE2\x82\xAC"
               "b",
               {inside}) ==
        "a\xE2\x82\xAC"
        "b");
  // Past the end: clamped.
  CHECK(Marked(text, {Mark({3, 99}, 0, "m")}) == "a\xC3\xA9<m>b</m>");
  // An end on a stray continuation byte stays there: that byte is a
  // character of its own, one U+FFFD.
  CHECK(Marked("a\x80\x80z", {Mark({2, 4}, 0, "m")}) == "a\xEF\xBF\xBD<m>\xEF\xBF\xBDz</m>");
  // Escaping still applies inside marks.
  CHECK(Marked("<b>&", {Mark({0, 4}, 0, "m")}) == "<m>&lt;b&gt;&amp;</m>");
}

// Random marks over random text: the output nests, holds the text, and each
// mark covers exactly its range (moved onto character starts).
TEST_CASE("AppendMarkedText: random overlapping marks nest and cover their ranges") {
  const std::vector<std::string> pieces = {
      "a", "b", " ", "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80"};
  const std::vector<std::string> tags = {"t0", "t1", "t2", "t3", "t4",
                                         "t5", "t6", "t7", "t8", "t9"};
  std::mt19937 random(20240611);
  for (int round = 0; round < 300; ++round) {
    std::string text;
    std::vector<bool> char_start;
    int length = 1 + static_cast<int>(random() % 30);
    for (int i = 0; i < length; ++i) {
      const std::string& p = pieces[random() % pieces.size()];
      for (size_t k = 0; k < p.size(); ++k) char_start.push_back(k == 0);
      text += p;
    }
    char_start.push_back(true);  // the end
    std::vector<HtmlMark> marks;
    const int count = static_cast<int>(random() % tags.size());
    for (int m = 0; m < count; ++m) {
      uint32_t a = random() % (text.size() + 2), b = random() % (text.size() + 2);
      marks.push_back(
          Mark({std::min(a, b), std::max(a, b)}, static_cast<int>(random() % 4), tags[m]));
    }
    const std::string html = Marked(text, marks);
    INFO("text: " << text << " html: " << html);

    // Walk the output: tags must nest; note which marks cover each byte.
    std::vector<std::string> open;
    std::vector<std::vector<bool>> covered(marks.size(), std::vector<bool>(text.size(), false));
    std::string plain;
    for (size_t i = 0; i < html.size();) {
      if (html[i] != '<') {
        for (const std::string& tag : open) covered[tag[1] - '0'][plain.size()] = true;
        plain += html[i++];
        continue;
      }
      size_t close = html.find('>', i);
      REQUIRE(close != std::string::npos);
      std::string tag = html.substr(i + 1, close - i - 1);
      i = close + 1;
      if (tag[0] == '/') {
        REQUIRE(!open.empty());
        REQUIRE(open.back() == tag.substr(1));
        open.pop_back();
      } else {
        open.push_back(tag);
      }
    }
    CHECK(open.empty());
    CHECK(plain == text);
    for (size_t m = 0; m < marks.size(); ++m) {
      uint32_t begin = std::min<uint32_t>(marks[m].span.begin, text.size());
      uint32_t end = std::min<uint32_t>(marks[m].span.end, text.size());
      while (!char_start[begin]) --begin;
      while (!char_start[end]) --end;
      for (uint32_t pos = 0; pos < text.size(); ++pos) {
        INFO("mark " << m << " [" << begin << "," << end << ") at " << pos);
        CHECK(covered[m][pos] == (begin <= pos && pos < end));
      }
    }
  }
}

}  // namespace
}  // namespace stance::writers
