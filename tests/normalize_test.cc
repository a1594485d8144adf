#include "pipeline/normalize.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/status.h"

namespace stance {
namespace {

std::string Norm(std::string_view in) {
  std::string out;
  OffsetMap offsets;
  NormalizeText(in, &out, &offsets, nullptr);
  return out;
}

bool IsContinuationByte(std::string_view s, uint32_t at) {
  return at < s.size() && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80;
}

// Every character boundary of the normalised text maps, in order, to a
// character boundary of the original (for valid UTF-8 input), and the ends
// map to the ends.
void CheckOffsets(std::string_view original, bool valid_utf8 = true) {
  CAPTURE(original);
  std::string text;
  OffsetMap offsets;
  NormalizeText(original, &text, &offsets, nullptr);
  CHECK(offsets.ToOriginal(0) <= original.size());
  CHECK(offsets.ToOriginal(static_cast<uint32_t>(text.size())) ==
        original.size());
  uint32_t last = 0;
  for (uint32_t i = 0; i <= text.size(); ++i) {
    if (IsContinuationByte(text, i)) continue;
    uint32_t o = offsets.ToOriginal(i);
    CAPTURE(i);
    CHECK(o >= last);
    CHECK(o <= original.size());
    if (valid_utf8) CHECK_FALSE(IsContinuationByte(original, o));
    last = o;
  }
}

struct Case {
  const char* in;
  const char* out;
};

TEST_CASE("NormalizeText rewrites what the header lists and copies the rest") {
  const std::vector<Case> cases = {
      // Plain text, empty text.
      {"", ""},
      {"Plain ASCII text, left alone.", "Plain ASCII text, left alone."},
      {"caf\xC3\xA9 \xE2\x82\xAC"
       "5 \xE4\xB8\xAD",
       "caf\xC3\xA9 \xE2\x82\xAC"
       "5 \xE4\xB8\xAD"},
      {"tab\tand\nnewline", "tab\tand\nnewline"},
      // Line ends.
      {"one\r\ntwo\r\n", "one\ntwo\n"},
      {"one\rtwo\r", "one\ntwo\n"},
      {"\r\r\n", "\n\n"},
      // BOM and zero-width characters are dropped.
      {"\xEF\xBB\xBFStart", "Start"},
      {"zero\xE2\x80\x8Bwidth\xE2\x80\x8C\xE2\x80\x8D\xE2\x81\xA0!",
       "zerowidth!"},
      // Spaces.
      {"no\xC2\xA0"
       "break",
       "no break"},
      {"en\xE2\x80\x82"
       "em\xE2\x80\x83thin\xE2\x80\x89narrow\xE2\x80\xAF"
       "ideo\xE3\x80\x80"
       "end",
       "en em thin narrow ideo end"},
      {"line\xE2\x80\xA8sep", "line\nsep"},
      {"para\xE2\x80\xA9sep", "para\n\nsep"},
      // Control characters.
      {"bell\x07vt\x0B"
       "ff\x0C"
       "del\x7F"
       "c1\xC2\x85"
       "x",
       "bell vt ff del c1 x"},
      // Quotes.
      {"\xE2\x80\x98single\xE2\x80\x99 \xE2\x80\x9A\xE2\x80\x9B",
       "'single' ''"},
      {"\xE2\x80\x9C"
       "double\xE2\x80\x9D \xE2\x80\x9E\xE2\x80\x9F",
       "\"double\" \"\""},
      {"\xC2\xAB"
       "guillemets\xC2\xBB \xE2\x80\xB9one\xE2\x80\xBA",
       "\"guillemets\" 'one'"},
      {"Russia\xE2\x80\x99s", "Russia's"},
      // Dashes: a space on each side, never doubled.
      {"foreign\xE2\x80\x94particularly", "foreign - particularly"},
      {"foreign \xE2\x80\x94 particularly", "foreign - particularly"},
      {"1990\xE2\x80\x93"
       "2000",
       "1990 - 2000"},
      {"a\xE2\x80\x92"
       "b\xE2\x80\x95"
       "c",
       "a - b - c"},
      {"\xE2\x80\x94Quote", "- Quote"},
      {"end\xE2\x80\x94", "end -"},
      {"hyphen-ated", "hyphen-ated"},
      // Invalid UTF-8: one U+FFFD per run of bad bytes.
      {"bad\xFFx", "bad\xEF\xBF\xBDx"},
      {"bad\xFF\xFE\xC3x", "bad\xEF\xBF\xBDx"},
      {"cut\xE2\x82", "cut\xEF\xBF\xBD"},
      {"over\xC0\xAFlong", "over\xEF\xBF\xBDlong"},
      {"surrogate\xED\xA0\x80!", "surrogate\xEF\xBF\xBD!"},
      {"lone\x80\x80"
       "cont",
       "lone\xEF\xBF\xBD"
       "cont"},
  };
  for (const Case& c : cases) {
    CAPTURE(c.in);
    CHECK(Norm(c.in) == c.out);
  }
  // The NUL byte itself (not expressible in the table above).
  CHECK(Norm(std::string_view("nul\0byte", 8)) == "nul byte");
}

TEST_CASE("Long ASCII runs around changes survive the eight-byte fast path") {
  std::string base(1000, 'x');
  for (size_t at : {0u, 1u, 7u, 8u, 9u, 15u, 16u, 500u, 993u, 999u}) {
    std::string in = base;
    in.replace(at, 1, "\xE2\x80\x99");
    std::string want = base;
    want[at] = '\'';
    CAPTURE(at);
    CHECK(Norm(in) == want);
    CheckOffsets(in);
  }
  std::string lines;
  for (int i = 0; i < 100; ++i) lines += "A line of text.\r\n";
  std::string want;
  for (int i = 0; i < 100; ++i) want += "A line of text.\n";
  CHECK(Norm(lines) == want);
}

TEST_CASE("Offsets map back to the original exactly") {
  // "“Russia’s” stance—firm." : every word, quote and the dash.
  std::string original =
      "\xE2\x80\x9CRussia\xE2\x80\x99s\xE2\x80\x9D stance\xE2\x80\x94"
      "firm.";
  std::string text;
  OffsetMap offsets;
  NormalizeText(original, &text, &offsets, nullptr);
  REQUIRE(text == "\"Russia's\" stance - firm.");
  Document doc;
  doc.original = original;
  auto original_of = [&](uint32_t b, uint32_t e) {
    return std::string(doc.Original(offsets.ToOriginal(Span{b, e})));
  };
  CHECK(original_of(0, 10) ==
        "\xE2\x80\x9CRussia\xE2\x80\x99s\xE2\x80\x9D");  // "Russia's"
  CHECK(original_of(1, 9) == "Russia\xE2\x80\x99s");     // Russia's
  CHECK(original_of(7, 8) == "\xE2\x80\x99");            // '
  CHECK(original_of(11, 17) == "stance");
  CHECK(original_of(11, 19) == "stance\xE2\x80\x94");  // "stance -"
  CHECK(original_of(18, 19) == "\xE2\x80\x94");        // the dash alone
  CHECK(original_of(20, 25) == "firm.");
  CheckOffsets(original);
}

TEST_CASE("Offsets skip a BOM and a CR") {
  std::string original = "\xEF\xBB\xBFHello.\r\nBye.\r\n";
  std::string text;
  OffsetMap offsets;
  NormalizeText(original, &text, &offsets, nullptr);
  REQUIRE(text == "Hello.\nBye.\n");
  CHECK(offsets.ToOriginal(Span{0, 6}) == Span{3, 9});     // Hello.
  CHECK(offsets.ToOriginal(Span{7, 11}) == Span{11, 15});  // Bye.
  CheckOffsets(original);
}

TEST_CASE("Offsets land on character boundaries for every kind of change") {
  const char* inputs[] = {
      "",
      "plain",
      "\xEF\xBB\xBF",
      "a\xE2\x80\x8B\xE2\x80\x8B"
      "b",
      "\xE2\x80\x94\xE2\x80\x94",
      "x \xE2\x80\x94 y\xE2\x80\x94z",
      "\xC2\xA0\xC2\xA0\xC2\xAB\xC2\xBB",
      "\r\n\r\r\n\n",
      "\xE2\x80\xA9\xE2\x80\xA8",
      "caf\xC3\xA9 \xE2\x80\x9C"
      "d\xC3\xA9j\xC3\xA0 vu\xE2\x80\x9D",
  };
  for (const char* in : inputs) CheckOffsets(in);
  // Invalid bytes: boundaries stay in order and inside the text.
  CheckOffsets(
      "a\xFF\xFE"
      "b\xC3",
      /*valid_utf8=*/false);
}

TEST_CASE("Invalid UTF-8 is reported with its byte offset") {
  Document doc;
  doc.id = "doc-1";
  doc.original = "ok\nbad \xFF\xFE here and \xC3 there";
  CollectingSink sink;
  Normalize(&doc, &sink);
  CHECK(doc.text == "ok\nbad \xEF\xBF\xBD here and \xEF\xBF\xBD there");
  REQUIRE(sink.diagnostics().size() == 2);
  const Diagnostic& first = sink.diagnostics()[0];
  CHECK(first.severity == Diagnostic::kWarning);
  CHECK(first.message ==
        "invalid UTF-8 at byte 7 (0xFF 0xFE), replaced by U+FFFD");
  CHECK(first.location.ToString() == "doc-1:2:5");
  CHECK(sink.diagnostics()[1].message.find("at byte 19 (0xC3)") !=
        std::string::npos);
  CHECK(sink.diagnostics()[1].location.ToString() == "doc-1:2:17");
  CHECK_FALSE(sink.has_errors());
}

TEST_CASE("Binary input is reported a bounded number of times") {
  std::string binary;
  for (int i = 0; i < 4096; ++i) binary += static_cast<char>((i * 7919) & 0xFF);
  CollectingSink sink;
  std::string text;
  OffsetMap offsets;
  NormalizeText(binary, &text, &offsets, &sink);
  CHECK(sink.diagnostics().size() == 21);
  CHECK(sink.diagnostics().back().message.find("more invalid UTF-8") !=
        std::string::npos);
  CHECK(offsets.ToOriginal(static_cast<uint32_t>(text.size())) ==
        binary.size());
  // Whatever came in, what goes out is valid UTF-8 without C0 controls
  // other than TAB and LF.
  std::string again;
  OffsetMap again_offsets;
  CollectingSink again_sink;
  NormalizeText(text, &again, &again_offsets, &again_sink);
  CHECK(again_sink.diagnostics().empty());
  for (char c : text) {
    auto b = static_cast<unsigned char>(c);
    CHECK((b >= 0x20 || b == '\t' || b == '\n'));
  }
}

TEST_CASE("Normalize fills the document and clears earlier results") {
  Document doc;
  doc.original =
      "A\xE2\x80\x94"
      "B";
  doc.offsets.Add(0, 5);  // stale
  Normalize(&doc, nullptr);
  CHECK(doc.text == "A - B");
  CHECK(doc.offsets.ToOriginal(0) == 0);
  CHECK(doc.Original(doc.offsets.ToOriginal(Span{4, 5})) == "B");
}

}  // namespace
}  // namespace stance
