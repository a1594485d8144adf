// ErrorLog: what went wrong with the documents of a batch. Each failure is
// one line on the console ("path: message", "path:line:col: message") and,
// when asked for, one JSONL record {"doc", "stage", "message"}.
//
// Not thread-safe.
#ifndef STANCE_PIPELINE_ERROR_LOG_H_
#define STANCE_PIPELINE_ERROR_LOG_H_

#include <ostream>
#include <string>

#include "pipeline/status.h"

namespace stance {

class ErrorLog {
 public:
  // `console` must outlive the log.
  explicit ErrorLog(std::ostream* console) : console_(console) {}

  // Records that document `doc` failed in `stage` ("input", "read", "parse",
  // "process", ...). The console line is `status` located at its location
  // or, when it has none, at `doc`.
  void Report(const std::string& doc, const std::string& stage,
              const Status& status);

  int count() const { return count_; }
  // The JSONL records so far, one a line.
  const std::string& records() const { return records_; }

 private:
  std::ostream* const console_;
  std::string records_;
  int count_ = 0;
};

// A DiagnosticSink for the warnings of one document: each goes to `console`
// as a line prefixed with the document id (unless its location already names
// the document). Both must outlive the sink.
class DocumentWarnings : public DiagnosticSink {
 public:
  // Notes (Diagnostic::kNote) are shown only when `show_notes`.
  DocumentWarnings(const std::string* doc_id, std::ostream* console, bool show_notes = false)
      : doc_id_(doc_id), console_(console), show_notes_(show_notes) {}
  void Report(const Diagnostic& diagnostic) override;

 private:
  const std::string* const doc_id_;
  std::ostream* const console_;
  const bool show_notes_;
};

// A DiagnosticSink that prints each diagnostic as one line on `console`
// (Diagnostic::ToString) and counts the errors. `console` must outlive it.
class ConsoleDiagnostics : public DiagnosticSink {
 public:
  explicit ConsoleDiagnostics(std::ostream* console) : console_(console) {}
  void Report(const Diagnostic& diagnostic) override;
  int errors() const { return errors_; }

 private:
  std::ostream* const console_;
  int errors_ = 0;
};

}  // namespace stance

#endif  // STANCE_PIPELINE_ERROR_LOG_H_
