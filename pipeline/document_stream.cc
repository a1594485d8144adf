#include "pipeline/document_stream.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "pipeline/inputs.h"

namespace stance {
namespace {

// A JSON string may escape each byte of its text as \u00XX (6 bytes); a
// line may therefore be up to this many times the text it carries.
constexpr size_t kJsonEscapeFactor = 6;

}  // namespace

DocumentStream::DocumentStream(std::vector<std::string> files, Kind kind,
                               size_t max_document_bytes)
    : files_(std::move(files)),
      kind_(kind),
      max_document_bytes_(max_document_bytes) {}

DocumentStream::~DocumentStream() { CloseJsonl(); }

void DocumentStream::CloseJsonl() {
  lines_.reset();
  if (fd_ > STDIN_FILENO) ::close(fd_);
  fd_ = -1;
}

bool DocumentStream::OpenJsonl(InputDocument* doc) {
  path_ = files_[next_file_++];
  if (path_ == kStdinPath) {
    fd_ = STDIN_FILENO;
  } else {
    fd_ = ::open(path_.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd_ < 0) {
      int error = errno;
      doc->id = DocumentIdFor(path_);
      doc->stage = "read";
      doc->status =
          error == ENOENT
              ? Status::NotFound("no such file or folder", {path_})
              : Status::IOError(std::string("cannot read: ") + std::strerror(error),
                                {path_});
      return false;
    }
  }
  size_t max_line = max_document_bytes_ > SIZE_MAX / kJsonEscapeFactor
                        ? SIZE_MAX
                        : max_document_bytes_ * kJsonEscapeFactor + 4096;
  lines_ = std::make_unique<LineReader>(fd_, DocumentIdFor(path_), max_line);
  return true;
}

bool DocumentStream::Next(InputDocument* doc) {
  *doc = InputDocument();
  if (kind_ == kText) {
    if (next_file_ == files_.size()) return false;
    const std::string& path = files_[next_file_++];
    doc->id = DocumentIdFor(path);
    doc->status = ReadInput(path, max_document_bytes_, &doc->text);
    doc->stage = "read";
    return true;
  }
  for (;;) {
    if (lines_ == nullptr) {
      if (next_file_ == files_.size()) return false;
      if (!OpenJsonl(doc)) return true;
    }
    LineReader::Line line;
    if (!lines_->Next(&line)) {
      Status read_status = lines_->status();
      std::string id = DocumentIdFor(path_);
      CloseJsonl();
      if (read_status.ok()) continue;
      doc->id = id;
      doc->stage = "read";
      doc->status = read_status;
      return true;
    }
    SourceLocation where{DocumentIdFor(path_), line.number, 0};
    if (line.too_long) {
      doc->id = where.ToString();
      doc->stage = "parse";
      doc->status = Status::InvalidArgument(
          "line is " + std::to_string(line.bytes) +
              " bytes, too long for a document of at most " +
              std::to_string(max_document_bytes_) +
              " bytes (--max-document-bytes)",
          where);
      return true;
    }
    if (line.text.find_first_not_of(" \t") == std::string_view::npos) continue;
    doc->status = ParseJsonlDocument(line.text, where, &doc->id, &doc->text);
    if (!doc->status.ok()) {
      doc->id = where.ToString();
      doc->stage = "parse";
    }
    return true;
  }
}

}  // namespace stance
