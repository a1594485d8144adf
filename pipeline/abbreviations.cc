#include "pipeline/abbreviations.h"

#include <yaml-cpp/yaml.h>

#include <vector>

#include "pipeline/yaml_file.h"

namespace stance {
namespace {

constexpr const char* kKnownKeys =
    "name, version, titles, before_numbers, months, abbreviations, "
    "sentence_starters, "
    "continuations";

// Longest entry accepted; the splitter never looks further back than this.
constexpr size_t kMaxEntryBytes = 24;

bool HasSpace(std::string_view s) {
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') return true;
  }
  return false;
}

}  // namespace

AbbreviationTable::Kind AbbreviationTable::Find(std::string_view word) const {
  if (word.size() > max_length_) return kNone;
  auto it = kinds_.find(word);
  return it == kinds_.end() ? kNone : it->second;
}

bool AbbreviationTable::IsSentenceStarter(std::string_view word) const {
  return starters_.find(word) != starters_.end();
}

bool AbbreviationTable::IsContinuation(std::string_view word) const {
  return continuations_.find(word) != continuations_.end();
}

Status AbbreviationTable::Load(const std::string& path,
                               std::unique_ptr<AbbreviationTable>* out) {
  out->reset();
  std::unique_ptr<YamlFile> file;
  STANCE_RETURN_IF_ERROR(YamlFile::Load(path, &file));
  std::unique_ptr<AbbreviationTable> table(new AbbreviationTable);
  CollectingSink sink;
  // Where each entry was first listed, to name it in a duplicate's error.
  std::unordered_map<std::string, int> first_line;

  // Adds the entries of one list. Abbreviations are written with their final
  // period ("U.S."); words without one ("The").
  auto add_list = [&](const YAML::Node& key, const YAML::Node& list, Kind kind,
                      WordSet* words) {
    if (list.IsNull()) return;
    if (!list.IsSequence()) {
      sink.Report(file->ErrorAt(list, "'" + key.Scalar() + "' must be a list"));
      return;
    }
    for (const YAML::Node& item : list) {
      if (!item.IsScalar() || item.Scalar().empty()) {
        sink.Report(file->ErrorAt(
            item, "items of '" + key.Scalar() + "' must be words"));
        continue;
      }
      std::string entry = item.Scalar();
      if (HasSpace(entry)) {
        sink.Report(file->ErrorAt(item, "'" + entry + "' holds white space"));
        continue;
      }
      std::string word = entry;
      if (words == nullptr) {
        if (entry.size() < 2 || entry.back() != '.') {
          sink.Report(
              file->ErrorAt(item, "'" + entry + "' must end with a period"));
          continue;
        }
        word.pop_back();
        if (word.size() > kMaxEntryBytes) {
          sink.Report(file->ErrorAt(item, "'" + entry + "' is longer than " +
                                              std::to_string(kMaxEntryBytes) +
                                              " bytes"));
          continue;
        }
      } else if (entry.find('.') != std::string::npos) {
        sink.Report(file->ErrorAt(
            item, "'" + entry + "' must be a word without a period"));
        continue;
      }
      // Words lists and abbreviation lists are separate name spaces: "No"
      // may be a starter while "No." is an abbreviation.
      std::string id = (words == nullptr ? "." : key.Scalar() + ":") + word;
      int line = file->LocationOf(item).line;
      auto [it, inserted] = first_line.emplace(id, line);
      if (!inserted) {
        sink.Report(file->ErrorAt(item, "'" + entry +
                                            "' is already listed on line " +
                                            std::to_string(it->second)));
        continue;
      }
      if (words != nullptr) {
        words->insert(word);
      } else {
        if (word.size() > table->max_length_) table->max_length_ = word.size();
        table->kinds_.emplace(word, kind);
      }
    }
  };

  try {
    const YAML::Node& root = file->root();
    if (!root.IsMap()) {
      sink.Report(file->ErrorAt(
          root, std::string("expected a map with keys ") + kKnownKeys));
    } else {
      bool has_name = false;
      bool has_version = false;
      for (const auto& pair : root) {
        const YAML::Node& key = pair.first;
        const YAML::Node& value = pair.second;
        const std::string k = key.IsScalar() ? key.Scalar() : std::string();
        if (k == "name" || k == "version") {
          if (!value.IsScalar() || value.Scalar().empty()) {
            sink.Report(file->ErrorAt(value.IsNull() ? key : value,
                                      "'" + k + "' must be a string"));
            continue;
          }
          (k == "name" ? table->name_ : table->version_) = value.Scalar();
          (k == "name" ? has_name : has_version) = true;
        } else if (k == "titles") {
          add_list(key, value, kTitle, nullptr);
        } else if (k == "before_numbers" || k == "months") {
          add_list(key, value, kBeforeNumber, nullptr);
        } else if (k == "abbreviations") {
          add_list(key, value, kAbbreviation, nullptr);
        } else if (k == "sentence_starters") {
          add_list(key, value, kNone, &table->starters_);
        } else if (k == "continuations") {
          add_list(key, value, kNone, &table->continuations_);
        } else {
          sink.Report(file->ErrorAt(
              key, "unknown key '" + k + "'; expected one of " + kKnownKeys));
        }
      }
      if (!has_name) sink.Report(file->ErrorAt(root, "missing key 'name'"));
      if (!has_version)
        sink.Report(file->ErrorAt(root, "missing key 'version'"));
    }
  } catch (const YAML::Exception& e) {
    return Status::RuleError(e.msg, {path, e.mark.line + 1, e.mark.column + 1});
  }

  const std::vector<Diagnostic>& problems = sink.diagnostics();
  if (!problems.empty()) {
    std::string message = problems[0].message;
    for (size_t i = 1; i < problems.size(); ++i) {
      message += '\n';
      message += problems[i].ToString();
    }
    return Status::RuleError(message, problems[0].location);
  }
  *out = std::move(table);
  return Status::OK();
}

}  // namespace stance
