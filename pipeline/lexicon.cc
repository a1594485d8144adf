#include "pipeline/lexicon.h"

#include <algorithm>
#include <unordered_set>

#include "pipeline/yaml_file.h"

namespace stance {
namespace {

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// One syllable ending consonant-vowel-consonant (ban, slam, stop), not w/x/y.
bool DoublesFinalConsonant(std::string_view w) {
  if (w.size() < 3) return false;
  char c3 = w[w.size() - 1], c2 = w[w.size() - 2], c1 = w[w.size() - 3];
  if (IsVowel(c3) || c3 == 'w' || c3 == 'x' || c3 == 'y' || !IsVowel(c2) || IsVowel(c1)) {
    return false;
  }
  int vowel_groups = 0;
  for (size_t i = 0; i < w.size(); ++i) {
    if (IsVowel(w[i]) && (i == 0 || !IsVowel(w[i - 1]))) ++vowel_groups;
  }
  return vowel_groups == 1;
}

// Adds `s` unless empty; duplicates are dropped once the entry is read
// (DropDuplicates), so that a lexicon of many words loads in linear time.
void AddUnique(std::vector<std::string>* v, const std::string& s) {
  if (!s.empty()) v->push_back(s);
}

// Keeps the first of equal strings, in order.
void DropDuplicates(std::vector<std::string>* v) {
  std::unordered_set<std::string_view> seen;
  std::vector<std::string> kept;
  kept.reserve(v->size());
  for (std::string& s : *v) {
    if (seen.insert(s).second) kept.push_back(std::move(s));
  }
  *v = std::move(kept);
}

// Reports the cues under `key` of `body` that cannot be words: a blank one
// (it would match everywhere) and one starting with '@'. A pattern names a
// lexicon with @name, but a lexicon cannot name another: lexicons hold
// words only, so they can never refer to themselves or to each other.
bool CheckCueWords(const YamlFile& file, const YAML::Node& body, const char* key,
                   DiagnosticSink* sink) {
  YAML::Node list = body[key];
  if (!list) return true;
  std::vector<YAML::Node> words;
  auto add = [&words](const YAML::Node& n) {
    if (n.IsScalar()) words.push_back(n);
  };
  if (list.IsSequence()) {
    for (const YAML::Node& item : list) {
      add(item);
      if (item.IsMap()) {
        for (const auto& field : item) {
          if (field.second.IsSequence()) {
            for (const YAML::Node& form : field.second) add(form);
          } else {
            add(field.second);
          }
        }
      }
    }
  } else {
    add(list);
  }
  bool ok = true;
  for (const YAML::Node& word : words) {
    const std::string& text = word.Scalar();
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) {
      sink->Report(file.ErrorAt(word, std::string("empty cue in '") + key +
                                          "' (it would match everywhere)"));
      ok = false;
    } else if (text[text.find_first_not_of(" \t")] == '@') {
      sink->Report(file.ErrorAt(
          word, "'" + text + "': a lexicon cannot refer to another lexicon; list its words "
                "here (patterns refer to lexicons, lexicons hold words only)"));
      ok = false;
    }
  }
  return ok;
}

}  // namespace

VerbForms InflectVerb(std::string_view lemma) {
  std::string w(lemma);
  VerbForms f;
  f.base = w;
  bool consonant_y = EndsWith(w, "y") && w.size() > 1 && !IsVowel(w[w.size() - 2]);
  if (EndsWith(w, "s") || EndsWith(w, "x") || EndsWith(w, "z") || EndsWith(w, "ch") ||
      EndsWith(w, "sh") || w == "go" || w == "do") {
    f.s = w + "es";
  } else if (consonant_y) {
    f.s = w.substr(0, w.size() - 1) + "ies";
  } else {
    f.s = w + "s";
  }
  std::string doubled = DoublesFinalConsonant(w) ? w + w.back() : w;
  if (EndsWith(w, "e")) {
    f.ed = w + "d";
  } else if (consonant_y) {
    f.ed = w.substr(0, w.size() - 1) + "ied";
  } else {
    f.ed = doubled + "ed";
  }
  if (EndsWith(w, "ie")) {
    f.ing = w.substr(0, w.size() - 2) + "ying";
  } else if (EndsWith(w, "e") && !EndsWith(w, "ee") && !EndsWith(w, "ye") && !EndsWith(w, "oe")) {
    f.ing = w.substr(0, w.size() - 1) + "ing";
  } else {
    f.ing = doubled + "ing";
  }
  return f;
}

Status Lexicon::Load(const std::string& dir, std::unique_ptr<Lexicon>* out, DiagnosticSink* sink) {
  out->reset();
  std::unique_ptr<Lexicon> lex(new Lexicon);
  std::vector<RuleFile> files;
  bool ok = LoadRuleFiles(dir, &files, sink);
  if (files.empty() && !ok) return Status::RuleError("lexicon has errors", {dir});
  for (const RuleFile& rule_file : files) {
    const YamlFile* file = rule_file.file.get();
    ok &= GuardYaml(*file, sink, [&] {
      const YAML::Node& root = file->root();
      lex->sources_.push_back(rule_file.source);
      YAML::Node entries = root.IsMap() ? root["lexicons"] : YAML::Node();
      if (!entries || !entries.IsMap()) {
        sink->Report(file->ErrorAt(root, "missing key 'lexicons' (a map of entry name to cues)"));
        return false;
      }
      for (const auto& item : entries) {
        std::string entry_name = item.first.Scalar();
        const YAML::Node& body = item.second;
        if (lex->entries_.count(entry_name)) {
          sink->Report(file->ErrorAt(item.first, "duplicate lexicon '" + entry_name +
                                                     "' (first defined at " +
                                                     lex->entries_[entry_name].where.ToString() + ")"));
          ok = false;
          continue;
        }
        if (!body.IsMap()) {
          sink->Report(file->ErrorAt(item.first, "lexicon '" + entry_name +
                                                     "' must be a map with verbs, phrasal, phrases "
                                                     "or nouns"));
          ok = false;
          continue;
        }
        Entry e;
        e.name = entry_name;
        e.where = file->LocationOf(item.first);
        for (const char* key : {"verbs", "phrasal", "phrases", "nouns"}) {
          ok &= CheckCueWords(*file, body, key, sink);
        }
        for (const auto& key : body) {
          std::string k = key.first.Scalar();
          if (k != "verbs" && k != "phrasal" && k != "phrases" && k != "nouns") {
            sink->Report(file->ErrorAt(key.first, "unknown key '" + k +
                                                      "' (expected verbs, phrasal, phrases or nouns)"));
            ok = false;
          }
        }
        // Verbs: a lemma, or a map {lemma, s, ed, ing} for irregular forms.
        if (YAML::Node verbs = body["verbs"]; verbs && verbs.IsSequence()) {
          for (const YAML::Node& v : verbs) {
            VerbForms f;
            if (v.IsScalar()) {
              f = InflectVerb(v.Scalar());
              AddUnique(&e.ed, f.ed);
            } else if (v.IsMap() && v["lemma"] && v["lemma"].IsScalar()) {
              f = InflectVerb(v["lemma"].Scalar());
              std::vector<std::string> s, ed, ing;
              file->OptionalStrings(v, "s", &s, sink);
              file->OptionalStrings(v, "ed", &ed, sink);
              file->OptionalStrings(v, "ing", &ing, sink);
              if (!s.empty()) f.s = s[0];
              if (!ing.empty()) f.ing = ing[0];
              if (ed.empty()) ed.push_back(f.ed);
              for (const std::string& x : ed) AddUnique(&e.ed, x);
            } else {
              sink->Report(file->ErrorAt(v, "a verb is a lemma or a map with 'lemma' (and s, ed, ing)"));
              ok = false;
              continue;
            }
            AddUnique(&e.base, f.base);
            AddUnique(&e.s, f.s);
            AddUnique(&e.ing, f.ing);
          }
        } else if (verbs) {
          sink->Report(file->ErrorAt(verbs, "'verbs' must be a list"));
          ok = false;
        }
        // Phrasal verbs: the first word inflects, the rest stays.
        std::vector<std::string> phrasal;
        ok &= file->OptionalStrings(body, "phrasal", &phrasal, sink);
        for (const std::string& p : phrasal) {
          size_t space = p.find(' ');
          std::string head = p.substr(0, space);
          std::string tail = space == std::string::npos ? "" : p.substr(space);
          VerbForms f = InflectVerb(head);
          AddUnique(&e.base, f.base + tail);
          AddUnique(&e.s, f.s + tail);
          AddUnique(&e.ed, f.ed + tail);
          AddUnique(&e.ing, f.ing + tail);
        }
        ok &= file->OptionalStrings(body, "phrases", &e.fixed, sink);
        ok &= file->OptionalStrings(body, "nouns", &e.noun, sink);
        for (auto* forms : {&e.base, &e.s, &e.ed, &e.ing}) DropDuplicates(forms);
        lex->entries_[entry_name] = std::move(e);
      }
      return true;
    });
  }
  if (!ok) return Status::RuleError("lexicon has errors", {dir});
  *out = std::move(lex);
  return Status::OK();
}

bool Lexicon::Phrases(std::string_view name, std::string_view form, std::vector<std::string>* out,
                      std::string* error) const {
  const Entry* e = Find(name);
  if (e == nullptr) {
    *error = "unknown lexicon '@" + std::string(name) + "'";
    return false;
  }
  auto add = [out](const std::vector<std::string>& v) { out->insert(out->end(), v.begin(), v.end()); };
  if (form.empty()) {
    add(e->base), add(e->s), add(e->ed), add(e->ing), add(e->fixed);
    if (e->base.empty() && e->fixed.empty()) add(e->noun);
  } else if (form == "base") {
    add(e->base), add(e->fixed);
  } else if (form == "s") {
    add(e->s), add(e->fixed);
  } else if (form == "ed") {
    add(e->ed), add(e->fixed);
  } else if (form == "ing") {
    add(e->ing), add(e->fixed);
  } else if (form == "noun") {
    add(e->noun);
  } else {
    *error = "unknown form '." + std::string(form) + "' (expected base, s, ed, ing or noun)";
    return false;
  }
  if (out->empty()) {
    *error = "lexicon '@" + std::string(name) + "' has no " +
             (form.empty() ? std::string("cues") : "'." + std::string(form) + "' forms");
    return false;
  }
  std::sort(out->begin(), out->end());
  out->erase(std::unique(out->begin(), out->end()), out->end());
  return true;
}

std::vector<std::string> Lexicon::Names() const {
  std::vector<std::string> names;
  for (const auto& [name, entry] : entries_) names.push_back(name);
  return names;
}

const Lexicon::Entry* Lexicon::Find(std::string_view name) const {
  auto it = entries_.find(name);
  return it == entries_.end() ? nullptr : &it->second;
}

}  // namespace stance
