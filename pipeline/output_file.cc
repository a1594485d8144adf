#include "pipeline/output_file.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>

namespace stance {
namespace {

namespace fs = std::filesystem;

std::string ErrnoText(int error) { return std::strerror(error); }

// The temporary files not yet committed, for the signal handler. A handler
// may only call async-signal-safe functions, so the paths are plain C
// strings in a fixed table of atomic slots; a process has one or two
// outputs, so eight slots are plenty (a file that finds none is simply not
// cleaned up on a signal).
std::array<std::atomic<char*>, 8> live_temporaries;

void Track(const std::string& temp) {
  char* copy = ::strdup(temp.c_str());
  for (std::atomic<char*>& slot : live_temporaries) {
    char* expected = nullptr;
    if (slot.compare_exchange_strong(expected, copy)) return;
  }
  std::free(copy);
}

void Untrack(const std::string& temp) {
  for (std::atomic<char*>& slot : live_temporaries) {
    char* path = slot.load();
    if (path != nullptr && temp == path && slot.compare_exchange_strong(path, nullptr)) {
      std::free(path);
      return;
    }
  }
}

void RemoveTemporariesAndDie(int signal) {
  for (std::atomic<char*>& slot : live_temporaries) {
    char* path = slot.exchange(nullptr);
    if (path != nullptr) ::unlink(path);
  }
  ::signal(signal, SIG_DFL);
  ::raise(signal);
}

// The mode a newly created file would get: 0666 less the umask.
mode_t DefaultFileMode() {
  mode_t mask = ::umask(0);
  ::umask(mask);
  return 0666 & ~mask;
}

}  // namespace

OutputFile::OutputFile(std::string path, std::string temp_path)
    : path_(std::move(path)), temp_path_(std::move(temp_path)) {}

OutputFile::~OutputFile() {
  if (finished_) return;
  if (stream_.is_open()) stream_.close();
  if (!temp_path_.empty()) {
    ::unlink(temp_path_.c_str());
    Untrack(temp_path_);
  }
}

Status OutputFile::Open(const std::string& path,
                        std::unique_ptr<OutputFile>* out) {
  out->reset();
  struct stat target;
  bool exists = ::stat(path.c_str(), &target) == 0;
  if (exists && S_ISDIR(target.st_mode))
    return Status::IOError("is a folder", {path});
  struct stat link;
  if (exists &&
      (!S_ISREG(target.st_mode) ||
       (::lstat(path.c_str(), &link) == 0 && S_ISLNK(link.st_mode)))) {
    std::unique_ptr<OutputFile> file(new OutputFile(path, ""));
    file->stream_.open(path, std::ios::binary | std::ios::trunc);
    if (!file->stream_.is_open()) {
      return Status::IOError("cannot open for writing: " + ErrnoText(errno),
                             {path});
    }
    *out = std::move(file);
    return Status::OK();
  }

  fs::path dir = fs::path(path).parent_path();
  if (dir.empty()) dir = ".";
  // A dot name beside the target: ".claims.jsonl.tmp-AbC123".
  std::string name = fs::path(path).filename().string();
  name.insert(0, 1, '.');
  name += ".tmp-XXXXXX";
  std::string temp = (dir / name).string();
  // The file exists from mkstemp on: the interrupting signals wait until it
  // is tracked, so that one arriving in between cannot leave it behind.
  sigset_t interrupts, previous;
  sigemptyset(&interrupts);
  for (int signal : {SIGINT, SIGTERM, SIGHUP}) sigaddset(&interrupts, signal);
  ::pthread_sigmask(SIG_BLOCK, &interrupts, &previous);
  int fd = ::mkstemp(temp.data());
  int error = errno;
  if (fd >= 0) Track(temp);
  ::pthread_sigmask(SIG_SETMASK, &previous, nullptr);
  if (fd < 0) {
    return Status::IOError(
        "cannot create a file in '" + dir.string() + "': " + ErrnoText(error),
        {path});
  }
  // mkstemp makes the file 0600; give it the mode the target has or would get.
  ::fchmod(fd, exists ? (target.st_mode & 07777) : DefaultFileMode());
  ::close(fd);

  std::unique_ptr<OutputFile> file(new OutputFile(path, temp));
  file->stream_.open(temp, std::ios::binary | std::ios::trunc);
  if (!file->stream_.is_open()) {
    return Status::IOError("cannot open '" + temp + "' for writing", {path});
  }
  *out = std::move(file);
  return Status::OK();
}

Status OutputFile::Commit() {
  stream_.flush();
  bool ok = stream_.good();
  stream_.close();
  ok = ok && !stream_.fail();
  if (!ok) {
    if (!temp_path_.empty()) {
      ::unlink(temp_path_.c_str());
      Untrack(temp_path_);
    }
    finished_ = true;
    return Status::IOError("write failed", {path_});
  }
  if (temp_path_.empty()) {
    finished_ = true;
    return Status::OK();
  }
  // Sync before the rename, so that after a crash the target is either the
  // old file or the whole new one.
  int fd = ::open(temp_path_.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd >= 0) {
    ::fsync(fd);
    ::close(fd);
  }
  bool renamed = ::rename(temp_path_.c_str(), path_.c_str()) == 0;
  int error = errno;
  Untrack(temp_path_);
  finished_ = true;
  if (!renamed) {
    ::unlink(temp_path_.c_str());
    return Status::IOError("cannot replace the file: " + ErrnoText(error),
                           {path_});
  }
  return Status::OK();
}

void RemoveOutputTemporariesOnSignals() {
  struct sigaction action = {};
  action.sa_handler = RemoveTemporariesAndDie;
  sigemptyset(&action.sa_mask);
  for (int signal : {SIGINT, SIGTERM, SIGHUP}) {
    // A signal the caller left ignored stays ignored: nohup's SIGHUP, the
    // SIGINT of a background job.
    struct sigaction current;
    if (::sigaction(signal, nullptr, &current) == 0 && current.sa_handler == SIG_IGN) continue;
    ::sigaction(signal, &action, nullptr);
  }
}

Status CheckNotAnInput(const std::string& output,
                       const std::vector<std::string>& inputs) {
  if (output.empty() || output == "-") return Status::OK();
  std::error_code ec;
  fs::path target = fs::weakly_canonical(output, ec);
  if (ec) target = fs::absolute(output, ec).lexically_normal();
  for (const std::string& input : inputs) {
    if (input == "-") continue;
    bool same = fs::equivalent(output, input, ec);
    if (ec) {
      ec.clear();
      fs::path other = fs::weakly_canonical(input, ec);
      same = !ec && other == target;
      ec.clear();
    }
    if (same) {
      return Status::InvalidArgument(
          "refusing to overwrite an input ('" + input + "')", {output});
    }
  }
  return Status::OK();
}

}  // namespace stance
