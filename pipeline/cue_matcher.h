// Cue matcher: consumes lexicon entries (lexicon.h); finds the first of
// their words in a text: every verb form, fixed phrase and noun, as whole
// words, case-insensitively. `stance test --coverage` uses it to find
// sentences that hold a stance cue but gave no claim.
//
//   std::unique_ptr<CueMatcher> cues;
//   Status s = CueMatcher::Create(lexicon, {"oppose", "support"}, &cues);
//   CueMatcher::Hit hit;
//   if (cues->Find("Ghana backed the pact.", &hit)) ...  // hit.cue "backed"
//
// Immutable after Create; thread-safe.
#ifndef STANCE_PIPELINE_CUE_MATCHER_H_
#define STANCE_PIPELINE_CUE_MATCHER_H_

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "pipeline/lexicon.h"
#include "pipeline/status.h"

namespace re2 {
class RE2;
}

namespace stance {

class CueMatcher {
 public:
  struct Hit {
    std::string cue;      // as written in the text
    std::string entries;  // the entries it belongs to: "assist, support"
  };

  CueMatcher(const CueMatcher&) = delete;
  CueMatcher& operator=(const CueMatcher&) = delete;
  ~CueMatcher();

  // From the words of `entries` of `lexicon`. Returns InvalidArgument naming
  // an entry the lexicon does not have; *out is then null. No entries (or
  // no words) gives a matcher that finds nothing.
  static Status Create(const Lexicon& lexicon, const std::vector<std::string>& entries,
                       std::unique_ptr<CueMatcher>* out);

  // The leftmost cue in `text` (the longest, where several start there).
  bool Find(std::string_view text, Hit* hit) const;

 private:
  CueMatcher() = default;
  std::unique_ptr<re2::RE2> re_;                // null: finds nothing
  std::map<std::string, std::string> entries_;  // lower-case phrase -> entries
};

}  // namespace stance

#endif  // STANCE_PIPELINE_CUE_MATCHER_H_
