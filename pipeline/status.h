// Status: the error value every pipeline/ API returns, and the diagnostics
// channel for findings that are not fatal.
//
// No exception crosses a pipeline/ header. yaml-cpp and Spirit X3 throw; their
// exceptions are caught where they are called and turned into a Status here.
//
//   Status s = LoadRules(dir, &rules);
//   if (!s.ok()) { fprintf(stderr, "%s\n", s.ToString().c_str()); return 1; }
//
// Status is a value type; copies are cheap when ok(). Thread-compatible.
#ifndef STANCE_PIPELINE_STATUS_H_
#define STANCE_PIPELINE_STATUS_H_

#include <string>
#include <utility>
#include <vector>

namespace stance {

// Where a problem is, counted from 1. line == 0 means "the whole file".
struct SourceLocation {
  std::string path;
  int line = 0;
  int col = 0;

  bool empty() const { return path.empty() && line == 0; }
  // "path:line:col", "path:line" or "path".
  std::string ToString() const;
};

class Status {
 public:
  enum Code { kOk = 0, kInvalidArgument, kNotFound, kIOError, kRuleError, kInternal };

  Status() = default;
  Status(Code code, std::string message, SourceLocation location = {})
      : code_(code), message_(std::move(message)), location_(std::move(location)) {}

  static Status OK() { return Status(); }
  static Status InvalidArgument(std::string msg, SourceLocation loc = {}) {
    return Status(kInvalidArgument, std::move(msg), std::move(loc));
  }
  static Status NotFound(std::string msg, SourceLocation loc = {}) {
    return Status(kNotFound, std::move(msg), std::move(loc));
  }
  static Status IOError(std::string msg, SourceLocation loc = {}) {
    return Status(kIOError, std::move(msg), std::move(loc));
  }
  static Status RuleError(std::string msg, SourceLocation loc = {}) {
    return Status(kRuleError, std::move(msg), std::move(loc));
  }
  static Status Internal(std::string msg, SourceLocation loc = {}) {
    return Status(kInternal, std::move(msg), std::move(loc));
  }

  bool ok() const { return code_ == kOk; }
  Code code() const { return code_; }
  const std::string& message() const { return message_; }
  const SourceLocation& location() const { return location_; }

  // "path:line:col: message" when a location is known, else "message".
  std::string ToString() const;

 private:
  Code code_ = kOk;
  std::string message_;
  SourceLocation location_;
};

#define STANCE_RETURN_IF_ERROR(expr)          \
  do {                                        \
    ::stance::Status _stance_status = (expr); \
    if (!_stance_status.ok()) return _stance_status; \
  } while (0)

// A finding with a place: a rule-file error, an unattributed quote, a byte of
// invalid UTF-8. `source_line` (optional) is the text of the line, for a caret.
struct Diagnostic {
  // kNote is an analysis remark (an unattributed quote), shown on request;
  // kWarning is a problem with the input; kError stops the work.
  enum Severity { kNote, kWarning, kError };
  Severity severity = kError;
  SourceLocation location;
  std::string message;
  std::string source_line;

  // "path:line:col: error: message", then the source line and a caret line
  // under `location.col` when `source_line` is set.
  std::string ToString() const;
};

// Receives diagnostics that do not stop the work (leveldb's log::Reader::Reporter).
// Implementations must be safe to call from the thread that runs the stage.
class DiagnosticSink {
 public:
  virtual ~DiagnosticSink() = default;
  virtual void Report(const Diagnostic& diagnostic) = 0;
};

// Keeps every diagnostic, in order. Used by loaders and tests.
class CollectingSink : public DiagnosticSink {
 public:
  void Report(const Diagnostic& diagnostic) override { diagnostics_.push_back(diagnostic); }
  const std::vector<Diagnostic>& diagnostics() const { return diagnostics_; }
  bool has_errors() const;
  void clear() { diagnostics_.clear(); }

 private:
  std::vector<Diagnostic> diagnostics_;
};

// Drops everything.
class NullSink : public DiagnosticSink {
 public:
  void Report(const Diagnostic&) override {}
};

}  // namespace stance

#endif  // STANCE_PIPELINE_STATUS_H_
