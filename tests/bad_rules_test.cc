// Hostile rule files: each problem is an error at path:line:col naming what
// is wrong, and loading never crashes. Each case edits a copy of the
// shipped rules/ and loads it the way every command does (Pipeline::Create).
#include <doctest/doctest.h>

#include <filesystem>
#include <memory>
#include <string>

#include "pipeline/pipeline.h"
#include "pipeline/rule_diagnostics.h"
#include "pipeline/status.h"
#include "tests/test_util.h"

namespace stance {
namespace {

namespace fs = std::filesystem;
using testing::CopyOfRules;
using testing::WriteFile;

// Loads `rules` like `stance extract`; returns every diagnostic, one per
// line, and sets *loaded.
std::string Load(const fs::path& rules, bool* loaded) {
  PipelineOptions options;
  options.rules_dir = rules.string();
  CollectingSink sink;
  std::unique_ptr<Pipeline> pipeline;
  Status s = Pipeline::Create(options, &pipeline, &sink);
  *loaded = s.ok();
  CHECK(s.ok() == (pipeline != nullptr));
  std::string all;
  for (const Diagnostic& d : sink.diagnostics()) all += d.ToString() + "\n";
  return all;
}

// The first line of `diagnostics` that starts with `where`, or "".
std::string LineAt(const std::string& diagnostics, const std::string& where) {
  size_t at = diagnostics.find(where);
  if (at == std::string::npos) return "";
  return diagnostics.substr(at, diagnostics.find('\n', at) - at);
}

// A rule file with one rule whose pattern is `pattern`, on line 6, column 14
// (after "    pattern: ").
std::string RuleFile(const std::string& id, const std::string& pattern) {
  return "name: hostile\nversion: 1\nrules:\n  - id: " + id +
         "\n    stance: opposes\n    pattern: " + pattern +
         "\n    examples: ['Chile firmly rejects the tariff.']\n";
}

// `n` distinct made-up words: cuea, cueb, ..., cueaa, ...
std::string Words(int n) {
  std::string out;
  for (int i = 0; i < n; ++i) {
    std::string word;
    for (int k = i; k > 0 || word.empty(); k /= 26) word += static_cast<char>('a' + k % 26);
    out += (i > 0 ? ", cue" : "cue") + word;
  }
  return out;
}

TEST_CASE("A huge alternation is refused before RE2 sees it, naming the rule") {
  fs::path rules = CopyOfRules();
  // 25,000 phrases: their alternation is ~350 KB of regex.
  WriteFile(rules / "lexicon" / "zz_huge.yaml",
            "name: huge\nversion: 1\nlexicons:\n  huge_cues:\n    phrases: [" + Words(25000) +
                "]\n");
  WriteFile(rules / "stance" / "zz_huge.yaml",
            RuleFile("huge-alternation", "'{h:ACTORS} @huge_cues {t:PHRASE}'"));
  bool loaded = true;
  std::string diagnostics = Load(rules, &loaded);
  CHECK_FALSE(loaded);
  std::string line = LineAt(diagnostics, (rules / "stance" / "zz_huge.yaml").string() + ":6:14: ");
  CHECK_MESSAGE(line.find("error: the pattern of rule 'huge-alternation' compiles to a regex of ") !=
                    std::string::npos,
                diagnostics);
  CHECK(line.find("over the limit of " + std::to_string(kMaxPatternRegexBytes)) !=
        std::string::npos);
}

TEST_CASE("A pattern over RE2's memory budget is refused, naming the rule") {
  fs::path rules = CopyOfRules();
  // Short to write, but each \pL{100} is ~120,000 RE2 instructions (and
  // distinct first letters keep RE2 from factoring the branches).
  WriteFile(rules / "stance" / "zz_budget.yaml",
            RuleFile("over-budget",
                     "'{h:ACTORS} @oppose /a\\pL{100}|b\\pL{100}|c\\pL{100}|d\\pL{100}|"
                     "e\\pL{100}|f\\pL{100}/ {t:PHRASE}'"));
  bool loaded = true;
  std::string diagnostics = Load(rules, &loaded);
  CHECK_FALSE(loaded);
  std::string line =
      LineAt(diagnostics, (rules / "stance" / "zz_budget.yaml").string() + ":6:14: ");
  CHECK_MESSAGE(line.find("error: the pattern of rule 'over-budget' needs more than RE2's "
                          "memory budget of 8 MiB") != std::string::npos,
                diagnostics);
}

TEST_CASE("A pattern that can match the empty string is refused at its column") {
  fs::path rules = CopyOfRules();
  WriteFile(rules / "stance" / "zz_empty.yaml", RuleFile("empty-match", "'(firmly)? ...3'"));
  bool loaded = true;
  std::string diagnostics = Load(rules, &loaded);
  CHECK_FALSE(loaded);
  // Column 15: the pattern's first character, after the quote.
  CHECK_MESSAGE(LineAt(diagnostics, (rules / "stance" / "zz_empty.yaml").string() + ":6:15: ") ==
                    (rules / "stance" / "zz_empty.yaml").string() +
                        ":6:15: error: pattern can match the empty string",
                diagnostics);
}

TEST_CASE("A lexicon cannot refer to a lexicon, itself or another") {
  fs::path rules = CopyOfRules();
  WriteFile(rules / "lexicon" / "zz_refs.yaml",
            "name: refs\nversion: 1\nlexicons:\n"
            "  loop:\n    phrases: [firmly against, '@loop']\n"
            "  other:\n    verbs: ['@oppose', {lemma: rebuff}]\n    nouns: [' ']\n");
  bool loaded = true;
  std::string diagnostics = Load(rules, &loaded);
  CHECK_FALSE(loaded);
  std::string path = (rules / "lexicon" / "zz_refs.yaml").string();
  CHECK_MESSAGE(LineAt(diagnostics, path + ":5:31: ").find(
                    "error: '@loop': a lexicon cannot refer to another lexicon") !=
                    std::string::npos,
                diagnostics);
  CHECK(LineAt(diagnostics, path + ":7:13: ").find("'@oppose': a lexicon cannot refer") !=
        std::string::npos);
  CHECK(LineAt(diagnostics, path + ":8:13: ").find("empty cue in 'nouns'") != std::string::npos);
  // And no other way in: a key for it is unknown.
  WriteFile(rules / "lexicon" / "zz_refs.yaml",
            "name: refs\nversion: 1\nlexicons:\n  loop:\n    include: [oppose]\n");
  diagnostics = Load(rules, &loaded);
  CHECK_FALSE(loaded);
  CHECK(LineAt(diagnostics, path + ":5:5: ").find("unknown key 'include'") != std::string::npos);
}

TEST_CASE("A rule file that is not UTF-8 is refused at its first bad byte") {
  // Every kind of rule file, Latin-1 at line 4.
  const char* kFiles[] = {"abbreviations.yaml",        "stances.yaml",
                          "lexicon/stance_cues.yaml",  "targets/afghanistan.yaml",
                          "stance/opposes.yaml",       "quotes/cues.yaml",
                          "actors/countries.yaml"};
  for (const char* name : kFiles) {
    CAPTURE(name);
    fs::path rules = CopyOfRules();
    WriteFile(rules / name, "name: latin1\nversion: 1\n# ok so far\n# caf\xe9\n");
    bool loaded = true;
    std::string diagnostics = Load(rules, &loaded);
    CHECK_FALSE(loaded);
    CHECK_MESSAGE(LineAt(diagnostics, (rules / name).string() + ":4:6: ")
                          .find("rule file is not valid UTF-8 (byte 41)") != std::string::npos,
                  diagnostics);
  }
  fs::path rules = CopyOfRules();
  WriteFile(rules / "stances.yaml", std::string("\xff\xfen\0a\0m\0e\0", 10));
  bool loaded = true;
  std::string diagnostics = Load(rules, &loaded);
  CHECK(LineAt(diagnostics, (rules / "stances.yaml").string() + ":1:1: ")
            .find("rule file is UTF-16; save it as UTF-8") != std::string::npos);
}

TEST_CASE("A UTF-8 byte order mark at the start of a rule file is fine") {
  fs::path rules = CopyOfRules();
  std::string stances = testing::ReadFile(rules / "stances.yaml");
  WriteFile(rules / "stances.yaml", "\xef\xbb\xbf" + stances);
  bool loaded = false;
  std::string diagnostics = Load(rules, &loaded);
  CHECK_MESSAGE(loaded, diagnostics);
}

TEST_CASE("A rule file of the wrong shape is an error, never a crash") {
  // Keys looked up in a scalar or a list: the loaders' own checks or the
  // guard around each file turn yaml-cpp's exceptions into diagnostics.
  const char* kFiles[] = {"stances.yaml",          "lexicon/stance_cues.yaml",
                          "targets/trimming.yaml", "stance/opposes.yaml",
                          "quotes/cues.yaml",      "actors/countries.yaml",
                          "abbreviations.yaml"};
  const char* kShapes[] = {"just a sentence\n", "- a\n- list\n", "name: x\nversion: 1\n"
                           "stances: [a]\nlexicons: [b]\ntargets: c\ntrimming: d\nrules: e\n"
                           "verbs: f\nactors: g\ntitles: h\n"};
  for (const char* name : kFiles) {
    fs::path rules = CopyOfRules();
    for (const char* shape : kShapes) {
      CAPTURE(name);
      CAPTURE(shape);
      WriteFile(rules / name, shape);
      bool loaded = true;
      std::string diagnostics = Load(rules, &loaded);
      CHECK_FALSE(loaded);
      CHECK_MESSAGE(diagnostics.find((rules / name).string() + ":") != std::string::npos,
                    diagnostics);
    }
  }
}

}  // namespace
}  // namespace stance
