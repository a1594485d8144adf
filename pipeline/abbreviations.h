// AbbreviationTable: the word lists of rules/abbreviations.yaml, which tell
// the sentence splitter (sentences.h) when a period does not end a sentence.
// The file's schema is described in the file itself.
//
//   std::unique_ptr<AbbreviationTable> table;
//   Status s = AbbreviationTable::Load("rules/abbreviations.yaml", &table);
//   table->Find("Gen");  // kTitle: "Gen." never ends a sentence
//
// Immutable after Load; const methods are thread-safe.
#ifndef STANCE_PIPELINE_ABBREVIATIONS_H_
#define STANCE_PIPELINE_ABBREVIATIONS_H_

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "pipeline/status.h"

namespace stance {

class AbbreviationTable {
 public:
  // What a period after a listed word does.
  enum Kind {
    kNone = 0,      // not listed: an ordinary word
    kTitle,         // never ends a sentence ("Mr.", "Gen.", "St.")
    kBeforeNumber,  // does not end one before a digit ("No. 10", "Jan. 4")
    kAbbreviation,  // ends one only before a sentence starter ("U.S. The")
  };

  AbbreviationTable(const AbbreviationTable&) = delete;
  AbbreviationTable& operator=(const AbbreviationTable&) = delete;

  // Reads `path`. On error returns kRuleError located at the first problem
  // (path:line:col, counted from 1), with any further problems of the file
  // listed in its message, and leaves *out null.
  static Status Load(const std::string& path,
                     std::unique_ptr<AbbreviationTable>* out);

  // `word` is the text before the final period: "U.S" for "U.S.".
  Kind Find(std::string_view word) const;
  // A capitalised word that usually begins a sentence: "The", "He", "In".
  bool IsSentenceStarter(std::string_view word) const;
  // A lowercase word that cannot end a line of prose: "the", "of", "and".
  bool IsContinuation(std::string_view word) const;

  // Length in bytes of the longest entry (without its final period).
  size_t max_length() const { return max_length_; }
  const std::string& name() const { return name_; }
  const std::string& version() const { return version_; }

 private:
  AbbreviationTable() = default;

  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const {
      return std::hash<std::string_view>()(s);
    }
  };
  using WordSet = std::unordered_set<std::string, Hash, std::equal_to<>>;

  std::string name_;
  std::string version_;
  std::unordered_map<std::string, Kind, Hash, std::equal_to<>> kinds_;
  WordSet starters_;
  WordSet continuations_;
  size_t max_length_ = 0;
};

}  // namespace stance

#endif  // STANCE_PIPELINE_ABBREVIATIONS_H_
