#include "pipeline/error_log.h"

#include <nlohmann/json.hpp>

namespace stance {

void ErrorLog::Report(const std::string& doc, const std::string& stage,
                      const Status& status) {
  ++count_;
  std::string line = status.location().empty() ? doc + ": " + status.message()
                                               : status.ToString();
  *console_ << line << '\n';
  nlohmann::ordered_json record;
  record["doc"] = doc;
  record["stage"] = stage;
  record["message"] = status.message();
  records_ +=
      record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  records_ += '\n';
}

void DocumentWarnings::Report(const Diagnostic& diagnostic) {
  if (diagnostic.severity == Diagnostic::kNote && !show_notes_) return;
  if (diagnostic.location.path == *doc_id_) {
    *console_ << diagnostic.ToString() << '\n';
  } else {
    *console_ << *doc_id_ << ": " << diagnostic.ToString() << '\n';
  }
}

void ConsoleDiagnostics::Report(const Diagnostic& diagnostic) {
  if (diagnostic.severity == Diagnostic::kError) ++errors_;
  *console_ << diagnostic.ToString() << '\n';
}

}  // namespace stance
