#include "pipeline/explain.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "pipeline/commands.h"
#include "pipeline/pipeline.h"
#include "tests/test_util.h"

namespace stance {
namespace {

using testing::DefaultPipeline;

const char kBagram[] =
    "India, for its part, joined Russia, China, Pakistan, and others in firmly opposing U.S. "
    "President Donald Trump's recent call to retake the Bagram Air Base from the Taliban.";

struct Traced {
  Document doc;
  StanceTrace trace;
};

Traced Trace(const std::string& text) {
  Traced t;
  REQUIRE(DefaultPipeline().Process("t", text, &t.doc, nullptr, &t.trace).ok());
  return t;
}

ExplainOptions Plain() {
  ExplainOptions options;
  options.path_base = testing::SourcePath("").string();
  return options;
}

bool Has(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

const Claim& ClaimOf(const Document& doc, const std::string& holder) {
  for (const Claim& c : doc.claims) {
    if (c.holder == holder) return c;
  }
  FAIL("no claim held by " << holder);
  return doc.claims.front();
}

TEST_CASE("explain text: actors, rules let through, fills, losers and claims") {
  Traced t = Trace(kBagram);
  std::string text = ExplainSentenceText(t.doc, t.trace, 0, Plain());
  INFO(text);
  CHECK(Has(text, "sentence 0 [0,"));
  CHECK(Has(text, "\"U.S. President Donald Trump\" -> Donald Trump (person, United States"));
  CHECK(Has(text, "let through by the prefilter"));
  CHECK(Has(text, "oppose-joined (rules/stance/opposes.yaml:"));
  CHECK(Has(text, "h2=\"Russia, China, Pakistan, and others\""));
  CHECK(Has(text, "holders: India, Russia, China, Pakistan"));
  CHECK(Has(text, "-> US return to Bagram"));
  CHECK(Has(text, "lost to oppose-joined"));
  CHECK(Has(text, "one subject per cue; priority 1 > 0"));
  CHECK(Has(text, "Pakistan opposes 'US return to Bagram' [oppose-joined]"));
  CHECK_FALSE(Has(text, "\x1b["));

  ExplainOptions colored = Plain();
  colored.color = true;
  CHECK(Has(ExplainSentenceText(t.doc, t.trace, 0, colored), "\x1b["));
}

TEST_CASE("explain text: drops say why and name the rule") {
  Traced negated = Trace("Kenya did not oppose the resolution.");
  std::string text = ExplainSentenceText(negated.doc, negated.trace, 0, Plain());
  INFO(text);
  CHECK(Has(text, "oppose-active (rules/stance/opposes.yaml:"));
  CHECK(Has(text, "dropped by negation (negation: drop): negated by 'not'"));
  CHECK(Has(text, "claims: none"));

  Traced holderless = Trace("She strongly condemned the attack on the convoy.");
  text = ExplainSentenceText(holderless.doc, holderless.trace, 0, Plain());
  CHECK(Has(text, "dropped: missing holder: h: 'She' has no person named before it"));
}

TEST_CASE("explain text: a quotation and its speaker") {
  Traced t = Trace("\"We reject the plan,\" the spokesman said.");
  std::string text = ExplainSentenceText(t.doc, t.trace, 0, Plain());
  INFO(text);
  CHECK(Has(text, "\"We reject the plan,\" -> speaker "));
  CHECK(Has(text, "cue 'said'"));
}

TEST_CASE("explain json: one object a sentence, offsets into the original") {
  const std::string input = std::string("Intro.\n\n") + kBagram;
  Traced t = Trace(input);
  REQUIRE(t.doc.sentences.size() == 2);
  auto j = nlohmann::json::parse(ExplainSentenceJson(t.doc, t.trace, 1, Plain()));
  CHECK(j["sentence"] == 1);
  CHECK(input.substr(j["begin"], j["end"].get<int>() - j["begin"].get<int>()) == j["text"]);
  CHECK(j["actors"].size() == 6);
  CHECK(j["claims"].size() == 4);
  bool joined = false;
  for (const auto& m : j["matches"]) {
    int begin = m["begin"], end = m["end"];
    CHECK(input.substr(begin, end - begin) == m["text"]);
    if (m["rule"] != "oppose-joined") {
      for (const auto& c : m["candidates"]) {
        CHECK(c["kept"] == false);
        CHECK(c["lost_to"]["rule"] == "oppose-joined");
        CHECK(c["lost_to"]["reason"] == "one_subject_per_cue");
      }
      continue;
    }
    joined = true;
    CHECK(m["outcome"] == "candidates");
    CHECK(m["holders"].size() == 4);
    CHECK(m["target"] == "US return to Bagram");
    CHECK(m["cue"] == "opposing");
    CHECK(m["fills"][0]["slot"] == "h");
    CHECK(m["fills"][0]["text"] == "India");
  }
  CHECK(joined);

  auto intro = nlohmann::json::parse(ExplainSentenceJson(t.doc, t.trace, 0, Plain()));
  CHECK(intro["matches"].empty());
  CHECK(intro["rules"]["skipped"].get<size_t>() == t.trace.rules.size());
}

TEST_CASE("ExplainClaim: the rule, its place, its fills and what it beat") {
  Traced t = Trace(kBagram);
  std::string india = ExplainClaim(t.doc, t.trace, ClaimOf(t.doc, "India"), Plain());
  INFO(india);
  CHECK(india.rfind("India opposes 'US return to Bagram'\n", 0) == 0);
  CHECK(Has(india, "rule: oppose-joined (rules/stance/opposes.yaml:"));
  CHECK(Has(india, "pattern: {h:ACTOR} (, ...5 ,)? @join {h2:ACTORS}"));
  CHECK(Has(india, "cue: \"opposing\""));
  CHECK(Has(india,
            "beat: oppose-active (Russia opposes 'US return to Bagram'): one subject per "
            "cue; priority 1 > 0"));
  CHECK_FALSE(Has(india, "\x1b["));

  // A claim the trace did not produce has no explanation.
  Claim other = ClaimOf(t.doc, "India");
  other.holder = "Peru";
  CHECK(ExplainClaim(t.doc, t.trace, other).empty());
}

TEST_CASE("RunExplain: selects sentences, refuses a bad index") {
  auto dir = testing::TempDir();
  testing::WriteFile(dir / "a.txt",
                     "Kenya did not oppose the resolution.\n\nBrazil rejected the plan.\n");
  ExplainCommandOptions options;
  options.inputs = {(dir / "a.txt").string()};
  std::ostringstream out, err;
  Console console{&out, &err};

  options.match = "BRAZIL";
  CHECK(RunExplain(options, console) == kExitOk);
  CHECK(Has(out.str(), "sentence 1 ["));
  CHECK_FALSE(Has(out.str(), "sentence 0 ["));

  options.match.clear();
  options.sentence = 2;
  out.str("");
  CHECK(RunExplain(options, console) == kExitUsage);
  CHECK(Has(err.str(), "--sentence 2 is out of range: it has 2 sentences (0 to 1)"));

  options.sentence = 0;
  options.format = "jsonl";
  out.str("");
  CHECK(RunExplain(options, console) == kExitOk);
  auto j = nlohmann::json::parse(out.str());
  CHECK(j["matches"][0]["outcome"] == "negated");
}

}  // namespace
}  // namespace stance
