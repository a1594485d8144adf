// Fixture set: finds fixtures, reads and writes their expected files, and
// turns a processed Document into the records those files hold.
//
// A fixture is a folder holding input.txt (an article) and one or both of
//   expected.jsonl         the claims, one JSON object per line:
//     {"holder": "Mali", "stance": "opposes", "target": "proposal",
//      "rule": "oppose-active", "evidence": "Mali rejected the proposal."}
//     plus "negated": true / "hedged": true when so. "rule" and "evidence"
//     are optional (then not compared); --update writes them.
//   expected.quotes.jsonl  the quotations, in document order:
//     {"quote": "...", "speaker": "Helena Duarte" or null, "cue": "said" or
//      null, "method": "quote-comma-cue-speaker"}; "method" optional.
// See fixtures/README.md. Thread-safe (no shared state).
#ifndef STANCE_PIPELINE_FIXTURE_SET_H_
#define STANCE_PIPELINE_FIXTURE_SET_H_

#include <string>
#include <vector>

#include "pipeline/claim_diff.h"
#include "pipeline/document.h"
#include "pipeline/status.h"

namespace stance {

inline constexpr char kFixtureInput[] = "input.txt";
inline constexpr char kExpectedClaims[] = "expected.jsonl";
inline constexpr char kExpectedQuotes[] = "expected.quotes.jsonl";

// The fixtures folder of the checkout the binary was built from.
std::string DefaultFixturesDir();

// Expands `args`, in the order given, into fixture folders: an argument that
// holds input.txt is one fixture; any other folder stands for every fixture
// below it, sorted by path. An argument that yields none (missing, a file,
// a folder without fixtures) adds one NotFound status naming it to *errors.
void FindFixtures(const std::vector<std::string>& args, std::vector<std::string>* dirs,
                  std::vector<Status>* errors);

// Reads an expected file. Blank lines are skipped. On a bad line (not JSON,
// not an object, a missing or ill-typed field, an unknown key) returns
// InvalidArgument at path:line[:col]; *out then holds the lines before it.
// A missing file is NotFound.
Status ReadExpectedClaims(const std::string& path, std::vector<ClaimRecord>* out);
Status ReadExpectedQuotes(const std::string& path, std::vector<QuoteRecord>* out);

// The text of an expected file holding `records`, one line each, fields in
// the order above (negated/hedged only when true; rule, evidence, method
// only when set).
std::string FormatExpectedClaims(const std::vector<ClaimRecord>& records);
std::string FormatExpectedQuotes(const std::vector<QuoteRecord>& records);

// The records of `doc`, in output order (claims by begin offset then rule;
// quotes by begin offset). Evidence is the claim's sentence, whitespace
// collapsed.
std::vector<ClaimRecord> ClaimRecordsOf(const Document& doc);
std::vector<QuoteRecord> QuoteRecordsOf(const Document& doc);

}  // namespace stance

#endif  // STANCE_PIPELINE_FIXTURE_SET_H_
