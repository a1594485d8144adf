#include "pipeline/error_log.h"

#include <doctest/doctest.h>

#include <sstream>

namespace stance {
namespace {

TEST_CASE("ErrorLog prints one line per failure and keeps JSONL records") {
  std::ostringstream console;
  ErrorLog log(&console);
  log.Report("news/a.txt", "input",
             Status::NotFound("no such file or folder", {"news/a.txt"}));
  log.Report("batch.jsonl:4", "parse",
             Status::InvalidArgument("invalid JSON: \"quoted\"",
                                     {"batch.jsonl", 4, 9}));
  log.Report("doc-7", "process",
             Status::InvalidArgument("document is too large"));
  CHECK(log.count() == 3);
  CHECK(console.str() ==
        "news/a.txt: no such file or folder\n"
        "batch.jsonl:4:9: invalid JSON: \"quoted\"\n"
        "doc-7: document is too large\n");
  CHECK(log.records() ==
        "{\"doc\":\"news/a.txt\",\"stage\":\"input\",\"message\":\"no such "
        "file or folder\"}\n"
        "{\"doc\":\"batch.jsonl:4\",\"stage\":\"parse\",\"message\":\"invalid "
        "JSON: "
        "\\\"quoted\\\"\"}\n"
        "{\"doc\":\"doc-7\",\"stage\":\"process\",\"message\":\"document is "
        "too large\"}\n");
}

TEST_CASE("Stage warnings go to the console prefixed with the document id") {
  std::ostringstream console;
  std::string id = "wire/b.txt";
  DocumentWarnings warnings(&id, &console);
  warnings.Report({Diagnostic::kWarning, {}, "invalid UTF-8 at byte 12", {}});
  warnings.Report(
      {Diagnostic::kWarning, {"wire/b.txt", 3, 1}, "unbalanced quote", {}});
  CHECK(console.str() ==
        "wire/b.txt: warning: invalid UTF-8 at byte 12\n"
        "wire/b.txt:3:1: warning: unbalanced quote\n");
}

}  // namespace
}  // namespace stance
