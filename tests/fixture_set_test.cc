// Fixture files: finding fixtures, reading expected files (and their
// errors), writing them back, and the records of a processed Document.
#include "pipeline/fixture_set.h"

#include <doctest/doctest.h>

#include "tests/temp_dir.h"
#include "tests/test_util.h"

namespace stance {
namespace {

TEST_CASE("fixture set: a fixture, a folder of fixtures, nested, sorted") {
  TempDir dir;
  dir.Write("set/b/input.txt", "B.\n");
  dir.Write("set/a/input.txt", "A.\n");
  dir.Write("set/regressions/issue-7/input.txt", "C.\n");
  dir.Write("set/.hidden/input.txt", "D.\n");
  dir.Write("set/notes/readme.md", "not a fixture\n");
  dir.Write("single/input.txt", "E.\n");
  std::vector<std::string> dirs;
  std::vector<Status> errors;
  FindFixtures({dir / "set", dir / "single"}, &dirs, &errors);
  CHECK(errors.empty());
  CHECK(dirs == std::vector<std::string>{dir / "set/a", dir / "set/b",
                                         dir / "set/regressions/issue-7", dir / "single"});
}

TEST_CASE("fixture set: a missing path, a file, a folder without fixtures are errors") {
  TempDir dir;
  dir.Write("empty/notes.txt", "x\n");
  std::vector<std::string> dirs;
  std::vector<Status> errors;
  FindFixtures({dir / "missing", dir / "empty/notes.txt", dir / "empty"}, &dirs, &errors);
  CHECK(dirs.empty());
  REQUIRE(errors.size() == 3);
  CHECK(errors[0].ToString() == dir / "missing: no such fixture or folder");
  CHECK(errors[1].location().path == dir / "empty/notes.txt");
  CHECK(errors[2].ToString() ==
        dir / "empty: no fixtures (folders holding input.txt) in this folder");
}

TEST_CASE("fixture set: expected claims round-trip through their file") {
  ClaimRecord togo;
  togo.holder = "Togo";
  togo.stance = "supports";
  togo.target = "compromise \"proposal\"";
  togo.hedged = true;
  togo.rule = "support-active";
  togo.evidence = "Togo may back a compromise “proposal”.";
  ClaimRecord mali;
  mali.holder = "Mali";
  mali.stance = "opposes";
  mali.target = "plan";
  std::string text = FormatExpectedClaims({togo, mali});
  CHECK(text ==
        "{\"holder\": \"Togo\", \"stance\": \"supports\", \"target\": \"compromise "
        "\\\"proposal\\\"\", \"hedged\": true, \"rule\": \"support-active\", \"evidence\": "
        "\"Togo may back a compromise “proposal”.\"}\n"
        "{\"holder\": \"Mali\", \"stance\": \"opposes\", \"target\": \"plan\"}\n");
  TempDir dir;
  std::string path = dir.Write("expected.jsonl", text + "\n");
  std::vector<ClaimRecord> read;
  REQUIRE(ReadExpectedClaims(path, &read).ok());
  REQUIRE(read.size() == 2);
  CHECK(read[0].target == togo.target);
  CHECK(read[0].hedged);
  CHECK(!read[0].negated);
  CHECK(read[0].evidence == togo.evidence);
  CHECK(read[0].line == 1);
  CHECK(read[1].rule.empty());
  CHECK(read[1].line == 2);
  CHECK(DiffClaims(read, {togo, mali}).empty());
}

TEST_CASE("fixture set: expected quotes write null for no speaker and read it back") {
  QuoteRecord q{"Nobody wants a crisis,", "", "said", "quote-comma-cue-speaker", 0};
  std::string text = FormatExpectedQuotes({q});
  CHECK(text ==
        "{\"quote\": \"Nobody wants a crisis,\", \"speaker\": null, \"cue\": \"said\", "
        "\"method\": \"quote-comma-cue-speaker\"}\n");
  TempDir dir;
  std::vector<QuoteRecord> read;
  REQUIRE(ReadExpectedQuotes(dir.Write("q.jsonl", text), &read).ok());
  REQUIRE(read.size() == 1);
  CHECK(read[0].speaker.empty());
  CHECK(read[0].cue == "said");
}

TEST_CASE("fixture set: a bad expected line is reported at path:line[:col]") {
  TempDir dir;
  struct Case {
    const char* line;
    const char* error;
  };
  const Case cases[] = {
      {"{\"holder\": \"Mali\", \"stance\": \"opposes\"", ":2:39: invalid JSON"},
      {"[1, 2]", ":2: expected a JSON object"},
      {"{\"holder\": \"Mali\", \"stance\": \"opposes\"}", ":2: missing \"target\""},
      {"{\"holder\": \"Mali\", \"stance\": \"opposes\", \"target\": 3}",
       ":2: \"target\" must be a string"},
      {"{\"holder\": \"Mali\", \"stance\": \"opposes\", \"target\": \"x\", \"hedged\": \"yes\"}",
       ":2: \"hedged\" must be true or false"},
      {"{\"holder\": \"Mali\", \"stance\": \"opposes\", \"targt\": \"x\"}",
       ":2: unknown key \"targt\" (expected holder, stance, target, negated, hedged, rule, "
       "evidence)"},
  };
  for (const Case& c : cases) {
    std::string path = dir.Write(
        "expected.jsonl",
        std::string("{\"holder\": \"A\", \"stance\": \"supports\", \"target\": \"b\"}\n") + c.line +
            "\n");
    std::vector<ClaimRecord> read;
    Status s = ReadExpectedClaims(path, &read);
    INFO(std::string(c.line));
    INFO(s.ToString());
    CHECK(s.code() == Status::kInvalidArgument);
    CHECK(s.ToString().rfind(path + c.error, 0) == 0);
    CHECK(read.size() == 1);
  }
  std::vector<ClaimRecord> read;
  CHECK(ReadExpectedClaims(dir / "none.jsonl", &read).code() == Status::kNotFound);
  std::vector<QuoteRecord> quotes;
  Status s =
      ReadExpectedQuotes(dir.Write("q.jsonl", "{\"quote\": \"x\", \"cue\": null}\n"), &quotes);
  CHECK(s.ToString() == dir / "q.jsonl:1: missing \"speaker\"");
}

TEST_CASE("fixture set: records of a processed document, with evidence and rule") {
  Document doc;
  REQUIRE(testing::DefaultPipeline()
              .Process("t", "Ghana backed the pact.\nMali and Niger\nrejected the proposal.\n",
                       &doc, nullptr)
              .ok());
  std::vector<ClaimRecord> records = ClaimRecordsOf(doc);
  REQUIRE(records.size() == 3);
  CHECK(records[0].holder == "Ghana");
  CHECK(records[0].evidence == "Ghana backed the pact.");
  CHECK(!records[0].rule.empty());
  CHECK(records[1].evidence == "Mali and Niger rejected the proposal.");
  CHECK(records[1].rule == doc.claims[1].rule);
}

}  // namespace
}  // namespace stance
