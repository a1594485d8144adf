// The concrete writers behind NewWriter, and the buffering they share.
// Internal to pipeline/writers/.
#ifndef STANCE_PIPELINE_WRITERS_FORMATS_H_
#define STANCE_PIPELINE_WRITERS_FORMATS_H_

#include <memory>
#include <ostream>
#include <string>

#include "pipeline/status.h"
#include "pipeline/writers/records.h"
#include "pipeline/writers/writer.h"

namespace stance {
namespace writers {

// A Writer that formats into `buffer_` and hands it to the stream in blocks
// of about `options.buffer_bytes`, so that the cost of the stream is paid
// once per block, not once per row. `out` must outlive it.
class BufferedWriter : public Writer {
 public:
  BufferedWriter(const WriterOptions& options, std::ostream* out);

  Status Finish() override;

 protected:
  // Writes the buffer out if it has grown past the block size; call it
  // after each record so that the buffer stays one block however large the
  // document. A failure is kept: this and every later call return it.
  Status MaybeFlush();

  const WriterOptions options_;
  std::string buffer_;

 private:
  Status Flush();
  std::ostream* const out_;
  Status status_;
};

// A BufferedWriter of flat rows (JSONL, CSV, TSV, text): the format of one
// row is all it adds, so that rows made elsewhere (the aggregate) go through
// the same code as the rows of a document.
class RowWriter : public BufferedWriter {
 public:
  using BufferedWriter::BufferedWriter;

  // Formats each record of `doc` (ForEachRecord) with AppendRecord.
  Status Write(const Document& doc) override;
  // Formats one record made elsewhere (a row of the aggregate).
  Status WriteRecord(const Record& record);

 protected:
  // Appends one row of the schema of `options_.records` to `buffer_`.
  virtual void AppendRecord(const Record& record) = 0;
};

// REQUIRES: options.records is not kSentenceLists for the delimited writer.
std::unique_ptr<RowWriter> NewJsonlWriter(const WriterOptions& options,
                                       std::ostream* out);
// `separator` is ',' (CSV, RFC 4180 quoting) or '\t' (TSV, no quoting);
// options.excel adds the byte order mark, CRLF and the formula guard.
std::unique_ptr<RowWriter> NewDelimitedWriter(
    char separator, const WriterOptions& options, std::ostream* out);
// REQUIRES: options.records is kSentences or kSentenceLists.
std::unique_ptr<RowWriter> NewTextWriter(const WriterOptions& options,
                                      std::ostream* out);
// The workbook goes to a temporary file until Finish copies it to `out`.
// Returns IOError when that file cannot be made. REQUIRES: options.records
// is not kSentenceLists.
Status NewXlsxWriter(const WriterOptions& options, std::ostream* out,
                     std::unique_ptr<Writer>* writer);
// Counts the claims of every document given to Write, and writes the
// aggregate rows through `rows` when it finishes. REQUIRES: `rows` was made
// with records kAggregates.
std::unique_ptr<Writer> NewAggregateWriter(
    std::unique_ptr<RowWriter> rows);
// The review page (html_writer.cc). REQUIRES: options.records is kClaims.
std::unique_ptr<Writer> NewHtmlWriter(const WriterOptions& options,
                                      std::ostream* out);

// Appends `n` in decimal.
void AppendNumber(int64_t n, std::string* out);

}  // namespace writers
}  // namespace stance

#endif  // STANCE_PIPELINE_WRITERS_FORMATS_H_
