#include "pipeline/lint.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>

#include "pipeline/pipeline.h"
#include "pipeline/yaml_file.h"

namespace stance {
namespace {

namespace fs = std::filesystem;

// The *.yaml and *.yml files below `dir`, sorted.
std::vector<std::string> RuleFilesBelow(const std::string& dir) {
  std::vector<std::string> files;
  std::error_code ec;
  fs::recursive_directory_iterator it(
      dir, fs::directory_options::skip_permission_denied, ec);
  for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    std::string ext = it->path().extension().string();
    if ((ext == ".yaml" || ext == ".yml") && !it->is_directory(ec)) {
      files.push_back(it->path().string());
    }
  }
  std::sort(files.begin(), files.end());
  return files;
}

// A path spelled the same way whoever built it ("rules//a.yaml",
// "rules/a.yaml").
std::string SamePath(const std::string& path) {
  return fs::path(path).lexically_normal().string();
}

// Line `line` (from 1) of the file at `path`, without its line break.
std::string LineOfFile(const std::string& path, int line) {
  std::ifstream in(path, std::ios::binary);
  std::string text;
  for (int i = 0; i < line && std::getline(in, text); ++i) {
  }
  if (!text.empty() && text.back() == '\r') text.pop_back();
  return text;
}

}  // namespace

Status LintRules(const std::string& rules_dir, LintReport* report) {
  *report = LintReport();
  std::error_code ec;
  if (!fs::is_directory(rules_dir, ec)) {
    return Status::NotFound("no such rules folder", {rules_dir});
  }

  PipelineOptions options;
  options.rules_dir = rules_dir;
  options.last_stage = PipelineOptions::Stage::kClaims;
  CollectingSink sink;
  std::unique_ptr<Pipeline> pipeline;
  Status loaded = Pipeline::Create(options, &pipeline, &sink);
  report->diagnostics = sink.diagnostics();

  std::set<std::string> flagged;
  for (const Diagnostic& d : report->diagnostics) {
    if (d.severity == Diagnostic::kError)
      flagged.insert(SamePath(d.location.path));
  }
  std::vector<std::string> files = RuleFilesBelow(rules_dir);
  report->files = static_cast<int>(files.size());
  for (const std::string& path : files) {
    if (flagged.count(SamePath(path)) > 0) continue;
    std::unique_ptr<YamlFile> file;
    Status s = YamlFile::Load(path, &file);
    if (s.ok()) continue;
    Diagnostic d{Diagnostic::kError, s.location(), s.message(), {}};
    if (d.location.path.empty()) d.location.path = path;
    if (d.location.line > 0) d.source_line = LineOfFile(path, d.location.line);
    report->diagnostics.push_back(std::move(d));
  }

  for (const Diagnostic& d : report->diagnostics) {
    ++(d.severity == Diagnostic::kError ? report->errors : report->warnings);
  }
  // A loader that failed without saying why still fails the lint.
  if (!loaded.ok() && report->errors == 0) {
    report->diagnostics.push_back(
        {Diagnostic::kError, loaded.location(), loaded.message(), {}});
    ++report->errors;
  }
  return Status::OK();
}

}  // namespace stance
