// RuleSet::Load: reads stances.yaml, lexicon/, targets/ and stance/, and
// compiles every rule. Collects every problem of every file before failing.
#include <algorithm>
#include <cctype>
#include <map>
#include <set>

#include "pipeline/rule_diagnostics.h"
#include "pipeline/stance_rules.h"
#include "pipeline/yaml_file.h"

namespace stance {
namespace {

const std::set<std::string> kRuleKeys = {"id",       "stance",   "pattern",  "holders", "voice",
                                         "target",   "priority", "negation", "examples",
                                         "counter_examples", "note"};

Status ReportStatus(const Status& s, DiagnosticSink* sink) {
  if (!s.ok()) sink->Report({Diagnostic::kError, s.location(), s.message(), {}});
  return s;
}

// The stance labels of stances.yaml, already parsed.
bool ReadLabels(const YamlFile& yaml, std::map<std::string, StanceLabel>* labels,
                std::vector<std::string>* sources, DiagnosticSink* sink) {
  const YamlFile* file = &yaml;
  const YAML::Node& root = file->root();
  std::string name, version;
  bool ok = file->RequireString(root, "name", &name, sink);
  ok &= file->RequireString(root, "version", &version, sink);
  sources->push_back(name + ":" + version);
  YAML::Node stances = root.IsMap() ? root["stances"] : YAML::Node();
  if (!stances || !stances.IsMap()) {
    sink->Report(file->ErrorAt(root, "missing key 'stances' (a map of label to polarity)"));
    return false;
  }
  for (const auto& item : stances) {
    StanceLabel label;
    label.name = item.first.Scalar();
    ok &= file->RequireString(item.second, "polarity", &label.polarity, sink);
    ok &= file->OptionalString(item.second, "opposite", &label.opposite, sink);
    (*labels)[label.name] = label;
  }
  for (const auto& [label_name, label] : *labels) {
    if (!label.opposite.empty() && !labels->count(label.opposite)) {
      sink->Report(file->ErrorAt(stances[label_name]["opposite"],
                                 "unknown opposite stance '" + label.opposite + "'"));
      ok = false;
    }
  }
  return ok;
}

bool LoadLabels(const std::string& path, std::map<std::string, StanceLabel>* labels,
                std::vector<std::string>* sources, DiagnosticSink* sink) {
  std::unique_ptr<YamlFile> file;
  if (!ReportStatus(YamlFile::Load(path, &file), sink).ok()) return false;
  return GuardYaml(*file, sink, [&] { return ReadLabels(*file, labels, sources, sink); });
}

bool LoadExamples(const YamlFile& file, const YAML::Node& rule, const char* key,
                  std::vector<RuleExample>* out, DiagnosticSink* sink) {
  YAML::Node list = rule[key];
  if (!list) return true;
  if (!list.IsSequence()) {
    sink->Report(file.ErrorAt(list, std::string("'") + key + "' must be a list"));
    return false;
  }
  bool ok = true;
  for (const YAML::Node& item : list) {
    RuleExample example;
    example.where = file.LocationOf(item);
    example.source_line = std::string(file.Line(example.where.line));
    if (item.IsScalar()) {
      example.text = item.Scalar();
    } else if (item.IsMap()) {
      ok &= file.RequireString(item, "text", &example.text, sink);
      ok &= file.OptionalString(item, "holder", &example.holder, sink);
      ok &= file.OptionalString(item, "target", &example.target, sink);
    } else {
      sink->Report(file.ErrorAt(item, "an example is a sentence or a map with text, holder, target"));
      ok = false;
      continue;
    }
    out->push_back(std::move(example));
  }
  return ok;
}

// Patterns already compiled, by their text: a pattern written twice is
// compiled once and its RE2 shared.
struct SharedPattern {
  std::shared_ptr<const re2::RE2> re;
  CompiledPattern pattern;
};
using CompiledPatterns = std::map<std::string, SharedPattern>;

// Compiles the pattern at `node` into rule->re and rule->pattern, or takes
// them from an earlier rule with the same pattern text.
bool CompilePatternOnce(const YamlFile& file, const YAML::Node& node,
                        const PatternContext& context, CompiledPatterns* compiled,
                        StanceRule* rule, DiagnosticSink* sink) {
  const std::string* text = node.IsScalar() ? &node.Scalar() : nullptr;
  if (text != nullptr) {
    auto it = compiled->find(*text);
    if (it != compiled->end()) {
      rule->re = it->second.re;
      rule->pattern = it->second.pattern;
      return true;
    }
  }
  std::unique_ptr<re2::RE2> re;
  if (!CompileRulePattern(file, node, "rule '" + rule->id + "'", context, &re, &rule->pattern,
                          sink)) {
    return false;
  }
  rule->re = std::move(re);
  if (text != nullptr) compiled->emplace(*text, SharedPattern{rule->re, rule->pattern});
  return true;
}

// Links each rule to the first earlier one that matches exactly like it
// (StanceRule::twin_of).
void FindTwins(RuleSet::Data* data) {
  std::map<std::string, int> first;
  for (const auto& rule : data->rules) {
    std::string key = rule->re->pattern();
    for (const std::string& part :
         {rule->stance, rule->target_slot, std::to_string(static_cast<int>(rule->negation)),
          std::to_string(static_cast<int>(rule->voice))}) {
      key += '\0' + part;
    }
    for (const std::string& h : rule->holder_slots) key += '\1' + h;
    auto [it, inserted] = first.emplace(std::move(key), rule->order);
    if (!inserted) rule->twin_of = it->second;
  }
}

bool LoadRuleFile(const RuleFile& rule_file, RuleSet::Data* data,
                  std::map<std::string, SourceLocation>* ids, CompiledPatterns* compiled,
                  DiagnosticSink* sink) {
  const YamlFile* file = rule_file.file.get();
  const YAML::Node& root = file->root();
  const std::string& name = rule_file.name;
  const std::string& version = rule_file.version;
  bool ok = true;
  data->sources.push_back(rule_file.source);
  YAML::Node rules = root.IsMap() ? root["rules"] : YAML::Node();
  if (!rules || !rules.IsSequence()) {
    sink->Report(file->ErrorAt(root, "missing key 'rules' (a list of rules)"));
    return false;
  }
  for (const YAML::Node& node : rules) {
    auto rule = std::make_unique<StanceRule>();
    rule->file_name = name;
    rule->file_version = version;
    rule->where = file->LocationOf(node);
    if (!node.IsMap()) {
      sink->Report(file->ErrorAt(node, "a rule must be a map with id, stance and pattern"));
      ok = false;
      continue;
    }
    bool rule_ok = true;
    for (const auto& key : node) {
      if (!kRuleKeys.count(key.first.Scalar())) {
        sink->Report(file->ErrorAt(key.first, "unknown key '" + key.first.Scalar() + "' in rule"));
        rule_ok = false;
      }
    }
    rule_ok &= file->RequireString(node, "id", &rule->id, sink);
    rule_ok &= file->RequireString(node, "stance", &rule->stance, sink);
    if (!rule->id.empty()) {
      auto [it, inserted] = ids->emplace(rule->id, file->LocationOf(node["id"]));
      if (!inserted) {
        sink->Report(file->ErrorAt(node["id"], "duplicate rule id '" + rule->id +
                                                   "' (first at " + it->second.ToString() + ")"));
        rule_ok = false;
      }
    }
    if (!rule->stance.empty() && !data->labels.count(rule->stance)) {
      std::string known;
      for (const auto& [label, unused] : data->labels) known += (known.empty() ? "" : ", ") + label;
      sink->Report(file->ErrorAt(node["stance"], "unknown stance label '" + rule->stance +
                                                     "' (declared in stances.yaml: " + known + ")"));
      rule_ok = false;
    }
    if (!node["pattern"]) {
      sink->Report(file->ErrorAt(node, "missing key 'pattern'"));
      rule_ok = false;
    } else if (!CompilePatternOnce(*file, node["pattern"], *data->context, compiled, rule.get(),
                                   sink)) {
      rule_ok = false;
    }
    if (node["pattern"] && node["pattern"].IsScalar()) rule->pattern_text = node["pattern"].Scalar();
    if (YAML::Node p = node["priority"]; p) {
      try {
        rule->priority = p.as<int>();
      } catch (const YAML::Exception&) {
        sink->Report(file->ErrorAt(p, "'priority' must be a whole number"));
        rule_ok = false;
      }
    }
    std::string negation = "drop";
    rule_ok &= file->OptionalString(node, "negation", &negation, sink);
    if (negation == "drop") {
      rule->negation = StanceRule::Negation::kDrop;
    } else if (negation == "flip") {
      rule->negation = StanceRule::Negation::kFlip;
    } else if (negation == "mark") {
      rule->negation = StanceRule::Negation::kMark;
    } else if (negation == "ignore") {
      rule->negation = StanceRule::Negation::kIgnore;
    } else {
      sink->Report(file->ErrorAt(node["negation"], "'negation' must be drop, flip, mark or ignore"));
      rule_ok = false;
    }
    std::string voice = "active";
    rule_ok &= file->OptionalString(node, "voice", &voice, sink);
    if (voice == "active") {
      rule->voice = StanceRule::Voice::kActive;
    } else if (voice == "passive") {
      rule->voice = StanceRule::Voice::kPassive;
    } else if (voice == "any") {
      rule->voice = StanceRule::Voice::kAny;
    } else {
      sink->Report(file->ErrorAt(node["voice"], "'voice' must be active, passive or any"));
      rule_ok = false;
    }
    // Holders and target default to the slots of the matching classes.
    rule_ok &= file->OptionalStrings(node, "holders", &rule->holder_slots, sink);
    rule_ok &= file->OptionalString(node, "target", &rule->target_slot, sink);
    if (rule->re) {
      std::set<std::string> slot_names;
      for (const PatternSlot& slot : rule->pattern.slots) slot_names.insert(slot.name);
      if (!node["holders"]) {
        for (const PatternSlot& slot : rule->pattern.slots) {
          if (StancePatternContext::IsHolderClass(slot.cls) &&
              std::find(rule->holder_slots.begin(), rule->holder_slots.end(), slot.name) ==
                  rule->holder_slots.end() &&
              slot.name != rule->target_slot) {
            rule->holder_slots.push_back(slot.name);
          }
        }
      }
      if (!node["target"]) {
        for (const PatternSlot& slot : rule->pattern.slots) {
          if (slot.cls == "PHRASE" || slot.cls == "CLAUSE" || slot.cls == "QUOTE") {
            rule->target_slot = slot.name;
            break;
          }
        }
      }
      for (const std::string& h : rule->holder_slots) {
        if (!slot_names.count(h)) {
          sink->Report(file->ErrorAt(node["holders"], "holder slot '" + h + "' is not in the pattern"));
          rule_ok = false;
        }
      }
      if (rule->target_slot.empty()) {
        sink->Report(file->ErrorAt(node["pattern"], "the pattern has no target slot (a PHRASE, CLAUSE or QUOTE "
                                                    "slot, or name one with 'target:')"));
        rule_ok = false;
      } else if (!slot_names.count(rule->target_slot)) {
        sink->Report(file->ErrorAt(node["target"], "target slot '" + rule->target_slot +
                                                       "' is not in the pattern"));
        rule_ok = false;
      }
    }
    rule_ok &= LoadExamples(*file, node, "examples", &rule->examples, sink);
    rule_ok &= LoadExamples(*file, node, "counter_examples", &rule->counter_examples, sink);
    if (rule_ok && rule->examples.empty()) {
      sink->Report(file->ErrorAt(node, "rule '" + rule->id + "' has no examples: give at least one "
                                       "sentence it must match"));
      rule_ok = false;
    }
    if (rule->re) {
      const auto& groups = rule->re->NamedCapturingGroups();
      for (const PatternSlot& slot : rule->pattern.slots) {
        auto it = groups.find(slot.group);
        rule->slot_groups.push_back(it == groups.end() ? -1 : it->second);
      }
      const auto& slots = rule->pattern.slots;
      rule->opens_with_holder =
          !slots.empty() && StancePatternContext::IsHolderClass(slots[0].cls) &&
          rule->pattern.regex.rfind("(?P<" + slots[0].group + ">", 0) == 0;
      for (const PatternSlot& cue : rule->pattern.cues) {
        auto it = groups.find(cue.group);
        rule->cue_groups.push_back(it == groups.end() ? -1 : it->second);
      }
    }
    ok &= rule_ok;
    if (rule_ok) {
      rule->order = static_cast<int>(data->rules.size());
      data->rules.push_back(std::move(rule));
    }
  }
  return ok;
}

// An RE2 that finds any phrase of lexicon entry `name` ending right before
// the cue, allowing up to `words_between` words ("did not firmly oppose").
// Null when the lexicon has no such entry. A regex RE2 refuses (a lexicon too
// large for its budget) is reported at the entry and sets *ok to false.
std::unique_ptr<RE2> CueWindowRegex(const Lexicon& lexicon, const char* name, int words_between,
                                    DiagnosticSink* sink, bool* ok) {
  std::vector<std::string> phrases;
  std::string error;
  if (!lexicon.Phrases(name, "", &phrases, &error)) return nullptr;
  std::string alternation;
  for (const std::string& p : phrases) {
    std::string quoted = RE2::QuoteMeta(p);
    bool word_start = !p.empty() && (isalnum(static_cast<unsigned char>(p[0])) != 0);
    alternation += (alternation.empty() ? "" : "|") + std::string(word_start ? "\\b" : "") + quoted;
  }
  Diagnostic problem;
  problem.location = lexicon.Find(name)->where;
  if (alternation.size() > kMaxPatternRegexBytes) {
    problem.message = std::string("lexicon '") + name + "' has too many phrases: " +
                    std::to_string(alternation.size()) + " bytes of regex, over the limit of " +
                    std::to_string(kMaxPatternRegexBytes);
    sink->Report(problem);
    *ok = false;
    return nullptr;
  }
  RE2::Options options(RE2::Quiet);
  options.set_case_sensitive(false);
  options.set_max_mem(kPatternMaxMem);
  auto re = std::make_unique<RE2>("(?:" + alternation + ")\\b(?:\\s+[\\w'-]+){0," +
                                      std::to_string(words_between) + "}\\s*$",
                                  options);
  if (!re->ok()) {
    problem.message = std::string("lexicon '") + name + "' does not compile to RE2: " + re->error();
    sink->Report(problem);
    *ok = false;
    return nullptr;
  }
  return re;
}

// Builds the word prefilter of `data` (see RuleSet::Data::words).
Status BuildPrefilter(RuleSet::Data* data) {
  std::map<std::string, std::vector<RuleSet::Data::ClauseRef>> clauses_of_word;
  data->all_clauses.assign(data->rules.size(), 0);
  data->words_of_clause.assign(data->rules.size(), {});
  for (const auto& rule : data->rules) {
    const auto& required = rule->pattern.required;
    if (required.empty()) {
      data->unfiltered.push_back(rule->order);
      continue;
    }
    int clauses = static_cast<int>(std::min<size_t>(required.size(), 64));
    for (int c = 0; c < clauses; ++c) {
      for (const std::string& word : required[c]) clauses_of_word[word].push_back({rule->order, c});
    }
    data->words_of_clause[rule->order].resize(clauses);
    data->all_clauses[rule->order] = clauses == 64 ? ~uint64_t{0} : (uint64_t{1} << clauses) - 1;
  }
  if (clauses_of_word.empty()) return Status::OK();
  RE2::Options options(RE2::Quiet);
  options.set_case_sensitive(false);
  options.set_max_mem(256 << 20);
  data->words = std::make_unique<RE2::Set>(options, RE2::UNANCHORED);
  for (auto& [word, refs] : clauses_of_word) {
    auto is_word = [](char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; };
    std::string regex = (is_word(word.front()) ? "\\b" : "") + RE2::QuoteMeta(word) +
                        (is_word(word.back()) ? "\\b" : "");
    std::string error;
    if (data->words->Add(regex, &error) < 0) {
      return Status::RuleError("prefilter word '" + word + "': " + error);
    }
    const int index = static_cast<int>(data->word_text.size());
    for (const RuleSet::Data::ClauseRef& ref : refs) {
      data->words_of_clause[ref.rule][ref.clause].push_back(index);
    }
    data->word_text.push_back(word);
    data->clauses_of_word.push_back(std::move(refs));
  }
  if (!data->words->Compile()) {
    return Status::RuleError("the rules' words exceed RE2's memory budget for the prefilter");
  }
  return Status::OK();
}

}  // namespace

RuleSet::RuleSet(std::unique_ptr<Data> data) : data_(std::move(data)) {}
RuleSet::~RuleSet() = default;

size_t RuleSet::rule_count() const { return data_->rules.size(); }

Status RuleSet::Load(const std::string& rules_dir, std::unique_ptr<RuleSet>* out,
                     DiagnosticSink* sink) {
  out->reset();
  auto data = std::make_unique<Data>();
  bool ok = LoadLabels(rules_dir + "/stances.yaml", &data->labels, &data->sources, sink);
  Status lex = Lexicon::Load(rules_dir + "/lexicon", &data->lexicon, sink);
  if (!lex.ok()) return Status::RuleError("rules have errors", {rules_dir});
  data->context = std::make_unique<StancePatternContext>(data->lexicon.get());
  ok &= TargetTable::Load(rules_dir + "/targets", *data->context, &data->targets, sink).ok();
  std::vector<RuleFile> files;
  ok &= LoadRuleFiles(rules_dir + "/stance", &files, sink);
  std::map<std::string, SourceLocation> ids;
  CompiledPatterns compiled;
  for (const RuleFile& file : files) {
    ok &= GuardYaml(*file.file, sink,
                    [&] { return LoadRuleFile(file, data.get(), &ids, &compiled, sink); });
  }
  if (ok && data->rules.empty()) {
    sink->Report({Diagnostic::kError, {rules_dir + "/stance"}, "no rules found", {}});
    ok = false;
  }
  if (!ok) return Status::RuleError("rules have errors", {rules_dir});

  FindTwins(data.get());
  Status prefilter = BuildPrefilter(data.get());
  if (!prefilter.ok()) {
    sink->Report({Diagnostic::kError, prefilter.location(), prefilter.message(), {}});
    return prefilter;
  }
  bool windows_ok = true;
  const Lexicon& lexicon = *data->lexicon;
  data->negator = CueWindowRegex(lexicon, "negator", 2, sink, &windows_ok);
  data->hedge = CueWindowRegex(lexicon, "hedge", 2, sink, &windows_ok);
  data->passive = CueWindowRegex(lexicon, "passive_aux", 1, sink, &windows_ok);
  data->determiner = CueWindowRegex(lexicon, "determiner", 0, sink, &windows_ok);
  data->unasserted = CueWindowRegex(lexicon, "unasserted", 0, sink, &windows_ok);
  if (!windows_ok) return Status::RuleError("rules have errors", {rules_dir});
  for (const std::string& s : data->lexicon->sources()) data->sources.push_back(s);
  for (const std::string& s : data->targets->sources()) data->sources.push_back(s);
  out->reset(new RuleSet(std::move(data)));
  return Status::OK();
}

}  // namespace stance
