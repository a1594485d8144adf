// The PatternContext the rule engine gives the pattern compiler: what the
// slot classes mean over a MatchText (see match_text.h), and the lexicon.
//
//   ACTOR    one actor (country, organisation, group or person), or a
//            pronoun (he, she, I, we) resolved later to a person or speaker
//   ACTORS   a coordinated list: "Russia, China, Pakistan, and others"
//   PERSON   one person, or he/she
//   POSSESSOR an actor followed by 's ("Turkey's opposition"); the other
//            holder classes never match a possessor
//   COUNTRY  one country;  ORG  one organisation or group
//   PHRASE   any text up to a semicolon (cut to a target later: targets.h)
//   CLAUSE   the same without commas: a subject before its verb
//   QUOTE    a quotation with its marks
// Thread-safe after construction.
#ifndef STANCE_PIPELINE_PATTERN_CONTEXT_H_
#define STANCE_PIPELINE_PATTERN_CONTEXT_H_

#include <string>
#include <vector>

#include "pipeline/lexicon.h"
#include "pipeline/pattern_compiler.h"

namespace stance {

class StancePatternContext : public PatternContext {
 public:
  // `lexicon` must outlive this context; it may be null (no @references).
  explicit StancePatternContext(const Lexicon* lexicon) : lexicon_(lexicon) {}

  bool ClassRegex(std::string_view cls, std::string* regex) const override;
  std::vector<std::string> ClassNames() const override;
  bool LexiconPhrases(std::string_view name, std::string_view form,
                      std::vector<std::string>* phrases, std::string* error) const override;
  std::vector<std::string> LexiconNames() const override;
  std::string GapToken() const override;

  // True for the classes whose slots name holders.
  static bool IsHolderClass(std::string_view cls);

 private:
  const Lexicon* lexicon_;
};

}  // namespace stance

#endif  // STANCE_PIPELINE_PATTERN_CONTEXT_H_
