#include "pipeline/quote_lexicon.h"

#include <cstring>

#include "pipeline/yaml_file.h"

namespace stance {
namespace {

// The keys holding plain word lists, and the class each gives its words.
struct ListKey {
  const char* key;
  uint32_t word_class;
};
constexpr ListKey kListKeys[] = {
    {"speaker_nouns", kSpeakerNoun},
    {"document_nouns", kDocumentNoun},
    {"titles", kTitle},
    {"organisation_words", kOrganisationWord},
    {"determiners", kDeterminer},
    {"name_particles", kNameParticle},
    {"adverbs", kAdverb},
    {"auxiliaries", kAuxiliary},
    {"passive", kPassive},
    {"clause_openers", kClauseOpener},
    {"term_markers", kTermMarker},
    {"speech_words", kSpeechWord},
    {"abbreviations", kAbbreviation},
    {"connectors", kConnector},
    {"time_words", kTimeWord},
};
constexpr ListKey kPronounKeys[] = {{"person", kPersonPronoun},
                                    {"plural", kPluralPronoun},
                                    {"thing", kThingPronoun},
                                    {"other", kOtherPronoun}};

// Lower-cases ASCII and drops one final dot, the way tokens are looked up
// ("Sen." and "sen." both become "sen").
std::string Key(std::string_view word) {
  std::string out(word);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  if (out.size() > 1 && out.back() == '.') out.pop_back();
  return out;
}

}  // namespace

// Fills one QuoteLexicon from one or more files, reporting every problem.
class QuoteLexicon::Builder {
 public:
  explicit Builder(QuoteLexicon* lex, DiagnosticSink* sink)
      : lex_(lex), sink_(sink) {}

  void AddFile(const YamlFile& file) {
    file_ = &file;
    const YAML::Node& root = file.root();
    if (!root.IsMap()) {
      Error(root, "a quote cue file must be a map");
      return;
    }
    std::string name, version;
    if (file.RequireString(root, "name", &name, sink_) &&
        file.RequireString(root, "version", &version, sink_)) {
      lex_->sources_.push_back(name + "@" + version);
    } else {
      ok_ = false;
    }
    for (auto it = root.begin(); it != root.end(); ++it) {
      const std::string key = it->first.Scalar();
      const YAML::Node value =
          it->second;  // a copy: the iterator hands out a temporary
      if (key == "name" || key == "version") continue;
      if (key == "verbs") {
        AddVerbs(value);
      } else if (key == "phrases") {
        AddPhrases(value);
      } else if (key == "pronouns") {
        AddPronouns(value);
      } else if (key == "speaker_suffixes") {
        if (!file.OptionalStrings(root, "speaker_suffixes",
                                  &lex_->speaker_suffixes_, sink_)) {
          ok_ = false;
        }
      } else if (const ListKey* list = FindListKey(key)) {
        AddWords(root, list->key, list->word_class);
      } else {
        Error(it->first, "unknown key '" + key + "'");
      }
    }
  }

  bool ok() const { return ok_; }

 private:
  static const ListKey* FindListKey(const std::string& key) {
    for (const ListKey& k : kListKeys) {
      if (key == k.key) return &k;
    }
    return nullptr;
  }

  void Error(const YAML::Node& node, std::string message) {
    sink_->Report(file_->ErrorAt(node, std::move(message)));
    ok_ = false;
  }

  // Adds `word` with `word_class`; a word with a space cannot be one token.
  QuoteWord* AddWord(const YAML::Node& node, std::string_view word,
                     uint32_t word_class) {
    std::string key = Key(word);
    if (key.empty() || key.find(' ') != std::string::npos) {
      Error(node, "'" + std::string(word) + "' is not a single word");
      return nullptr;
    }
    QuoteWord& entry = lex_->words_[key];
    entry.classes |= word_class;
    return &entry;
  }

  void AddWords(const YAML::Node& map, const char* key, uint32_t word_class) {
    std::vector<std::string> words;
    if (!file_->OptionalStrings(map, key, &words, sink_)) {
      ok_ = false;
      return;
    }
    for (const std::string& w : words) AddWord(map[key], w, word_class);
  }

  void AddVerbs(const YAML::Node& verbs) {
    if (!verbs.IsSequence()) return Error(verbs, "'verbs' must be a list");
    for (const YAML::Node& v : verbs) {
      CueVerb verb;
      std::vector<std::string> forms;
      std::string inverts = "false";
      if (!file_->RequireString(v, "lemma", &verb.lemma, sink_) ||
          !file_->OptionalString(v, "inverts", &inverts, sink_)) {
        ok_ = false;
        continue;
      }
      if (inverts != "true" && inverts != "false") {
        Error(v["inverts"], "'inverts' must be true or false");
        continue;
      }
      verb.inverts = inverts == "true";
      if (!v["forms"]) {
        Error(v, "missing key 'forms'");
        continue;
      }
      if (!file_->OptionalStrings(v, "forms", &forms, sink_)) {
        ok_ = false;
        continue;
      }
      int index = static_cast<int>(lex_->verbs_.size());
      lex_->verbs_.push_back(std::move(verb));
      for (const std::string& form : forms) {
        QuoteWord* entry = AddWord(v["forms"], form, kCueVerb);
        if (entry == nullptr) continue;
        if (entry->verb >= 0 && entry->verb != index) {
          Error(v["forms"], "'" + form + "' is already a form of '" +
                                lex_->verbs_[entry->verb].lemma + "'");
          continue;
        }
        entry->verb = index;
      }
    }
  }

  void AddPhrases(const YAML::Node& phrases) {
    if (!phrases.IsSequence())
      return Error(phrases, "'phrases' must be a list");
    for (const YAML::Node& p : phrases) {
      CuePhrase phrase;
      std::string speaker;
      if (!file_->RequireString(p, "text", &phrase.text, sink_) ||
          !file_->RequireString(p, "speaker", &speaker, sink_)) {
        ok_ = false;
        continue;
      }
      if (speaker == "before") {
        phrase.speaker = CuePhrase::Speaker::kBefore;
      } else if (speaker == "after") {
        phrase.speaker = CuePhrase::Speaker::kAfter;
      } else if (speaker == "possessive") {
        phrase.speaker = CuePhrase::Speaker::kPossessive;
      } else {
        Error(p["speaker"],
              "'speaker' must be before, after or possessive, not '" + speaker +
                  "'");
        continue;
      }
      std::vector<std::string> words;
      size_t begin = 0;
      const std::string& text = phrase.text;
      while (begin < text.size()) {
        size_t end = text.find(' ', begin);
        if (end == std::string::npos) end = text.size();
        if (end > begin) words.push_back(text.substr(begin, end - begin));
        begin = end + 1;
      }
      if (words.size() < 2) {
        Error(
            p["text"],
            "a phrase needs two words or more; put single words under 'verbs'");
        continue;
      }
      QuoteWord* first = nullptr;
      for (size_t i = 0; i < words.size(); ++i) {
        QuoteWord* word =
            AddWord(p["text"], words[i], i == 0 ? uint32_t{kPhraseStart} : 0u);
        if (word == nullptr) break;
        if (i == 0) first = word;
        phrase.words.push_back(word);
      }
      if (phrase.words.size() != words.size()) continue;
      first->phrases.push_back(static_cast<int>(lex_->phrases_.size()));
      lex_->phrases_.push_back(std::move(phrase));
    }
  }

  void AddPronouns(const YAML::Node& pronouns) {
    if (!pronouns.IsMap()) return Error(pronouns, "'pronouns' must be a map");
    for (auto it = pronouns.begin(); it != pronouns.end(); ++it) {
      const std::string key = it->first.Scalar();
      uint32_t word_class = 0;
      for (const ListKey& k : kPronounKeys) {
        if (key == k.key) word_class = k.word_class;
      }
      if (word_class == 0) {
        Error(it->first, "unknown pronoun class '" + key +
                             "' (person, plural, thing or other)");
        continue;
      }
      AddWords(pronouns, key.c_str(), word_class);
    }
  }

  QuoteLexicon* lex_;
  DiagnosticSink* sink_;
  const YamlFile* file_ = nullptr;
  bool ok_ = true;
};

bool QuoteLexicon::HasSpeakerSuffix(std::string_view lower) const {
  for (const std::string& suffix : speaker_suffixes_) {
    // A suffix needs a stem of three letters at least: "others" is not one.
    if (lower.size() >= suffix.size() + 4 &&
        lower.compare(lower.size() - suffix.size(), suffix.size(), suffix) ==
            0) {
      return true;
    }
  }
  return false;
}

void QuoteLexicon::BuildIndex() {
  size_t size = 16;
  while (size < 2 * words_.size()) size *= 2;
  slots_.assign(size, Slot());
  keys_.clear();
  for (const auto& [key, word] : words_) {
    uint32_t h = HashOf(key);
    size_t i = h & (size - 1);
    while (slots_[i].word != nullptr) i = (i + 1) & (size - 1);
    slots_[i] = {h, static_cast<uint32_t>(keys_.size()),
                 static_cast<uint32_t>(key.size()), word.classes, &word};
    keys_ += key;
  }
}

const QuoteWord* QuoteLexicon::Find(std::string_view lower, uint32_t h,
                                    uint32_t* classes) const {
  if (classes != nullptr) *classes = 0;
  if (slots_.empty()) return nullptr;
  const size_t mask = slots_.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    const Slot& slot = slots_[i];
    if (slot.word == nullptr) return nullptr;
    if (slot.hash == h && slot.size == lower.size() &&
        std::memcmp(keys_.data() + slot.key, lower.data(), lower.size()) == 0) {
      if (classes != nullptr) *classes = slot.classes;
      return slot.word;
    }
  }
}

Status QuoteLexicon::Load(const std::string& dir,
                          std::unique_ptr<QuoteLexicon>* out,
                          DiagnosticSink* sink) {
  out->reset();
  std::vector<std::string> paths;
  Status s = ListYamlFiles(dir, &paths);
  if (!s.ok()) return Status::RuleError(s.message(), s.location());
  if (paths.empty())
    return Status::RuleError("no quote cue files (*.yaml)", {dir});
  std::unique_ptr<QuoteLexicon> lex(new QuoteLexicon);
  Builder builder(lex.get(), sink);
  bool ok = true;
  for (const std::string& path : paths) {
    std::unique_ptr<YamlFile> file;
    Status st = YamlFile::Load(path, &file);
    if (!st.ok()) {
      sink->Report({Diagnostic::kError, st.location(), st.message(), {}});
      ok = false;
      continue;
    }
    ok &= GuardYaml(*file, sink, [&] {
      builder.AddFile(*file);
      return true;
    });
  }
  if (!ok || !builder.ok())
    return Status::RuleError("errors in quote cue files", {dir});
  lex->BuildIndex();
  *out = std::move(lex);
  return Status::OK();
}

Status QuoteLexicon::Parse(const std::string& path, std::string text,
                           std::unique_ptr<QuoteLexicon>* out,
                           DiagnosticSink* sink) {
  out->reset();
  std::unique_ptr<YamlFile> file;
  Status st = YamlFile::Parse(path, std::move(text), &file);
  if (!st.ok()) {
    sink->Report({Diagnostic::kError, st.location(), st.message(), {}});
    return st;
  }
  std::unique_ptr<QuoteLexicon> lex(new QuoteLexicon);
  Builder builder(lex.get(), sink);
  bool shaped = GuardYaml(*file, sink, [&] {
    builder.AddFile(*file);
    return true;
  });
  if (!shaped || !builder.ok())
    return Status::RuleError("errors in quote cue file", {path});
  lex->BuildIndex();
  *out = std::move(lex);
  return Status::OK();
}

}  // namespace stance
