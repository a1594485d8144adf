#include "pipeline/rule_catalog.h"

#include <algorithm>
#include <filesystem>

#include "pipeline/pattern_compiler.h"
#include "pipeline/pattern_context.h"
#include "pipeline/yaml_file.h"

namespace stance {
namespace {

Status ToStatus(const Diagnostic& d) { return Status::RuleError(d.message, d.location); }

}  // namespace

Status RuleCatalog::Load(const std::string& rules_dir, std::unique_ptr<RuleCatalog>* out) {
  out->reset();
  std::unique_ptr<RuleCatalog> catalog(new RuleCatalog);
  CollectingSink ignored;  // the pipeline has reported them already
  STANCE_RETURN_IF_ERROR(Lexicon::Load(rules_dir + "/lexicon", &catalog->lexicon_, &ignored));
  STANCE_RETURN_IF_ERROR(catalog->LoadSettings(rules_dir + "/coverage.yaml"));
  StancePatternContext context(catalog->lexicon_.get());

  std::vector<RuleFile> files;
  LoadRuleFiles(rules_dir + "/stance", &files, &ignored);
  if (files.empty()) return Status::RuleError("no rule files", {rules_dir + "/stance"});
  for (const RuleFile& rule_file : files) {
    const YamlFile& file = *rule_file.file;
    YAML::Node rules = file.root().IsMap() ? file.root()["rules"] : YAML::Node();
    if (!rules || !rules.IsSequence()) continue;
    for (const YAML::Node& node : rules) {
      if (!node.IsMap() || !node["id"] || !node["id"].IsScalar()) continue;
      CatalogRule rule;
      rule.id = node["id"].Scalar();
      rule.where = file.LocationOf(node["id"]);
      if (node["stance"] && node["stance"].IsScalar()) rule.stance = node["stance"].Scalar();
      if (node["pattern"] && node["pattern"].IsScalar()) {
        CompiledPattern compiled;
        PatternError error;
        if (CompilePattern(node["pattern"].Scalar(), context, &compiled, &error).ok() &&
            !compiled.cues.empty()) {
          rule.cue_entry = compiled.cues.back().name;
        }
      }
      catalog->rules_.push_back(std::move(rule));
    }
  }
  *out = std::move(catalog);
  return Status::OK();
}

Status RuleCatalog::LoadSettings(const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return Status::OK();
  std::unique_ptr<YamlFile> file;
  Status s = YamlFile::Load(path, &file);
  if (!s.ok()) return Status::RuleError(s.message(), s.location());
  const YAML::Node& root = file->root();
  CollectingSink sink;
  std::vector<std::string> names;
  std::string unused;
  if (!file->RequireString(root, "name", &unused, &sink) ||
      !file->RequireString(root, "version", &unused, &sink) ||
      !file->OptionalStrings(root, "not_cues", &names, &sink)) {
    return ToStatus(sink.diagnostics().front());
  }
  if (root.IsMap()) {
    for (const auto& item : root) {
      std::string key = item.first.Scalar();
      if (key != "name" && key != "version" && key != "not_cues") {
        return ToStatus(file->ErrorAt(
            item.first, "unknown key '" + key + "' (expected name, version, not_cues)"));
      }
    }
  }
  for (size_t i = 0; i < names.size(); ++i) {
    if (lexicon_->Find(names[i]) == nullptr) {
      YAML::Node list = root["not_cues"];
      YAML::Node at = list.IsSequence() ? list[i] : list;
      return ToStatus(file->ErrorAt(at, "no lexicon entry '" + names[i] + "'"));
    }
    not_cues_.insert(names[i]);
  }
  return Status::OK();
}

std::vector<std::string> RuleCatalog::CueEntries() const {
  std::vector<std::string> entries;
  for (const CatalogRule& r : rules_) {
    if (!r.cue_entry.empty() && !not_cues_.count(r.cue_entry)) entries.push_back(r.cue_entry);
  }
  std::sort(entries.begin(), entries.end());
  entries.erase(std::unique(entries.begin(), entries.end()), entries.end());
  return entries;
}

}  // namespace stance
