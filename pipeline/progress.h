// Progress: a one-line progress bar on stderr for batches that take a while.
// Consumes the documents a batch has finished (and their sizes); produces,
// at most ten times a second, a line redrawn in place with "\r":
//
//   [#########...............]  38%  1204/3127 docs  38.2 MB  12.1 MB/s
//
// The percentage counts documents when their number is known (text input),
// else bytes (--input jsonl: approximate, as the JSON around each text is
// not counted); with neither (standard input) only the counts are shown.
// Finish() erases the line, so nothing of it is left on the terminal.
//
//   Progress progress(&std::cerr);
//   std::ostream* err = progress.err();  // for every other message
//   progress.Start(files.size(), total_bytes, Progress::kFirstDrawDelay);
//   for (...) { ...; progress.Add(text.size()); }
//   progress.Finish();
//
// Other messages must go through err(): it erases the bar before passing
// them on, so that a warning never lands in the middle of the bar. Until
// Start() it passes everything through untouched.
//
// Thread-safe: Add() may be called from several threads. err() is as
// thread-safe as the stream it wraps.
#ifndef STANCE_PIPELINE_PROGRESS_H_
#define STANCE_PIPELINE_PROGRESS_H_

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <ostream>
#include <string>
#include <vector>

namespace stance {

class Progress {
 public:
  using Clock = std::chrono::steady_clock;
  // Updates closer together than this are not drawn.
  static constexpr Clock::duration kRedrawInterval =
      std::chrono::milliseconds(100);
  // How long a batch runs before its bar first appears, unless forced: a
  // batch over in less time never shows one.
  static constexpr Clock::duration kFirstDrawDelay =
      std::chrono::milliseconds(300);

  // `terminal` must outlive this object. `now` is the clock (tests pass
  // their own). Default: steady_clock.
  explicit Progress(std::ostream* terminal,
                    std::function<Clock::time_point()> now = Clock::now);
  ~Progress();
  Progress(const Progress&) = delete;
  Progress& operator=(const Progress&) = delete;

  // The stream for every other message on the terminal.
  std::ostream* err() { return &err_; }

  // Starts the bar. `total_docs` and `total_bytes` are 0 when not known.
  // The first line is drawn by the first Add() at least `first_draw_delay`
  // after now (zero: the first Add draws).
  void Start(size_t total_docs, uint64_t total_bytes,
             Clock::duration first_draw_delay);

  // One more document done, `bytes` long. Redraws the line when the last
  // draw is older than kRedrawInterval. Does nothing before Start().
  void Add(uint64_t bytes);

  // Erases the line and stops the bar; later Add() calls do nothing.
  void Finish();

 private:
  class EraseFirstBuffer;

  void DrawLocked(Clock::time_point now);
  void EraseLocked();

  std::ostream* const terminal_;
  const std::function<Clock::time_point()> now_;
  std::unique_ptr<EraseFirstBuffer> buffer_;
  std::ostream err_;

  std::mutex mu_;
  bool running_ = false;
  size_t total_docs_ = 0;
  uint64_t total_bytes_ = 0;
  size_t docs_ = 0;
  uint64_t bytes_ = 0;
  Clock::time_point start_;
  Clock::time_point next_draw_;
  size_t drawn_width_ = 0;  // characters of the line on screen; 0: none
};

// The text of the bar (no "\r"): docs done of `total_docs` (0: unknown),
// bytes of `total_bytes` (0: unknown), and the rate over `seconds`.
std::string ProgressLine(size_t docs, size_t total_docs, uint64_t bytes,
                         uint64_t total_bytes, double seconds);

// The total size in bytes of the files among `paths` ("-" and files that
// cannot be read count 0).
uint64_t InputBytes(const std::vector<std::string>& paths);

}  // namespace stance

#endif  // STANCE_PIPELINE_PROGRESS_H_
