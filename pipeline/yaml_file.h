// YamlFile: one rule file parsed by yaml-cpp, with what is needed to point at
// a place in it. Every loader of rules/ reads its files through this class, so
// that all rule-file diagnostics read the same way:
//
//   rules/stance/oppose.yaml:14:22: error: unknown class 'ACTR'
//     pattern: '{h:ACTR} @oppose {t:PHRASE}'
//                ^
//
// Lines and columns are counted from 1 (YAML::Mark plus 1). Immutable after
// Load; const methods are thread-safe.
#ifndef STANCE_PIPELINE_YAML_FILE_H_
#define STANCE_PIPELINE_YAML_FILE_H_

#include <yaml-cpp/yaml.h>

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/status.h"

namespace stance {

class YamlFile {
 public:
  // Reads and parses `path`. On failure returns a status whose location is the
  // place of the syntax error (or the file, if unreadable or not UTF-8) and
  // leaves *out null. Never throws.
  static Status Load(const std::string& path, std::unique_ptr<YamlFile>* out);
  // The same, from text already in memory (tests); `path` only names it.
  static Status Parse(const std::string& path, std::string text, std::unique_ptr<YamlFile>* out);

  const std::string& path() const { return path_; }
  const YAML::Node& root() const { return root_; }

  // Where `node` starts; `col_offset` moves right within it (e.g. into a
  // pattern). A null mark (missing key) gives the file only.
  SourceLocation LocationOf(const YAML::Node& node, int col_offset = 0) const;
  // An error diagnostic at `node`, with its source line for a caret.
  Diagnostic ErrorAt(const YAML::Node& node, std::string message, int col_offset = 0) const;
  Diagnostic ErrorAt(const SourceLocation& where, std::string message) const;
  // The text of line `line` (from 1), without its newline; empty if none.
  std::string_view Line(int line) const;

  // Typed access that never throws. Each returns false and reports to `sink`
  // (at `map`'s mark, naming `key`) when the key is missing or ill-typed.
  bool RequireString(const YAML::Node& map, const char* key, std::string* out,
                     DiagnosticSink* sink) const;
  bool OptionalString(const YAML::Node& map, const char* key, std::string* out,
                      DiagnosticSink* sink) const;
  // A scalar or a sequence of scalars, appended to *out.
  bool OptionalStrings(const YAML::Node& map, const char* key, std::vector<std::string>* out,
                       DiagnosticSink* sink) const;

 private:
  YamlFile() = default;
  std::string path_;
  std::string text_;
  std::vector<uint32_t> line_starts_;
  YAML::Node root_;
};

// Runs `load`, which reads `file` and returns whether all was well. A
// yaml-cpp exception it lets through (a key looked up in a scalar or a list,
// a failed conversion) becomes an error at the exception's place in `file`,
// reported to `sink`, and false: the shape of a rule file never crashes a
// loader, whatever its own checks missed. Every loader reads each file under
// this guard.
bool GuardYaml(const YamlFile& file, DiagnosticSink* sink, const std::function<bool()>& load);

// Lists the *.yaml and *.yml files of `dir`, sorted by name. Missing dir: NotFound.
Status ListYamlFiles(const std::string& dir, std::vector<std::string>* paths);

// A rule file whose required `name:` and `version:` have been read.
struct RuleFile {
  std::unique_ptr<YamlFile> file;
  std::string name;
  std::string version;
  std::string source;  // "name:version", for the output
};

// Loads every *.yaml of `dir`, in name order. Reports every problem (a
// missing folder, a file that does not parse, a missing name or version) to
// `sink` and returns false if there was any; the files that parsed are in
// *files either way.
bool LoadRuleFiles(const std::string& dir, std::vector<RuleFile>* files, DiagnosticSink* sink);

}  // namespace stance

#endif  // STANCE_PIPELINE_YAML_FILE_H_
