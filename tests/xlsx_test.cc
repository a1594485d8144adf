// XLSX: cell text made safe for the file format, and workbooks unzipped and
// read back cell by cell.
#include "pipeline/writers/xlsx_cell_text.h"

#include <doctest/doctest.h>

#include <map>
#include <sstream>

#include "pipeline/writers/writer.h"
#include "tests/unzip.h"

namespace stance {
namespace {

using Records = WriterOptions::Records;
using writers::FitCellText;
using writers::kMaxCellChars;

std::string Fit(const std::string& text, bool* truncated = nullptr) {
  std::string scratch;
  bool cut = false;
  std::string fitted(FitCellText(text, &scratch, &cut));
  if (truncated != nullptr) *truncated = cut;
  return fitted;
}

// Characters as Excel counts them: UTF-16 code units.
size_t Utf16Length(const std::string& s) {
  size_t units = 0;
  for (unsigned char c : s) {
    if ((c & 0xC0) == 0x80) continue;
    units += c >= 0xF0 ? 2 : 1;
  }
  return units;
}

TEST_CASE("FitCellText: clean text is passed through untouched") {
  std::string scratch;
  bool truncated = true;
  std::string_view text = "Zürich “café” — 東京 😀 and under_scores";
  std::string_view fitted = FitCellText(text, &scratch, &truncated);
  CHECK(fitted.data() == text.data());
  CHECK(!truncated);
}

TEST_CASE("FitCellText: what would break the XML becomes U+FFFD") {
  CHECK(Fit("caf\xe9 ok") == "caf\xEF\xBF\xBD ok");
  CHECK(Fit("truncated \xe2\x80") == "truncated \xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(Fit("\xed\xa0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK(Fit("a\xEF\xBF\xBE" "b\xEF\xBF\xBF") ==
        "a\xEF\xBF\xBD" "b\xEF\xBF\xBD");
  CHECK(Fit(std::string("nul\0byte", 8)) == "nul\xEF\xBF\xBD" "byte");
}

TEST_CASE("FitCellText: a literal _xHHHH_ keeps its meaning") {
  CHECK(Fit("_x0041_") == "_x005F_x0041_");
  CHECK(Fit("a_x00fF_b") == "a_x005F_x00fF_b");
  // Not escapes: left alone.
  CHECK(Fit("_x004_") == "_x004_");
  CHECK(Fit("_x00G1_") == "_x00G1_");
  CHECK(Fit("max_x") == "max_x");
}

TEST_CASE("FitCellText: long text is cut to Excel's limit") {
  bool truncated = false;
  CHECK(Fit(std::string(kMaxCellChars, 'a'), &truncated).size() ==
        kMaxCellChars);
  CHECK(!truncated);
  CHECK(Fit(std::string(kMaxCellChars + 1, 'a'), &truncated).size() ==
        kMaxCellChars);
  CHECK(truncated);

  // Two-byte letters: cut by characters, never inside one.
  std::string umlauts;
  for (size_t i = 0; i < kMaxCellChars + 10; ++i) umlauts += "ü";
  std::string fitted = Fit(umlauts, &truncated);
  CHECK(truncated);
  CHECK(fitted.size() == 2 * kMaxCellChars);

  // Emoji take two UTF-16 units each in Excel's count.
  std::string emoji;
  for (size_t i = 0; i < kMaxCellChars; ++i) emoji += "😀";
  fitted = Fit(emoji, &truncated);
  CHECK(truncated);
  CHECK(Utf16Length(fitted) == kMaxCellChars - 1);  // an odd limit

  // The escape of an underscore counts for libxlsxwriter too.
  std::string escapes;
  while (escapes.size() < 6 * kMaxCellChars) escapes += "_x0041_";
  fitted = Fit(escapes, &truncated);
  CHECK(truncated);
  CHECK(fitted.size() <= kMaxCellChars);
  CHECK(fitted.rfind("_x005F_x0041_", 0) == 0);
}

TEST_CASE("DisplayWidth counts characters up to a limit") {
  CHECK(writers::DisplayWidth("", 60) == 0);
  CHECK(writers::DisplayWidth("Zürich", 60) == 6);
  CHECK(writers::DisplayWidth(std::string(100, 'x'), 60) == 60);
}

// --- Workbooks read back ---------------------------------------------------

struct Cell {
  std::string type;   // "inlineStr", "s", "b", "n" (no t attribute)
  std::string value;  // the text, or the <v> of a number or boolean
};

std::string XmlUnescape(std::string s) {
  const std::pair<const char*, const char*> entities[] = {
      {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"},
      {"&amp;", "&"}};
  for (const auto& [from, to] : entities) {
    for (size_t at = s.find(from); at != std::string::npos;
         at = s.find(from, at + 1)) {
      s.replace(at, std::string(from).size(), to);
    }
  }
  return s;
}

// The text between `open` (from its end) and `close` in `s` from `from`, or
// "" when either is missing.
std::string Between(const std::string& s, const std::string& open, const std::string& close,
                    size_t from = 0) {
  size_t begin = s.find(open, from);
  if (begin == std::string::npos) return "";
  begin += open.size();
  size_t end = s.find(close, begin);
  return end == std::string::npos ? "" : s.substr(begin, end - begin);
}

// The cells of a worksheet's XML by reference ("B2"). A plain scan, not
// std::regex: libstdc++'s regex recurses once per character it matches, and
// a cell of 32,767 characters overflows the stack of a sanitizer build.
std::map<std::string, Cell> CellsOf(const std::string& xml) {
  std::map<std::string, Cell> cells;
  const std::string open = "<c r=\"";
  for (size_t at = xml.find(open); at != std::string::npos; at = xml.find(open, at)) {
    size_t ref_end = xml.find('"', at + open.size());
    size_t tag_end = xml.find('>', ref_end);
    REQUIRE(tag_end != std::string::npos);
    std::string ref = xml.substr(at + open.size(), ref_end - at - open.size());
    std::string attributes = xml.substr(ref_end + 1, tag_end - ref_end - 1);
    const bool empty = !attributes.empty() && attributes.back() == '/';
    std::string body;
    at = tag_end + 1;
    if (!empty) {
      size_t close = xml.find("</c>", at);
      REQUIRE(close != std::string::npos);
      body = xml.substr(at, close - at);
      at = close + 4;
    }
    Cell c;
    std::string type = Between(attributes, "t=\"", "\"");
    c.type = type.empty() ? "n" : type;
    if (c.type == "inlineStr" && body.find("<t") != std::string::npos) {
      size_t text = body.find('>', body.find("<t")) + 1;
      c.value = XmlUnescape(body.substr(text, body.find("</t>", text) - text));
    } else {
      c.value = Between(body, "<v>", "</v>");
    }
    cells[ref] = c;
  }
  return cells;
}

struct Workbook {
  std::map<std::string, std::string> files;
  std::vector<Diagnostic> warnings;

  std::map<std::string, Cell> Sheet(int n) const {
    auto it = files.find("xl/worksheets/sheet" + std::to_string(n) + ".xml");
    REQUIRE(it != files.end());
    return CellsOf(it->second);
  }
  const std::string& Xml(const std::string& name) const {
    auto it = files.find(name);
    REQUIRE_MESSAGE(it != files.end(), name);
    return it->second;
  }
};

Workbook WriteWorkbook(Records records, const std::vector<Document>& docs) {
  CollectingSink warnings;
  WriterOptions options;
  options.records = records;
  options.warnings = &warnings;
  std::ostringstream out;
  std::unique_ptr<Writer> writer;
  Status s = NewWriter("xlsx", options, &out, &writer);
  REQUIRE_MESSAGE(s.ok(), s.ToString());
  for (const Document& doc : docs) REQUIRE(writer->Write(doc).ok());
  s = writer->Finish();
  REQUIRE_MESSAGE(s.ok(), s.ToString());
  Workbook book;
  REQUIRE(out.str().rfind("PK\x03\x04", 0) == 0);
  REQUIRE(testing::Unzip(out.str(), &book.files));
  book.warnings = warnings.diagnostics();
  return book;
}

// Two sentences, a claim in each (stored out of order), one quote.
Document MakeDocument() {
  Document doc;
  doc.id = "wire/a.txt";
  doc.original = "Paris backs the \"plan, now\".\nBerlin opposes it & more.\n";
  doc.text = doc.original;
  doc.sentences = {{{0, 28}, {0, 28}}, {{29, 54}, {29, 54}}};
  Claim oppose;
  oppose.holder = "Germany";
  oppose.holder_type = "country";
  oppose.stance = "opposes";
  oppose.target = "it";
  oppose.hedged = true;
  oppose.sentence = 1;
  oppose.span = oppose.norm = {29, 46};
  oppose.rule = "oppose.basic";
  Claim support;
  support.holder = "France";
  support.holder_type = "country";
  support.stance = "supports";
  support.target = "the \"plan, now\"";
  support.negated = true;
  support.speaker = "Emmanuel Macron";
  support.sentence = 0;
  support.span = support.norm = {0, 27};
  support.rule = "support.verb";
  doc.claims = {oppose, support};
  Quote quote;
  quote.span = quote.norm = {17, 26};
  quote.sentence = quote.last_sentence = 0;
  quote.speaker = "Emmanuel Macron";
  quote.cue = "said";
  doc.quotes = {quote};
  return doc;
}

TEST_CASE("XLSX claims: sheets, header, cells typed, frozen and filtered") {
  Workbook book = WriteWorkbook(Records::kClaims, {MakeDocument()});
  const std::string& workbook = book.Xml("xl/workbook.xml");
  CHECK(workbook.find(R"(<sheet name="claims" sheetId="1")") !=
        std::string::npos);
  CHECK(workbook.find(R"(<sheet name="quotes" sheetId="2")") !=
        std::string::npos);

  std::map<std::string, Cell> claims = book.Sheet(1);
  const char* header[] = {"doc",     "holder", "holder_type", "holder_affiliation",
                          "stance",  "target", "negated",     "hedged",
                          "speaker", "quote",  "evidence",    "sentence",
                          "begin",   "end",    "rule"};
  for (int c = 0; c < 15; ++c) {
    std::string ref = std::string(1, static_cast<char>('A' + c)) + "1";
    CHECK(claims[ref].value == header[c]);
    CHECK(claims[ref].type == "inlineStr");
  }
  // Row 2 is the claim at offset 0 (rows are sorted by offset).
  CHECK(claims["A2"].value == "wire/a.txt");
  CHECK(claims["B2"].value == "France");
  CHECK(claims["E2"].value == "supports");
  CHECK(claims["F2"].value == "the \"plan, now\"");
  CHECK(claims["G2"].type == "b");
  CHECK(claims["G2"].value == "1");
  CHECK(claims["H2"].value == "0");
  CHECK(claims["I2"].value == "Emmanuel Macron");
  CHECK(claims.count("J2") == 0);  // null quote: no cell
  CHECK(claims["K2"].value == "Paris backs the \"plan, now\".");
  CHECK(claims["L2"].type == "n");
  CHECK(claims["L2"].value == "0");
  CHECK(claims["N2"].type == "n");
  CHECK(claims["N2"].value == "27");
  CHECK(claims["B3"].value == "Germany");
  CHECK(claims["H3"].value == "1");
  CHECK(claims["K3"].value == "Berlin opposes it & more.");
  CHECK(claims["M3"].value == "29");
  CHECK(claims["O3"].value == "oppose.basic");
  CHECK(claims.count("A4") == 0);

  const std::string& sheet = book.Xml("xl/worksheets/sheet1.xml");
  CHECK(sheet.find(R"(<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>)") !=
        std::string::npos);
  CHECK(sheet.find(R"(<autoFilter ref="A1:O3"/>)") != std::string::npos);
  // Widths: "evidence" fits its longest text plus one; "doc" at least its
  // header and the filter button.
  CHECK(sheet.find(R"(<col min="11" max="11" width="29.7109375" customWidth="1"/>)") !=
        std::string::npos);
  // Bold header row.
  CHECK(book.Xml("xl/styles.xml").find("<b/>") != std::string::npos);

  std::map<std::string, Cell> quotes = book.Sheet(2);
  CHECK(quotes["B1"].value == "quote");
  CHECK(quotes["B2"].value == "plan, now");
  CHECK(quotes["C2"].value == "17");
  CHECK(quotes["E2"].value == "Emmanuel Macron");
  CHECK(book.warnings.empty());
}

TEST_CASE("XLSX text that would break the file or look like an escape") {
  Document doc = MakeDocument();
  doc.claims.resize(1);
  doc.claims[0].holder = "caf\xe9";
  doc.claims[0].target = "_x0041_ <b> \x01 bell";
  doc.claims[0].rule = "=SUM(A1)";
  Workbook book = WriteWorkbook(Records::kClaims, {doc});
  std::map<std::string, Cell> claims = book.Sheet(1);
  CHECK(claims["B2"].value == "caf\xEF\xBF\xBD");
  // libxlsxwriter escapes the control character; we escape the underscore.
  CHECK(claims["F2"].value == "_x005F_x0041_ <b> _x0001_ bell");
  // A string cell, never a formula.
  CHECK(claims["O2"].type == "inlineStr");
  CHECK(claims["O2"].value == "=SUM(A1)");
  CHECK(book.Xml("xl/worksheets/sheet1.xml").find("<f>") == std::string::npos);
}

TEST_CASE("XLSX cuts text longer than a cell holds, with a warning") {
  Document doc = MakeDocument();
  doc.claims.resize(1);
  doc.claims[0].target = std::string(40000, 'x');
  Workbook book = WriteWorkbook(Records::kClaims, {doc});
  CHECK(book.Sheet(1)["F2"].value == std::string(kMaxCellChars, 'x'));
  REQUIRE(book.warnings.size() == 1);
  CHECK(book.warnings[0].severity == Diagnostic::kWarning);
  CHECK(book.warnings[0].location.path == "wire/a.txt");
  CHECK(book.warnings[0].message ==
        "'target' in row 2 of sheet 'claims' was cut to 32,767 characters, "
        "the most an Excel cell holds");
}

TEST_CASE("XLSX aggregate: the summary first, then claims and quotes") {
  Workbook book = WriteWorkbook(Records::kAggregates,
                                {MakeDocument(), MakeDocument()});
  const std::string& workbook = book.Xml("xl/workbook.xml");
  size_t aggregate = workbook.find(R"(<sheet name="aggregate")");
  size_t claims = workbook.find(R"(<sheet name="claims")");
  size_t quotes = workbook.find(R"(<sheet name="quotes")");
  REQUIRE(aggregate != std::string::npos);
  REQUIRE(claims != std::string::npos);
  REQUIRE(quotes != std::string::npos);
  CHECK(aggregate < claims);
  CHECK(claims < quotes);

  std::map<std::string, Cell> rows = book.Sheet(1);
  CHECK(rows["A1"].value == "holder");
  CHECK(rows["E1"].value == "count");
  // Equal counts: holder order, France before Germany.
  CHECK(rows["A2"].value == "France");
  CHECK(rows["D2"].type == "b");
  CHECK(rows["D2"].value == "1");
  CHECK(rows["E2"].type == "n");
  CHECK(rows["E2"].value == "2");
  CHECK(rows["G2"].value == "2");
  CHECK(rows["H2"].value == "wire/a.txt; wire/a.txt");
  CHECK(rows["A3"].value == "Germany");
  CHECK(rows["F3"].value == "2");  // both hedged
  CHECK(book.Xml("xl/worksheets/sheet1.xml").find(R"(<autoFilter ref="A1:M3"/>)") !=
        std::string::npos);
  // Every claim of both documents is on the claims sheet.
  CHECK(book.Sheet(2).count("A5") == 1);
  CHECK(book.Sheet(2).count("A6") == 0);
}

TEST_CASE("XLSX quotes and sentences get one sheet each") {
  Workbook quotes = WriteWorkbook(Records::kQuotes, {MakeDocument()});
  CHECK(quotes.files.count("xl/worksheets/sheet2.xml") == 0);
  CHECK(quotes.Xml("xl/workbook.xml").find(R"(<sheet name="quotes")") !=
        std::string::npos);
  CHECK(quotes.Sheet(1)["B2"].value == "plan, now");

  Workbook sentences = WriteWorkbook(Records::kSentences, {MakeDocument()});
  std::map<std::string, Cell> cells = sentences.Sheet(1);
  CHECK(cells["E1"].value == "text");
  CHECK(cells["E3"].value == "Berlin opposes it & more.");
}

TEST_CASE("XLSX with no records is a workbook of headers") {
  Document empty;
  empty.id = "empty.txt";
  Workbook book = WriteWorkbook(Records::kClaims, {empty});
  std::map<std::string, Cell> claims = book.Sheet(1);
  CHECK(claims["A1"].value == "doc");
  CHECK(claims.count("A2") == 0);
  CHECK(book.Xml("xl/worksheets/sheet1.xml").find(R"(<autoFilter ref="A1:O1"/>)") !=
        std::string::npos);
}

TEST_CASE("XLSX cannot hold sentence lists") {
  WriterOptions options;
  options.records = Records::kSentenceLists;
  std::ostringstream out;
  std::unique_ptr<Writer> writer;
  CHECK(NewWriter("xlsx", options, &out, &writer).code() ==
        Status::kInvalidArgument);
  CHECK(writer == nullptr);
}

TEST_CASE("XLSX: a failed stream is reported") {
  std::ostringstream out;
  out.setstate(std::ios::badbit);
  std::unique_ptr<Writer> writer;
  WriterOptions options;
  REQUIRE(NewWriter("xlsx", options, &out, &writer).ok());
  CHECK(writer->Write(MakeDocument()).ok());
  CHECK(writer->Finish().code() == Status::kIOError);
}

}  // namespace
}  // namespace stance
