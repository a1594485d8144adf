// LineReader: the lines of a file or pipe, read in blocks, so that a JSONL
// corpus of any size streams through in bounded memory.
//
//   LineReader reader(fd, "corpus.jsonl", /*max_line_bytes=*/64 << 20);
//   LineReader::Line line;
//   while (reader.Next(&line)) {
//     if (line.too_long) { ...report line.number... continue; }
//     Use(line.text);   // valid until the next call
//   }
//   if (!reader.status().ok()) ...
//
// Memory: one block plus the longest line kept (at most max_line_bytes). A
// longer line is skipped without being held, and reported as too_long with
// its length. Lines end at '\n'; a '\r' before it is dropped. The last line
// need not end with '\n'.
//
// Not thread-safe. Does not own or close the file descriptor.
#ifndef STANCE_PIPELINE_LINE_READER_H_
#define STANCE_PIPELINE_LINE_READER_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "pipeline/status.h"

namespace stance {

class LineReader {
 public:
  struct Line {
    std::string_view text;  // without the line end; empty when too_long
    int number = 0;         // from 1
    bool too_long = false;
    size_t bytes = 0;       // the line's length, also when too long
  };

  // `path` only names the source in errors.
  LineReader(int fd, std::string path, size_t max_line_bytes);

  // Moves to the next line. Returns false at the end of the input or on a
  // read error (then status() says which).
  bool Next(Line* line);

  const Status& status() const { return status_; }

 private:
  // Appends the next block to buffer_. Returns false at the end or on error.
  bool Fill();

  const int fd_;
  const std::string path_;
  const size_t max_line_bytes_;
  std::string buffer_;
  size_t begin_ = 0;  // start of the unread part of buffer_
  size_t scanned_ = 0;  // bytes after begin_ known to hold no '\n'
  bool at_end_ = false;
  int number_ = 0;
  Status status_;
};

}  // namespace stance

#endif  // STANCE_PIPELINE_LINE_READER_H_
