// Lexicon: the stance cues of rules/lexicon/*.yaml, by name.
//
// A lexicon entry lists verbs as lemmas (their inflections are generated:
// oppose -> opposes, opposed, opposing; irregular forms may be given), phrasal
// verbs whose first word inflects ("call for" -> "calling for"), fixed phrases
// ("categorically unacceptable") and nouns ("opposition"). Patterns refer to an
// entry as @name or @name.form with form one of base, s, ed, ing, noun; @name
// alone means every verb form plus the fixed phrases.
//
// Immutable after Load; const methods are thread-safe.
#ifndef STANCE_PIPELINE_LEXICON_H_
#define STANCE_PIPELINE_LEXICON_H_

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/status.h"

namespace stance {

// The inflections of a regular English verb. Doubles a final consonant only
// for one-syllable consonant-vowel-consonant lemmas (ban -> banned); longer
// verbs that double (commit -> committed) give their forms in the YAML.
struct VerbForms {
  std::string base, s, ed, ing;
};
VerbForms InflectVerb(std::string_view lemma);

class Lexicon {
 public:
  struct Entry {
    std::string name;
    SourceLocation where;
    std::vector<std::string> base, s, ed, ing, noun, fixed;
  };

  // Loads every *.yaml in `dir`. Problems go to `sink`; on error returns
  // RuleError and leaves *out null.
  static Status Load(const std::string& dir, std::unique_ptr<Lexicon>* out, DiagnosticSink* sink);

  // The phrases of entry `name` in `form` ("" for all). False with *error set
  // when the name or form is unknown.
  bool Phrases(std::string_view name, std::string_view form, std::vector<std::string>* out,
               std::string* error) const;
  std::vector<std::string> Names() const;
  const Entry* Find(std::string_view name) const;
  // name:version of every file, for the output header.
  const std::vector<std::string>& sources() const { return sources_; }

 private:
  Lexicon() = default;
  std::map<std::string, Entry, std::less<>> entries_;
  std::vector<std::string> sources_;
};

}  // namespace stance

#endif  // STANCE_PIPELINE_LEXICON_H_
