// OrderedWorkers: runs one job per document on N threads and hands the
// finished jobs back on the caller's thread in the order they were
// submitted, so that `-j N` writes exactly what `-j 1` writes.
//
//   OrderedWorkers<Job> workers(threads,
//       [&](Job& job) { ...process; runs on a worker thread... },
//       [&](Job& job) { ...write; runs on the caller's thread, in order... });
//   while (more) {
//     Job& job = workers.Acquire();   // may first call `done` for old jobs
//     ...fill job...
//     workers.Submit();
//   }
//   workers.Finish();                 // waits, and calls `done` for the rest
//
// At most 2 * threads jobs are in flight, so memory stays bounded however
// long the input. Job objects are reused: `work` and `done` must reset what
// they read. With threads <= 1 no thread is started and Submit runs both
// functions at once.
//
// Acquire, Submit and Finish must be called from one thread.
#ifndef STANCE_PIPELINE_ORDERED_WORKERS_H_
#define STANCE_PIPELINE_ORDERED_WORKERS_H_

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace stance {

template <typename Job>
class OrderedWorkers {
 public:
  using Function = std::function<void(Job&)>;

  OrderedWorkers(int threads, Function work, Function done)
      : work_(std::move(work)),
        done_(std::move(done)),
        slots_(threads <= 1 ? 1 : 2 * static_cast<size_t>(threads)) {
    for (int i = 0; threads > 1 && i < threads; ++i)
      threads_.emplace_back([this] { WorkLoop(); });
  }

  ~OrderedWorkers() {
    Finish();
    {
      std::lock_guard<std::mutex> lock(mu_);
      stopping_ = true;
    }
    work_ready_.notify_all();
    for (std::thread& t : threads_) t.join();
  }

  OrderedWorkers(const OrderedWorkers&) = delete;
  OrderedWorkers& operator=(const OrderedWorkers&) = delete;

  // A free job, the next in order. When every slot is in flight, first
  // waits for the oldest and hands it to `done`.
  Job& Acquire() {
    EmitFinished(/*wait_for_one=*/tail_ - head_ == slots_.size());
    return slots_[tail_ % slots_.size()].job;
  }

  // Starts the job Acquire returned.
  void Submit() {
    Slot& slot = slots_[tail_ % slots_.size()];
    ++tail_;
    if (threads_.empty()) {
      work_(slot.job);
      done_(slot.job);
      ++head_;
      return;
    }
    {
      std::lock_guard<std::mutex> lock(mu_);
      slot.finished = false;
      queue_.push_back(&slot);
    }
    work_ready_.notify_one();
  }

  // Waits for every submitted job and hands each to `done`, in order.
  void Finish() {
    while (head_ < tail_) EmitFinished(/*wait_for_one=*/true);
  }

 private:
  struct Slot {
    Job job;
    bool finished = true;  // guarded by mu_
  };

  // Hands finished jobs at the head to `done`; with `wait_for_one`, waits
  // until at least the oldest has finished.
  void EmitFinished(bool wait_for_one) {
    while (head_ < tail_) {
      Slot& slot = slots_[head_ % slots_.size()];
      {
        std::unique_lock<std::mutex> lock(mu_);
        if (!slot.finished) {
          if (!wait_for_one) return;
          job_finished_.wait(lock, [&slot] { return slot.finished; });
        }
      }
      done_(slot.job);
      ++head_;
      wait_for_one = false;
    }
  }

  void WorkLoop() {
    for (;;) {
      Slot* slot;
      {
        std::unique_lock<std::mutex> lock(mu_);
        work_ready_.wait(lock, [this] { return stopping_ || !queue_.empty(); });
        if (queue_.empty()) return;
        slot = queue_.front();
        queue_.pop_front();
      }
      work_(slot->job);
      {
        std::lock_guard<std::mutex> lock(mu_);
        slot->finished = true;
      }
      job_finished_.notify_all();
    }
  }

  const Function work_;
  const Function done_;
  std::vector<Slot> slots_;
  size_t head_ = 0;  // next job to hand to done_
  size_t tail_ = 0;  // next job to acquire
  std::mutex mu_;
  std::condition_variable work_ready_;
  std::condition_variable job_finished_;
  std::deque<Slot*> queue_;  // guarded by mu_
  bool stopping_ = false;    // guarded by mu_
  std::vector<std::thread> threads_;
};

}  // namespace stance

#endif  // STANCE_PIPELINE_ORDERED_WORKERS_H_
