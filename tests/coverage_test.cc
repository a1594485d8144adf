// The pieces of `stance test --coverage`: the cue matcher over lexicon
// entries, the rule catalog's cue entries, and the counts of Coverage.
#include "pipeline/coverage.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <sstream>

#include "pipeline/cue_matcher.h"
#include "pipeline/rule_catalog.h"
#include "tests/temp_dir.h"
#include "tests/test_util.h"

namespace stance {
namespace {

std::unique_ptr<Lexicon> LexiconOf(const TempDir& dir, const std::string& yaml) {
  dir.Write("lexicon/cues.yaml", "name: test\nversion: 1\nlexicons:\n" + yaml);
  std::unique_ptr<Lexicon> lexicon;
  CollectingSink sink;
  REQUIRE(Lexicon::Load(dir / "lexicon", &lexicon, &sink).ok());
  return lexicon;
}

TEST_CASE("cue matcher: every form, phrase and noun of the entries, as whole words") {
  TempDir dir;
  auto lexicon = LexiconOf(dir,
                           "  oppose: {verbs: [oppose, reject], phrasal: [rule out],"
                           " nouns: [opposition]}\n"
                           "  call: {verbs: [call], phrasal: [call for]}\n"
                           "  other: {verbs: [say]}\n");
  std::unique_ptr<CueMatcher> cues;
  REQUIRE(CueMatcher::Create(*lexicon, {"oppose", "call"}, &cues).ok());
  CueMatcher::Hit hit;
  struct Case {
    const char* text;
    const char* cue;  // null: no cue
    const char* entries;
  };
  const Case cases[] = {
      {"Kenya REJECTED the plan.", "REJECTED", "oppose"},
      {"Chile opposes it.", "opposes", "oppose"},
      {"They ruled  out talks.", "ruled  out", "oppose"},
      {"Strong opposition grew.", "opposition", "oppose"},
      // The longest phrase where several start.
      {"Peru is calling for calm.", "calling for", "call"},
      {"Peru called them.", "called", "call"},
      // Whole words only; entries not asked for are not cues.
      {"The rejections piled up.", nullptr, nullptr},
      {"Unopposed, she said nothing.", nullptr, nullptr},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    bool found = cues->Find(c.text, &hit);
    CHECK(found == (c.cue != nullptr));
    if (found && c.cue != nullptr) {
      CHECK(hit.cue == c.cue);
      CHECK(hit.entries == c.entries);
    }
  }
}

TEST_CASE("cue matcher: a word of two entries names both; an unknown entry is an error") {
  TempDir dir;
  auto lexicon = LexiconOf(dir,
                           "  support: {verbs: [support, back]}\n"
                           "  assist: {verbs: [help, support]}\n");
  std::unique_ptr<CueMatcher> cues;
  REQUIRE(CueMatcher::Create(*lexicon, {"support", "assist"}, &cues).ok());
  CueMatcher::Hit hit;
  REQUIRE(cues->Find("Oslo supports it.", &hit));
  CHECK(hit.entries == "support, assist");
  Status s = CueMatcher::Create(*lexicon, {"supprt"}, &cues);
  CHECK(s.code() == Status::kInvalidArgument);
  CHECK(cues == nullptr);
  REQUIRE(CueMatcher::Create(*lexicon, {}, &cues).ok());
  CHECK(!cues->Find("Oslo supports it.", &hit));
}

TEST_CASE("rule catalog: every rule of rules/ with its place and cue entry") {
  std::unique_ptr<RuleCatalog> catalog;
  std::string rules = testing::SourcePath("rules").string();
  REQUIRE(RuleCatalog::Load(rules, &catalog).ok());
  const CatalogRule* joined = nullptr;
  const CatalogRule* will_seek = nullptr;
  for (const CatalogRule& r : catalog->rules()) {
    if (r.id == "oppose-joined") joined = &r;
    if (r.id == "support-will-seek") will_seek = &r;
  }
  REQUIRE(joined != nullptr);
  // "{h:ACTOR} (, ...5 ,)? @join {h2:ACTORS} in ...2 @oppose.ing": the cue
  // is the last reference.
  CHECK(joined->cue_entry == "oppose");
  CHECK(joined->stance == "opposes");
  CHECK(joined->where.path == rules + "/stance/opposes.yaml");
  CHECK(joined->where.line > 0);
  REQUIRE(will_seek != nullptr);
  CHECK(will_seek->cue_entry == "state");
  // coverage.yaml: "state" reports speech, it is no cue entry.
  std::vector<std::string> entries = catalog->CueEntries();
  CHECK(std::count(entries.begin(), entries.end(), "oppose") == 1);
  CHECK(std::count(entries.begin(), entries.end(), "state") == 0);
  CHECK(std::count(entries.begin(), entries.end(), "negator") == 0);
}

TEST_CASE("coverage: claims by rule, rules that never fired, near misses with their line") {
  std::unique_ptr<RuleCatalog> catalog;
  REQUIRE(RuleCatalog::Load(testing::SourcePath("rules").string(), &catalog).ok());
  std::unique_ptr<CueMatcher> cues;
  REQUIRE(CueMatcher::Create(catalog->lexicon(), catalog->CueEntries(), &cues).ok());
  Coverage coverage(*catalog, *cues);
  Document doc;
  REQUIRE(testing::DefaultPipeline()
              .Process("doc.txt",
                       "Ghana backed the pact.\n\nTogo did not back it.\n"
                       "Officials said the talks would go on.\n",
                       &doc, nullptr)
              .ok());
  coverage.Add(doc);
  CHECK(coverage.documents() == 1);
  CHECK(coverage.sentences() == 3);
  CHECK(coverage.claims() == 1);
  CHECK(coverage.ClaimsOf("support-active") == 1);
  CHECK(coverage.ClaimsOf("oppose-active") == 0);
  std::vector<const CatalogRule*> never = coverage.NeverFired();
  CHECK(never.size() == catalog->rules().size() - 1);
  REQUIRE(coverage.near_misses().size() == 1);
  const NearMiss& miss = coverage.near_misses()[0];
  CHECK(miss.doc == "doc.txt");
  CHECK(miss.line == 3);
  CHECK(miss.cue == "back");
  CHECK(miss.sentence == "Togo did not back it.");

  std::ostringstream out;
  coverage.Print(&out, 10);
  CHECK(out.str().find("coverage: 1 document, 3 sentences, 1 claim; ") == 0);
  CHECK(out.str().find("  doc.txt:3: \"back\" (lexicon ") != std::string::npos);
}

}  // namespace
}  // namespace stance
