// RuleReach may only spare searches that cannot succeed: every place a rule
// that opens with a holder matches lies before its bound. Checked for every
// default rule over every fixture article and every rule example, trying
// every holder start without the bound.
#include "pipeline/rule_reach.h"

#include <doctest/doctest.h>
#include <re2/re2.h>
#include <re2/set.h>

#include <filesystem>

#include "pipeline/match_text.h"
#include "pipeline/stance.h"
#include "tests/test_util.h"

namespace stance {
namespace {

TEST_CASE("LastOccurrenceIgnoringCase: the last place, any ASCII case") {
  CHECK(LastOccurrenceIgnoringCase("Oppose it; they OPPOSED it", "oppose") == 16);
  CHECK(LastOccurrenceIgnoringCase("Backed", "backed") == 0);
  CHECK(LastOccurrenceIgnoringCase("they don't", "n't") == 7);
  CHECK(LastOccurrenceIgnoringCase("support", "supports") == std::string_view::npos);
  CHECK(LastOccurrenceIgnoringCase("", "a") == std::string_view::npos);
  CHECK(LastOccurrenceIgnoringCase("abc", "") == std::string_view::npos);
  // A substring, not a whole word: the search may find more than RE2's \b,
  // never less.
  CHECK(LastOccurrenceIgnoringCase("unsupported", "support") == 2);
}

std::vector<std::string> FixtureTexts() {
  namespace fs = std::filesystem;
  std::vector<std::string> texts;
  for (const auto& entry : fs::directory_iterator(testing::SourcePath("fixtures"))) {
    if (fs::exists(entry.path() / "input.txt")) {
      texts.push_back(testing::ReadFile(entry.path() / "input.txt"));
    }
  }
  return texts;
}

TEST_CASE("RuleReach: no rule matches at or after its bound, and the bound spares searches") {
  const RuleSet::Data& data = testing::DefaultPipeline().rules()->data();
  std::vector<std::string> texts = FixtureTexts();
  for (const auto& rule : data.rules) {
    for (const RuleExample& example : rule->examples) texts.push_back(example.text);
  }
  REQUIRE(texts.size() > 20);

  RuleReach reach(data);
  MatchText mt;
  std::vector<int> present;
  int matches = 0, spared = 0;
  for (const std::string& text : texts) {
    Document doc;
    REQUIRE(testing::DefaultPipeline().Process("t", text, &doc, nullptr).ok());
    for (int si = 0; si < static_cast<int>(doc.sentences.size()); ++si) {
      present.clear();
      if (data.words) data.words->Match(doc.Text(doc.sentences[si].norm), &present);
      mt.Build(doc, si);
      reach.Reset(mt.text(), present);
      for (size_t r = 0; r < data.rules.size(); ++r) {
        const StanceRule& rule = *data.rules[r];
        if (!rule.opens_with_holder) {
          CHECK(reach.StartBound(static_cast<int>(r)) == RuleReach::kUnbounded);
          continue;
        }
        const size_t bound = reach.StartBound(static_cast<int>(r));
        for (uint32_t start : mt.holder_starts()) {
          const bool found = rule.re->Match(mt.text(), start, mt.text().size(), RE2::ANCHOR_START,
                                            nullptr, 0);
          if (start >= bound) ++spared;
          if (!found) continue;
          ++matches;
          INFO("rule " << rule.id << " at " << start << " of: " << mt.text());
          CHECK(start < bound);
        }
      }
    }
  }
  CHECK(matches > 50);  // the check saw real matches
  CHECK(spared > 100);  // and starts the bound rules out
}

TEST_CASE("RuleReach: a sentence with a letter RE2 folds into k or s is not bounded") {
  const Pipeline& pipeline = testing::DefaultPipeline();
  const RuleSet::Data& data = pipeline.rules()->data();
  int oppose = -1;
  for (size_t r = 0; r < data.rules.size(); ++r) {
    if (data.rules[r]->id == "oppose-active") oppose = static_cast<int>(r);
  }
  REQUIRE(oppose >= 0);
  REQUIRE(data.rules[oppose]->opens_with_holder);
  RuleReach reach(data);
  MatchText mt;
  for (const char* text : {"France opposed the plan.", "France oppo\xC5\xBF" "ed the plan."}) {
    Document doc;
    REQUIRE(pipeline.Process("t", text, &doc, nullptr).ok());
    std::vector<int> present;
    data.words->Match(doc.Text(doc.sentences[0].norm), &present);
    mt.Build(doc, 0);
    reach.Reset(mt.text(), present);
    const bool plain = std::string_view(text).find('\xC5') == std::string_view::npos;
    INFO(text);
    // "opposed" stands after the holder: a bound past the start, or none.
    if (plain) {
      CHECK(reach.StartBound(oppose) > 0);
      CHECK(reach.StartBound(oppose) != RuleReach::kUnbounded);
    } else {
      CHECK(reach.StartBound(oppose) == RuleReach::kUnbounded);
    }
  }
}

TEST_CASE("RuleReach: a clause met only inside a mention rules every start out") {
  const RuleSet::Data& data = testing::DefaultPipeline().rules()->data();
  int oppose = -1;
  for (size_t r = 0; r < data.rules.size(); ++r) {
    if (data.rules[r]->id == "oppose-active") oppose = static_cast<int>(r);
  }
  REQUIRE(oppose >= 0);
  // The prefilter reads the sentence as written and met the rule's words;
  // the match text, where a mention is a placeholder, holds none of them.
  std::vector<int> present;
  for (const std::vector<int>& clause : data.words_of_clause[oppose]) {
    present.insert(present.end(), clause.begin(), clause.end());
  }
  REQUIRE(!present.empty());
  RuleReach reach(data);
  reach.Reset("\x01" "France\x02 backed the plan.", present);
  CHECK(reach.StartBound(oppose) == 0);
}

}  // namespace
}  // namespace stance
