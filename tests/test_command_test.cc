// `stance test` run in-process on fixtures and rules copied to a temporary
// folder: the report, the exit codes, --update and --coverage. (--watch is
// tested end to end in tests/cli/test_watch.sh.)
#include <doctest/doctest.h>

#include <filesystem>
#include <sstream>

#include "pipeline/commands.h"
#include "tests/temp_dir.h"
#include "tests/test_util.h"

namespace stance {
namespace {

// An article of our own: four claims by four rules' worth of cues.
constexpr char kArticle[] =
    "LIMA, May 2 - Talks on Pacific fishing quotas ended without agreement on Thursday.\n\n"
    "Ecuador rejected the proposed catch limits, calling them a threat to its coastal towns. "
    "Chile strongly supports the new quotas for anchovy fleets. Peru may back a compromise on "
    "the patrol zones next month, officials said.\n\n"
    "Japan condemned the delay in the talks.\n";

struct Run {
  int code = -1;
  std::string out;
  std::string err;
};

Run Test(TestOptions options) {
  std::ostringstream out, err;
  Run run;
  run.code = RunTest(options, Console{&out, &err, false});
  run.out = out.str();
  run.err = err.str();
  return run;
}

bool Has(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

// A temporary fixture set holding fixture "fisheries" and a copy of rules/.
struct Sandbox {
  TempDir dir;
  std::string rules;
  std::string fixture;
  Sandbox() {
    rules = dir / "rules";
    std::filesystem::copy(testing::SourcePath("rules"), rules,
                          std::filesystem::copy_options::recursive);
    fixture = dir / "fixtures/fisheries";
    dir.Write("fixtures/fisheries/input.txt", kArticle);
  }
  TestOptions Options() const {
    TestOptions options;
    options.rules = rules;
    options.fixtures = {dir / "fixtures"};
    return options;
  }
  // Rewrites `file` of the rules with `from` replaced by `to` (once).
  void EditRule(const std::string& file, const std::string& from, const std::string& to) const {
    std::string path = rules + "/" + file;
    std::string text = ReadFileForTest(path);
    size_t at = text.find(from);
    REQUIRE_MESSAGE(at != std::string::npos, from);
    text.replace(at, from.size(), to);
    dir.Write("rules/" + file, text);
  }
  std::string Expected() const { return ReadFileForTest(fixture + "/expected.jsonl"); }
};

TEST_CASE("stance test: a fixture without expected files fails until --update writes them") {
  Sandbox box;
  Run run = Test(box.Options());
  CHECK(run.code == kExitFailed);
  CHECK(Has(run.out, "FAIL " + box.fixture + "\n"));
  CHECK(Has(run.out, "no expected.jsonl or expected.quotes.jsonl"));

  TestOptions update = box.Options();
  update.update = true;
  run = Test(update);
  CHECK(run.code == kExitOk);
  CHECK(Has(run.out, "updated " + box.fixture + "/expected.jsonl: created with 4 records\n"));
  CHECK(Has(box.Expected(),
            "{\"holder\": \"Ecuador\", \"stance\": \"opposes\", \"target\": "
            "\"proposed catch limits\", \"rule\": \"oppose-active\", "
            "\"evidence\": \"Ecuador rejected the proposed catch limits, calling "
            "them a threat to its coastal towns.\"}\n"));

  run = Test(box.Options());
  CHECK(run.code == kExitOk);
  CHECK(run.out == "ok   " + box.fixture +
                       "  claims: precision 100.0% (4/4), recall 100.0% (4/4)\n\n"
                       "overall claims: precision 100.0% (4/4), recall 100.0% (4/4)\n"
                       "1 fixture: 1 passed, 0 failed\n");
  CHECK(run.err.empty());
}

TEST_CASE("stance test: one word out of a lexicon shows exactly the claim it made, and its rule") {
  Sandbox box;
  TestOptions update = box.Options();
  update.update = true;
  REQUIRE(Test(update).code == kExitOk);
  const std::string before = box.Expected();

  box.EditRule("lexicon/stance_cues.yaml", "verbs: [oppose, reject, ", "verbs: [oppose, ");
  Run run = Test(box.Options());
  CHECK(run.code == kExitFailed);
  CHECK(
      run.out ==
      "FAIL " + box.fixture +
          "  claims: precision 100.0% (3/3), recall 75.0% (3/4)\n"
          "  missing       Ecuador opposes \"proposed catch limits\"  (rule oppose-active)\n"
          "                in \"Ecuador rejected the proposed catch limits, calling them a threat "
          "to its coastal towns.\"\n\n"
          "overall claims: precision 100.0% (3/3), recall 75.0% (3/4)\n"
          "1 fixture: 0 passed, 1 failed\n");
  CHECK(box.Expected() == before);  // a plain run writes nothing

  run = Test(update);
  CHECK(run.code == kExitOk);
  CHECK(Has(run.out, "updated " + box.fixture +
                         "/expected.jsonl: 0 added, 1 removed, 0 changed\n"
                         "--update: 1 file written (0 added, 1 removed, 0 changed); 1 fixture "
                         "checked\n"));
  CHECK(!Has(box.Expected(), "Ecuador"));
  CHECK(Test(box.Options()).code == kExitOk);
}

TEST_CASE("stance test: a hedge word out of the lexicon changes one field of one claim") {
  Sandbox box;
  TestOptions update = box.Options();
  update.update = true;
  REQUIRE(Test(update).code == kExitOk);
  box.EditRule("lexicon/stance_cues.yaml", "phrases: [may, might, could,",
               "phrases: [might, could,");
  Run run = Test(box.Options());
  CHECK(run.code == kExitFailed);
  CHECK(Has(run.out,
            "\n  changed       Peru supports: hedged true -> false  (rule support-active)\n"
            "                in \"Peru may back a compromise on the patrol zones next "
            "month, officials said.\"\n"));
  CHECK(!Has(run.out, "missing"));
  CHECK(!Has(run.out, "unexpected"));
  CHECK(Has(run.out, "precision 75.0% (3/4), recall 75.0% (3/4)"));
}

TEST_CASE("stance test: a claim the rules now give is unexpected, with its rule") {
  Sandbox box;
  // Expect everything but Japan's claim.
  TestOptions update = box.Options();
  update.update = true;
  REQUIRE(Test(update).code == kExitOk);
  std::string expected = box.Expected();
  size_t japan = expected.find("{\"holder\": \"Japan\"");
  REQUIRE(japan != std::string::npos);
  box.dir.Write("fixtures/fisheries/expected.jsonl", expected.substr(0, japan));
  Run run = Test(box.Options());
  CHECK(run.code == kExitFailed);
  CHECK(Has(run.out,
            "  unexpected    Japan criticizes \"delay in the talks\"  (rule criticize-active)\n"));
  CHECK(Has(run.out, "claims: precision 75.0% (3/4), recall 100.0% (3/3)"));
}

TEST_CASE("stance test: colour only when asked for (the CLI asks on a terminal)") {
  Sandbox box;
  box.dir.Write("fixtures/fisheries/expected.jsonl",
                "{\"holder\": \"Chile\", \"stance\": \"supports\", \"target\": \"new quotas\"}\n");
  TestOptions options = box.Options();
  Run plain = Test(options);
  CHECK(!Has(plain.out, "\033["));
  options.color = true;
  Run colored = Test(options);
  CHECK(Has(colored.out, "\033[31mFAIL\033[0m"));
  CHECK(Has(colored.out, "\033[31mmissing     \033[0m"));
  CHECK(Has(colored.out, "\033[32munexpected  \033[0m"));
}

TEST_CASE(
    "stance test: a broken expected file fails its fixture with path:line; --update replaces it") {
  Sandbox box;
  box.dir.Write("fixtures/fisheries/expected.jsonl", "{\"holder\": \"Chile\"}\n");
  Run run = Test(box.Options());
  CHECK(run.code == kExitFailed);
  CHECK(Has(run.out, box.fixture + "/expected.jsonl:1: missing \"stance\""));
  TestOptions update = box.Options();
  update.update = true;
  run = Test(update);
  CHECK(run.code == kExitOk);
  CHECK(Has(run.out, "replaced (the old file could not be read) with 4 records"));
  CHECK(Test(box.Options()).code == kExitOk);
}

TEST_CASE("stance test: usage errors and rules that fail to load exit 2") {
  Sandbox box;
  TestOptions options = box.Options();
  options.fixtures = {box.dir / "no-such-folder"};
  Run run = Test(options);
  CHECK(run.code == kExitUsage);
  CHECK(Has(run.err, box.dir / "no-such-folder: no such fixture or folder"));

  options = box.Options();
  options.update = true;
  options.watch = true;
  CHECK(Test(options).code == kExitUsage);

  box.dir.Write("fixtures/fisheries/expected.jsonl", "");
  box.EditRule("stance/opposes.yaml", "stance: opposes", "stance: oposes");
  run = Test(box.Options());
  CHECK(run.code == kExitUsage);
  CHECK(Has(run.err, box.rules + "/stance/opposes.yaml:"));
  CHECK(Has(run.err, "unknown stance label 'oposes'"));
  CHECK(Has(run.err, "stance test: the rules in " + box.rules + " failed to load"));
  CHECK(run.out.empty());
}

TEST_CASE("stance test --watch with --watch-runs 1 runs once and returns that run's code") {
  Sandbox box;
  box.dir.Write("fixtures/fisheries/expected.jsonl", "");
  TestOptions options = box.Options();
  options.watch = true;
  options.watch_runs = 1;
  Run run = Test(options);
  CHECK(run.code == kExitFailed);
  CHECK(Has(run.out, "  unexpected    Japan criticizes \"delay in the talks\""));
  CHECK(Has(run.out, "1 fixture: 0 passed, 1 failed"));
}

TEST_CASE("stance test --coverage: claims per rule, rules never fired, near misses") {
  Sandbox box;
  box.dir.Write("corpus/a.txt", kArticle);
  box.dir.Write("corpus/more/b.txt",
                "Chile strongly supports the plan. Turkmenistan did not oppose the proposal.\n"
                "Regional Envoys Reject Foreign Bases\n\nThe envoys said little else.\n");
  TestOptions options = box.Options();
  options.coverage = true;
  options.fixtures = {box.dir / "corpus"};
  Run run = Test(options);
  CHECK(run.code == kExitOk);
  CHECK(Has(run.out, "coverage: 2 documents, 9 sentences, 5 claims; "));
  // support-active fired three times (Chile in both, Peru), oppose-active
  // once (Ecuador: Turkmenistan's is negated).
  CHECK(Has(run.out, "\n     3  support-active  "));
  CHECK(Has(run.out, "\n     1  oppose-active  "));
  CHECK(Has(run.out, box.rules + "/stance/supports.yaml:5:9\n"));
  CHECK(Has(run.out, "\nnever fired: "));
  CHECK(Has(run.out, "\n  oppose-passive  "));
  // Near misses: a negated cue, and a headline with no holder; "said" is
  // speech (rules/coverage.yaml), never a near miss.
  CHECK(Has(run.out, "near misses: 2 sentences with a stance cue and no claim\n"));
  CHECK(Has(run.out, "  " + box.dir / "corpus/more/b.txt" +
                         ":1: \"oppose\" (lexicon oppose)\n"
                         "      Turkmenistan did not oppose the proposal.\n"));
  CHECK(Has(run.out, box.dir / "corpus/more/b.txt" + ":2: \"Reject\" (lexicon oppose)\n"));
  CHECK(!Has(run.out, "The envoys said"));

  options.max_near_misses = 1;
  run = Test(options);
  CHECK(Has(run.out, "  ... and 1 more\n"));
}

TEST_CASE("stance test --coverage: coverage.yaml must name lexicon entries") {
  Sandbox box;
  box.dir.Write("rules/coverage.yaml", "name: coverage\nversion: 1\nnot_cues: [state, stat]\n");
  TestOptions options = box.Options();
  options.coverage = true;
  options.fixtures = {box.dir.Write("a.txt", kArticle)};
  Run run = Test(options);
  CHECK(run.code == kExitUsage);
  CHECK(Has(run.err, box.rules + "/coverage.yaml:3:19: no lexicon entry 'stat'"));
}

}  // namespace
}  // namespace stance
