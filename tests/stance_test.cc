#include "pipeline/stance.h"

#include <doctest/doctest.h>

#include <filesystem>

#include "pipeline/lexicon.h"
#include "pipeline/pipeline.h"
#include "tests/test_util.h"

namespace stance {
namespace {

using testing::CopyOfRules;
using testing::DefaultPipeline;
using testing::WriteFile;

std::vector<Claim> Extract(const Pipeline& pipeline, const std::string& text) {
  Document doc;
  REQUIRE(pipeline.Process("t", text, &doc, nullptr).ok());
  return doc.claims;
}

std::string Describe(const std::vector<Claim>& claims) {
  std::string out;
  for (const Claim& c : claims) out += c.holder + " " + c.stance + " '" + c.target + "' [" + c.rule + "]\n";
  return out;
}

// Loads a rules folder and returns every diagnostic, one string each.
std::vector<std::string> LintErrors(const std::filesystem::path& rules) {
  PipelineOptions options;
  options.rules_dir = rules.string();
  options.check_examples = true;
  std::unique_ptr<Pipeline> pipeline;
  CollectingSink sink;
  Status s = Pipeline::Create(options, &pipeline, &sink);
  std::vector<std::string> out;
  for (const Diagnostic& d : sink.diagnostics()) out.push_back(d.ToString());
  if (s.ok()) CHECK(pipeline != nullptr);
  if (!s.ok()) CHECK(pipeline == nullptr);
  return out;
}

bool AnyContains(const std::vector<std::string>& lines, const std::string& needle) {
  for (const std::string& l : lines) {
    if (l.find(needle) != std::string::npos) return true;
  }
  return false;
}

std::string Joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) out += l + "\n";
  return out;
}

TEST_CASE("the Bagram sentence of the issue gives four claims") {
  auto claims = Extract(DefaultPipeline(),
                        "India, for its part, joined Russia, China, Pakistan, and others in firmly "
                        "opposing U.S. President Donald Trump's recent call to retake the Bagram "
                        "Air Base from the Taliban.");
  INFO(Describe(claims));
  std::vector<std::string> holders;
  for (const Claim& c : claims) {
    CHECK(c.stance == "opposes");
    CHECK(c.target == "US return to Bagram");
    CHECK(c.holder_type == "country");
    holders.push_back(c.holder);
  }
  std::sort(holders.begin(), holders.end());
  CHECK(holders == std::vector<std::string>{"China", "India", "Pakistan", "Russia"});
}

TEST_CASE("coordination: one claim per holder, with other countries and wording") {
  auto claims = Extract(DefaultPipeline(),
                        "Ghana, Nigeria and Senegal strongly condemned the attack on the "
                        "peacekeepers.");
  INFO(Describe(claims));
  REQUIRE(claims.size() == 3);
  for (const Claim& c : claims) {
    CHECK(c.stance == "criticizes");
    CHECK(c.target == "attack on the peacekeepers");
  }
}

TEST_CASE("negation drops a claim, hedging marks it") {
  CHECK(Extract(DefaultPipeline(), "Kenya did not oppose the resolution.").empty());
  CHECK(Extract(DefaultPipeline(), "Mexico refused to condemn the strikes.").empty());
  auto hedged = Extract(DefaultPipeline(), "Norway may support the new fund.");
  INFO(Describe(hedged));
  REQUIRE(hedged.size() == 1);
  CHECK(hedged[0].hedged);
  CHECK(hedged[0].stance == "supports");
  CHECK_FALSE(hedged[0].negated);
}

TEST_CASE("offsets cite the original text") {
  const std::string text = "Intro line\n\nBrazil firmly rejected the tariff plan on steel.";
  Document doc;
  REQUIRE(DefaultPipeline().Process("t", text, &doc, nullptr).ok());
  REQUIRE(doc.claims.size() == 1);
  const Claim& c = doc.claims[0];
  CHECK(doc.Original(c.span).substr(0, 6) == "Brazil");
  CHECK(c.target == "tariff plan on steel");
  CHECK(c.rule == "oppose-active");
  CHECK(c.cue == "rejected");
}

TEST_CASE("a rule with a higher priority wins an overlap") {
  auto claims = Extract(DefaultPipeline(),
                        "Chile joined Peru in opposing the new fishing quotas.");
  INFO(Describe(claims));
  REQUIRE(claims.size() == 2);
  for (const Claim& c : claims) CHECK(c.rule == "oppose-joined");
}

TEST_CASE("editing a rule file changes the next run, with no rebuild") {
  auto rules = CopyOfRules();
  const std::string sentence = "Sweden lambasted the decision to close the border.";
  auto load = [&rules] {
    PipelineOptions options;
    options.rules_dir = rules.string();
    std::unique_ptr<Pipeline> p;
    CollectingSink sink;
    Status s = Pipeline::Create(options, &p, &sink);
    REQUIRE_MESSAGE(s.ok(), s.ToString());
    return p;
  };
  auto before = Extract(*load(), sentence);
  REQUIRE(before.size() == 1);
  CHECK(before[0].stance == "criticizes");
  // Move the verb from criticize to praise: the same text now gives praise.
  std::string lexicon = testing::ReadFile(rules / "lexicon" / "stance_cues.yaml");
  auto at = lexicon.find("rebuke, censure,");
  REQUIRE(at != std::string::npos);
  lexicon = testing::ReadFile(rules / "lexicon" / "stance_cues.yaml");
  size_t lambaste = lexicon.find("lambaste, ");
  REQUIRE(lambaste != std::string::npos);
  lexicon.erase(lambaste, 10);
  size_t praise = lexicon.find("verbs: [praise, ");
  REQUIRE(praise != std::string::npos);
  lexicon.insert(praise + 16, "lambaste, ");
  WriteFile(rules / "lexicon" / "stance_cues.yaml", lexicon);
  // The moved verb would break the examples of criticize rules that use it;
  // none do, so the folder still loads.
  auto after = Extract(*load(), sentence);
  REQUIRE(after.size() == 1);
  CHECK(after[0].stance == "praises");
}

// Lint: each problem a rule author makes gives path:line:col and a message.
struct LintCase {
  const char* name;
  const char* file;        // written to stance/zz_bad.yaml
  const char* expected;    // a substring of one diagnostic
};

const char kHeader[] = "name: bad\nversion: 1\nrules:\n";

TEST_CASE("lint reports each kind of rule error at its place") {
  const LintCase cases[] = {
      {"yaml syntax", "name: bad\nversion: 1\nrules: [\n", "zz_bad.yaml:4:1:"},
      {"missing key",
       "name: bad\nversion: 1\nrules:\n  - id: r1\n    pattern: '{h:ACTOR} @oppose {t:PHRASE}'\n"
       "    examples: ['Chad opposed the plan.']\n",
       "zz_bad.yaml:4:5: error: missing key 'stance'"},
      {"unknown stance label",
       "name: bad\nversion: 1\nrules:\n  - id: r1\n    stance: hates\n"
       "    pattern: '{h:ACTOR} @oppose {t:PHRASE}'\n    examples: ['Chad opposed the plan.']\n",
       "zz_bad.yaml:5:13: error: unknown stance label 'hates'"},
      {"unknown class",
       "name: bad\nversion: 1\nrules:\n  - id: r1\n    stance: opposes\n"
       "    pattern: '{h:ACTR} @oppose {t:PHRASE}'\n    examples: ['Chad opposed the plan.']\n",
       "zz_bad.yaml:6:18: error: unknown class 'ACTR'"},
      {"unknown lexicon",
       "name: bad\nversion: 1\nrules:\n  - id: r1\n    stance: opposes\n"
       "    pattern: '{h:ACTOR} @opose {t:PHRASE}'\n    examples: ['Chad opposed the plan.']\n",
       "zz_bad.yaml:6:26: error: unknown lexicon 'opose' (did you mean oppose?)"},
      {"duplicate id",
       "name: bad\nversion: 1\nrules:\n  - id: oppose-active\n    stance: opposes\n"
       "    pattern: '{h:ACTOR} @oppose {t:PHRASE}'\n    examples: ['Chad opposed the plan.']\n",
       "zz_bad.yaml:4:9: error: duplicate rule id 'oppose-active'"},
      {"pattern syntax",
       "name: bad\nversion: 1\nrules:\n  - id: r1\n    stance: opposes\n"
       "    pattern: '{h:ACTOR} (@oppose {t:PHRASE}'\n    examples: ['Chad opposed the plan.']\n",
       "zz_bad.yaml:6:"},
      {"re2 error",
       "name: bad\nversion: 1\nrules:\n  - id: r1\n    stance: opposes\n"
       "    pattern: '{h:ACTOR} /(?P<x/ @oppose {t:PHRASE}'\n    examples: ['Chad opposed the plan.']\n",
       "zz_bad.yaml:6:"},
      {"example does not match",
       "name: bad\nversion: 1\nrules:\n  - id: r1\n    stance: opposes\n"
       "    pattern: '{h:ACTOR} @oppose {t:PHRASE}'\n    examples: ['Chad praised the plan.']\n",
       "zz_bad.yaml:7:16: error: rule 'r1' does not match its example"},
      {"counter-example matches",
       "name: bad\nversion: 1\nrules:\n  - id: r1\n    stance: opposes\n"
       "    pattern: '{h:ACTOR} @oppose {t:PHRASE}'\n    examples: ['Chad opposed the plan.']\n"
       "    counter_examples: ['Niger opposed the move.']\n",
       "zz_bad.yaml:8:24: error: rule 'r1' matches its counter-example"},
      {"no examples",
       "name: bad\nversion: 1\nrules:\n  - id: r1\n    stance: opposes\n"
       "    pattern: '{h:ACTOR} @oppose {t:PHRASE}'\n",
       "zz_bad.yaml:4:5: error: rule 'r1' has no examples"},
  };
  for (const LintCase& c : cases) {
    auto rules = CopyOfRules();
    WriteFile(rules / "stance" / "zz_bad.yaml", c.file);
    auto errors = LintErrors(rules);
    INFO(c.name << "\n" << Joined(errors));
    CHECK(AnyContains(errors, c.expected));
  }
}

TEST_CASE("lint reports every problem, not only the first") {
  auto rules = CopyOfRules();
  WriteFile(rules / "stance" / "zz_bad.yaml",
            std::string(kHeader) +
                "  - id: r1\n    stance: hates\n    pattern: '{h:ACTOR} @oppose {t:PHRASE}'\n"
                "    examples: ['Chad opposed the plan.']\n"
                "  - id: r2\n    stance: opposes\n    pattern: '{h:ACTR} @oppose {t:PHRASE}'\n"
                "    examples: ['Chad opposed the plan.']\n");
  auto errors = LintErrors(rules);
  INFO(Joined(errors));
  CHECK(AnyContains(errors, "unknown stance label 'hates'"));
  CHECK(AnyContains(errors, "unknown class 'ACTR'"));
}

TEST_CASE("a rule file that is not UTF-8 is refused with its place") {
  auto rules = CopyOfRules();
  WriteFile(rules / "stance" / "zz_bad.yaml", std::string(kHeader) + "  - id: r\xff\n");
  auto errors = LintErrors(rules);
  INFO(Joined(errors));
  CHECK(AnyContains(errors, "zz_bad.yaml:4:10: error: rule file is not valid UTF-8"));
}

TEST_CASE("verbs inflect") {
  struct {
    const char* lemma;
    const char* s;
    const char* ed;
    const char* ing;
  } cases[] = {
      {"oppose", "opposes", "opposed", "opposing"},    // silent e
      {"back", "backs", "backed", "backing"},          // plain
      {"ban", "bans", "banned", "banning"},            // one-syllable CVC doubles
      {"criticize", "criticizes", "criticized", "criticizing"},
      {"decry", "decries", "decried", "decrying"},     // consonant + y
      {"push", "pushes", "pushed", "pushing"},         // sibilant
      {"tie", "ties", "tied", "tying"},                // ie
      {"agree", "agrees", "agreed", "agreeing"},       // ee keeps its e
      {"veto", "vetos", "vetoed", "vetoing"},          // give irregulars in YAML
  };
  for (const auto& c : cases) {
    VerbForms f = InflectVerb(c.lemma);
    CHECK(f.s == c.s);
    CHECK(f.ed == c.ed);
    CHECK(f.ing == c.ing);
  }
}

}  // namespace
}  // namespace stance

namespace stance {
namespace {

TEST_CASE("a stance inside a quotation belongs to its speaker and carries the quote") {
  auto claims = Extract(DefaultPipeline(),
                        "\"We firmly oppose any new tariffs on steel,\" Brazilian Foreign Minister "
                        "Mauro Vieira said on Monday.");
  INFO(Describe(claims));
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].holder == "Mauro Vieira");
  CHECK(claims[0].holder_affiliation == "Brazil");
  CHECK(claims[0].stance == "opposes");
  CHECK(claims[0].speaker == "Mauro Vieira");
  CHECK(claims[0].quote == "We firmly oppose any new tariffs on steel,");
  CHECK(claims[0].target == "new tariffs on steel");

  // Narration: no speaker, no quote.
  auto narration = Extract(DefaultPipeline(), "Brazil firmly opposed the new tariffs on steel.");
  REQUIRE(narration.size() == 1);
  CHECK(narration[0].speaker.empty());
  CHECK(narration[0].quote.empty());
}

TEST_CASE("a passive cue is not an active stance, and the passive rule gets it right") {
  auto claims = Extract(DefaultPipeline(), "The truce was strongly backed by Egypt.");
  INFO(Describe(claims));
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].holder == "Egypt");
  CHECK(claims[0].rule == "support-passive");
  CHECK(Extract(DefaultPipeline(), "He was praised in the capital on Monday.").empty());
}

}  // namespace
}  // namespace stance

namespace stance {
namespace {

TEST_CASE("a titled person holds the stance, not the country in the title") {
  auto claims = Extract(DefaultPipeline(),
                        "Former US presidential candidate Elizabeth Warren endorsed the plan.");
  INFO(Describe(claims));
  REQUIRE(claims.size() == 1);
  CHECK(claims[0].holder == "Elizabeth Warren");
  CHECK(claims[0].holder_type == "person");
  CHECK(claims[0].holder_affiliation == "United States");
}

}  // namespace
}  // namespace stance

namespace stance {
namespace {

// Loads `rules` (a folder) with examples checked, as lint does.
std::unique_ptr<Pipeline> LoadChecked(const std::filesystem::path& rules) {
  PipelineOptions options;
  options.rules_dir = rules.string();
  options.check_examples = true;
  std::unique_ptr<Pipeline> p;
  CollectingSink sink;
  Status s = Pipeline::Create(options, &p, &sink);
  std::string all;
  for (const Diagnostic& d : sink.diagnostics()) all += d.ToString() + "\n";
  REQUIRE_MESSAGE(s.ok(), all);
  return p;
}

TEST_CASE("a rule repeated under a new id shares its match; priority still decides") {
  auto rules = CopyOfRules();
  const std::string sentence = "Norway firmly opposes the new fishing quota.";
  auto before = Extract(*LoadChecked(rules), sentence);
  REQUIRE_MESSAGE(before.size() == 1, Describe(before));
  const std::string rule_id = before[0].rule;

  std::string opposes = testing::ReadFile(rules / "stance" / "opposes.yaml");
  size_t at = opposes.find("  - id: " + rule_id + "\n");
  REQUIRE(at != std::string::npos);
  size_t end = opposes.find("\n  - id: ", at + 1);
  const std::string block =
      opposes.substr(at, end == std::string::npos ? std::string::npos : end - at);
  // `block` under a new id, with `stance` and `priority` lines changed.
  auto variant = [&](const std::string& id, const std::string& stance, int priority) {
    std::string copy = block;
    copy.replace(0, 8 + rule_id.size(), "  - id: " + id);
    size_t s = copy.find("stance: opposes");
    REQUIRE(s != std::string::npos);
    copy.replace(s, 15, "stance: " + stance + "\n    priority: " + std::to_string(priority));
    size_t old_priority = copy.find("    priority:", s + 20);
    if (old_priority != std::string::npos) {
      copy.erase(old_priority, copy.find('\n', old_priority) + 1 - old_priority);
    }
    return copy + "\n";
  };
  const std::string header = "name: twins\nversion: 1\nrules:\n";
  auto run_with = [&](const std::string& extra) {
    WriteFile(rules / "stance" / "zz_twins.yaml", header + extra);
    auto claims = Extract(*LoadChecked(rules), sentence);
    INFO(Describe(claims));
    REQUIRE(claims.size() == 1);
    CHECK(claims[0].target == before[0].target);
    CHECK(claims[0].span.begin == before[0].span.begin);
    return claims[0];
  };

  // Twins of equal priority lose to the first rule, by order.
  Claim c = run_with(variant("twin-a", "opposes", 0) + variant("twin-b", "opposes", 0));
  CHECK(c.rule == rule_id);
  CHECK(c.stance == "opposes");
  // A twin with a higher priority wins, and its claim names it and its file.
  c = run_with(variant("twin-a", "opposes", 0) + variant("twin-b", "opposes", 50));
  CHECK(c.rule == "twin-b");
  CHECK(c.rule_file == "twins");
  CHECK(c.stance == "opposes");
  // The same pattern with another stance is no twin: its claim says so.
  c = run_with(variant("twin-a", "opposes", 0) + variant("as-support", "supports", 50));
  CHECK(c.rule == "as-support");
  CHECK(c.stance == "supports");
}

}  // namespace
}  // namespace stance
