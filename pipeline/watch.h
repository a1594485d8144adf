// Watch: says when files below some folders change, so `stance test --watch`
// can run again after each edit of a rule or a fixture. Linux inotify.
//
//   std::unique_ptr<DirectoryWatcher> watcher;
//   Status s = DirectoryWatcher::Create(&watcher);
//   s = watcher->Watch("rules");
//   std::vector<std::string> changed;
//   s = watcher->Wait(-1, &changed);   // blocks until an edit is saved
//
// Not thread-safe.
#ifndef STANCE_PIPELINE_WATCH_H_
#define STANCE_PIPELINE_WATCH_H_

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "pipeline/status.h"

namespace stance {

class DirectoryWatcher {
 public:
  DirectoryWatcher(const DirectoryWatcher&) = delete;
  DirectoryWatcher& operator=(const DirectoryWatcher&) = delete;
  ~DirectoryWatcher();

  // Returns IOError when inotify is not available.
  static Status Create(std::unique_ptr<DirectoryWatcher>* out);

  // Watches the folder `path` and every folder below it (for a file: the
  // folder holding it). Folders created later below a watched one are added
  // as they appear; watching a folder twice is harmless. Returns NotFound or
  // IOError naming `path`.
  Status Watch(const std::string& path);

  // Blocks until a file below a watched folder is written, created, deleted
  // or renamed, then until `quiet_ms` pass without another change (editors
  // save in several steps), and fills *changed with the paths, sorted, each
  // once. Only rule and fixture files count (.yaml, .yml, .txt, .jsonl);
  // hidden files and editor backups do not. `timeout_ms` < 0 waits for ever;
  // after `timeout_ms` without a change returns OK with *changed empty.
  Status Wait(int timeout_ms, std::vector<std::string>* changed, int quiet_ms = 150);

 private:
  explicit DirectoryWatcher(int fd) : fd_(fd) {}
  // Adds one folder (not those below it).
  Status WatchOne(const std::string& dir);
  // Reads the events waiting; appends changed files. Returns false when
  // nothing could be read within `timeout_ms`.
  bool ReadEvents(int timeout_ms, std::vector<std::string>* changed, Status* status);

  const int fd_;
  std::map<int, std::string> dirs_;  // watch descriptor -> folder
};

}  // namespace stance

#endif  // STANCE_PIPELINE_WATCH_H_
