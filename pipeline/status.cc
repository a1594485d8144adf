#include "pipeline/status.h"

namespace stance {

std::string SourceLocation::ToString() const {
  std::string out = path;
  if (line > 0) {
    out += ":" + std::to_string(line);
    if (col > 0) out += ":" + std::to_string(col);
  }
  return out;
}

std::string Status::ToString() const {
  if (ok()) return "OK";
  if (location_.empty()) return message_;
  return location_.ToString() + ": " + message_;
}

std::string Diagnostic::ToString() const {
  std::string out;
  if (!location.empty()) out += location.ToString() + ": ";
  out += severity == kError ? "error: " : severity == kWarning ? "warning: " : "note: ";
  out += message;
  if (!source_line.empty()) {
    out += "\n  " + source_line + "\n  ";
    // The caret sits under the column; tabs are kept so it lines up.
    for (int i = 1; i < location.col && i <= static_cast<int>(source_line.size()); ++i) {
      out += source_line[i - 1] == '\t' ? '\t' : ' ';
    }
    out += '^';
  }
  return out;
}

bool CollectingSink::has_errors() const {
  for (const Diagnostic& d : diagnostics_) {
    if (d.severity == Diagnostic::kError) return true;
  }
  return false;
}

}  // namespace stance
