#include "pipeline/progress.h"

#include <sys/stat.h>

#include <algorithm>
#include <cstdio>
#include <streambuf>

namespace stance {
namespace {

constexpr int kBarWidth = 24;

}  // namespace

// Passes every write on to the terminal, erasing the bar before it.
// Unbuffered: each write reaches the terminal at once, as on stderr.
class Progress::EraseFirstBuffer : public std::streambuf {
 public:
  explicit EraseFirstBuffer(Progress* progress) : progress_(progress) {}

 protected:
  int overflow(int c) override {
    if (c == traits_type::eof()) return traits_type::not_eof(c);
    EraseBar();
    return Terminal()->sputc(static_cast<char>(c));
  }

  std::streamsize xsputn(const char* s, std::streamsize n) override {
    EraseBar();
    return Terminal()->sputn(s, n);
  }

  int sync() override { return Terminal()->pubsync(); }

 private:
  void EraseBar() {
    std::lock_guard<std::mutex> lock(progress_->mu_);
    progress_->EraseLocked();
  }
  std::streambuf* Terminal() { return progress_->terminal_->rdbuf(); }

  Progress* const progress_;
};

Progress::Progress(std::ostream* terminal,
                   std::function<Clock::time_point()> now)
    : terminal_(terminal),
      now_(std::move(now)),
      buffer_(std::make_unique<EraseFirstBuffer>(this)),
      err_(buffer_.get()) {}

Progress::~Progress() { Finish(); }

void Progress::Start(size_t total_docs, uint64_t total_bytes,
                     Clock::duration first_draw_delay) {
  std::lock_guard<std::mutex> lock(mu_);
  running_ = true;
  total_docs_ = total_docs;
  total_bytes_ = total_bytes;
  docs_ = 0;
  bytes_ = 0;
  start_ = now_();
  next_draw_ = start_ + first_draw_delay;
}

void Progress::Add(uint64_t bytes) {
  std::lock_guard<std::mutex> lock(mu_);
  if (!running_) return;
  ++docs_;
  bytes_ += bytes;
  Clock::time_point now = now_();
  if (now < next_draw_) return;
  DrawLocked(now);
  next_draw_ = now + kRedrawInterval;
}

void Progress::Finish() {
  std::lock_guard<std::mutex> lock(mu_);
  EraseLocked();
  running_ = false;
}

void Progress::DrawLocked(Clock::time_point now) {
  double seconds = std::chrono::duration<double>(now - start_).count();
  std::string line =
      ProgressLine(docs_, total_docs_, bytes_, total_bytes_, seconds);
  std::string out = "\r" + line;
  // Cover what is left of a longer line drawn before.
  if (line.size() < drawn_width_) out.append(drawn_width_ - line.size(), ' ');
  terminal_->write(out.data(), static_cast<std::streamsize>(out.size()));
  terminal_->flush();
  drawn_width_ = line.size();
}

void Progress::EraseLocked() {
  if (drawn_width_ == 0) return;
  std::string out = "\r" + std::string(drawn_width_, ' ') + "\r";
  terminal_->write(out.data(), static_cast<std::streamsize>(out.size()));
  terminal_->flush();
  drawn_width_ = 0;
}

std::string ProgressLine(size_t docs, size_t total_docs, uint64_t bytes,
                         uint64_t total_bytes, double seconds) {
  std::string line;
  char piece[64];
  double fraction = -1;
  if (total_docs > 0) {
    fraction = std::min(1.0, static_cast<double>(docs) / total_docs);
  } else if (total_bytes > 0) {
    // Bytes of text against bytes of files: approximate, so never 100%
    // before the end.
    fraction = std::min(0.99, static_cast<double>(bytes) / total_bytes);
  }
  if (fraction >= 0) {
    int filled = static_cast<int>(fraction * kBarWidth);
    line += '[';
    line.append(filled, '#');
    line.append(kBarWidth - filled, '.');
    std::snprintf(piece, sizeof(piece), "] %3d%%  ",
                  static_cast<int>(fraction * 100));
    line += piece;
  }
  if (total_docs > 0) {
    std::snprintf(piece, sizeof(piece), "%zu/%zu docs", docs, total_docs);
  } else {
    std::snprintf(piece, sizeof(piece), "%zu docs", docs);
  }
  line += piece;
  std::snprintf(piece, sizeof(piece), "  %.1f MB", bytes / 1e6);
  line += piece;
  if (seconds > 0) {
    std::snprintf(piece, sizeof(piece), "  %.1f MB/s", bytes / 1e6 / seconds);
    line += piece;
  }
  return line;
}

uint64_t InputBytes(const std::vector<std::string>& paths) {
  uint64_t total = 0;
  for (const std::string& path : paths) {
    struct stat info;
    if (path != "-" && ::stat(path.c_str(), &info) == 0 &&
        S_ISREG(info.st_mode)) {
      total += static_cast<uint64_t>(info.st_size);
    }
  }
  return total;
}

}  // namespace stance
