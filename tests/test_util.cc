#include "tests/test_util.h"

#include <doctest/doctest.h>
#include <unistd.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <sstream>

namespace stance::testing {

std::filesystem::path SourcePath(const std::string& relative) {
  return std::filesystem::path(STANCE_SOURCE_DIR) / relative;
}

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void WriteFile(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

namespace {
struct TempRoot {
  std::filesystem::path path;
  TempRoot() {
    path = std::filesystem::temp_directory_path() / ("stance-test-" + std::to_string(getpid()));
    std::filesystem::create_directories(path);
  }
  ~TempRoot() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
};
}  // namespace

std::filesystem::path TempDir() {
  static TempRoot root;
  static int counter = 0;
  std::filesystem::path dir = root.path / std::to_string(counter++);
  std::filesystem::create_directories(dir);
  return dir;
}

const Pipeline& DefaultPipeline() {
  static std::unique_ptr<Pipeline> pipeline = [] {
    PipelineOptions options;
    options.rules_dir = SourcePath("rules").string();
    options.check_examples = true;
    std::unique_ptr<Pipeline> p;
    CollectingSink sink;
    Status s = Pipeline::Create(options, &p, &sink);
    std::string all;
    for (const Diagnostic& d : sink.diagnostics()) all += d.ToString() + "\n";
    INFO(all);
    if (!s.ok()) FAIL(s.ToString() << "\n" << all);
    return p;
  }();
  return *pipeline;
}

std::filesystem::path CopyOfRules() {
  std::filesystem::path dir = TempDir() / "rules";
  std::filesystem::copy(SourcePath("rules"), dir, std::filesystem::copy_options::recursive);
  return dir;
}

}  // namespace stance::testing
