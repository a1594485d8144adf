// The batch commands, run in-process with the console captured. Stage output
// differs between the placeholder stages and the real ones, so these tests
// check what the commands own (which documents, errors, exit codes, files),
// not how text is split or what claims are found.
#include "pipeline/commands.h"

#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "tests/temp_dir.h"

namespace stance {
namespace {

struct Captured {
  std::ostringstream out;
  std::ostringstream err;
  Console console() { return Console{&out, &err, false}; }
};

BatchOptions Options(std::vector<std::string> inputs) {
  BatchOptions options;
  options.rules = STANCE_SOURCE_DIR "/rules";
  options.inputs = std::move(inputs);
  return options;
}

// The "doc" of every JSONL line of `jsonl`, in order, one per distinct run.
std::vector<std::string> DocsOf(const std::string& jsonl,
                                const char* key = "doc") {
  std::vector<std::string> docs;
  std::istringstream lines(jsonl);
  std::string line;
  while (std::getline(lines, line)) {
    std::string doc = nlohmann::json::parse(line).at(key).get<std::string>();
    if (docs.empty() || docs.back() != doc) docs.push_back(doc);
  }
  return docs;
}

TEST_CASE("A missing file fails alone, the rest of the batch is written") {
  TempDir dir;
  std::string good = dir.Write("good.txt", "Paris backs the plan.\n");
  Captured c;
  BatchOptions options = Options({dir / "missing.txt", good});
  options.format = "jsonl";
  CHECK(RunSentences(options, c.console()) == kExitFailed);
  CHECK(c.err.str() == dir / "missing.txt: no such file or folder\n");
  CHECK(DocsOf(c.out.str()) == std::vector<std::string>{good});
  CHECK(c.out.str().find("Paris backs the plan.") != std::string::npos);
}

TEST_CASE("A folder of articles is read in sorted order") {
  TempDir dir;
  dir.Write("wire/b.txt", "Second article.\n");
  dir.Write("wire/a.txt", "First article.\n");
  dir.Write("wire/2024/c.txt", "Third article.\n");
  Captured c;
  BatchOptions options = Options({dir / "wire"});
  options.format = "jsonl";
  CHECK(RunSentences(options, c.console()) == kExitOk);
  CHECK(c.err.str().empty());
  CHECK(DocsOf(c.out.str()) == std::vector<std::string>{dir / "wire/2024/c.txt",
                                                        dir / "wire/a.txt",
                                                        dir / "wire/b.txt"});
}

TEST_CASE("JSONL input: a broken line is an error record, the batch goes on") {
  TempDir dir;
  std::string in =
      dir.Write("batch.jsonl",
                "{\"id\":\"one\",\"text\":\"Rome welcomes the talks.\"}\n"
                "{\"id\":\"two\",\"text\":\n"
                "{\"id\":\"three\",\"text\":\"Oslo urges calm.\"}\n");
  Captured c;
  BatchOptions options = Options({in});
  options.input = "jsonl";
  options.errors = dir / "errors.jsonl";
  CHECK(RunSentences(options, c.console()) == kExitFailed);
  // Default format for JSONL input: one {"id", "sentences"} per document.
  CHECK(DocsOf(c.out.str(), "id") == std::vector<std::string>{"one", "three"});
  nlohmann::json first =
      nlohmann::json::parse(c.out.str().substr(0, c.out.str().find('\n')));
  CHECK(first["sentences"].is_array());
  CHECK(c.err.str().rfind(in + ":2:", 0) == 0);

  std::string records = ReadFileForTest(dir / "errors.jsonl");
  nlohmann::json record = nlohmann::json::parse(records);
  CHECK(record["doc"] == in + ":2");
  CHECK(record["stage"] == "parse");
  CHECK(record["message"].get<std::string>().rfind("invalid JSON", 0) == 0);
  // Keys in this order.
  CHECK(records.rfind("{\"doc\":", 0) == 0);
  CHECK(records.find("\"stage\":") < records.find("\"message\":"));
}

TEST_CASE(
    "-o writes the same bytes as stdout, and refuses to overwrite an input") {
  TempDir dir;
  std::string a = dir.Write("a.txt", "Madrid backs the accord.\n");
  Captured to_stdout;
  BatchOptions options = Options({a});
  options.format = "csv";
  REQUIRE(RunExtract(options, to_stdout.console()) == kExitOk);

  Captured to_file;
  options.output = dir / "claims.csv";
  CHECK(RunExtract(options, to_file.console()) == kExitOk);
  CHECK(to_file.out.str().empty());
  CHECK(ReadFileForTest(dir / "claims.csv") == to_stdout.out.str());

  Captured refused;
  options.output = a;
  CHECK(RunExtract(options, refused.console()) == kExitUsage);
  CHECK(refused.err.str().find(a + ": refusing to overwrite an input") !=
        std::string::npos);
  CHECK(ReadFileForTest(a) == "Madrid backs the accord.\n");

  Captured same;
  options.output = dir / "out.jsonl";
  options.errors = dir / "out.jsonl";
  CHECK(RunExtract(options, same.console()) == kExitUsage);
}

TEST_CASE(
    "An output folder that does not exist is a usage error, nothing "
    "half-written") {
  TempDir dir;
  std::string a = dir.Write("a.txt", "Text.\n");
  Captured c;
  BatchOptions options = Options({a});
  options.output = dir / "no/such/out.jsonl";
  CHECK(RunExtract(options, c.console()) == kExitUsage);
  CHECK(c.err.str().rfind(dir / "no/such/out.jsonl: ", 0) == 0);
}

TEST_CASE("Formats a command cannot write are usage errors") {
  TempDir dir;
  std::string a = dir.Write("a.txt", "Text.\n");
  BatchOptions options = Options({a});
  Captured c1;
  options.format = "xml";
  CHECK(RunExtract(options, c1.console()) == kExitUsage);
  CHECK(c1.err.str().find("'xml'") != std::string::npos);
  Captured c2;
  options.format = "text";
  CHECK(RunQuotes(options, c2.console()) == kExitUsage);
  Captured c3;
  options.format = "";
  options.input = "xml";
  CHECK(RunExtract(options, c3.console()) == kExitUsage);
  Captured c4;
  CHECK(RunExtract(Options({}), c4.console()) == kExitUsage);
}

TEST_CASE("Claims and quotes as CSV start with their header") {
  TempDir dir;
  std::string a = dir.Write("a.txt", "Text.\n");
  BatchOptions options = Options({a});
  options.format = "csv";
  Captured claims;
  REQUIRE(RunExtract(options, claims.console()) == kExitOk);
  CHECK(claims.out.str().rfind("doc,holder,holder_type,", 0) == 0);
  Captured quotes;
  REQUIRE(RunQuotes(options, quotes.console()) == kExitOk);
  CHECK(quotes.out.str().rfind("doc,quote,begin,end,speaker,", 0) == 0);
}

TEST_CASE("Documents over the size limit fail one by one") {
  TempDir dir;
  std::string big = dir.Write("big.txt", std::string(200, 'x') + ".\n");
  std::string small = dir.Write("small.txt", "Small.\n");
  Captured c;
  BatchOptions options = Options({big, small});
  options.max_document_bytes = 100;
  options.format = "jsonl";
  options.verbose = true;
  CHECK(RunSentences(options, c.console()) == kExitFailed);
  CHECK(DocsOf(c.out.str()) == std::vector<std::string>{small});
  CHECK(c.err.str().rfind(big + ": document is 202 bytes", 0) == 0);
  // in = written + failed
  CHECK(
      c.err.str().find("stance sentences: 2 documents: 1 written, 1 failed;") !=
      std::string::npos);
}

TEST_CASE("The summary is printed only when asked for or on a terminal") {
  TempDir dir;
  std::string a = dir.Write("a.txt", "Text.\n");
  Captured quiet;
  CHECK(RunSentences(Options({a}), quiet.console()) == kExitOk);
  CHECK(quiet.err.str().empty());
  Captured terminal;
  Console console = terminal.console();
  console.err_is_terminal = true;
  CHECK(RunSentences(Options({a}), console) == kExitOk);
  CHECK(terminal.err.str().find("1 document: 1 written, 0 failed;") !=
        std::string::npos);
}

TEST_CASE("A workbook needs -o FILE, and is written there") {
  TempDir dir;
  std::string a = dir.Write("a.txt", "France supports the ceasefire plan.\n");
  BatchOptions options = Options({a});
  options.format = "xlsx";
  Captured console;
  CHECK(RunExtract(options, console.console()) == kExitUsage);
  CHECK(console.out.str().empty());
  CHECK(console.err.str().find("-o FILE") != std::string::npos);

  Captured file;
  options.output = dir / "claims.xlsx";
  CHECK(RunExtract(options, file.console()) == kExitOk);
  CHECK(file.out.str().empty());
  CHECK(ReadFileForTest(dir / "claims.xlsx").rfind("PK\x03\x04", 0) == 0);
}

TEST_CASE("--aggregate counts the claims of the whole batch") {
  TempDir dir;
  std::string a = dir.Write("a.txt", "France supports the ceasefire plan.\n");
  std::string b = dir.Write(
      "b.txt", "France supports the ceasefire plan. Chad opposes the plan.\n");
  BatchOptions options = Options({a, b});
  options.aggregate = true;
  options.verbose = true;
  Captured c;
  REQUIRE(RunExtract(options, c.console()) == kExitOk);
  std::istringstream lines(c.out.str());
  std::string line;
  std::vector<nlohmann::json> rows;
  while (std::getline(lines, line)) rows.push_back(nlohmann::json::parse(line));
  REQUIRE(rows.size() == 2);
  CHECK(rows[0]["holder"] == "France");
  CHECK(rows[0]["count"] == 2);
  CHECK(rows[0]["doc_ids"] == a + "; " + b);
  CHECK(rows[1]["holder"] == "Chad");
  // The summary still counts claims.
  CHECK(c.err.str().find("2 written, 0 failed; 3 claims") != std::string::npos);

  Captured quotes;
  CHECK(RunQuotes(options, quotes.console()) == kExitUsage);
  CHECK(quotes.err.str().find("--aggregate") != std::string::npos);
}

TEST_CASE("--excel goes to the writer; refused where it means nothing") {
  TempDir dir;
  std::string a = dir.Write("a.txt", "France supports the ceasefire plan.\n");
  BatchOptions options = Options({a});
  options.excel = true;
  options.format = "csv";
  Captured csv;
  REQUIRE(RunExtract(options, csv.console()) == kExitOk);
  CHECK(csv.out.str().rfind("\xEF\xBB\xBF" "doc,", 0) == 0);
  CHECK(csv.out.str().find("\r\n") != std::string::npos);
  options.format = "jsonl";
  Captured jsonl;
  CHECK(RunExtract(options, jsonl.console()) == kExitUsage);
}

TEST_CASE("The progress bar: forced, or never; never on stdout") {
  TempDir dir;
  std::string a = dir.Write("a.txt", "France supports the ceasefire plan.\n");
  std::string b = dir.Write("b.txt", "Chad opposes the plan.\n");
  BatchOptions options = Options({a, b});
  options.format = "csv";
  options.progress = BatchOptions::ShowProgress::kAlways;
  Captured forced;
  REQUIRE(RunExtract(options, forced.console()) == kExitOk);
  CHECK(forced.err.str().rfind("\r[############............]  50%  1/2 docs",
                               0) == 0);
  CHECK(forced.out.str().find('\r') == std::string::npos);

  options.progress = BatchOptions::ShowProgress::kNever;
  Captured never;
  Console terminal = never.console();
  terminal.err_is_terminal = true;
  REQUIRE(RunExtract(options, terminal) == kExitOk);
  // Only the summary a terminal gets.
  CHECK(never.err.str().rfind("stance extract: 2 documents", 0) == 0);
  CHECK(never.err.str().find('\r') == std::string::npos);
}

TEST_CASE("Commands not written yet say so") {
  Captured c;
  CHECK(RunNotImplemented("test", c.console()) == kExitUsage);
  CHECK(c.err.str() == "stance test: not implemented yet\n");
}

}  // namespace
}  // namespace stance
