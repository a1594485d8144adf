// Tests of the quote stage (pipeline/quotes.h): detection of quotations and
// the attribution layouts. Documents are built by hand, so these tests do
// not depend on the normaliser, the sentence splitter or the actor stage;
// the end-to-end fixture is in quotes_fixture_test.cc.
#include "pipeline/quotes.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/status.h"

namespace stance {
namespace {

const QuoteAttributor& Attributor() {
  static std::unique_ptr<QuoteAttributor> attributor = [] {
    std::unique_ptr<QuoteAttributor> a;
    CollectingSink sink;
    Status s = QuoteAttributor::Load(
        std::string(STANCE_SOURCE_DIR) + "/rules/quotes", &a, &sink);
    REQUIRE_MESSAGE(s.ok(), s.ToString());
    return a;
  }();
  return *attributor;
}

// Splits `text` into sentences the simple way: after . ? or ! (and a closing
// mark) followed by white space, and at line breaks.
std::vector<Sentence> SimpleSentences(const std::string& text) {
  std::vector<Sentence> out;
  size_t begin = 0;
  auto push = [&](size_t end) {
    while (begin < end && (text[begin] == ' ' || text[begin] == '\n')) ++begin;
    size_t e = end;
    while (e > begin && (text[e - 1] == ' ' || text[e - 1] == '\n')) --e;
    if (e > begin)
      out.push_back(
          {{uint32_t(begin), uint32_t(e)}, {uint32_t(begin), uint32_t(e)}});
    begin = end;
  };
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') {
      push(i);
    } else if (text[i] == '.' || text[i] == '?' || text[i] == '!') {
      size_t j = i + 1;
      while (j < text.size() && (text[j] == '"' || text[j] == '\'')) ++j;
      if (j < text.size() && text[j] == ' ' && j + 1 < text.size() &&
          (isupper(static_cast<unsigned char>(text[j + 1])) ||
           text[j + 1] == '"')) {
        push(j);
      }
    }
  }
  push(text.size());
  return out;
}

// A document whose original text is `text` (already normalised).
Document Doc(const std::string& text) {
  Document d;
  d.id = "test";
  d.original = text;
  d.text = text;
  d.sentences = SimpleSentences(text);
  return d;
}

// A document whose original has curly marks; its text is normalised the
// way normalize.h says (curly quotes to ' and ", guillemets to ").
Document CurlyDoc(const std::string& original) {
  static const std::pair<std::string, char> kMarks[] = {
      {"\u201C", '"'}, {"\u201D", '"'},  {"\u201E", '"'}, {"\u00AB", '"'},
      {"\u00BB", '"'}, {"\u2018", '\''}, {"\u2019", '\''}};
  Document d;
  d.id = "curly";
  d.original = original;
  for (size_t i = 0; i < original.size();) {
    bool replaced = false;
    for (const auto& [mark, ascii] : kMarks) {
      if (original.compare(i, mark.size(), mark) == 0) {
        d.text += ascii;
        i += mark.size();
        d.offsets.Add(uint32_t(d.text.size()), uint32_t(i));
        replaced = true;
        break;
      }
    }
    if (!replaced) d.text += original[i++];
  }
  for (Sentence& s : SimpleSentences(d.text)) {
    s.span = d.offsets.ToOriginal(s.norm);
    d.sentences.push_back(s);
  }
  return d;
}

struct Run {
  Document doc;
  CollectingSink warnings;

  explicit Run(Document d) : doc(std::move(d)) {
    Attributor().Annotate(&doc, &warnings);
  }

  // The quotation whose inner text starts with `prefix`.
  const Quote& Find(const std::string& prefix) const {
    for (const Quote& q : doc.quotes) {
      if (doc.Text(q.norm).substr(0, prefix.size()) == prefix) return q;
    }
    FAIL("no quotation starts with: " << prefix);
    static Quote none;
    return none;
  }
  std::string Inner(const Quote& q) const {
    return std::string(doc.Text(q.norm));
  }
};

ActorMention Mention(const Document& d, const std::string& words,
                     ActorType type, const std::string& name,
                     const std::string& affiliation = "",
                     const std::string& role = "", size_t from = 0) {
  size_t at = d.text.find(words, from);
  REQUIRE(at != std::string::npos);
  ActorMention m;
  m.norm = {uint32_t(at), uint32_t(at + words.size())};
  m.span = d.offsets.ToOriginal(m.norm);
  m.name = name;
  m.type = type;
  m.affiliation = affiliation;
  m.role = role;
  return m;
}

// ---------------------------------------------------------------------------
// Detection

TEST_CASE("quotes: straight double quotes give inner and outer spans") {
  Run r(Doc("The envoy said, \"We are ready to talk.\" Talks begin today."));
  REQUIRE(r.doc.quotes.size() == 1);
  const Quote& q = r.doc.quotes[0];
  CHECK(r.Inner(q) == "We are ready to talk.");
  CHECK(r.doc.Text(q.outer_norm) == "\"We are ready to talk.\"");
  CHECK(q.span == q.norm);  // identity offsets
  CHECK(q.sentence == 0);
  CHECK(q.last_sentence == 0);
  CHECK_FALSE(q.is_term);
}

TEST_CASE("quotes: apostrophes never open or close a quotation") {
  Run r(Doc(
      "Kenya's delegate said the plan \"won't fail in the ministers' hands,\" "
      "and the envoys' aides agreed. It's the '90s all over again."));
  REQUIRE(r.doc.quotes.size() == 1);
  CHECK(r.Inner(r.doc.quotes[0]) == "won't fail in the ministers' hands,");
  CHECK(r.warnings.diagnostics().empty());
}

TEST_CASE("quotes: single marks used as quotation marks") {
  Run r(
      Doc("The minister said: 'We will not back down over the border.' Aides "
          "nodded."));
  REQUIRE(r.doc.quotes.size() == 1);
  const Quote& q = r.doc.quotes[0];
  CHECK(r.Inner(q) == "We will not back down over the border.");
  CHECK(q.speaker == "minister");
}

TEST_CASE("quotes: a possessive s' does not close a single-quoted quotation") {
  Run r(
      Doc("Moreno said: 'the ministers' talks will go on whatever happens,' "
          "adding nothing."));
  REQUIRE(r.doc.quotes.size() == 1);
  CHECK(r.Inner(r.doc.quotes[0]) ==
        "the ministers' talks will go on whatever happens,");
}

TEST_CASE(
    "quotes: nested quotations, single inside double and double inside "
    "single") {
  Run r(
      Doc("\"They called it 'a historic error,' and we agree with them,\" "
          "Ortega said. "
          "'Critics call the accord \"a blank cheque\" for the army,' Vance "
          "wrote."));
  REQUIRE(r.doc.quotes.size() == 4);
  const Quote& outer = r.Find("They called it");
  CHECK(outer.speaker == "Ortega");
  const Quote& nested = r.Find("a historic error,");
  CHECK(nested.method == "nested");
  CHECK(nested.speaker.empty());
  CHECK(r.Find("Critics call").speaker == "Vance");
  CHECK(r.Find("a blank cheque").method == "nested");
}

TEST_CASE("quotes: a quotation over several sentences") {
  Run r(
      Doc("Ortega was blunt. \"The deal is dead. Nobody will revive it. We "
          "move on,\" "
          "she told reporters."));
  REQUIRE(r.doc.quotes.size() == 1);
  const Quote& q = r.doc.quotes[0];
  CHECK(q.sentence == 1);
  CHECK(q.last_sentence == 3);
  CHECK(q.speaker == "Ortega");
  CHECK(q.method == "quote-comma-speaker-cue");
}

TEST_CASE("quotes: a quotation over two paragraphs") {
  Run r(
      Doc("Foreign Minister Teodora Valk said: \"We have waited long enough "
          "for an answer.\n\n"
          "\"Our patience is not unlimited, and nobody should mistake it for "
          "weakness.\"\n\n"
          "The talks resume on Monday."));
  REQUIRE(r.doc.quotes.size() == 1);
  const Quote& q = r.doc.quotes[0];
  CHECK(r.Inner(q).find("We have waited") == 0);
  CHECK(r.Inner(q).find("mistake it for weakness.") != std::string::npos);
  CHECK(q.speaker == "Teodora Valk");
  CHECK(q.speaker_role == "Foreign Minister");
  CHECK(r.warnings.diagnostics().empty());
}

TEST_CASE(
    "quotes: an unbalanced mark ends with its paragraph, with a warning") {
  // A paragraph that opens with a mark continues the open quotation (the
  // newspaper convention), so this is one quotation over two paragraphs.
  Run r(
      Doc("The minister said: \"We will never accept this partition of our "
          "land.\n\n"
          "\"Borders are not for sale,\" Vance said on Monday."));
  REQUIRE(r.doc.quotes.size() == 1);
  CHECK(r.Inner(r.doc.quotes[0]).find("Borders are not for sale,") !=
        std::string::npos);
  // Otherwise the quotation ends with its paragraph.
  Run u(Doc(
      "The minister said: \"We will never accept this partition of our "
      "land.\n\n"
      "Talks resumed on Monday. \"Borders are not for sale,\" Vance said."));
  REQUIRE(u.doc.quotes.size() == 2);
  CHECK(u.Inner(u.doc.quotes[0]) ==
        "We will never accept this partition of our land.");
  CHECK(u.doc.quotes[1].speaker == "Vance");
  REQUIRE_FALSE(u.warnings.diagnostics().empty());
  const Diagnostic& d = u.warnings.diagnostics()[0];
  CHECK(d.severity == Diagnostic::kWarning);
  CHECK(d.location.path == "test");
  CHECK(d.location.line == 1);
  CHECK(d.location.col == 20);
  CHECK(d.message.find("unbalanced") != std::string::npos);
}

TEST_CASE("quotes: a stray closing mark is reported and skipped") {
  Run r(Doc("Vance spoke\" to reporters. \"We are done,\" he said."));
  REQUIRE(r.doc.quotes.size() == 1);
  CHECK(r.Inner(r.doc.quotes[0]) == "We are done,");
  REQUIRE(r.warnings.diagnostics().size() == 1);
  CHECK(r.warnings.diagnostics()[0].message.find("stray") != std::string::npos);
}

TEST_CASE(
    "quotes: curly marks of the original give the direction and cite the "
    "original") {
  Run r(CurlyDoc(
      "Vance\u2019s aide called it \u2018a serious provocation\u2019 and said "
      "\u201CThe envoys\u2019 patience is over.\u201D"));
  REQUIRE(r.doc.quotes.size() == 2);
  const Quote& single = r.Find("a serious provocation");
  CHECK(r.doc.Original(single.span) == "a serious provocation");
  CHECK_FALSE(single.is_term);
  const Quote& dbl = r.Find("The envoys' patience");
  CHECK(r.doc.Original(dbl.span) == "The envoys\u2019 patience is over.");
}

TEST_CASE("quotes: empty quotations are ignored") {
  Run r(Doc("He wrote \"\" on the form and \" \" on the next."));
  CHECK(r.doc.quotes.empty());
}

// ---------------------------------------------------------------------------
// Terms and scare quotes

TEST_CASE("quotes: titles and scare quotes are terms without a speaker") {
  Run r(Doc(
      "Delegates met for the fifth round of the \"Geneva Track\" talks, which "
      "the "
      "ministry said would settle the so-called \"river dispute\" for good."));
  REQUIRE(r.doc.quotes.size() == 2);
  for (const Quote& q : r.doc.quotes) {
    CHECK(q.is_term);
    CHECK(q.speaker.empty());
    CHECK(q.method == "term");
  }
  CHECK(r.warnings.diagnostics().empty());
}

TEST_CASE("quotes: a short quotation beside its cue is speech, not a term") {
  Run r(Doc("\"Never,\" Vance said. Ortega called the offer \"an insult\"."));
  CHECK_FALSE(r.Find("Never,").is_term);
  CHECK(r.Find("Never,").speaker == "Vance");
  CHECK_FALSE(r.Find("an insult").is_term);
  CHECK(r.Find("an insult").speaker == "Ortega");
}

// ---------------------------------------------------------------------------
// Attribution layouts

struct LayoutCase {
  const char* text;
  const char* quote;  // prefix of the inner text
  const char* speaker;
  const char* cue;
  const char* method;
};

TEST_CASE("quotes: attribution layouts") {
  const LayoutCase cases[] = {
      // "Q," X said.
      {"\"We will keep the border open,\" Moreno said.", "We will keep",
       "Moreno", "said", "quote-comma-speaker-cue"},
      // "Q," said X.
      {"\"The vote was fair,\" said Teodora Valk.", "The vote was",
       "Teodora Valk", "said", "quote-comma-cue-speaker"},
      // British punctuation: "Q", X said.
      {"\"The vote was fair\", Valk insisted.", "The vote was fair", "Valk",
       "insisted", "quote-comma-speaker-cue"},
      // X said, "Q"
      {"Moreno said, \"Nobody wants another war in the valley.\"",
       "Nobody wants", "Moreno", "said", "speaker-cue-quote"},
      // X told reporters: "Q"
      {"Moreno told reporters in Lisbon: \"The sanctions will stay.\"",
       "The sanctions", "Moreno", "told", "speaker-cue-quote"},
      // X said that "Q"
      {"Valk said that \"the embargo has failed the people it was meant to "
       "help.\"",
       "the embargo", "Valk", "said", "speaker-cue-that-quote"},
      // X: "Q"
      {"Teodora Valk: \"We are not leaving the table.\"", "We are not leaving",
       "Teodora Valk", "", "speaker-colon-quote"},
      // X's message was clear: "Q"
      {"Moreno's message was clear: \"No troops will cross that line.\"",
       "No troops", "Moreno", "message was clear",
       "possessive-phrase-colon-quote"},
      // According to X, "Q"
      {"According to the foreign ministry, \"the talks produced no result at "
       "all.\"",
       "the talks produced", "foreign ministry", "According to",
       "according-to-quote"},
      // "Q," according to X.
      {"\"The convoy was stopped at the crossing,\" according to a UN "
       "official.",
       "The convoy was", "UN official", "according to", "quote-according-to"},
      // As X put it, "Q"
      {"As the spokesperson for Chile's Foreign Ministry put it, \"the door "
       "stays open.\"",
       "the door stays", "spokesperson for Chile's Foreign Ministry", "put it",
       "as-speaker-cue-quote"},
      // with X asserting, "Q"
      {"The ministry rejected the report, with a Foreign Office spokesperson "
       "asserting, "
       "\"These claims are baseless and we will say so at the council.\"",
       "These claims", "Foreign Office spokesperson", "asserting",
       "with-speaker-cueing-quote"},
      // X ..., urging Y to "Q"
      {"Moreno did not hold back, urging the donors to \"release the frozen "
       "funds before "
       "winter.\"",
       "release the frozen", "Moreno", "urging", "participle-cue-quote"},
      // X praised Y for "Q"
      {"Valk praised the mediators for \"keeping both sides at the table for "
       "eleven hours.\"",
       "keeping both sides", "Valk", "praised", "speaker-cue-object-for-quote"},
      // X described as "Q" Y
      {"The delegates described as \"premature\" any talk of lifting the "
       "embargo.",
       "premature", "delegates", "described as", "speaker-cue-quote"},
      // X said Y was "Q"
      {"Moreno said the new tariffs were \"an act of economic aggression\" "
       "against his country.",
       "an act of", "Moreno", "said", "speaker-cue-partial-quote"},
      // "Q" - X
      {"\"We will not be intimidated by anyone\" - Teodora Valk",
       "We will not be intimidated", "Teodora Valk", "-", "quote-dash-speaker"},
      // "Q," X, the title, said.
      {"\"The embargo stays,\" Moreno, the defence minister, said on Monday.",
       "The embargo stays", "Moreno", "said", "quote-comma-speaker-cue"},
      // "Q?" X asked.
      {"\"Why should we trust them now?\" Moreno asked.", "Why should we",
       "Moreno", "asked", "quote-comma-speaker-cue"},
      // X, speaking on radio, said: "Q"
      {"Valk, speaking on state radio late on Sunday, said: \"The crossing "
       "will reopen.\"",
       "The crossing", "Valk", "said", "speaker-cue-quote"},
      // X said in a statement: "Q"
      {"The foreign ministry said in a statement: \"The ambassador has been "
       "recalled.\"",
       "The ambassador", "foreign ministry", "said", "speaker-cue-quote"},
      // Passive: no speaker.
      {"Piracy was cited as \"the main threat to shipping in the strait this "
       "year.\"",
       "the main threat", "", "cited", "passive"},
      // Passive with its agent: described by X as "Q".
      {"The plan was described by the Chilean envoy as \"a step in the right "
       "direction for everyone.\"",
       "a step in", "Chilean envoy", "described", "passive-by-speaker"},
      // Said X, "Q"
      {"Said Moreno, \"We have nothing more to add today.\"", "We have nothing",
       "Moreno", "Said", "cue-speaker-quote"},
      // X <clause>: "Q"
      {"Valk disagreed with the findings: \"The numbers do not add up at "
       "all.\"",
       "The numbers", "Valk", "", "speaker-clause-colon-quote"},
      // "Q" ..., according to X.
      {"The convoy was turned back \"at gunpoint and without warning\" near "
       "the "
       "border, according to aid workers.",
       "at gunpoint", "aid workers", "according to", "quote-according-to"},
      // "Q," said <description>, <name>, ...
      {"\"We will appeal,\" said her lawyer, Marta Ruiz, after the hearing.",
       "We will appeal", "Marta Ruiz", "said", "quote-comma-cue-speaker"},
      // <description>, <name>, ..., <participle> "Q"
      {"The mayor of Lima, Jorge Paredes, spoke next, warning that \"the water "
       "will run out by August.\"",
       "the water will", "Jorge Paredes", "warning", "participle-cue-quote"},
      // <name> of <institution> said, "Q"
      {"Tomas Lind of the Nordic Institute said, \"The ice will not come "
       "back.\"",
       "The ice", "Tomas Lind", "said", "speaker-cue-quote"},
      // by <participle> "Q"
      {"Protesters answered by chanting \"no dam without our consent\" outside "
       "the hall.",
       "no dam", "Protesters", "chanting", "participle-cue-quote"},
      // Names joined by "and"; a pronoun with its institution.
      {"The Ministry of Mines and Energy said it \"will publish every study "
       "before the vote.\"",
       "will publish", "Ministry of Mines and Energy", "said",
       "speaker-cue-partial-quote"},
      // A capitalised noun of people opening the sentence.
      {"Officials in Quito said the plan was \"not acceptable in its present "
       "form.\"",
       "not acceptable", "Officials in Quito", "said",
       "speaker-cue-partial-quote"},
      // Auxiliary and parenthetical between speaker and cue.
      {"The ministry has, in a statement, called on donors to \"keep the "
       "pledges they made in spring.\"",
       "keep the pledges", "ministry", "called on",
       "speaker-cue-partial-quote"},
      // A participle after an object: the subject of the sentence speaks.
      {"Ana Ortega, the head of the federation, explained the decision to ban "
       "the players saying, \"They broke the rules twice.\"",
       "They broke", "Ana Ortega", "saying", "participle-cue-quote"},
      // A text with its author before it.
      {"Ruritania's official statement yesterday read \"The border is "
       "closed until further notice.\"",
       "The border is", "Ruritania", "read", "speaker-cue-quote"},
      {"The government statement, which was posted online, announced the "
       "closure \"with great regret and no alternative.\"",
       "with great regret", "government", "announced",
       "speaker-cue-partial-quote"},
      // A title with an institution in it, then a name.
      {"Supreme Court Justice Elena Kagan wrote, \"Not every wrong is a "
       "federal crime.\"",
       "Not every wrong", "Elena Kagan", "wrote", "speaker-cue-quote"},
      // A description between commas is not the speaker; the name before it
      // is.
      {"Lina Castro, the director of the Andean Film Institute, wrote of her "
       "colleague, \"She was fearless.\"",
       "She was fearless", "Lina Castro", "wrote", "speaker-cue-quote"},
      // A statement "which read" speaks for the subject of the sentence.
      {"The embassy released a statement which read, \"The ambassador will "
       "return on Monday.\"",
       "The ambassador will", "embassy", "read", "coordinated-cue-quote"},
  };
  for (const LayoutCase& c : cases) {
    std::string text = c.text;
    CAPTURE(text);
    Run r(Doc(text));
    const Quote& q = r.Find(c.quote);
    CHECK(q.speaker == std::string(c.speaker));
    CHECK(q.cue == std::string(c.cue));
    CHECK(q.method == std::string(c.method));
    CHECK_FALSE(q.is_term);
  }
}

TEST_CASE(
    "quotes: a quotation interrupted by its cue is two entries with one "
    "speaker") {
  Run r(
      Doc("\"We stand ready,\" Valk said, \"to guarantee the ceasefire "
          "ourselves.\""));
  REQUIRE(r.doc.quotes.size() == 2);
  CHECK(r.Find("We stand ready,").speaker == "Valk");
  CHECK(r.Find("to guarantee").speaker == "Valk");
  CHECK(r.Find("to guarantee").method == "speaker-cue-quote");
}

TEST_CASE("quotes: the second quotation inherits the speaker of the first") {
  Run r(
      Doc("\"The ceasefire is holding,\" Moreno said. \"We expect the convoys "
          "to move "
          "by Friday.\"\n\n\"There is no plan B,\" he added."));
  CHECK(r.Find("We expect").speaker == "Moreno");
  CHECK(r.Find("We expect").method == "continuation");
  CHECK(r.Find("There is no plan B").speaker == "Moreno");
}

TEST_CASE("quotes: a speaker named in the previous sentence") {
  Run r(
      Doc("Teodora Valk addressed the assembly on Friday. \"We will not accept "
          "a settlement "
          "imposed from outside.\""));
  const Quote& q = r.Find("We will not accept");
  CHECK(q.speaker == "Teodora Valk");
  CHECK(q.method == "previous-sentence");
}

TEST_CASE(
    "quotes: participles and coordinated cues take the subject of the "
    "sentence") {
  Run r(Doc(
      "Despite the setback, Defence Minister Rui Moreno struck a hopeful tone, "
      "acknowledging \"real progress on the prisoner lists\" and noting that "
      "\"both sides have kept their word so far.\" He described the talks as "
      "\"frank,\" "
      "and claimed the army had \"shown restraint under heavy provocation.\""));
  CHECK(r.Find("real progress").speaker == "Rui Moreno");
  CHECK(r.Find("real progress").method == "participle-cue-quote");
  CHECK(r.Find("both sides").speaker == "Rui Moreno");
  CHECK(r.Find("both sides").cue == "noting");
  CHECK(r.Find("frank,").speaker == "Rui Moreno");
  CHECK(r.Find("frank,").cue == "described");
  CHECK(r.Find("shown restraint").speaker == "Rui Moreno");
  CHECK(r.Find("shown restraint").method == "coordinated-cue-quote");
}

TEST_CASE("quotes: later quotations of a sentence keep its speaker") {
  Run r(
      Doc("Valk described the accord as \"a betrayal of the valley\" that was "
          "\"signed in the dark and sold in daylight.\""));
  CHECK(r.Find("a betrayal").speaker == "Valk");
  CHECK(r.Find("signed in the dark").speaker == "Valk");
  CHECK(r.Find("signed in the dark").method == "same-sentence-quote");
}

TEST_CASE("quotes: title-cased and 'the'-marked short quotations are terms") {
  Run r(
      Doc("Ministers met under the \"Andean Water Accord.\" They agreed on "
          "the \"one river, three nations\" formula."));
  REQUIRE(r.doc.quotes.size() == 2);
  CHECK(r.doc.quotes[0].is_term);
  CHECK(r.doc.quotes[1].is_term);
}

TEST_CASE("quotes: quotations joined by 'and' share a speaker") {
  Run r(
      Doc("Valk called the proposal \"reckless\" and \"dangerous for the whole "
          "region\"."));
  CHECK(r.Find("reckless").speaker == "Valk");
  CHECK(r.Find("dangerous").speaker == "Valk");
  CHECK(r.Find("dangerous").method == "coordinated-quote");
}

TEST_CASE("quotes: a relative clause with a pronoun") {
  Run r(
      Doc("The Chilean delegation, led by envoy Marta Ruiz, reiterated its "
          "support for "
          "\"a negotiated settlement,\" which they argued would be \"the only "
          "lasting "
          "answer.\""));
  CHECK(r.Find("a negotiated").speaker == "Chilean delegation");
  CHECK(r.Find("the only lasting").speaker == "Chilean delegation");
  CHECK(r.Find("the only lasting").cue == "argued");
}

// ---------------------------------------------------------------------------
// Speakers

TEST_CASE("quotes: surnames resolve to the full name met earlier") {
  Run r(
      Doc("Chilean Foreign Minister Ana Ortega arrived in Lima on Monday. "
          "Talks began at "
          "noon.\n\n\"We came to listen,\" Ortega said."));
  const Quote& q = r.Find("We came");
  CHECK(q.speaker == "Ana Ortega");
  CHECK(q.speaker_type == "person");
}

TEST_CASE("quotes: titles are split off a name the actor stage does not know") {
  Run r(
      Doc("Bolivian Special Envoy Carlos Ibarra Soto, speaking in La Paz, "
          "summarised the "
          "mood: \"Everyone wants a deal before the rains.\""));
  const Quote& q = r.Find("Everyone wants");
  CHECK(q.speaker == "Carlos Ibarra Soto");
  CHECK(q.speaker_role == "Special Envoy");
  CHECK(q.cue == "summarised");
}

TEST_CASE("quotes: pronouns resolve to the latest compatible speaker") {
  Run r(
      Doc("\"The ceasefire must hold,\" Valk said of Moreno. Negotiators met "
          "again on "
          "Tuesday.\n\nShe added, \"Nobody gains from another winter of war.\" "
          "The ministry "
          "said it \"will publish the lists.\""));
  CHECK(r.Find("Nobody gains").speaker == "Valk");
  CHECK(r.Find("Nobody gains").cue == "added");
  CHECK(r.Find("will publish").speaker == "ministry");
}

TEST_CASE("quotes: 'the minister' is the latest person with that role") {
  Run r(
      Doc("Foreign Minister Teodora Valk opened the session. \"We start "
          "today,\" Valk said. "
          "Envoy Rui Moreno spoke next.\n\n\"Nothing is agreed yet,\" the "
          "minister said."));
  const Quote& q = r.Find("Nothing is agreed");
  CHECK(q.speaker == "Teodora Valk");
  CHECK(q.speaker_role == "Foreign Minister");
}

TEST_CASE(
    "quotes: actor mentions give canonical names, roles and affiliations") {
  Document d =
      Doc("Ruritanian Foreign Minister Teodora Valk arrived late. \"The border "
          "stays "
          "shut,\" Valk said. A State Department spokesperson said \"talks are "
          "possible.\" \"We object,\" the Ruritanian government said.");
  d.actor_mentions.push_back(
      Mention(d, "Ruritanian Foreign Minister Teodora Valk", ActorType::kPerson,
              "Teodora Valk", "Ruritania", "Foreign Minister"));
  d.actor_mentions.push_back(Mention(d, "Valk", ActorType::kPerson,
                                     "Teodora Valk", "Ruritania",
                                     "Foreign Minister", d.text.find("shut")));
  d.actor_mentions.push_back(Mention(d, "State Department",
                                     ActorType::kOrganisation,
                                     "State Department", "United States"));
  d.actor_mentions.push_back(Mention(d, "the Ruritanian government",
                                     ActorType::kCountry, "Ruritania",
                                     "Ruritania"));
  Run r(std::move(d));
  const Quote& valk = r.Find("The border");
  CHECK(valk.speaker == "Teodora Valk");
  CHECK(valk.speaker_role == "Foreign Minister");
  CHECK(valk.speaker_affiliation == "Ruritania");
  CHECK(valk.speaker_type == "person");
  const Quote& spokesperson = r.Find("talks are possible");
  CHECK(spokesperson.speaker == "State Department spokesperson");
  CHECK(spokesperson.speaker_affiliation == "United States");
  const Quote& government = r.Find("We object");
  CHECK(government.speaker == "Ruritania");
  CHECK(government.speaker_type == "country");
}

TEST_CASE("quotes: an unnamed person of the actor stage is the named one") {
  Document d = Doc(
      "Brazilian Foreign Minister Helena Duarte arrived first. Paraguay's "
      "envoy "
      "for the river, Rodrigo Benitez, came later.\n\nHe said, \"We are ready "
      "to sign.\" Asked about the dam, the Brazilian minister said it \"will "
      "be built on time.\"");
  d.actor_mentions.push_back(
      Mention(d, "Brazilian Foreign Minister Helena Duarte", ActorType::kPerson,
              "Helena Duarte", "Brazil", "Foreign Minister"));
  d.actor_mentions.push_back(Mention(d, "Paraguay's envoy", ActorType::kPerson,
                                     "Paraguayan Envoy", "Paraguay", "Envoy"));
  d.actor_mentions.push_back(Mention(d, "Brazilian minister",
                                     ActorType::kPerson, "Brazilian Minister",
                                     "Brazil", "Minister"));
  Run r(std::move(d));
  CHECK(r.Find("We are ready").speaker == "Rodrigo Benitez");
  const Quote& q = r.Find("will be built");
  CHECK(q.speaker == "Helena Duarte");
  CHECK(q.speaker_affiliation == "Brazil");
}

TEST_CASE(
    "quotes: a given name before a surname the actor stage linked "
    "elsewhere names another person") {
  Document d =
      Doc("Carlos Ruiz resigned. His sister, Marta Ruiz, wrote, "
          "\"He was right to go.\"");
  d.actor_mentions.push_back(Mention(d, "Carlos Ruiz", ActorType::kPerson,
                                     "Carlos Ruiz", "Peru", "Minister"));
  d.actor_mentions.push_back(Mention(d, "Ruiz", ActorType::kPerson,
                                     "Carlos Ruiz", "Peru", "Minister",
                                     d.text.find("Marta")));
  Run r(std::move(d));
  CHECK(r.Find("He was right").speaker == "Marta Ruiz");
}

TEST_CASE("quotes: first-person narration names nobody") {
  Run r(Doc("And that is why I said \"no federation is perfect\" to them."));
  REQUIRE(r.doc.quotes.size() == 1);
  CHECK(r.doc.quotes[0].speaker.empty());
}

TEST_CASE(
    "quotes: a pronoun takes the subject of the previous sentence over "
    "an older speaker") {
  Run r(
      Doc("\"We will appeal,\" Valk said on Monday. The Andean Tennis "
          "Federation released a statement on Tuesday. It read, \"We condemn "
          "violence in every form.\""));
  CHECK(r.Find("We condemn").speaker == "Andean Tennis Federation");
}

TEST_CASE("quotes: unattributed quotations are reported") {
  Run r(
      Doc("The banner read nothing. Later, \"we will return to these streets "
          "every week\" "
          "was painted on the wall."));
  const Quote& q = r.Find("we will return");
  CHECK(q.speaker.empty());
  CHECK_FALSE(q.is_term);
  REQUIRE(r.warnings.diagnostics().size() == 1);
  CHECK(r.warnings.diagnostics()[0].message == "quotation without a speaker");
}

// ---------------------------------------------------------------------------
// Rule files

TEST_CASE("quotes: cue file errors are reported with path, line and column") {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / "stance_quotes_test_rules";
  fs::remove_all(dir);
  fs::create_directories(dir);
  std::ofstream(dir / "bad.yaml") << "name: bad\n"
                                     "version: 1\n"
                                     "verbs:\n"
                                     "  - {lemma: say, forms: [said]}\n"
                                     "  - {lemma: tell}\n"
                                     "phrases:\n"
                                     "  - {text: put it, speaker: nowhere}\n"
                                     "colours: [red]\n";
  std::unique_ptr<QuoteAttributor> a;
  CollectingSink sink;
  Status s = QuoteAttributor::Load(dir.string(), &a, &sink);
  CHECK(s.code() == Status::kRuleError);
  CHECK(a == nullptr);
  REQUIRE(sink.diagnostics().size() == 3);
  const std::string path = (dir / "bad.yaml").string();
  CHECK(sink.diagnostics()[0].ToString().rfind(
            path + ":5:5: error: missing key 'forms'", 0) == 0);
  CHECK(sink.diagnostics()[1].location.line == 7);
  CHECK(sink.diagnostics()[1].message.find("before, after or possessive") !=
        std::string::npos);
  CHECK(sink.diagnostics()[2].location.line == 8);
  CHECK(sink.diagnostics()[2].message == "unknown key 'colours'");

  CollectingSink missing;
  CHECK(
      QuoteAttributor::Load((dir / "nowhere").string(), &a, &missing).code() ==
      Status::kRuleError);
  fs::remove_all(dir);
}

}  // namespace
}  // namespace stance
