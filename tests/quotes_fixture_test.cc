// End-to-end check of the quote stage: fixtures/quotes-mixed/input.txt (an
// article of our own writing, with quotations in every layout the stage
// reads) through the whole pipeline up to the quote stage, compared with
// fixtures/quotes-mixed/expected.quotes.jsonl ({"quote", "speaker", "cue"}
// per line, in document order, null for none).
//
// Unlike quotes_test.cc this test needs the real normaliser (curly marks,
// dashes), sentence splitter and actor stage (roles and affiliations of the
// people in the article): it can only pass with those stages merged.
#include <doctest/doctest.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "pipeline/pipeline.h"

namespace stance {
namespace {

std::string ReadAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  REQUIRE_MESSAGE(in.good(), "cannot read " << path);
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::string OrNull(const nlohmann::json& value) {
  return value.is_null() ? "(none)" : value.get<std::string>();
}

std::string OrNull(const std::string& value) {
  return value.empty() ? "(none)" : value;
}

TEST_CASE(
    "quotes fixture: quotes-mixed gives exactly its expected quotes, speakers "
    "and cues") {
  const std::string dir =
      std::string(STANCE_SOURCE_DIR) + "/fixtures/quotes-mixed";
  PipelineOptions options;
  options.rules_dir = std::string(STANCE_SOURCE_DIR) + "/rules";
  options.last_stage = PipelineOptions::Stage::kQuotes;
  std::unique_ptr<Pipeline> pipeline;
  CollectingSink load;
  Status s = Pipeline::Create(options, &pipeline, &load);
  REQUIRE_MESSAGE(s.ok(), s.ToString());

  Document doc;
  CollectingSink warnings;
  REQUIRE(pipeline
              ->Process("quotes-mixed", ReadAll(dir + "/input.txt"), &doc,
                        &warnings)
              .ok());

  std::vector<nlohmann::json> expected;
  std::istringstream lines(ReadAll(dir + "/expected.quotes.jsonl"));
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty()) expected.push_back(nlohmann::json::parse(line));
  }
  REQUIRE(expected.size() >= 15);
  CHECK(doc.quotes.size() == expected.size());
  for (size_t i = 0; i < std::min(doc.quotes.size(), expected.size()); ++i) {
    const Quote& q = doc.quotes[i];
    const nlohmann::json& want = expected[i];
    std::string quote(doc.Original(q.span));
    INFO("quote " << i << ": " << quote << " [" << q.method << "]");
    CHECK(quote == want["quote"].get<std::string>());
    CHECK(OrNull(q.speaker) == OrNull(want["speaker"]));
    CHECK(OrNull(q.cue) == OrNull(want["cue"]));
  }
  // Every quotation but the term and the nested one has a speaker, and
  // those two are not reported: no warning at all.
  for (const Diagnostic& d : warnings.diagnostics())
    CHECK_MESSAGE(false, d.ToString());
}

}  // namespace
}  // namespace stance
