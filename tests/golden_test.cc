// Runs every fixture under fixtures/ through the whole pipeline with the
// default rules, as `stance test` does, and fails on any claim or quote
// missing, unexpected or changed. (tests/cli/test_fixtures.sh runs the
// command itself.)
#include <doctest/doctest.h>

#include <sstream>

#include "pipeline/fixture_run.h"
#include "pipeline/fixture_set.h"
#include "pipeline/test_report.h"
#include "tests/test_util.h"

namespace stance {
namespace {

TEST_CASE("golden: every fixture gives exactly its expected claims and quotes") {
  std::vector<std::string> dirs;
  std::vector<Status> errors;
  FindFixtures({testing::SourcePath("fixtures").string()}, &dirs, &errors);
  REQUIRE(errors.empty());
  int with_claims = 0, with_quotes = 0;
  for (const std::string& dir : dirs) {
    FixtureResult result;
    RunFixture(testing::DefaultPipeline(), dir, &result);
    std::ostringstream report;
    TestReport(&report, false).PrintFixture(result);
    CHECK_MESSAGE(result.passed(), report.str());
    with_claims += result.has_claims;
    with_quotes += result.has_quotes;
    // The fixtures record the rule and sentence of each claim, so that a
    // diff names the rule and pairs changed claims.
    std::vector<ClaimRecord> expected;
    if (result.has_claims && ReadExpectedClaims(dir + "/" + kExpectedClaims, &expected).ok()) {
      for (const ClaimRecord& c : expected) {
        CHECK_MESSAGE(!c.rule.empty(), dir << " line " << c.line << " names no rule");
        CHECK_MESSAGE(!c.evidence.empty(), dir << " line " << c.line << " has no evidence");
      }
    }
  }
  CHECK(with_claims >= 3);
  CHECK(with_quotes >= 1);
}

}  // namespace
}  // namespace stance
