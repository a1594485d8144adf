// DocumentStream: the documents of a batch, one at a time and in input order,
// read lazily so that memory holds only the documents in flight, whatever
// the size of the corpus.
//
//   DocumentStream stream(files, DocumentStream::kJsonl, max_bytes);
//   InputDocument doc;
//   while (stream.Next(&doc)) {
//     if (!doc.status.ok()) { ...report doc.id, doc.stage... continue; }
//     Process(doc.id, std::move(doc.text));
//   }
//
// Text input: one document per file, refused before it is read when it is
// over `max_document_bytes`. JSONL input: one {"id", "text"} object per line,
// read through a LineReader; blank lines are skipped; a broken or oversized
// line is one failed document, located "path:line".
//
// Not thread-safe: one reader feeds the workers.
#ifndef STANCE_PIPELINE_DOCUMENT_STREAM_H_
#define STANCE_PIPELINE_DOCUMENT_STREAM_H_

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "pipeline/line_reader.h"
#include "pipeline/status.h"

namespace stance {

// One document of the stream, or why it could not be read.
struct InputDocument {
  std::string id;
  std::string text;
  Status status;       // not ok: the document failed before processing
  const char* stage = "";  // where it failed: "read" or "parse"
};

class DocumentStream {
 public:
  enum Kind { kText, kJsonl };

  // `files` as CollectInputs gives them ("-" is standard input).
  DocumentStream(std::vector<std::string> files, Kind kind,
                 size_t max_document_bytes);
  ~DocumentStream();

  // The next document; false when every file is done.
  bool Next(InputDocument* doc);

 private:
  // Opens files_[next_file_] for line reading. False when it failed (then
  // *doc holds the error).
  bool OpenJsonl(InputDocument* doc);
  void CloseJsonl();

  const std::vector<std::string> files_;
  const Kind kind_;
  const size_t max_document_bytes_;
  size_t next_file_ = 0;
  int fd_ = -1;  // the JSONL file being read
  std::string path_;
  std::unique_ptr<LineReader> lines_;
};

}  // namespace stance

#endif  // STANCE_PIPELINE_DOCUMENT_STREAM_H_
