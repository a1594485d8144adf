// Runs every fixture under fixtures/ through the whole pipeline with the
// default rules and compares the claims with the fixture's expected.jsonl.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "pipeline/pipeline.h"
#include "tests/test_util.h"

namespace stance {
namespace {

std::string Key(const std::string& holder, const std::string& stance, const std::string& target,
                bool negated, bool hedged) {
  return holder + " | " + stance + " | " + target + (negated ? " | negated" : "") +
         (hedged ? " | hedged" : "");
}

TEST_CASE("golden: every fixture gives exactly its expected claims") {
  const Pipeline& pipeline = testing::DefaultPipeline();
  namespace fs = std::filesystem;
  int fixtures = 0;
  std::vector<fs::path> dirs;
  for (const auto& entry : fs::directory_iterator(testing::SourcePath("fixtures"))) {
    if (fs::exists(entry.path() / "input.txt") && fs::exists(entry.path() / "expected.jsonl")) {
      dirs.push_back(entry.path());
    }
  }
  std::sort(dirs.begin(), dirs.end());
  for (const fs::path& dir : dirs) {
    ++fixtures;
    Document doc;
    REQUIRE(pipeline.Process(dir.string(), testing::ReadFile(dir / "input.txt"), &doc, nullptr).ok());
    std::vector<std::string> got, want;
    for (const Claim& c : doc.claims) {
      got.push_back(Key(c.holder, c.stance, c.target, c.negated, c.hedged));
    }
    std::ifstream in(dir / "expected.jsonl");
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty()) continue;
      auto j = nlohmann::json::parse(line);
      want.push_back(Key(j["holder"], j["stance"], j["target"], j.value("negated", false),
                         j.value("hedged", false)));
    }
    std::sort(got.begin(), got.end());
    std::sort(want.begin(), want.end());
    std::vector<std::string> missing, unexpected;
    std::set_difference(want.begin(), want.end(), got.begin(), got.end(),
                        std::back_inserter(missing));
    std::set_difference(got.begin(), got.end(), want.begin(), want.end(),
                        std::back_inserter(unexpected));
    INFO("fixture: " << dir.filename().string());
    for (const std::string& m : missing) CHECK_MESSAGE(false, "missing: " << m);
    for (const std::string& u : unexpected) CHECK_MESSAGE(false, "unexpected: " << u);
  }
  CHECK(fixtures >= 2);
}

}  // namespace
}  // namespace stance
