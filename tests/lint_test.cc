#include "pipeline/lint.h"

#include <doctest/doctest.h>

#include <filesystem>
#include <sstream>

#include "pipeline/commands.h"
#include "tests/temp_dir.h"

namespace stance {
namespace {

namespace fs = std::filesystem;

// A copy of the checkout's rules/ in a temporary folder.
std::string CopyRules(const TempDir& dir) {
  std::string copy = dir / "rules";
  fs::copy(STANCE_SOURCE_DIR "/rules", copy, fs::copy_options::recursive);
  return copy;
}

TEST_CASE("The checkout's rules lint clean") {
  LintReport report;
  REQUIRE(LintRules(STANCE_SOURCE_DIR "/rules", &report).ok());
  for (const Diagnostic& d : report.diagnostics) {
    CHECK_MESSAGE(d.severity != Diagnostic::kError, d.ToString());
  }
  CHECK(report.errors == 0);
  CHECK(report.files >= 1);

  std::ostringstream out, err;
  CHECK(RunLint(STANCE_SOURCE_DIR "/rules", Console{&out, &err, false}) ==
        kExitOk);
  CHECK(err.str().find(STANCE_SOURCE_DIR "/rules: ok") != std::string::npos);
}

TEST_CASE("A malformed YAML file is reported at path:line:col with a caret") {
  TempDir dir;
  std::string rules = CopyRules(dir);
  std::string bad = rules + "/zz_broken.yaml";
  std::ofstream(bad) << "name: broken\nversion: 1\nitems: [one, two\n";

  LintReport report;
  REQUIRE(LintRules(rules, &report).ok());
  CHECK(report.errors >= 1);
  const Diagnostic* found = nullptr;
  for (const Diagnostic& d : report.diagnostics) {
    if (fs::path(d.location.path).filename() == "zz_broken.yaml") found = &d;
  }
  REQUIRE(found != nullptr);
  CHECK(found->severity == Diagnostic::kError);
  CHECK(found->location.line >= 3);
  CHECK(found->location.col >= 1);

  std::ostringstream out, err;
  CHECK(RunLint(rules, Console{&out, &err, false}) == kExitFailed);
  std::string printed = err.str();
  CHECK(printed.find(bad + ":" + std::to_string(found->location.line) + ":") !=
        std::string::npos);
  CHECK(printed.find(": error: ") != std::string::npos);
  CHECK(printed.find("error") != std::string::npos);
  CHECK(printed.find(rules + ": ") != std::string::npos);  // the count line
}

TEST_CASE("Every broken file is reported, each once") {
  TempDir dir;
  std::string rules = CopyRules(dir);
  std::ofstream(rules + "/zz_one.yaml") << "a: [\n";
  fs::create_directories(rules + "/zz_sub");
  std::ofstream(rules + "/zz_sub/two.yml") << "b: {x: 1\n";

  LintReport report;
  REQUIRE(LintRules(rules, &report).ok());
  int one = 0, two = 0;
  for (const Diagnostic& d : report.diagnostics) {
    std::string name = fs::path(d.location.path).filename().string();
    one += name == "zz_one.yaml";
    two += name == "two.yml";
  }
  CHECK(one == 1);
  CHECK(two == 1);
}

TEST_CASE("Linting a folder that does not exist is a usage error") {
  TempDir dir;
  LintReport report;
  CHECK(LintRules(dir / "nope", &report).code() == Status::kNotFound);
  std::ostringstream out, err;
  CHECK(RunLint(dir / "nope", Console{&out, &err, false}) == kExitUsage);
  CHECK(err.str() == dir / "nope: no such rules folder\n");
}

}  // namespace
}  // namespace stance
