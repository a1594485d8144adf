// DirectoryWatcher: which changes it reports, and that it waits for them.
#include "pipeline/watch.h"

#include <doctest/doctest.h>

#include <filesystem>

#include "tests/temp_dir.h"

namespace stance {
namespace {

std::unique_ptr<DirectoryWatcher> WatcherOf(const std::string& path) {
  std::unique_ptr<DirectoryWatcher> watcher;
  REQUIRE(DirectoryWatcher::Create(&watcher).ok());
  REQUIRE(watcher->Watch(path).ok());
  return watcher;
}

TEST_CASE("watch: a rule file saved below a watched folder is reported once") {
  TempDir dir;
  dir.Write("rules/lexicon/cues.yaml", "a: 1\n");
  auto watcher = WatcherOf(dir / "rules");
  dir.Write("rules/lexicon/cues.yaml", "a: 2\n");
  dir.Write("rules/lexicon/cues.yaml", "a: 3\n");
  std::vector<std::string> changed;
  REQUIRE(watcher->Wait(5000, &changed, 50).ok());
  CHECK(changed == std::vector<std::string>{dir / "rules/lexicon/cues.yaml"});
}

TEST_CASE("watch: nothing changed is an empty list after the timeout") {
  TempDir dir;
  dir.Write("rules/a.yaml", "a: 1\n");
  auto watcher = WatcherOf(dir / "rules");
  std::vector<std::string> changed = {"stale"};
  REQUIRE(watcher->Wait(50, &changed).ok());
  CHECK(changed.empty());
}

TEST_CASE("watch: editor swap files, backups and other kinds of file are not changes") {
  TempDir dir;
  dir.Write("rules/a.yaml", "a: 1\n");
  auto watcher = WatcherOf(dir / "rules");
  dir.Write("rules/.a.yaml.swp", "x");
  dir.Write("rules/a.yaml~", "x");
  dir.Write("rules/notes.md", "x");
  std::vector<std::string> changed;
  REQUIRE(watcher->Wait(200, &changed, 20).ok());
  CHECK(changed.empty());
  dir.Write("fixtures-are-watched-too.txt", "x");  // outside: not watched
  dir.Write("rules/b.jsonl", "{}\n");
  REQUIRE(watcher->Wait(5000, &changed, 20).ok());
  CHECK(changed == std::vector<std::string>{dir / "rules/b.jsonl"});
}

TEST_CASE("watch: a file renamed over another (how editors save) and a deletion count") {
  TempDir dir;
  dir.Write("rules/a.yaml", "a: 1\n");
  dir.Write("rules/b.yaml", "b: 1\n");
  auto watcher = WatcherOf(dir / "rules");
  std::string temp = dir.Write("elsewhere.tmp", "a: 2\n");
  std::filesystem::rename(temp, dir / "rules/a.yaml");
  std::filesystem::remove(dir / "rules/b.yaml");
  std::vector<std::string> changed;
  REQUIRE(watcher->Wait(5000, &changed, 50).ok());
  CHECK(changed == std::vector<std::string>{dir / "rules/a.yaml", dir / "rules/b.yaml"});
}

TEST_CASE("watch: a folder created later is watched as well") {
  TempDir dir;
  std::filesystem::create_directories(dir / "fixtures");
  auto watcher = WatcherOf(dir / "fixtures");
  std::filesystem::create_directories(dir / "fixtures/new");
  std::vector<std::string> changed;
  REQUIRE(watcher->Wait(5000, &changed, 50).ok());
  CHECK(changed == std::vector<std::string>{dir / "fixtures/new"});
  dir.Write("fixtures/new/input.txt", "Text.\n");
  REQUIRE(watcher->Wait(5000, &changed, 50).ok());
  CHECK(changed == std::vector<std::string>{dir / "fixtures/new/input.txt"});
}

TEST_CASE("watch: a missing folder is NotFound") {
  TempDir dir;
  std::unique_ptr<DirectoryWatcher> watcher;
  REQUIRE(DirectoryWatcher::Create(&watcher).ok());
  Status s = watcher->Watch(dir / "missing");
  CHECK(s.code() == Status::kNotFound);
  CHECK(s.ToString() == dir / "missing: no such folder");
}

}  // namespace
}  // namespace stance
