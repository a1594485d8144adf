// NewWriter, the column lists, and the buffering every writer shares.
#include "pipeline/writers/writer.h"

#include <charconv>

#include "pipeline/writers/formats.h"

namespace stance {

const std::vector<std::string>& ClaimColumns() {
  static const std::vector<std::string> columns = {
      "doc",     "holder", "holder_type", "holder_affiliation",
      "stance",  "target", "negated",     "hedged",
      "speaker", "quote",  "evidence",    "sentence",
      "begin",   "end",    "rule"};
  return columns;
}

const std::vector<std::string>& QuoteColumns() {
  static const std::vector<std::string> columns = {"doc",
                                                   "quote",
                                                   "begin",
                                                   "end",
                                                   "speaker",
                                                   "speaker_role",
                                                   "speaker_affiliation",
                                                   "cue",
                                                   "method",
                                                   "is_term",
                                                   "sentence",
                                                   "sentence_begin",
                                                   "sentence_end"};
  return columns;
}

const std::vector<std::string>& SentenceColumns() {
  static const std::vector<std::string> columns = {"doc", "index", "begin",
                                                   "end", "text"};
  return columns;
}

const std::vector<std::string>& AggregateColumns() {
  static const std::vector<std::string> columns = {
      "holder",         "stance",      "target",      "negated",
      "count",          "hedged_count", "documents",  "doc_ids",
      "first_doc",      "first_evidence", "first_begin", "first_end",
      "first_rule"};
  return columns;
}

Status NewWriter(const std::string& format, const WriterOptions& options,
                 std::ostream* out, std::unique_ptr<Writer>* writer) {
  using Records = WriterOptions::Records;
  writer->reset();
  const bool sentences = options.records == Records::kSentences ||
                         options.records == Records::kSentenceLists;
  if (options.excel && format != "csv" && format != "tsv") {
    return Status::InvalidArgument(
        "--excel is for csv and tsv, not '" + format + "'" +
        (format == "xlsx" ? " (an xlsx cell is never read as a formula)"
                          : ""));
  }
  if (format == "xlsx") {
    if (options.records == Records::kSentenceLists) {
      return Status::InvalidArgument(
          "format 'xlsx' cannot hold one list of sentences per document");
    }
    return writers::NewXlsxWriter(options, out, writer);
  }
  std::unique_ptr<writers::RowWriter> rows;
  if (format == "jsonl") {
    rows = writers::NewJsonlWriter(options, out);
  } else if (format == "csv" || format == "tsv") {
    if (options.records == Records::kSentenceLists) {
      return Status::InvalidArgument(
          "format '" + format +
          "' cannot hold one list of sentences per document");
    }
    rows =
        writers::NewDelimitedWriter(format == "csv" ? ',' : '\t', options, out);
  } else if (format == "text") {
    if (!sentences) {
      return Status::InvalidArgument("format 'text' can only write sentences");
    }
    rows = writers::NewTextWriter(options, out);
  } else if (format == "html") {
    if (options.records != Records::kClaims) {
      return Status::InvalidArgument("format 'html' can only write claims");
    }
    *writer = writers::NewHtmlWriter(options, out);
    return Status::OK();
  } else {
    return Status::InvalidArgument(
        "unknown format '" + format +
        "' (expected jsonl, csv, tsv, xlsx, text or html)");
  }
  if (options.records == Records::kAggregates) {
    *writer = writers::NewAggregateWriter(std::move(rows));
  } else {
    *writer = std::move(rows);
  }
  return Status::OK();
}

namespace writers {

BufferedWriter::BufferedWriter(const WriterOptions& options, std::ostream* out)
    : options_(options), out_(out) {
  buffer_.reserve(options_.buffer_bytes + (options_.buffer_bytes >> 2));
}

Status RowWriter::Write(const Document& doc) {
  ForEachRecord(options_.records, doc, [this](const Record& record) {
    AppendRecord(record);
    MaybeFlush();  // a failure is kept for the return below
  });
  return MaybeFlush();
}

Status RowWriter::WriteRecord(const Record& record) {
  AppendRecord(record);
  return MaybeFlush();
}

Status BufferedWriter::MaybeFlush() {
  if (buffer_.size() < options_.buffer_bytes) return status_;
  return Flush();
}

Status BufferedWriter::Flush() {
  if (!status_.ok()) return status_;
  if (!buffer_.empty()) {
    out_->write(buffer_.data(), static_cast<std::streamsize>(buffer_.size()));
    buffer_.clear();
  }
  if (!*out_) status_ = Status::IOError("write failed");
  return status_;
}

Status BufferedWriter::Finish() {
  STANCE_RETURN_IF_ERROR(Flush());
  out_->flush();
  if (!*out_) status_ = Status::IOError("write failed");
  return status_;
}

void AppendNumber(int64_t n, std::string* out) {
  char digits[24];
  auto result = std::to_chars(digits, digits + sizeof(digits), n);
  out->append(digits, result.ptr);
}

}  // namespace writers
}  // namespace stance
