// QuoteLexicon: the word lists of the quote stage, read from
// rules/quotes/*.yaml (the schema is documented at the top of
// rules/quotes/cues.yaml).
//
// Every word the quote stage looks at is classified with one hash lookup of
// its lower-case form, which returns all of the word's classes at once (a
// word can be a cue verb and a clause opener: "speaking"), its cue verb and
// the multi-word cue phrases that start with it. The lookup runs for every
// word near a quotation, so it uses a flat open-addressing table built once
// after loading rather than the node-based map that owns the entries.
//
// Internal to the quote stage (quotes.h is the public interface). Immutable
// after Load; const methods are thread-safe.
#ifndef STANCE_PIPELINE_QUOTE_LEXICON_H_
#define STANCE_PIPELINE_QUOTE_LEXICON_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "pipeline/status.h"

namespace stance {

// Word classes, as bits of QuoteWord::classes.
enum QuoteWordClass : uint32_t {
  kCueVerb = 1u << 0,
  kPersonPronoun = 1u << 1,  // he, she
  kPluralPronoun = 1u << 2,  // they
  kThingPronoun = 1u << 3,   // it
  kSpeakerNoun = 1u << 4,
  kDocumentNoun = 1u << 5,
  kTitle = 1u << 6,
  kOrganisationWord = 1u << 7,
  kDeterminer = 1u << 8,
  kNameParticle = 1u << 9,
  kAdverb = 1u << 10,
  kAuxiliary = 1u << 11,
  kPassive = 1u << 12,
  kClauseOpener = 1u << 13,
  kTermMarker = 1u << 14,
  kSpeechWord = 1u << 15,
  kAbbreviation = 1u << 16,  // stored without its final dot
  kPhraseStart = 1u << 17,
  kConnector = 1u << 18,
  kTimeWord = 1u << 19,
  kOtherPronoun = 1u << 20,  // I, we, you: never resolved, never a name
};
constexpr uint32_t kAnyPronoun =
    kPersonPronoun | kPluralPronoun | kThingPronoun;
// Classes of words that never belong to a speaker's name even when
// capitalised at the start of a sentence ("Yet", "On", "Has").
constexpr uint32_t kFunctionWord =
    kAnyPronoun | kOtherPronoun | kDeterminer | kAdverb | kAuxiliary |
    kPassive | kClauseOpener | kCueVerb | kConnector | kTimeWord;

// What the lexicon knows of one lower-case word.
struct QuoteWord {
  uint32_t classes = 0;
  int verb = -1;  // index into QuoteLexicon::verbs(), when kCueVerb
  std::vector<int>
      phrases;  // indexes into QuoteLexicon::phrases() starting here
};

struct CueVerb {
  std::string lemma;
  bool inverts = false;  // "Q," said X.
};

struct CuePhrase {
  enum class Speaker { kBefore, kAfter, kPossessive };
  std::string text;  // "put it"
  // Its words, as lexicon entries (stable pointers: a token matches a phrase
  // word when its entry is the same).
  std::vector<const QuoteWord*> words;
  Speaker speaker = Speaker::kBefore;
};

class QuoteLexicon {
 public:
  QuoteLexicon(const QuoteLexicon&) = delete;
  QuoteLexicon& operator=(const QuoteLexicon&) = delete;

  // Loads and merges every *.yaml in `dir`. Every problem goes to `sink` with
  // path:line:col; on any error returns RuleError and leaves *out null.
  static Status Load(const std::string& dir, std::unique_ptr<QuoteLexicon>* out,
                     DiagnosticSink* sink);
  // The same from one file's text (tests); `path` only names it.
  static Status Parse(const std::string& path, std::string text,
                      std::unique_ptr<QuoteLexicon>* out, DiagnosticSink* sink);

  // The entry of `lower` (a lower-case word), or null.
  const QuoteWord* Find(std::string_view lower) const {
    return Find(lower, HashOf(lower));
  }
  // The same, with `hash` = HashOf(lower) computed by the caller (the
  // tokeniser hashes while it lower-cases). Sets *classes to the entry's
  // classes (0 if none) when `classes` is not null.
  const QuoteWord* Find(std::string_view lower, uint32_t hash,
                        uint32_t* classes = nullptr) const;
  // FNV-1a: short keys, no setup cost. kHashSeed, then HashStep per byte.
  static constexpr uint32_t kHashSeed = 2166136261u;
  static uint32_t HashStep(uint32_t h, char c) {
    return (h ^ static_cast<unsigned char>(c)) * 16777619u;
  }
  static uint32_t HashOf(std::string_view s) {
    uint32_t h = kHashSeed;
    for (char c : s) h = HashStep(h, c);
    return h;
  }
  // Whether `lower` ends like a group of people ("investigators").
  bool HasSpeakerSuffix(std::string_view lower) const;

  const std::vector<CueVerb>& verbs() const { return verbs_; }
  const std::vector<CuePhrase>& phrases() const { return phrases_; }
  // "name@version" of each file read, in load order.
  const std::vector<std::string>& sources() const { return sources_; }

 private:
  QuoteLexicon() = default;
  class Builder;
  // Builds `slots_` from `words_`; called once, at the end of loading.
  void BuildIndex();

  struct Slot {
    uint32_t hash = 0;
    uint32_t key = 0;  // offset of the key in `keys_`
    uint32_t size = 0;
    uint32_t classes = 0;             // word->classes, without a pointer chase
    const QuoteWord* word = nullptr;  // null: an empty slot
  };

  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const {
      return std::hash<std::string_view>()(s);
    }
  };
  std::unordered_map<std::string, QuoteWord, Hash, std::equal_to<>>
      words_;                // owns the entries
  std::vector<Slot> slots_;  // a power of two, at most half full
  std::string keys_;
  std::vector<CueVerb> verbs_;
  std::vector<CuePhrase> phrases_;
  std::vector<std::string> sources_;
  std::vector<std::string> speaker_suffixes_;
};

}  // namespace stance

#endif  // STANCE_PIPELINE_QUOTE_LEXICON_H_
