#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "pipeline/writers/writer.h"

namespace stance {
namespace {

using Records = WriterOptions::Records;

// Offsets in kText (bytes):
//   [0,28)  Paris backs the "plan, now".      sentence 0
//   [29,54) Berlin opposes it\nfirmly.         sentence 1 (spans a line break)
//   [55,73) Zürich café, ok.                   sentence 2 (two-byte letters)
constexpr char kText[] =
    "Paris backs the \"plan, now\".\nBerlin opposes it\nfirmly. Zürich café, "
    "ok.\n";

Claim MakeClaim(std::string holder, std::string stance, std::string target,
                int sentence, Span span, std::string rule) {
  Claim c;
  c.holder = holder;
  c.holder_type = "country";
  c.holder_affiliation = holder;
  c.stance = std::move(stance);
  c.target = std::move(target);
  c.sentence = sentence;
  c.span = span;
  c.norm = span;
  c.rule = std::move(rule);
  c.rule_file = c.rule.substr(0, c.rule.find('.'));
  c.rule_version = "1";
  return c;
}

Document MakeDocument() {
  Document doc;
  doc.id = "wire/a.txt";
  doc.original = kText;
  doc.text = doc.original;
  doc.sentences = {
      {{0, 28}, {0, 28}}, {{29, 54}, {29, 54}}, {{55, 73}, {55, 73}}};

  // Stored out of order: writers sort by begin offset, then rule id.
  Claim oppose_b =
      MakeClaim("Germany", "opposes", "it", 1, {29, 46}, "oppose.basic");
  oppose_b.hedged = true;
  oppose_b.cue = "opposes";
  Claim support = MakeClaim("France", "supports", "the \"plan, now\"", 0,
                            {0, 27}, "support.verb");
  support.negated = true;
  support.speaker = "Emmanuel Macron";
  support.quote = "plan, now";
  support.cue = "backs";
  Claim oppose_a =
      MakeClaim("Germany", "opposes", "it", 1, {29, 46}, "oppose.alpha");
  doc.claims = {oppose_b, support, oppose_a};

  Quote attributed;
  attributed.span = attributed.norm = {17, 26};
  attributed.sentence = attributed.last_sentence = 0;
  attributed.speaker = "Emmanuel Macron";
  attributed.speaker_role = "President";
  attributed.speaker_affiliation = "France";
  attributed.speaker_type = "person";
  attributed.cue = "said";
  attributed.method = "quote-comma-cue-speaker";
  Quote term;
  term.span = term.norm = {55, 62};
  term.sentence = -1;  // no sentence: the sentence columns are null
  term.is_term = true;
  doc.quotes = {term, attributed};
  return doc;
}

// Writes `docs` in `format` and returns the output; fails the test on error.
std::string WriteAll(const std::string& format, Records records,
                     const std::vector<Document>& docs,
                     WriterOptions options = {}) {
  options.records = records;
  std::ostringstream out;
  std::unique_ptr<Writer> writer;
  Status s = NewWriter(format, options, &out, &writer);
  REQUIRE_MESSAGE(s.ok(), s.ToString());
  for (const Document& doc : docs) REQUIRE(writer->Write(doc).ok());
  REQUIRE(writer->Finish().ok());
  return out.str();
}

TEST_CASE("Claim columns are fixed") {
  std::vector<std::string> expected = {
      "doc",     "holder", "holder_type", "holder_affiliation",
      "stance",  "target", "negated",     "hedged",
      "speaker", "quote",  "evidence",    "sentence",
      "begin",   "end",    "rule"};
  CHECK(ClaimColumns() == expected);
}

TEST_CASE("JSONL claims: key order, nulls, booleans, numbers, sorted rows") {
  std::string got = WriteAll("jsonl", Records::kClaims, {MakeDocument()});
  std::string expected =
      R"({"doc":"wire/a.txt","holder":"France","holder_type":"country",)"
      R"("holder_affiliation":"France","stance":"supports","target":"the \"plan, now\"",)"
      R"("negated":true,"hedged":false,"speaker":"Emmanuel Macron","quote":"plan, now",)"
      R"("evidence":"Paris backs the \"plan, now\".","sentence":0,"begin":0,"end":27,)"
      R"("rule":"support.verb","rule_file":"support","rule_version":"1","cue":"backs"})"
      "\n"
      // Same begin offset: rule id decides, "oppose.alpha" < "oppose.basic".
      // The evidence spans a line break, which becomes a space.
      R"({"doc":"wire/a.txt","holder":"Germany","holder_type":"country",)"
      R"("holder_affiliation":"Germany","stance":"opposes","target":"it",)"
      R"("negated":false,"hedged":false,"speaker":null,"quote":null,)"
      R"("evidence":"Berlin opposes it firmly.","sentence":1,"begin":29,"end":46,)"
      R"("rule":"oppose.alpha","rule_file":"oppose","rule_version":"1","cue":""})"
      "\n"
      R"({"doc":"wire/a.txt","holder":"Germany","holder_type":"country",)"
      R"("holder_affiliation":"Germany","stance":"opposes","target":"it",)"
      R"("negated":false,"hedged":true,"speaker":null,"quote":null,)"
      R"("evidence":"Berlin opposes it firmly.","sentence":1,"begin":29,"end":46,)"
      R"("rule":"oppose.basic","rule_file":"oppose","rule_version":"1","cue":"opposes"})"
      "\n";
  CHECK(got == expected);
}

TEST_CASE("Rows follow the input order of documents") {
  Document first = MakeDocument();
  first.id = "b.txt";
  first.claims.resize(1);
  Document second = MakeDocument();
  second.id = "a.txt";
  second.claims.resize(1);
  std::string got = WriteAll("tsv", Records::kClaims, {first, second});
  CHECK(got.find("\nb.txt\t") < got.find("\na.txt\t"));
}

TEST_CASE("CSV claims: RFC 4180 quoting and a header") {
  std::string got = WriteAll("csv", Records::kClaims, {MakeDocument()});
  std::string expected =
      "doc,holder,holder_type,holder_affiliation,stance,target,negated,hedged,"
      "speaker,"
      "quote,evidence,sentence,begin,end,rule\n"
      "wire/a.txt,France,country,France,supports,\"the \"\"plan, "
      "now\"\"\",true,false,"
      "Emmanuel Macron,\"plan, now\",\"Paris backs the \"\"plan, "
      "now\"\".\",0,0,27,"
      "support.verb\n"
      "wire/a.txt,Germany,country,Germany,opposes,it,false,false,,,"
      "Berlin opposes it firmly.,1,29,46,oppose.alpha\n"
      "wire/a.txt,Germany,country,Germany,opposes,it,false,true,,,"
      "Berlin opposes it firmly.,1,29,46,oppose.basic\n";
  CHECK(got == expected);
}

TEST_CASE("CSV quotes fields holding CR or LF, TSV turns them into spaces") {
  Document doc = MakeDocument();
  doc.claims.resize(1);
  doc.claims[0].target = "line one\nline two\r\tend";
  std::string csv = WriteAll("csv", Records::kClaims, {doc});
  CHECK(csv.find(",\"line one\nline two\r\tend\",") != std::string::npos);
  std::string tsv = WriteAll("tsv", Records::kClaims, {doc});
  CHECK(tsv.find("\tline one line two  end\t") != std::string::npos);
}

TEST_CASE("TSV claims: header, tabs, empty nulls") {
  Document doc = MakeDocument();
  doc.claims.resize(1);  // oppose.basic
  doc.claims[0].target = "it\tall";
  std::string got = WriteAll("tsv", Records::kClaims, {doc});
  std::string expected =
      "doc\tholder\tholder_type\tholder_"
      "affiliation\tstance\ttarget\tnegated\thedged\t"
      "speaker\tquote\tevidence\tsentence\tbegin\tend\trule\n"
      "wire/a.txt\tGermany\tcountry\tGermany\topposes\tit "
      "all\tfalse\ttrue\t\t\t"
      "Berlin opposes it firmly.\t1\t29\t46\toppose.basic\n";
  CHECK(got == expected);
}

TEST_CASE("A header row can be left out") {
  WriterOptions options;
  options.header = false;
  Document doc = MakeDocument();
  doc.claims.clear();
  CHECK(WriteAll("csv", Records::kClaims, {doc}, options).empty());
  options.header = true;
  CHECK(WriteAll("csv", Records::kClaims, {doc}, options) ==
        "doc,holder,holder_type,holder_affiliation,stance,target,negated,"
        "hedged,speaker,"
        "quote,evidence,sentence,begin,end,rule\n");
}

TEST_CASE("A claim whose sentence index is out of range has null evidence") {
  Document doc = MakeDocument();
  doc.claims.resize(1);
  doc.claims[0].sentence = 9;
  std::string got = WriteAll("jsonl", Records::kClaims, {doc});
  CHECK(got.find(R"("evidence":null,"sentence":null,)") != std::string::npos);
}

TEST_CASE("JSONL quotes: original inner text, nulls, sentence spans") {
  std::string got = WriteAll("jsonl", Records::kQuotes, {MakeDocument()});
  std::string expected =
      R"({"doc":"wire/a.txt","quote":"plan, now","begin":17,"end":26,)"
      R"("speaker":"Emmanuel Macron","speaker_role":"President","speaker_affiliation":"France",)"
      R"("cue":"said","method":"quote-comma-cue-speaker","is_term":false,"sentence":0,)"
      R"("sentence_begin":0,"sentence_end":28})"
      "\n"
      R"({"doc":"wire/a.txt","quote":"Zürich","begin":55,"end":62,"speaker":null,)"
      R"("speaker_role":null,"speaker_affiliation":null,"cue":null,"method":null,)"
      R"("is_term":true,"sentence":null,"sentence_begin":null,"sentence_end":null})"
      "\n";
  CHECK(got == expected);
}

TEST_CASE("CSV quotes") {
  std::string got = WriteAll("csv", Records::kQuotes, {MakeDocument()});
  std::string expected =
      "doc,quote,begin,end,speaker,speaker_role,speaker_affiliation,cue,method,"
      "is_term,"
      "sentence,sentence_begin,sentence_end\n"
      "wire/a.txt,\"plan, now\",17,26,Emmanuel Macron,President,France,said,"
      "quote-comma-cue-speaker,false,0,0,28\n"
      "wire/a.txt,Zürich,55,62,,,,,,true,,,\n";
  CHECK(got == expected);
}

TEST_CASE("Sentences as JSONL: spans and exact original text") {
  std::string got = WriteAll("jsonl", Records::kSentences, {MakeDocument()});
  std::string expected =
      R"({"doc":"wire/a.txt","index":0,"begin":0,"end":28,"text":"Paris backs the \"plan, now\"."})"
      "\n"
      R"({"doc":"wire/a.txt","index":1,"begin":29,"end":54,"text":"Berlin opposes it\nfirmly."})"
      "\n"
      R"({"doc":"wire/a.txt","index":2,"begin":55,"end":73,"text":"Zürich café, ok."})"
      "\n";
  CHECK(got == expected);
}

TEST_CASE("Sentences as text: one a line, line breaks inside become spaces") {
  CHECK(WriteAll("text", Records::kSentences, {MakeDocument()}) ==
        "Paris backs the \"plan, now\".\nBerlin opposes it firmly.\nZürich "
        "café, ok.\n");

  Document crlf;
  crlf.id = "crlf";
  crlf.original = "One\r\ntwo.\r\nThree.";
  crlf.sentences = {{{0, 9}, {0, 9}}, {{11, 17}, {11, 17}}};
  CHECK(WriteAll("text", Records::kSentences, {crlf}) == "One  two.\nThree.\n");
}

TEST_CASE("Sentence lists: one object per document") {
  Document doc = MakeDocument();
  doc.id = "42";
  Document empty;
  empty.id = "empty";
  std::string got = WriteAll("jsonl", Records::kSentenceLists, {doc, empty});
  CHECK(got == R"({"id":"42","sentences":["Paris backs the \"plan, now\".",)"
               R"("Berlin opposes it\nfirmly.","Zürich café, ok."]})"
               "\n"
               R"({"id":"empty","sentences":[]})"
               "\n");
  CHECK(WriteAll("text", Records::kSentenceLists, {doc}) ==
        WriteAll("text", Records::kSentences, {doc}));
}

TEST_CASE(
    "Invalid UTF-8 in the original becomes U+FFFD in JSON, unchanged in text") {
  Document doc;
  doc.id = "bad";
  doc.original = "caf\xe9 ok";
  doc.sentences = {{{0, 7}, {0, 7}}};
  CHECK(WriteAll("jsonl", Records::kSentences, {doc}) ==
        "{\"doc\":\"bad\",\"index\":0,\"begin\":0,\"end\":7,\"text\":"
        "\"caf\xef\xbf\xbd ok\"}\n");
  CHECK(WriteAll("text", Records::kSentences, {doc}) == "caf\xe9 ok\n");
}

TEST_CASE("JSON strings are exactly what nlohmann-json writes") {
  const std::string cases[] = {
      "plain ASCII, with punctuation: (a) [b] {c} 1/2 ~ DEL\x7f",
      "quotes \" and backslash \\ and slash /",
      "controls \x01 \x1f \t \b \f \r \n end",
      "Zürich “café” — 東京 😀",
      "\xf4\x8f\xbf\xbf highest code point",
      "\xf4\x90\x80\x80 past U+10FFFF",
      "\xed\xa0\x80 a surrogate",
      "\xc0\xaf overlong slash",
      "truncated \xe2\x80",
      "lone continuation \x80",
      "",
  };
  for (const std::string& text : cases) {
    Document doc;
    doc.id = "d";
    doc.original = text;
    doc.sentences = {{{0, uint32_t(text.size())}, {0, uint32_t(text.size())}}};
    std::string expected =
        "{\"doc\":\"d\",\"index\":0,\"begin\":0,\"end\":" +
        std::to_string(text.size()) + ",\"text\":" +
        nlohmann::json(text).dump(-1, ' ', false,
                                  nlohmann::json::error_handler_t::replace) +
        "}\n";
    CHECK_MESSAGE(WriteAll("jsonl", Records::kSentences, {doc}) == expected,
                  text);
  }
}

TEST_CASE(
    "Spans past the end of the text are clamped, never read out of bounds") {
  Document doc;
  doc.id = "short";
  doc.original = "abc";
  doc.sentences = {{{1, 99}, {1, 99}}, {{50, 60}, {50, 60}}};
  CHECK(WriteAll("text", Records::kSentences, {doc}) == "bc\n\n");
}

TEST_CASE("Small buffers flush in blocks with the same result") {
  WriterOptions options;
  options.buffer_bytes = 8;
  std::vector<Document> docs = {MakeDocument(), MakeDocument()};
  for (const char* format : {"jsonl", "csv", "tsv"}) {
    CHECK(WriteAll(format, Records::kClaims, docs, options) ==
          WriteAll(format, Records::kClaims, docs));
  }
  CHECK(WriteAll("text", Records::kSentences, docs, options) ==
        WriteAll("text", Records::kSentences, docs));
}

TEST_CASE("Unknown formats and impossible combinations are refused") {
  std::ostringstream out;
  std::unique_ptr<Writer> writer;
  Status s = NewWriter("xml", WriterOptions{}, &out, &writer);
  CHECK(s.code() == Status::kInvalidArgument);
  CHECK(s.message().find("'xml'") != std::string::npos);
  CHECK(writer == nullptr);

  WriterOptions claims;
  CHECK(NewWriter("text", claims, &out, &writer).code() ==
        Status::kInvalidArgument);
  WriterOptions lists;
  lists.records = Records::kSentenceLists;
  CHECK(NewWriter("csv", lists, &out, &writer).code() ==
        Status::kInvalidArgument);
  CHECK(NewWriter("tsv", lists, &out, &writer).code() ==
        Status::kInvalidArgument);
}

TEST_CASE("A failed stream is reported, not ignored") {
  std::ostringstream out;
  out.setstate(std::ios::badbit);
  std::unique_ptr<Writer> writer;
  REQUIRE(NewWriter("jsonl", WriterOptions{}, &out, &writer).ok());
  CHECK(writer->Write(MakeDocument()).ok());  // still buffered
  CHECK(writer->Finish().code() == Status::kIOError);
}


// Excel-friendly CSV and TSV.

TEST_CASE("--excel: byte order mark, CRLF, formulas defused, numbers kept") {
  Document doc = MakeDocument();
  doc.claims.resize(1);  // oppose.basic
  doc.claims[0].holder = "=HYPERLINK(\"http://x\",\"y\")";
  doc.claims[0].target = "+1";
  doc.claims[0].holder_affiliation = "-2";
  doc.claims[0].holder_type = "@SUM(A1)";
  doc.claims[0].speaker = "\tTab";
  doc.claims[0].quote = "\rCR";
  doc.claims[0].rule = "a=b";  // only the first character matters
  WriterOptions options;
  options.excel = true;
  std::string csv = WriteAll("csv", Records::kClaims, {doc}, options);
  std::string expected =
      "\xEF\xBB\xBF"
      "doc,holder,holder_type,holder_affiliation,stance,target,negated,"
      "hedged,speaker,quote,evidence,sentence,begin,end,rule\r\n"
      "wire/a.txt,\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",'@SUM(A1),'-2,"
      "opposes,'+1,false,true,'\tTab,\"'\rCR\",Berlin opposes it firmly.,1,29,"
      "46,a=b\r\n";
  CHECK(csv == expected);

  std::string tsv = WriteAll("tsv", Records::kClaims, {doc}, options);
  CHECK(tsv.rfind("\xEF\xBB\xBF" "doc\tholder\t", 0) == 0);
  CHECK(tsv.find("\thedged\tspeaker\tquote\tevidence\tsentence\tbegin\tend"
                 "\trule\r\n") != std::string::npos);
  CHECK(tsv.find("\t'=HYPERLINK(\"http://x\",\"y\")\t'@SUM(A1)\t'-2\t"
                 "opposes\t'+1\tfalse\ttrue\t' Tab\t' CR\t") !=
        std::string::npos);
  CHECK(tsv.size() >= 2);
  CHECK(tsv.substr(tsv.size() - 2) == "\r\n");
}

TEST_CASE("Plain CSV keeps cells that look like formulas as they are") {
  Document doc = MakeDocument();
  doc.claims.resize(1);
  doc.claims[0].holder = "=1+1";
  std::string csv = WriteAll("csv", Records::kClaims, {doc});
  CHECK(csv.find("wire/a.txt,=1+1,") != std::string::npos);
  CHECK(csv.find('\r') == std::string::npos);
  CHECK(csv.rfind("doc,", 0) == 0);
}

TEST_CASE("--excel is refused for formats other than csv and tsv") {
  std::ostringstream out;
  std::unique_ptr<Writer> writer;
  WriterOptions options;
  options.excel = true;
  for (const char* format : {"jsonl", "xlsx", "text"}) {
    Status s = NewWriter(format, options, &out, &writer);
    CHECK(s.code() == Status::kInvalidArgument);
    CHECK(s.message().find("--excel") != std::string::npos);
    CHECK(writer == nullptr);
  }
}

}  // namespace
}  // namespace stance
