#include "pipeline/output_file.h"

#include <doctest/doctest.h>
#include <sys/stat.h>

#include <algorithm>
#include <filesystem>

#include "tests/temp_dir.h"

namespace stance {
namespace {

// Names in `dir`, to see that no temporary file is left behind.
std::vector<std::string> Names(const std::string& dir) {
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    names.push_back(entry.path().filename().string());
  }
  std::sort(names.begin(), names.end());
  return names;
}

TEST_CASE("OutputFile writes the target only on Commit") {
  TempDir dir;
  std::string target = dir.Write("claims.jsonl", "old\n");
  std::unique_ptr<OutputFile> file;
  REQUIRE(OutputFile::Open(target, &file).ok());
  *file->stream() << "new\n";
  CHECK(ReadFileForTest(target) == "old\n");  // not yet
  CHECK(Names(dir.path()).size() == 2);  // the target and the temporary file
  CHECK(file->Commit().ok());
  CHECK(ReadFileForTest(target) == "new\n");
  CHECK(Names(dir.path()) == std::vector<std::string>{"claims.jsonl"});
}

TEST_CASE(
    "OutputFile dropped without Commit leaves the old file and no litter") {
  TempDir dir;
  std::string target = dir.Write("claims.jsonl", "old\n");
  {
    std::unique_ptr<OutputFile> file;
    REQUIRE(OutputFile::Open(target, &file).ok());
    *file->stream() << "half a run";
  }
  CHECK(ReadFileForTest(target) == "old\n");
  CHECK(Names(dir.path()) == std::vector<std::string>{"claims.jsonl"});
}

TEST_CASE(
    "OutputFile creates new files with the usual mode, keeps an old file's") {
  TempDir dir;
  std::unique_ptr<OutputFile> file;
  REQUIRE(OutputFile::Open(dir / "new.csv", &file).ok());
  REQUIRE(file->Commit().ok());
  struct stat st;
  REQUIRE(::stat((dir / "new.csv").c_str(), &st) == 0);
  mode_t mask = ::umask(0);
  ::umask(mask);
  CHECK((st.st_mode & 0777) == (0666 & ~mask));

  std::string old = dir.Write("old.csv", "x");
  ::chmod(old.c_str(), 0640);
  REQUIRE(OutputFile::Open(old, &file).ok());
  REQUIRE(file->Commit().ok());
  REQUIRE(::stat(old.c_str(), &st) == 0);
  CHECK((st.st_mode & 0777) == 0640);
}

TEST_CASE("OutputFile refuses a missing folder and a folder as target") {
  TempDir dir;
  std::unique_ptr<OutputFile> file;
  Status s = OutputFile::Open(dir / "no/such/dir/out.jsonl", &file);
  CHECK(s.code() == Status::kIOError);
  CHECK(s.location().path == dir / "no/such/dir/out.jsonl");
  CHECK(file == nullptr);
  s = OutputFile::Open(dir.path(), &file);
  CHECK(s.ToString() == dir.path() + ": is a folder");
}

TEST_CASE("A symlink or a device is written in place, never replaced") {
  TempDir dir;
  std::string real = dir.Write("real.jsonl", "old\n");
  std::filesystem::create_symlink(real, dir / "link.jsonl");
  std::unique_ptr<OutputFile> file;
  REQUIRE(OutputFile::Open(dir / "link.jsonl", &file).ok());
  *file->stream() << "new\n";
  REQUIRE(file->Commit().ok());
  CHECK(std::filesystem::is_symlink(dir / "link.jsonl"));
  CHECK(ReadFileForTest(real) == "new\n");
  CHECK(Names(dir.path()) ==
        std::vector<std::string>{"link.jsonl", "real.jsonl"});

  REQUIRE(OutputFile::Open("/dev/null", &file).ok());
  *file->stream() << "discarded";
  CHECK(file->Commit().ok());
  CHECK(std::filesystem::is_character_file("/dev/null"));
}

TEST_CASE("CheckNotAnInput catches the same file however it is spelt") {
  TempDir dir;
  std::string input = dir.Write("in/a.txt", "text");
  std::filesystem::create_symlink(input, dir / "link.txt");
  std::vector<std::string> inputs = {dir / "in/b.txt", input};

  CHECK(CheckNotAnInput(input, inputs).code() == Status::kInvalidArgument);
  CHECK(CheckNotAnInput(dir / "in/../in/a.txt", inputs).code() ==
        Status::kInvalidArgument);
  CHECK(CheckNotAnInput(dir / "link.txt", inputs).code() ==
        Status::kInvalidArgument);
  // Not created yet, but the same path as an input that is not created either.
  CHECK(CheckNotAnInput(dir / "in/./b.txt", inputs).code() ==
        Status::kInvalidArgument);

  CHECK(CheckNotAnInput(dir / "out.jsonl", inputs).ok());
  CHECK(CheckNotAnInput("-", inputs).ok());
  CHECK(CheckNotAnInput("", inputs).ok());
  CHECK(CheckNotAnInput(dir / "out.jsonl", {"-"}).ok());

  Status s = CheckNotAnInput(input, inputs);
  CHECK(s.location().path == input);
  CHECK(s.message().find("refusing to overwrite an input") !=
        std::string::npos);
}

}  // namespace
}  // namespace stance
