// Fixture run: consumes one fixture folder (see fixture_set.h) and a loaded
// Pipeline; produces what the pipeline gives for its article and how that
// differs from the expected files. UpdateFixture rewrites the expected files
// from it (`stance test --update`).
//
//   FixtureResult result;
//   RunFixture(pipeline, "fixtures/sahel-summit", &result);
//   if (!result.passed()) PrintFixtureResult(result, ...);
//
// Thread-safe as long as each thread has its own FixtureResult.
#ifndef STANCE_PIPELINE_FIXTURE_RUN_H_
#define STANCE_PIPELINE_FIXTURE_RUN_H_

#include <string>
#include <vector>

#include "pipeline/claim_diff.h"
#include "pipeline/pipeline.h"
#include "pipeline/status.h"

namespace stance {

struct FixtureResult {
  std::string dir;
  // Which expected files the fixture has. A fixture with neither fails;
  // --update then writes its claims.
  bool has_claims = false;
  bool has_quotes = false;
  // Not OK when the article could not be read or processed, or an expected
  // file could not be read: the fixture fails with this message.
  Status status;
  // The article went through the pipeline: `actual_*` hold its output and
  // --update may write it (even when an expected file was unreadable).
  bool processed = false;
  std::vector<ClaimRecord> actual_claims;
  std::vector<QuoteRecord> actual_quotes;
  ClaimDiff claims;  // empty unless has_claims
  QuoteDiff quotes;  // empty unless has_quotes

  bool passed() const {
    return status.ok() && (has_claims || has_quotes) && claims.empty() && quotes.empty();
  }
};

// Runs the article of fixture `dir` through `pipeline` and compares the
// output with the fixture's expected files. Never fails as a whole: every
// problem goes to result->status.
// REQUIRES: pipeline loads the claims stage.
void RunFixture(const Pipeline& pipeline, const std::string& dir, FixtureResult* result);

// What --update did to one expected file.
struct FileUpdate {
  std::string path;
  bool created = false;     // there was no expected file
  bool unreadable = false;  // the old file could not be read; replaced
  size_t added = 0;         // records given but not expected
  size_t removed = 0;       // records expected but not given
  size_t changed = 0;       // records paired with changed fields
  size_t records = 0;       // records in the new file
  Status status;            // the write failed
};

// Rewrites the expected files of `result` (expected.jsonl when it has
// neither) from its output, atomically, leaving files whose text would not
// change untouched. Appends one FileUpdate per file written (or failed).
// Nothing is written for a fixture that was not processed.
void UpdateFixture(const FixtureResult& result, std::vector<FileUpdate>* updates);

}  // namespace stance

#endif  // STANCE_PIPELINE_FIXTURE_RUN_H_
