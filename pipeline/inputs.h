// Inputs: the articles named on the command line, and reading them.
//
// An INPUT is a file, a folder, or "-" for standard input. A folder stands for
// every file below it with the wanted extension (".txt" for text input,
// ".jsonl" for --input jsonl), recursively, sorted by path so that runs are
// deterministic; names starting with a dot are skipped. A document's id is
// the path as given (a file found in a folder: the folder as given joined
// with the rest of the path), "<stdin>" for "-", or the "id" of a JSONL line.
//
//   std::vector<std::string> files;
//   std::vector<Status> errors;
//   CollectInputs(args, ".txt", &files, &errors);
//   for (const std::string& path : files) {
//     std::string text;
//     Status s = ReadInput(path, &text);
//     ...
//   }
//
// Thread-safe (no shared state), except that only one caller may read
// standard input.
#ifndef STANCE_PIPELINE_INPUTS_H_
#define STANCE_PIPELINE_INPUTS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/status.h"

namespace stance {

// The argument that means standard input.
inline constexpr char kStdinPath[] = "-";

// Expands `args`, in the order given, into *files. Folders expand to the
// files below them ending in `extension` (e.g. ".txt"), sorted by path. An
// argument that yields nothing (a missing path, a folder without such files)
// adds one status naming it to *errors; the other arguments are still
// collected. "-" is kept as is.
void CollectInputs(const std::vector<std::string>& args,
                   std::string_view extension, std::vector<std::string>* files,
                   std::vector<Status>* errors);

// Reads the whole of `path` ("-": standard input) into *text, in one go when
// the size is known. Returns NotFound or IOError with the path as location.
Status ReadInput(const std::string& path, std::string* text);
// The same, but a document over `max_bytes` is refused with InvalidArgument
// before it is read (a regular file) or as soon as the limit is passed (a
// pipe), so that a huge input never sits in memory.
Status ReadInput(const std::string& path, size_t max_bytes, std::string* text);

// The document id for `path`: the path as given, or "<stdin>" for "-".
std::string DocumentIdFor(const std::string& path);

// Parses one line of an --input jsonl file: an object {"id": string or
// integer, "text": string}; other keys are ignored. On error returns
// InvalidArgument located at `where` (with the column, when JSON says it).
Status ParseJsonlDocument(std::string_view line, SourceLocation where,
                          std::string* id, std::string* text);

// Walks the lines of an --input jsonl file held in memory. Each non-blank
// line must be an object {"id": string or number, "text": string}; other
// keys are ignored. A broken line is reported with its line number and the
// walk goes on with the next one.
class JsonlDocuments {
 public:
  // `data` must outlive this object; `path` only names it in errors.
  JsonlDocuments(std::string path, std::string_view data);

  // Moves to the next non-blank line. Returns false at the end. Otherwise
  // sets *status: OK with *id and *text filled, or InvalidArgument located
  // at path:line[:col] saying what is wrong with the line.
  bool Next(std::string* id, std::string* text, Status* status);

  // The number (from 1) of the line Next last returned.
  int line_number() const { return line_number_; }

 private:
  const std::string path_;
  std::string_view rest_;
  int line_number_ = 0;
};

}  // namespace stance

#endif  // STANCE_PIPELINE_INPUTS_H_
