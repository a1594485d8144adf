#include "pipeline/yaml_file.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "pipeline/utf8.h"

namespace stance {

Status YamlFile::Load(const std::string& path, std::unique_ptr<YamlFile>* out) {
  out->reset();
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError("cannot read rule file", {path});
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return Parse(path, buffer.str(), out);
}

Status YamlFile::Parse(const std::string& path, std::string text, std::unique_ptr<YamlFile>* out) {
  out->reset();
  if (text.rfind("\xff\xfe", 0) == 0 || text.rfind("\xfe\xff", 0) == 0) {
    return Status::RuleError("rule file is UTF-16; save it as UTF-8", {path, 1, 1});
  }
  size_t bad = FirstInvalidUtf8(text);
  std::unique_ptr<YamlFile> file(new YamlFile);
  file->path_ = path;
  file->text_ = std::move(text);
  file->line_starts_.push_back(0);
  for (uint32_t i = 0; i < file->text_.size(); ++i) {
    if (file->text_[i] == '\n') file->line_starts_.push_back(i + 1);
  }
  if (bad != std::string::npos) {
    auto line = std::upper_bound(file->line_starts_.begin(), file->line_starts_.end(), bad) - 1;
    int line_no = static_cast<int>(line - file->line_starts_.begin()) + 1;
    int col = static_cast<int>(bad - *line) + 1;
    return Status::RuleError("rule file is not valid UTF-8 (byte " + std::to_string(bad) + ")",
                             {path, line_no, col});
  }
  try {
    file->root_ = YAML::Load(file->text_);
  } catch (const YAML::Exception& e) {
    return Status::RuleError(e.msg, {path, e.mark.line + 1, e.mark.column + 1});
  }
  *out = std::move(file);
  return Status::OK();
}

SourceLocation YamlFile::LocationOf(const YAML::Node& node, int col_offset) const {
  YAML::Mark mark = node.Mark();
  if (mark.is_null()) return {path_};
  return {path_, mark.line + 1, mark.column + 1 + col_offset};
}

Diagnostic YamlFile::ErrorAt(const SourceLocation& where, std::string message) const {
  Diagnostic d;
  d.severity = Diagnostic::kError;
  d.location = where;
  d.message = std::move(message);
  d.source_line = std::string(Line(where.line));
  return d;
}

Diagnostic YamlFile::ErrorAt(const YAML::Node& node, std::string message, int col_offset) const {
  return ErrorAt(LocationOf(node, col_offset), std::move(message));
}

std::string_view YamlFile::Line(int line) const {
  if (line < 1 || line > static_cast<int>(line_starts_.size())) return {};
  uint32_t begin = line_starts_[line - 1];
  uint32_t end = line < static_cast<int>(line_starts_.size()) ? line_starts_[line] - 1
                                                              : static_cast<uint32_t>(text_.size());
  std::string_view out(text_.data() + begin, end - begin);
  if (!out.empty() && out.back() == '\r') out.remove_suffix(1);
  return out;
}

bool YamlFile::RequireString(const YAML::Node& map, const char* key, std::string* out,
                             DiagnosticSink* sink) const {
  if (!map.IsMap() || !map[key]) {
    sink->Report(ErrorAt(map, std::string("missing key '") + key + "'"));
    return false;
  }
  return OptionalString(map, key, out, sink);
}

bool YamlFile::OptionalString(const YAML::Node& map, const char* key, std::string* out,
                              DiagnosticSink* sink) const {
  if (!map.IsMap()) return true;
  YAML::Node value = map[key];
  if (!value) return true;
  if (!value.IsScalar()) {
    sink->Report(ErrorAt(value, std::string("'") + key + "' must be a string"));
    return false;
  }
  *out = value.Scalar();
  return true;
}

bool YamlFile::OptionalStrings(const YAML::Node& map, const char* key,
                               std::vector<std::string>* out, DiagnosticSink* sink) const {
  if (!map.IsMap()) return true;
  YAML::Node value = map[key];
  if (!value || value.IsNull()) return true;
  if (value.IsScalar()) {
    out->push_back(value.Scalar());
    return true;
  }
  if (!value.IsSequence()) {
    sink->Report(ErrorAt(value, std::string("'") + key + "' must be a string or a list of strings"));
    return false;
  }
  bool ok = true;
  for (const YAML::Node& item : value) {
    if (!item.IsScalar()) {
      sink->Report(ErrorAt(item, std::string("items of '") + key + "' must be strings"));
      ok = false;
      continue;
    }
    out->push_back(item.Scalar());
  }
  return ok;
}

bool GuardYaml(const YamlFile& file, DiagnosticSink* sink, const std::function<bool()>& load) {
  try {
    return load();
  } catch (const YAML::Exception& e) {
    SourceLocation where{file.path()};
    if (!e.mark.is_null()) where = {file.path(), e.mark.line + 1, e.mark.column + 1};
    std::string message = e.msg;
    // yaml-cpp's words for the commonest case, a map expected.
    if (message.rfind("operator[] call on a scalar", 0) == 0) {
      message = "expected a map here, not a single value" + message.substr(27);
    }
    sink->Report(file.ErrorAt(where, "unexpected structure: " + message));
    return false;
  }
}

Status ListYamlFiles(const std::string& dir, std::vector<std::string>* paths) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return Status::NotFound("no such rules folder", {dir});
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    std::string ext = entry.path().extension().string();
    if (entry.is_regular_file(ec) && (ext == ".yaml" || ext == ".yml")) {
      paths->push_back(entry.path().string());
    }
  }
  if (ec) return Status::IOError(ec.message(), {dir});
  std::sort(paths->begin(), paths->end());
  return Status::OK();
}

bool LoadRuleFiles(const std::string& dir, std::vector<RuleFile>* files, DiagnosticSink* sink) {
  std::vector<std::string> paths;
  Status listed = ListYamlFiles(dir, &paths);
  if (!listed.ok()) {
    sink->Report({Diagnostic::kError, listed.location(), listed.message(), {}});
    return false;
  }
  bool ok = true;
  for (const std::string& path : paths) {
    RuleFile rule_file;
    Status s = YamlFile::Load(path, &rule_file.file);
    if (!s.ok()) {
      sink->Report({Diagnostic::kError, s.location(), s.message(), {}});
      ok = false;
      continue;
    }
    const YAML::Node& root = rule_file.file->root();
    ok &= rule_file.file->RequireString(root, "name", &rule_file.name, sink);
    ok &= rule_file.file->RequireString(root, "version", &rule_file.version, sink);
    rule_file.source = rule_file.name + ":" + rule_file.version;
    files->push_back(std::move(rule_file));
  }
  return ok;
}

}  // namespace stance
