#include "pipeline/line_reader.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace stance {
namespace {

constexpr size_t kBlockBytes = size_t{1} << 20;

}  // namespace

LineReader::LineReader(int fd, std::string path, size_t max_line_bytes)
    : fd_(fd), path_(std::move(path)), max_line_bytes_(max_line_bytes) {}

bool LineReader::Fill() {
  if (at_end_) return false;
  // Drop what was consumed before growing, so the buffer holds at most the
  // current line and one block.
  if (begin_ > 0) {
    buffer_.erase(0, begin_);
    begin_ = 0;
  }
  size_t used = buffer_.size();
  buffer_.resize(used + kBlockBytes);
  ssize_t n;
  do {
    n = ::read(fd_, buffer_.data() + used, kBlockBytes);
  } while (n < 0 && errno == EINTR);
  if (n <= 0) {
    buffer_.resize(used);
    at_end_ = true;
    if (n < 0) {
      status_ = Status::IOError(std::string("cannot read: ") + std::strerror(errno),
                                {path_});
    }
    return false;
  }
  buffer_.resize(used + static_cast<size_t>(n));
  return true;
}

bool LineReader::Next(Line* line) {
  *line = Line();
  size_t skipped = 0;  // bytes of a too-long line already thrown away
  for (;;) {
    size_t from = begin_ + scanned_;
    const char* found = static_cast<const char*>(
        std::memchr(buffer_.data() + from, '\n', buffer_.size() - from));
    size_t end = found != nullptr ? found - buffer_.data() : std::string::npos;
    if (end == std::string::npos && skipped == 0 &&
        buffer_.size() - begin_ <= max_line_bytes_) {
      scanned_ = buffer_.size() - begin_;
      if (Fill()) continue;
      if (!status_.ok()) return false;
      if (buffer_.size() == begin_) return false;  // no last line
      end = buffer_.size();
    }
    if (end == std::string::npos) {
      // Longer than the limit: count it and let the block go.
      skipped += buffer_.size() - begin_;
      begin_ = buffer_.size();
      scanned_ = 0;
      if (Fill()) continue;
      if (!status_.ok()) return false;
      end = buffer_.size();
    }
    size_t length = skipped + (end - begin_);
    line->number = ++number_;
    line->bytes = length;
    if (skipped > 0 || length > max_line_bytes_) {
      line->too_long = true;
    } else {
      std::string_view text(buffer_.data() + begin_, end - begin_);
      if (!text.empty() && text.back() == '\r') text.remove_suffix(1);
      line->text = text;
    }
    begin_ = end < buffer_.size() ? end + 1 : end;
    scanned_ = 0;
    return true;
  }
}

}  // namespace stance
