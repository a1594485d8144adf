// OutputFile: a file written atomically. The bytes go to a temporary file in
// the same folder, which Commit() renames over the target, so a reader never
// sees half a file and a failed run leaves the old file as it was. A target
// that is not a regular file (a symlink, /dev/stdout, a FIFO) is written in
// place instead: renaming over it would replace the link or device itself.
//
//   std::unique_ptr<OutputFile> file;
//   Status s = OutputFile::Open("claims.jsonl", &file);
//   *file->stream() << ...;
//   s = file->Commit();   // or let it go out of scope to throw the bytes away
//
// Not thread-safe.
#ifndef STANCE_PIPELINE_OUTPUT_FILE_H_
#define STANCE_PIPELINE_OUTPUT_FILE_H_

#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "pipeline/status.h"

namespace stance {

class OutputFile {
 public:
  OutputFile(const OutputFile&) = delete;
  OutputFile& operator=(const OutputFile&) = delete;
  // Removes the temporary file unless Commit() succeeded.
  ~OutputFile();

  // Creates the temporary file beside `path`. Returns IOError naming `path`
  // when the folder is missing or not writable, or `path` is a folder; *out
  // is then null.
  static Status Open(const std::string& path, std::unique_ptr<OutputFile>* out);

  // Where to write. Valid until Commit() or destruction.
  std::ostream* stream() { return &stream_; }

  // Flushes, syncs and renames the temporary file to the target (in place:
  // flushes and closes). Returns IOError naming the target if any write
  // failed (the temporary file is then removed and the target left
  // untouched). Call at most once.
  Status Commit();

  const std::string& path() const { return path_; }

 private:
  OutputFile(std::string path, std::string temp_path);

  const std::string path_;
  const std::string temp_path_;  // empty when writing in place
  std::ofstream stream_;
  // Commit() ran: the temporary file is renamed or removed.
  bool finished_ = false;
};

// Makes SIGINT, SIGTERM and SIGHUP remove the temporary files of every
// OutputFile not yet committed before the process dies of the signal, so an
// interrupted run leaves neither a half-written target nor litter. A signal
// already ignored (nohup) is left ignored. Call once, early in main.
// (SIGKILL cannot be caught: it may leave a .NAME.tmp-XXXXXX.)
void RemoveOutputTemporariesOnSignals();

// Refuses to let `output` overwrite an input: returns InvalidArgument naming
// `output` when it is the same file as one of `inputs` (same inode, or the
// same absolute path for files not yet created). "-" never matches.
Status CheckNotAnInput(const std::string& output,
                       const std::vector<std::string>& inputs);

}  // namespace stance

#endif  // STANCE_PIPELINE_OUTPUT_FILE_H_
