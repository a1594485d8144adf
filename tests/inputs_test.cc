#include "pipeline/inputs.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>

#include "tests/temp_dir.h"

namespace stance {
namespace {

TEST_CASE(
    "CollectInputs expands folders recursively, sorted, skipping dot names") {
  TempDir dir;
  dir.Write("news/b.txt", "B.");
  dir.Write("news/a.txt", "A.");
  dir.Write("news/sub/c.txt", "C.");
  dir.Write("news/sub/.draft.txt", "hidden");
  dir.Write("news/.git/d.txt", "hidden");
  dir.Write("news/notes.md", "not an article");
  std::string lone =
      dir.Write("lone.md", "given by name, so read whatever its name");

  std::vector<std::string> files;
  std::vector<Status> errors;
  CollectInputs({lone, dir / "news", "-"}, ".txt", &files, &errors);
  CHECK(errors.empty());
  std::vector<std::string> expected = {lone, dir / "news/a.txt",
                                       dir / "news/b.txt",
                                       dir / "news/sub/c.txt", "-"};
  CHECK(files == expected);
}

TEST_CASE("CollectInputs keeps the folder as given in the paths it finds") {
  TempDir dir;
  dir.Write("news/a.txt", "A.");
  std::vector<std::string> files;
  std::vector<Status> errors;
  CollectInputs({dir / "news/"}, ".txt", &files, &errors);
  REQUIRE(files.size() == 1);
  CHECK(files[0] == dir / "news/a.txt");
}

TEST_CASE("CollectInputs reports what names nothing and keeps the rest") {
  TempDir dir;
  std::string good = dir.Write("good.txt", "Fine.");
  std::filesystem::create_directories(dir / "empty");
  dir.Write("only-jsonl/x.jsonl", "{}");

  std::vector<std::string> files;
  std::vector<Status> errors;
  CollectInputs({dir / "missing.txt", good, dir / "empty", dir / "only-jsonl"},
                ".txt", &files, &errors);
  CHECK(files == std::vector<std::string>{good});
  REQUIRE(errors.size() == 3);
  CHECK(errors[0].code() == Status::kNotFound);
  CHECK(errors[0].ToString() == dir / "missing.txt: no such file or folder");
  CHECK(errors[1].ToString() == dir / "empty: folder holds no *.txt files");
  CHECK(errors[2].location().path == dir / "only-jsonl");

  // The same folder in JSONL mode has articles.
  files.clear();
  errors.clear();
  CollectInputs({dir / "only-jsonl"}, ".jsonl", &files, &errors);
  CHECK(errors.empty());
  CHECK(files == std::vector<std::string>{dir / "only-jsonl/x.jsonl"});
}

TEST_CASE("ReadInput reads every byte, and names the path on error") {
  TempDir dir;
  std::string bytes("caf\xc3\xa9\0\r\nend", 10);
  std::string path = dir.Write("a.txt", bytes);
  std::string text = "stale";
  CHECK(ReadInput(path, &text).ok());
  CHECK(text == bytes);

  std::string empty = dir.Write("empty.txt", "");
  CHECK(ReadInput(empty, &text).ok());
  CHECK(text.empty());

  Status s = ReadInput(dir / "nope.txt", &text);
  CHECK(s.code() == Status::kNotFound);
  CHECK(s.location().path == dir / "nope.txt");

  s = ReadInput(dir.path(), &text);
  CHECK(s.code() == Status::kIOError);
  CHECK(s.ToString() == dir.path() + ": is a folder");
}

TEST_CASE("ReadInput refuses a file over the limit without reading it") {
  TempDir dir;
  std::string path = dir.Write("big.txt", std::string(1000, 'x'));
  std::string text = "stale";
  Status s = ReadInput(path, 999, &text);
  CHECK(s.code() == Status::kInvalidArgument);
  CHECK(s.ToString() == path +
                            ": document is 1000 bytes, over the limit of 999 "
                            "(--max-document-bytes)");
  CHECK(text.empty());
  CHECK(ReadInput(path, 1000, &text).ok());
  CHECK(text.size() == 1000);
}

TEST_CASE("A symlink loop is a read error, not a missing file") {
  TempDir dir;
  std::filesystem::create_symlink("loop.txt", dir / "loop.txt");
  std::string text;
  Status s = ReadInput(dir / "loop.txt", &text);
  CHECK(s.code() == Status::kIOError);
  CHECK(s.message().find("cannot read: ") == 0);

  // Named on the command line, and found in a folder: the same.
  std::vector<std::string> files;
  std::vector<Status> errors;
  CollectInputs({dir / "loop.txt"}, ".txt", &files, &errors);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].code() == Status::kIOError);
  CHECK(errors[0].message().find("symbolic links") != std::string::npos);
  errors.clear();
  CollectInputs({dir.path()}, ".txt", &files, &errors);
  CHECK(errors.empty());
  CHECK(files == std::vector<std::string>{dir / "loop.txt"});
}

TEST_CASE("Symlinked folders below an input are not entered") {
  TempDir dir;
  dir.Write("news/a.txt", "A.");
  dir.Write("other/b.txt", "B.");
  std::filesystem::create_symlink("..", dir / "news/up");
  std::filesystem::create_symlink(dir / "other", dir / "news/other");
  std::vector<std::string> files;
  std::vector<Status> errors;
  CollectInputs({dir / "news"}, ".txt", &files, &errors);
  CHECK(errors.empty());
  CHECK(files == std::vector<std::string>{dir / "news/a.txt"});
  // Named on the command line, a symlinked folder is followed.
  files.clear();
  CollectInputs({dir / "news/other"}, ".txt", &files, &errors);
  CHECK(files == std::vector<std::string>{dir / "news/other/b.txt"});
}

TEST_CASE("A folder that cannot be listed is an error; its siblings are kept") {
  if (::geteuid() == 0) {
    MESSAGE("skipped: root can list any folder (tests/cli/hostile_inputs.sh "
            "covers this as nobody)");
    return;
  }
  TempDir dir;
  dir.Write("news/a.txt", "A.");
  dir.Write("news/locked/b.txt", "B.");
  std::filesystem::permissions(dir / "news/locked",
                               std::filesystem::perms::none);
  std::vector<std::string> files;
  std::vector<Status> errors;
  CollectInputs({dir / "news"}, ".txt", &files, &errors);
  std::filesystem::permissions(dir / "news/locked",
                               std::filesystem::perms::owner_all);
  CHECK(files == std::vector<std::string>{dir / "news/a.txt"});
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].ToString() ==
        dir / "news/locked: cannot list folder: Permission denied");
}

TEST_CASE("Document ids are the path as given") {
  CHECK(DocumentIdFor("news/a.txt") == "news/a.txt");
  CHECK(DocumentIdFor("./a.txt") == "./a.txt");
  CHECK(DocumentIdFor("-") == "<stdin>");
}

TEST_CASE(
    "JsonlDocuments reads ids and texts, reporting broken lines by number") {
  std::string data =
      "{\"id\":\"a-1\",\"text\":\"Paris backs it.\\nBerlin does not.\"}\n"
      "\n"                                         // blank: skipped
      "{\"id\":\"a-2\",\"text\":\"unterminated\n"  // line 3: broken JSON
      "{\"id\":7,\"text\":\"Numeric id.\",\"lang\":\"en\"}\r\n"
      "{\"text\":\"No id.\"}\n"         // line 5
      "{\"id\":\"a-6\",\"text\":42}\n"  // line 6
      "[1,2]\n"                         // line 7
      "{\"id\":\"a-8\",\"text\":\"Last, no newline.\"}";
  JsonlDocuments lines("in.jsonl", data);
  std::string id, text;
  Status s;

  REQUIRE(lines.Next(&id, &text, &s));
  CHECK(s.ok());
  CHECK(lines.line_number() == 1);
  CHECK(id == "a-1");
  CHECK(text == "Paris backs it.\nBerlin does not.");

  REQUIRE(lines.Next(&id, &text, &s));
  CHECK(s.code() == Status::kInvalidArgument);
  CHECK(lines.line_number() == 3);
  CHECK(s.location().path == "in.jsonl");
  CHECK(s.location().line == 3);
  CHECK(s.location().col > 0);
  CHECK(s.message().rfind("invalid JSON: ", 0) == 0);
  CHECK(s.message().find("json.exception") == std::string::npos);

  REQUIRE(lines.Next(&id, &text, &s));
  CHECK(s.ok());
  CHECK(id == "7");
  CHECK(text == "Numeric id.");

  REQUIRE(lines.Next(&id, &text, &s));
  CHECK(s.ToString() == "in.jsonl:5: \"id\" must be a string or an integer");
  REQUIRE(lines.Next(&id, &text, &s));
  CHECK(s.ToString() == "in.jsonl:6: \"text\" must be a string");
  REQUIRE(lines.Next(&id, &text, &s));
  CHECK(s.ToString() == "in.jsonl:7: expected an object {\"id\", \"text\"}");

  REQUIRE(lines.Next(&id, &text, &s));
  CHECK(s.ok());
  CHECK(id == "a-8");
  CHECK(lines.line_number() == 8);
  CHECK_FALSE(lines.Next(&id, &text, &s));
}

TEST_CASE("A long broken line gives a short message") {
  std::string data = "{\"id\":\"x\",\"text\":\"" + std::string(10000, 'y');
  JsonlDocuments lines("big.jsonl", data);
  std::string id, text;
  Status s;
  REQUIRE(lines.Next(&id, &text, &s));
  CHECK_FALSE(s.ok());
  CHECK(s.message().size() < 300);
}

}  // namespace
}  // namespace stance
