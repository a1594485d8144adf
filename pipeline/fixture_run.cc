#include "pipeline/fixture_run.h"

#include <exception>
#include <filesystem>

#include "pipeline/fixture_set.h"
#include "pipeline/inputs.h"
#include "pipeline/output_file.h"

namespace stance {
namespace {

bool Exists(const std::string& path) {
  std::error_code ec;
  return std::filesystem::exists(path, ec);
}

void Keep(const Status& s, Status* first) {
  if (first->ok() && !s.ok()) *first = s;
}

// Writes `text` to `path` unless it already holds exactly that. Returns
// false when there was nothing to do.
bool WriteIfChanged(const std::string& path, const std::string& text, Status* status) {
  std::string old;
  if (ReadInput(path, &old).ok() && old == text) return false;
  std::unique_ptr<OutputFile> file;
  *status = OutputFile::Open(path, &file);
  if (status->ok()) {
    *file->stream() << text;
    *status = file->Commit();
  }
  return true;
}

template <typename Record>
void Update(const std::string& path, bool existed, const RecordDiff<Record>& diff,
            const Status& read_status, const std::string& text, size_t records,
            std::vector<FileUpdate>* updates) {
  FileUpdate update;
  update.path = path;
  update.records = records;
  if (!WriteIfChanged(path, text, &update.status)) return;
  update.created = !existed;
  update.unreadable = existed && !read_status.ok();
  if (existed && read_status.ok()) {
    update.added = diff.unexpected.size();
    update.removed = diff.missing.size();
    update.changed = diff.changed.size();
  }
  updates->push_back(update);
}

}  // namespace

void RunFixture(const Pipeline& pipeline, const std::string& dir, FixtureResult* result) {
  *result = FixtureResult();
  result->dir = dir;
  const std::string claims_path = dir + "/" + kExpectedClaims;
  const std::string quotes_path = dir + "/" + kExpectedQuotes;
  result->has_claims = Exists(claims_path);
  result->has_quotes = Exists(quotes_path);

  std::string text;
  Status s = ReadInput(dir + "/" + kFixtureInput, &text);
  if (s.ok()) {
    Document doc;
    NullSink notes;
    // A stage that throws fails this fixture, not the run.
    try {
      s = pipeline.Process(dir, std::move(text), &doc, &notes);
    } catch (const std::exception& e) {
      s = Status::Internal(std::string("internal error: ") + e.what());
    }
    if (s.ok()) {
      result->processed = true;
      result->actual_claims = ClaimRecordsOf(doc);
      result->actual_quotes = QuoteRecordsOf(doc);
    } else if (s.location().empty()) {
      s = Status(s.code(), s.message(), {dir + "/" + kFixtureInput});
    }
  }
  Keep(s, &result->status);
  if (!result->has_claims && !result->has_quotes) {
    Keep(Status::NotFound(std::string("no ") + kExpectedClaims + " or " + kExpectedQuotes +
                              " (check `stance extract` on its input, then --update)",
                          {dir}),
         &result->status);
  }
  if (result->has_claims) {
    std::vector<ClaimRecord> expected;
    s = ReadExpectedClaims(claims_path, &expected);
    Keep(s, &result->status);
    if (s.ok() && result->processed) result->claims = DiffClaims(expected, result->actual_claims);
  }
  if (result->has_quotes) {
    std::vector<QuoteRecord> expected;
    s = ReadExpectedQuotes(quotes_path, &expected);
    Keep(s, &result->status);
    if (s.ok() && result->processed) result->quotes = DiffQuotes(expected, result->actual_quotes);
  }
}

void UpdateFixture(const FixtureResult& result, std::vector<FileUpdate>* updates) {
  if (!result.processed) return;
  const std::string claims_path = result.dir + "/" + kExpectedClaims;
  const std::string quotes_path = result.dir + "/" + kExpectedQuotes;
  if (result.has_claims || !result.has_quotes) {
    std::vector<ClaimRecord> ignored;
    Status read = result.has_claims ? ReadExpectedClaims(claims_path, &ignored) : Status::OK();
    Update(claims_path, result.has_claims, result.claims, read,
           FormatExpectedClaims(result.actual_claims), result.actual_claims.size(), updates);
  }
  if (result.has_quotes) {
    std::vector<QuoteRecord> ignored;
    Status read = ReadExpectedQuotes(quotes_path, &ignored);
    Update(quotes_path, true, result.quotes, read, FormatExpectedQuotes(result.actual_quotes),
           result.actual_quotes.size(), updates);
  }
}

}  // namespace stance
