#include "pipeline/targets.h"

#include <re2/re2.h>

#include <algorithm>
#include <cctype>

#include "pipeline/pattern_compiler.h"
#include "pipeline/rule_diagnostics.h"
#include "pipeline/yaml_file.h"

namespace stance {
namespace {

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n'; }
bool IsTrailingJunk(char c) {
  return IsSpace(c) || c == ',' || c == '.' || c == ':' || c == '"' || c == '\'' || c == '-' ||
         c == '(';
}

}  // namespace

TargetTable::TargetTable() = default;
TargetTable::~TargetTable() = default;

Status TargetTable::Load(const std::string& dir, const PatternContext& context,
                         std::unique_ptr<TargetTable>* out, DiagnosticSink* sink) {
  out->reset();
  std::unique_ptr<TargetTable> table(new TargetTable);
  std::string boundaries;
  std::string leading;
  std::vector<RuleFile> files;
  bool ok = LoadRuleFiles(dir, &files, sink);
  for (const RuleFile& rule_file : files) {
    const YamlFile* file = rule_file.file.get();
    ok &= GuardYaml(*file, sink, [&] {
      const YAML::Node& root = file->root();
      table->sources_.push_back(rule_file.source);
      if (!root.IsMap()) return false;  // LoadRuleFiles said so
      if (YAML::Node trimming = root["trimming"]; trimming && !trimming.IsMap()) {
        sink->Report(file->ErrorAt(trimming, "'trimming' must be a map with boundaries, "
                                             "vacuous, leading or max_words"));
        return false;
      } else if (trimming) {
        std::vector<std::string> cut;
        ok &= file->OptionalStrings(trimming, "boundaries", &cut, sink);
        for (size_t i = 0; i < cut.size(); ++i) {
          // Each boundary alone first, so an error points at its own line.
          RE2 alone(cut[i], RE2::Quiet);
          if (!alone.ok()) {
            sink->Report(file->ErrorAt(trimming["boundaries"][i], "bad boundary regex: " + alone.error()));
            ok = false;
            continue;
          }
          boundaries += (boundaries.empty() ? "" : "|") + std::string("(?:") + cut[i] + ")";
        }
        ok &= file->OptionalStrings(trimming, "vacuous", &table->vacuous_, sink);
        std::vector<std::string> determiners;
        ok &= file->OptionalStrings(trimming, "leading", &determiners, sink);
        for (const std::string& d : determiners) {
          leading += (leading.empty() ? "" : "|") + RE2::QuoteMeta(d);
        }
        if (trimming["max_words"]) {
          try {
            table->max_words_ = trimming["max_words"].as<size_t>();
          } catch (const YAML::Exception&) {
            sink->Report(file->ErrorAt(trimming["max_words"], "'max_words' must be a whole number"));
            ok = false;
          }
        }
      }
      YAML::Node targets = root["targets"];
      if (!targets) return true;
      if (!targets.IsSequence()) {
        sink->Report(file->ErrorAt(targets, "'targets' must be a list"));
        return false;
      }
      for (const YAML::Node& t : targets) {
        Canon canon;
        if (!file->RequireString(t, "name", &canon.name, sink)) {
          ok = false;
          continue;
        }
        YAML::Node triggers = t["triggers"];
        if (!triggers || !triggers.IsSequence() || triggers.size() == 0) {
          sink->Report(file->ErrorAt(t, "target '" + canon.name + "' needs a list of 'triggers'"));
          ok = false;
          continue;
        }
        for (const YAML::Node& trigger : triggers) {
          std::unique_ptr<RE2> re;
          if (!CompileRulePattern(*file, trigger, "target '" + canon.name + "'", context, &re,
                                  nullptr, sink)) {
            ok = false;
            continue;
          }
          canon.triggers.push_back(std::move(re));
        }
        table->canon_.push_back(std::move(canon));
      }
      return true;
    });
  }
  // Each boundary compiled alone above; together they can still be too much.
  auto check = [&](const std::unique_ptr<RE2>& re, const char* what) {
    if (re->ok()) return;
    Diagnostic d;
    d.location.path = dir;
    d.message = std::string("the trimming ") + what + " together do not compile to RE2: " +
                re->error();
    sink->Report(d);
    ok = false;
  };
  if (!boundaries.empty()) {
    RE2::Options options(RE2::Quiet);
    options.set_case_sensitive(false);
    table->boundary_ = std::make_unique<RE2>(boundaries, options);
    check(table->boundary_, "boundaries");
  }
  if (!leading.empty()) {
    RE2::Options options(RE2::Quiet);
    options.set_case_sensitive(false);
    table->leading_ = std::make_unique<RE2>("^(?:(?:" + leading + ")\\s+)+", options);
    check(table->leading_, "leading words");
  }
  if (!ok) return Status::RuleError("targets have errors", {dir});
  *out = std::move(table);
  return Status::OK();
}

std::string TargetTable::Canonical(std::string_view match_text) const {
  for (const Canon& canon : canon_) {
    for (const auto& trigger : canon.triggers) {
      if (RE2::PartialMatch(match_text, *trigger)) return canon.name;
    }
  }
  return "";
}

bool TargetTable::IsVacuous(std::string_view target) const {
  for (const std::string& v : vacuous_) {
    if (target.size() == v.size() &&
        std::equal(v.begin(), v.end(), target.begin(), [](char a, char b) {
          return std::tolower(static_cast<unsigned char>(a)) ==
                 std::tolower(static_cast<unsigned char>(b));
        })) {
      return true;
    }
  }
  return false;
}

Span TargetTable::Trim(const Document& doc, Span phrase) const {
  std::string_view text = doc.Text(phrase);
  size_t begin = 0, end = text.size();
  while (begin < end && (IsSpace(text[begin]) || text[begin] == '"' || text[begin] == '\'')) ++begin;
  if (leading_) {
    re2::StringPiece rest(text.data() + begin, end - begin);
    if (RE2::Consume(&rest, *leading_)) begin = static_cast<size_t>(rest.data() - text.data());
  }
  re2::StringPiece match;
  if (boundary_) {
    re2::StringPiece rest(text.data() + begin, end - begin);
    if (boundary_->Match(rest, 0, rest.size(), RE2::UNANCHORED, &match, 1)) {
      end = static_cast<size_t>(match.data() - text.data());
    }
  }
  // Keep at most max_words_ words.
  size_t words = 0;
  for (size_t i = begin; i < end; ++i) {
    if (!IsSpace(text[i]) && (i == begin || IsSpace(text[i - 1])) && ++words > max_words_) {
      end = i;
      break;
    }
  }
  while (end > begin && IsTrailingJunk(text[end - 1])) --end;
  return {phrase.begin + static_cast<uint32_t>(begin), phrase.begin + static_cast<uint32_t>(end)};
}

}  // namespace stance
