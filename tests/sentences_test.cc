#include "pipeline/sentences.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/normalize.h"
#include "pipeline/status.h"

namespace stance {
namespace {

const std::string kRules =
    std::string(STANCE_SOURCE_DIR) + "/rules/abbreviations.yaml";

const SentenceSplitter& Splitter() {
  static const SentenceSplitter* splitter = [] {
    std::unique_ptr<SentenceSplitter> s;
    Status status = SentenceSplitter::Create(kRules, &s);
    REQUIRE_MESSAGE(status.ok(), status.ToString());
    return s.release();
  }();
  return *splitter;
}

std::vector<std::string> Split(std::string_view text) {
  std::vector<Span> spans;
  Splitter().Split(text, &spans);
  std::vector<std::string> out;
  for (Span s : spans) out.emplace_back(text.substr(s.begin, s.size()));
  return out;
}

// Spans are in order, inside the text, non-empty, trimmed, and disjoint.
void CheckSpans(std::string_view text, const std::vector<Span>& spans) {
  auto space = [](char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
  };
  uint32_t last_end = 0;
  for (Span s : spans) {
    REQUIRE(s.begin < s.end);
    REQUIRE(s.end <= text.size());
    CHECK(s.begin >= last_end);
    CHECK_FALSE(space(text[s.begin]));
    CHECK_FALSE(space(text[s.end - 1]));
    last_end = s.end;
  }
}

struct Case {
  std::string text;
  std::vector<std::string> sentences;
};

const std::vector<Case>& Cases() {
  static const std::vector<Case> cases = {
      // Empty text and white space only.
      {"", {}},
      {"  \n\t \n  ", {}},
      {"  Padded on both sides.  \n", {"Padded on both sides."}},
      {"No final punctuation at all", {"No final punctuation at all"}},

      // Ordinary sentence ends.
      {"The talks ended. Both sides left.",
       {"The talks ended.", "Both sides left."}},
      {"Did Lisbon agree? It did not! Talks resume today.",
       {"Did Lisbon agree?", "It did not!", "Talks resume today."}},
      {"Really?! Nobody expected it.", {"Really?!", "Nobody expected it."}},
      {"Exports fell in 2019. 2020 was worse.",
       {"Exports fell in 2019.", "2020 was worse."}},
      {"The envoy left. \"We are done,\" she said.",
       {"The envoy left.", "\"We are done,\" she said."}},

      // A lowercase word after the period continues the sentence.
      {"The summit, held in the capt. area, went well.",
       {"The summit, held in the capt. area, went well."}},

      // Titles never end a sentence.
      {"Mr. Okafor met Gen. Ito and Sen. Ruiz. They spoke for an hour.",
       {"Mr. Okafor met Gen. Ito and Sen. Ruiz.", "They spoke for an hour."}},
      {"Dr. Mensah flew to St. Petersburg on Monday.",
       {"Dr. Mensah flew to St. Petersburg on Monday."}},
      {"Lt. Col. Barros commands the unit.",
       {"Lt. Col. Barros commands the unit."}},
      {"The delegation met Mrs.\nOkafor in Abuja.",
       {"The delegation met Mrs.\nOkafor in Abuja."}},

      // Words before numbers and months: not before a digit.
      {"The minister lives at No. 10 on the square.",
       {"The minister lives at No. 10 on the square."}},
      {"The vote is set for Jan. 15 in Geneva. Sept. 30 is the deadline.",
       {"The vote is set for Jan. 15 in Geneva.", "Sept. 30 is the deadline."}},
      {"Was the reply yes? The answer was No. The minister walked out.",
       {"Was the reply yes?", "The answer was No.",
        "The minister walked out."}},
      {"Talks began in Dec. The envoys left in March.",
       {"Talks began in Dec.", "The envoys left in March."}},
      {"See Art. 5 of the treaty.", {"See Art. 5 of the treaty."}},

      // Other abbreviations end a sentence only before a sentence starter.
      {"The U.S. Senate voted. The U.N. agreed.",
       {"The U.S. Senate voted.", "The U.N. agreed."}},
      {"Aid came from the U.S. The E.U. pledged more.",
       {"Aid came from the U.S.", "The E.U. pledged more."}},
      {"The convoy left at 6 a.m. Friday and came back at 9 p.m. on Sunday.",
       {"The convoy left at 6 a.m. Friday and came back at 9 p.m. on Sunday."}},
      {"The meeting ended at 5 p.m. He then flew home.",
       {"The meeting ended at 5 p.m.", "He then flew home."}},
      {"Acme Inc. said it would comply, i.e. pay the fine.",
       {"Acme Inc. said it would comply, i.e. pay the fine."}},
      {"They export oil, gas, etc. The figures are rising.",
       {"They export oil, gas, etc.", "The figures are rising."}},
      {"An unlisted shape like the U.A.E. Ministry counts too.",
       {"An unlisted shape like the U.A.E. Ministry counts too."}},
      {"Shares of Borsa Inc. (Borsa Group) fell.",
       {"Shares of Borsa Inc. (Borsa Group) fell."}},
      {"Aid came from the U.S. (The E.U. gave more.)",
       {"Aid came from the U.S.", "(The E.U. gave more.)"}},
      {"It sold to Acme Inc. \"We are pleased,\" a spokesman said.",
       {"It sold to Acme Inc.", "\"We are pleased,\" a spokesman said."}},
      {"Troops from the U.K. 3rd Division arrived.",
       {"Troops from the U.K. 3rd Division arrived."}},
      {"It was signed in Washington, D.C.\nThe next round is in Doha.",
       {"It was signed in Washington, D.C.", "The next round is in Doha."}},

      // Initials.
      {"J. R. R. Tolkien wrote it. Harry S. Truman signed it.",
       {"J. R. R. Tolkien wrote it.", "Harry S. Truman signed it."}},
      {"They chose Plan B. The first plan had failed.",
       {"They chose Plan B.", "The first plan had failed."}},
      {"The dean, Paula A. I. Moreno, spoke.",
       {"The dean, Paula A. I. Moreno, spoke."}},

      // Decimals, money, versions and web addresses.
      {"The fund holds $4.5 billion. Growth was 3.2 percent.",
       {"The fund holds $4.5 billion.", "Growth was 3.2 percent."}},
      {"Version 2.0.1 shipped. Prices rose 0.5%.",
       {"Version 2.0.1 shipped.", "Prices rose 0.5%."}},
      {"Details are on example.org today. Access is free.",
       {"Details are on example.org today.", "Access is free."}},
      {"U.S.-led forces withdrew.", {"U.S.-led forces withdrew."}},

      // Ellipses.
      {"We waited... and waited. Nothing came.",
       {"We waited... and waited.", "Nothing came."}},
      {"He paused... Then he spoke again.",
       {"He paused...", "Then he spoke again."}},
      {"The deal \xE2\x80\xA6 was signed. It held.",
       {"The deal \xE2\x80\xA6 was signed.", "It held."}},
      {"We hoped for peace\xE2\x80\xA6 The war went on.",
       {"We hoped for peace\xE2\x80\xA6", "The war went on."}},
      {"The plan was . . . flawed. Everyone knew.",
       {"The plan was . . . flawed.", "Everyone knew."}},
      {"The cost was high... 40 people died.",
       {"The cost was high... 40 people died."}},
      {"Talks stalled.\n\n[...] Today they resume.",
       {"Talks stalled.", "[...] Today they resume."}},
      {"... The rest is history.", {"... The rest is history."}},

      // ? and ! inside quotes.
      {"\"Will they sign?\" she asked. Nobody knew.",
       {"\"Will they sign?\" she asked.", "Nobody knew."}},
      {"\"Will they sign?\" Ortega asked.",
       {"\"Will they sign?\" Ortega asked."}},
      {"\"Enough!\" The hall fell silent.",
       {"\"Enough!\"", "The hall fell silent."}},
      {"\"We will win!\" Yesterday the mood was grim.",
       {"\"We will win!\"", "Yesterday the mood was grim."}},
      {"\"Why now?\" \"Because time is short.\"",
       {"\"Why now?\"", "\"Because time is short.\""}},
      {"Who pays? Brussels, the report says.",
       {"Who pays?", "Brussels, the report says."}},

      // Sentence-final quotes: the sentence ends after the closing mark.
      {"\"We will not retreat.\" He said it twice.",
       {"\"We will not retreat.\"", "He said it twice."}},
      {"She called the plan \"a grave mistake.\" Others agreed.",
       {"She called the plan \"a grave mistake.\"", "Others agreed."}},
      {"He said 'no.' Then he hung up.", {"He said 'no.'", "Then he hung up."}},
      {"\"It is over,\" the envoy said.", {"\"It is over,\" the envoy said."}},
      {"He quoted her: 'It ends today.' \" Then silence.",
       {"He quoted her: 'It ends today.' \"", "Then silence."}},
      {"\xE2\x80\x9CWe stand firm.\xE2\x80\x9D The envoy left.",
       {"\xE2\x80\x9CWe stand firm.\xE2\x80\x9D", "The envoy left."}},

      // Parentheses.
      {"The bill passed (narrowly.) A recount followed.",
       {"The bill passed (narrowly.)", "A recount followed."}},
      {"(The vote was close.) Both parties claimed victory.",
       {"(The vote was close.)", "Both parties claimed victory."}},
      {"The ministry left. (Aides declined to comment.)",
       {"The ministry left.", "(Aides declined to comment.)"}},
      {"The treaty (signed in 1987) lapsed.",
       {"The treaty (signed in 1987) lapsed."}},

      // Headlines and datelines: a line without final punctuation stands alone.
      {"Ceasefire holds in northern province\n\nMonday, March 2, 2020\n\nThe "
       "truce held overnight.",
       {"Ceasefire holds in northern province", "Monday, March 2, 2020",
        "The truce held overnight."}},
      {"Leaders gather in Oslo\nBy Ana Lima\n6 min read\nThe summit opened "
       "today.",
       {"Leaders gather in Oslo", "By Ana Lima", "6 min read",
        "The summit opened today."}},
      {"Will the truce hold?\nDiplomats are unsure.",
       {"Will the truce hold?", "Diplomats are unsure."}},
      {"Protests spread\nPolice kept away.",
       {"Protests spread", "Police kept away."}},
      {"GENEVA (AP) - Talks resumed today. Delegates were hopeful.",
       {"GENEVA (AP) - Talks resumed today.", "Delegates were hopeful."}},

      // A single line break inside prose that is mid-sentence: no break.
      {"The minister met with the\npresident on Monday. They agreed.",
       {"The minister met with the\npresident on Monday.", "They agreed."}},
      {"Envoys from Kyiv,\nWarsaw and Vilnius agreed.",
       {"Envoys from Kyiv,\nWarsaw and Vilnius agreed."}},
      {"The talks were attended by\nMinisters of five states.",
       {"The talks were attended by\nMinisters of five states."}},
      {"Her message was clear:\n\"No more delays.\"",
       {"Her message was clear:\n\"No more delays.\""}},
      {"Related:\nTruce talks resume\nEnvoy named",
       {"Related:", "Truce talks resume", "Envoy named"}},
      {"The dispute is over\nfishing rights.",
       {"The dispute is over\nfishing rights."}},
      // A hard-wrapped paragraph joins even before a capitalised line.
      {"Negotiators from both delegations met President\n"
       "Ramos of the coalition on Tuesday and signed the\n"
       "agreement. It takes effect in May.",
       {"Negotiators from both delegations met President\n"
        "Ramos of the coalition on Tuesday and signed the\n"
        "agreement.",
        "It takes effect in May."}},

      // List items.
      {"The demands:\n- a ceasefire\n- talks in Geneva\n* aid "
       "corridors\n\xE2\x80\xA2 prisoner swaps",
       {"The demands:", "- a ceasefire", "- talks in Geneva", "* aid corridors",
        "\xE2\x80\xA2 prisoner swaps"}},
      {"Steps agreed:\n1. Withdraw troops.\n2. Open the border.\n3) Hold "
       "elections",
       {"Steps agreed:", "1. Withdraw troops.", "2. Open the border.",
        "3) Hold elections"}},
      {"The plan has three parts:\n- a ceasefire,\n- talks in the capital, "
       "and\n- aid for the",
       {"The plan has three parts:", "- a ceasefire,",
        "- talks in the capital, and", "- aid for the"}},
      {"Options discussed with the\n1) envoy of the\n2) mediators",
       {"Options discussed with the", "1) envoy of the", "2) mediators"}},
      {"Key points\n- The army withdraws. Monitors arrive.\n- Elections follow",
       {"Key points", "- The army withdraws.", "Monitors arrive.",
        "- Elections follow"}},

      // Paragraph breaks always end a sentence.
      {"The first paragraph ends here\n\nthe second starts in lowercase.",
       {"The first paragraph ends here", "the second starts in lowercase."}},
      {"Letter to Mr.\n\nOkafor", {"Letter to Mr.", "Okafor"}},
      {"One\n \t \nTwo", {"One", "Two"}},
      {"First.\n\n\n\nSecond.", {"First.", "Second."}},

      // Sentence ends of other scripts, as found in quotations.
      {"\xE0\xA4\xB9\xE0\xA4\xBE\xE0\xA4\x81\xE0\xA5\xA4 "
       "\xE0\xA4\xA8\xE0\xA4\xB9\xE0\xA5\x80\xE0\xA4\x82\xE0\xA5\xA4",
       {"\xE0\xA4\xB9\xE0\xA4\xBE\xE0\xA4\x81\xE0\xA5\xA4",
        "\xE0\xA4\xA8\xE0\xA4\xB9\xE0\xA5\x80\xE0\xA4\x82\xE0\xA5\xA4"}},
      {"\xE5\xA5\xBD\xE3\x80\x82\xE6\x98\xAF\xEF\xBC\x9F\xE5\xAF\xB9",
       {"\xE5\xA5\xBD\xE3\x80\x82", "\xE6\x98\xAF\xEF\xBC\x9F",
        "\xE5\xAF\xB9"}},
      {"Is it over\xD8\x9F Yes.", {"Is it over\xD8\x9F", "Yes."}},

      // Odd input.
      {"...", {"..."}},
      {"?!", {"?!"}},
      {". . .", {". . ."}},
      {"\"", {"\""}},
      {"A.", {"A."}},
      {"end.\"", {"end.\""}},
      {"Trailing space after the end. ", {"Trailing space after the end."}},
  };
  return cases;
}

TEST_CASE("SentenceSplitter splits news text") {
  for (const Case& c : Cases()) {
    CAPTURE(c.text);
    std::vector<Span> spans;
    Splitter().Split(c.text, &spans);
    CheckSpans(c.text, spans);
    CHECK(Split(c.text) == c.sentences);
  }
}

TEST_CASE("SentenceSplitter handles CRLF and a BOM through normalisation") {
  Document doc;
  doc.original =
      "\xEF\xBB\xBFHeadline here\r\n\r\nThe talks ended.\r\nBoth sides "
      "left.\r\n";
  Normalize(&doc, nullptr);
  Splitter().Annotate(&doc);
  REQUIRE(doc.sentences.size() == 3);
  CHECK(doc.Original(doc.sentences[0].span) == "Headline here");
  CHECK(doc.Original(doc.sentences[1].span) == "The talks ended.");
  CHECK(doc.Original(doc.sentences[2].span) == "Both sides left.");
  CHECK(doc.Text(doc.sentences[0].norm) == "Headline here");
  CHECK(doc.sentences[0].span == Span{3, 16});
}

TEST_CASE(
    "Annotate maps spans back to the original bytes, curly quotes included") {
  Document doc;
  doc.original =
      "\xE2\x80\x9CWe will not yield.\xE2\x80\x9D Lisbon\xE2\x80\x99s "
      "envoy\xE2\x80\x94"
      "calm\xC2\xA0"
      "as ever\xE2\x80\x94said so. \xE2\x80\x98Why?\xE2\x80\x99 asked nobody.";
  Normalize(&doc, nullptr);
  Splitter().Annotate(&doc);
  REQUIRE(doc.sentences.size() == 3);
  CHECK(doc.Original(doc.sentences[0].span) ==
        "\xE2\x80\x9CWe will not yield.\xE2\x80\x9D");
  CHECK(doc.Text(doc.sentences[0].norm) == "\"We will not yield.\"");
  CHECK(doc.Original(doc.sentences[1].span) ==
        "Lisbon\xE2\x80\x99s envoy\xE2\x80\x94"
        "calm\xC2\xA0"
        "as ever\xE2\x80\x94said so.");
  CHECK(doc.Text(doc.sentences[1].norm) ==
        "Lisbon's envoy - calm as ever - said so.");
  CHECK(doc.Original(doc.sentences[2].span) ==
        "\xE2\x80\x98Why?\xE2\x80\x99 asked nobody.");
}

TEST_CASE("Annotate replaces earlier sentences") {
  Document doc;
  doc.original = "One. Two.";
  Normalize(&doc, nullptr);
  doc.sentences.push_back({{0, 1}, {0, 1}});
  Splitter().Annotate(&doc);
  CHECK(doc.sentences.size() == 2);
}

TEST_CASE("Invalid UTF-8 is split without harm and reported by normalisation") {
  Document doc;
  doc.id = "bad";
  doc.original = "Bad \xFF\xFE bytes here. Next \xC3 one.";
  CollectingSink sink;
  Normalize(&doc, &sink);
  Splitter().Annotate(&doc);
  REQUIRE(sink.diagnostics().size() == 2);
  CHECK(sink.diagnostics()[0].message.find("byte 4") != std::string::npos);
  REQUIRE(doc.sentences.size() == 2);
  CHECK(doc.Original(doc.sentences[0].span) == "Bad \xFF\xFE bytes here.");
  CHECK(doc.Original(doc.sentences[1].span) == "Next \xC3 one.");
  // Raw invalid bytes straight into Split: no crash, sane spans.
  std::string raw = "Raw \xE2\x80 cut. \xE2 And \xC2\n\n\xF0\x9F end.\xE2";
  std::vector<Span> spans;
  Splitter().Split(raw, &spans);
  CheckSpans(raw, spans);
  CHECK_FALSE(spans.empty());
}

TEST_CASE("Random and binary input gives well-formed spans") {
  std::mt19937 rng(42);
  const std::string alphabet[] = {"a",    "B",
                                  " ",    "\n",
                                  "\n\n", ".",
                                  "?",    "!",
                                  "\"",   "'",
                                  ")",    "(",
                                  "1",    "Mr",
                                  "U.S",  "\t",
                                  "-",    "\xE2\x80\xA6",
                                  "\xE2", "\xC3",
                                  "\xFF", "\xE2\x80\x9D",
                                  "The"};
  for (int round = 0; round < 300; ++round) {
    std::string text;
    int pieces = static_cast<int>(rng() % 200);
    for (int i = 0; i < pieces; ++i)
      text += alphabet[rng() % std::size(alphabet)];
    std::vector<Span> spans;
    Splitter().Split(text, &spans);
    CAPTURE(text);
    CheckSpans(text, spans);
    // Nothing but white space is lost.
    size_t kept = 0;
    for (Span s : spans) kept += s.size();
    size_t non_space = 0;
    for (char c : text) non_space += !(c == ' ' || c == '\n' || c == '\t');
    CHECK(kept >= non_space);
  }
  std::string binary;
  for (int i = 0; i < 100000; ++i) binary += static_cast<char>(rng() & 0xFF);
  std::vector<Span> spans;
  Splitter().Split(binary, &spans);
  CheckSpans(binary, spans);
}

TEST_CASE("A huge run without punctuation is cut into bounded pieces") {
  std::string text;
  for (int i = 0; i < 20000; ++i) text += "word ";
  text += std::string(40000, 'x');
  std::vector<Span> spans;
  Splitter().Split(text, &spans);
  CheckSpans(text, spans);
  REQUIRE(spans.size() >= 8);
  for (Span s : spans) CHECK(s.size() <= 16384);
  CHECK(spans.back().end == text.size());
}

// Abbreviation files.

std::string WriteTemp(const std::string& name, const std::string& text) {
  std::filesystem::path path =
      std::filesystem::temp_directory_path() /
      ("stance_sent_" + std::to_string(getpid()) + "_" + name);
  std::ofstream(path, std::ios::binary) << text;
  return path.string();
}

Status CreateFrom(const std::string& name, const std::string& yaml) {
  std::string path = WriteTemp(name, yaml);
  std::unique_ptr<SentenceSplitter> splitter;
  Status s = SentenceSplitter::Create(path, &splitter);
  CHECK(s.ok() == (splitter != nullptr));
  std::filesystem::remove(path);
  return s;
}

TEST_CASE("The shipped abbreviations file loads") {
  std::unique_ptr<SentenceSplitter> splitter;
  Status s = SentenceSplitter::Create(kRules, &splitter);
  CHECK_MESSAGE(s.ok(), s.ToString());
  CHECK(splitter != nullptr);
}

TEST_CASE("A missing abbreviations file is an error naming it") {
  std::unique_ptr<SentenceSplitter> splitter;
  Status s =
      SentenceSplitter::Create("/nonexistent/abbreviations.yaml", &splitter);
  CHECK(s.code() == Status::kIOError);
  CHECK(s.ToString().find("/nonexistent/abbreviations.yaml") == 0);
  CHECK(splitter == nullptr);
}

TEST_CASE("Malformed abbreviation files give path:line:col") {
  struct Bad {
    const char* yaml;
    int line;
    int col;
    const char* message;
  };
  const Bad bad[] = {
      // YAML syntax error: an unclosed flow sequence.
      {"name: a\nversion: 1\ntitles: [Mr., Dr.\n", 4, 1, ""},
      // An entry without its period.
      {"name: a\nversion: 1\ntitles:\n  - Mr.\n  - Dr\n", 5, 5,
       "'Dr' must end with a period"},
      // An unknown key.
      {"name: a\nversion: 1\ntittles:\n  - Mr.\n", 3, 1,
       "unknown key 'tittles'"},
      // The same abbreviation in two lists.
      {"name: a\nversion: 1\ntitles: [Mr.]\nabbreviations: [etc., Mr.]\n", 4,
       23, "'Mr.' is already listed on line 3"},
      // A list that is not a list.
      {"name: a\nversion: 1\nmonths: Jan.\n", 3, 9, "'months' must be a list"},
      // A starter with a period.
      {"name: a\nversion: 1\nsentence_starters: [The, In.]\n", 3, 26,
       "'In.' must be a word without a period"},
      // No name.
      {"version: 1\ntitles: [Mr.]\n", 1, 1, "missing key 'name'"},
      // Not a map at all.
      {"- Mr.\n- Dr.\n", 1, 1, "expected a map"},
  };
  int i = 0;
  for (const Bad& b : bad) {
    CAPTURE(b.yaml);
    std::string name = "bad" + std::to_string(i++) + ".yaml";
    Status s = CreateFrom(name, b.yaml);
    REQUIRE_FALSE(s.ok());
    CHECK(s.code() == Status::kRuleError);
    CHECK(s.location().path.find(name) != std::string::npos);
    CHECK(s.location().line == b.line);
    CHECK(s.location().col == b.col);
    CHECK(s.message().find(b.message) != std::string::npos);
    std::string where =
        ":" + std::to_string(b.line) + ":" + std::to_string(b.col) + ": ";
    CHECK(s.ToString().find(where) != std::string::npos);
  }
}

TEST_CASE("Every problem of an abbreviation file is listed") {
  Status s = CreateFrom("many.yaml", "name: a\nversion: 1\ntitles: [Mr, Dr]\n");
  REQUIRE_FALSE(s.ok());
  CHECK(s.location().line == 3);
  CHECK(s.location().col == 10);
  CHECK(s.message().find("'Dr' must end with a period") != std::string::npos);
  CHECK(s.message().find(":3:14: error:") != std::string::npos);
}

TEST_CASE("The lists change how the splitter behaves") {
  std::string path = WriteTemp("custom.yaml",
                               "name: custom\nversion: 2\n"
                               "titles: [Amb.]\n"
                               "abbreviations: [Gov.]\n"
                               "sentence_starters: [Later]\n");
  std::unique_ptr<SentenceSplitter> splitter;
  Status s = SentenceSplitter::Create(path, &splitter);
  std::filesystem::remove(path);
  REQUIRE_MESSAGE(s.ok(), s.ToString());
  auto split = [&](std::string_view text) {
    std::vector<Span> spans;
    splitter->Split(text, &spans);
    return spans.size();
  };
  CHECK(split("The Amb. Lee spoke. Then left.") == 2);
  CHECK(split("Mr. Lee spoke.") == 2);             // "Mr." is not listed here
  CHECK(split("Ask the Gov. Office now.") == 1);   // not a starter
  CHECK(split("Ask the Gov. Later we go.") == 2);  // a starter
  CHECK(split("Ask the Gov. The end.") == 1);      // "The" is not listed here
}

}  // namespace
}  // namespace stance
