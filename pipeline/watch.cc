#include "pipeline/watch.h"

#include <errno.h>
#include <poll.h>
#include <string.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>

namespace stance {
namespace {

namespace fs = std::filesystem;

constexpr uint32_t kEvents = IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO |
                             IN_DELETE_SELF | IN_MOVE_SELF;

bool EndsWith(const std::string& s, const char* suffix) {
  size_t n = strlen(suffix);
  return s.size() >= n && s.compare(s.size() - n, n, suffix) == 0;
}

// Rule files and fixture files; not hidden files, swap files or backups.
bool Relevant(const std::string& name) {
  if (name.empty() || name[0] == '.' || name.back() == '~') return false;
  return EndsWith(name, ".yaml") || EndsWith(name, ".yml") || EndsWith(name, ".txt") ||
         EndsWith(name, ".jsonl");
}

Status ErrnoStatus(const std::string& path, int error) {
  if (error == ENOENT) return Status::NotFound("no such folder", {path});
  return Status::IOError(std::string("cannot watch: ") + strerror(error), {path});
}

}  // namespace

DirectoryWatcher::~DirectoryWatcher() { ::close(fd_); }

Status DirectoryWatcher::Create(std::unique_ptr<DirectoryWatcher>* out) {
  out->reset();
  int fd = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd < 0) return Status::IOError(std::string("inotify: ") + strerror(errno));
  out->reset(new DirectoryWatcher(fd));
  return Status::OK();
}

Status DirectoryWatcher::WatchOne(const std::string& dir) {
  int wd = ::inotify_add_watch(fd_, dir.c_str(), kEvents | IN_ONLYDIR);
  if (wd < 0) return ErrnoStatus(dir, errno);
  dirs_[wd] = dir;
  return Status::OK();
}

Status DirectoryWatcher::Watch(const std::string& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return ErrnoStatus(path, ENOENT);
  if (!fs::is_directory(path, ec)) {
    std::string parent = fs::path(path).parent_path().string();
    return WatchOne(parent.empty() ? "." : parent);
  }
  STANCE_RETURN_IF_ERROR(WatchOne(path));
  fs::recursive_directory_iterator it(path, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_directory(ec)) continue;
    if (it->path().filename().string().rfind('.', 0) == 0) {
      it.disable_recursion_pending();
      continue;
    }
    STANCE_RETURN_IF_ERROR(WatchOne(it->path().string()));
  }
  return Status::OK();
}

bool DirectoryWatcher::ReadEvents(int timeout_ms, std::vector<std::string>* changed,
                                  Status* status) {
  pollfd p{fd_, POLLIN, 0};
  int ready = ::poll(&p, 1, timeout_ms);
  if (ready < 0 && errno != EINTR) {
    *status = Status::IOError(std::string("inotify: ") + strerror(errno));
    return false;
  }
  if (ready <= 0) return false;
  alignas(inotify_event) char buffer[16 * 1024];
  for (;;) {
    ssize_t n = ::read(fd_, buffer, sizeof(buffer));
    if (n <= 0) break;
    for (char* at = buffer; at < buffer + n;) {
      const auto* event = reinterpret_cast<const inotify_event*>(at);
      at += sizeof(inotify_event) + event->len;
      auto dir = dirs_.find(event->wd);
      if (dir == dirs_.end()) continue;
      if (event->mask & IN_IGNORED) {
        dirs_.erase(dir);
        continue;
      }
      std::string name = event->len > 0 ? std::string(event->name) : std::string();
      std::string path = name.empty() ? dir->second : dir->second + "/" + name;
      if ((event->mask & IN_ISDIR) && (event->mask & (IN_CREATE | IN_MOVED_TO))) {
        // A new folder may already hold files: count it as a change.
        Watch(path);
        changed->push_back(path);
      } else if (event->mask & (IN_DELETE_SELF | IN_MOVE_SELF)) {
        changed->push_back(path);
      } else if (Relevant(name)) {
        changed->push_back(path);
      }
    }
  }
  return true;
}

Status DirectoryWatcher::Wait(int timeout_ms, std::vector<std::string>* changed, int quiet_ms) {
  changed->clear();
  Status status;
  using Clock = std::chrono::steady_clock;
  const auto deadline = Clock::now() + std::chrono::milliseconds(timeout_ms);
  // Until something relevant changes (or the time is up).
  while (changed->empty()) {
    int wait = -1;
    if (timeout_ms >= 0) {
      auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
      if (left.count() <= 0) return status;
      wait = static_cast<int>(left.count());
    }
    ReadEvents(wait, changed, &status);
    if (!status.ok()) return status;
  }
  // Then until the edits settle.
  while (ReadEvents(quiet_ms, changed, &status)) {
  }
  std::sort(changed->begin(), changed->end());
  changed->erase(std::unique(changed->begin(), changed->end()), changed->end());
  return status;
}

}  // namespace stance
