// Quote attribution layouts: where the speaker of a quotation is written,
// read off the tokens around it (quote_tokens.h). Each layout that matches
// records its name in `method`:
//
//   speaker-cue-quote           X said, "Q" / X told reporters: "Q"
//   speaker-cue-that-quote      X said that "Q"
//   speaker-colon-quote         X: "Q"
//   possessive-phrase-colon-quote  X's message was clear: "Q"
//   according-to-quote          According to X, "Q"
//   as-speaker-cue-quote        As X put it, "Q"
//   with-speaker-cueing-quote   with X asserting, "Q"
//   participle-cue-quote        X ..., urging the West to "Q"
//   coordinated-cue-quote       X described it as "Q1," and claimed "Q2"
//   speaker-cue-object-for-quote  X praised Y for "Q"
//   speaker-cue-partial-quote   X said the plan was "Q" / which they argued
//   would be "Q" quote-comma-speaker-cue     "Q," X said.
//   quote-comma-cue-speaker     "Q," said X.
//   quote-according-to          "Q," according to X.
//   quote-dash-speaker          "Q" - X
//   cue-speaker-quote           Said X, "Q"
//   speaker-clause-colon-quote  X disagreed with the findings: "Q"
//   passive-by-speaker          described by X as "Q"
//   passive                     ... was cited as "Q" (a cue without a speaker)
//
// The layouts only say which words name the speaker (a noun phrase, a
// pronoun, the subject of the clause); quote_speakers.h says who that is.
// The layouts that need the rest of the document (a second quotation that
// inherits the speaker of the first, a speaker from the previous sentence)
// live in quotes.cc.
//
// Internal to the quote stage. Thread-safe (const methods, no state).
#ifndef STANCE_PIPELINE_QUOTE_ATTRIBUTION_H_
#define STANCE_PIPELINE_QUOTE_ATTRIBUTION_H_

#include <string_view>
#include <vector>

#include "pipeline/quote_lexicon.h"
#include "pipeline/quote_tokens.h"

namespace stance {

// A run of tokens [begin, end).
struct TokenRange {
  size_t begin = 0;
  size_t end = 0;
  bool empty() const { return end <= begin; }
  size_t size() const { return empty() ? 0 : end - begin; }
};

// Which token list of a QuoteContext a TokenRange indexes.
enum class Side { kLeft, kRight, kPrevious };

struct Attribution {
  enum class Speaker {
    kNone,         // no layout matched
    kPhrase,       // the noun phrase `speaker` ("Lavrov", "a State Department
                   // spokesperson")
    kPronoun,      // the pronoun `speaker`
    kMainSubject,  // the subject of the clause the cue belongs to (", urging
                   // ...", "and claimed")
    kPassive,      // a passive cue ("was cited as"): no speaker is written
  };
  Speaker kind = Speaker::kNone;
  TokenRange speaker;
  Side speaker_side = Side::kLeft;
  TokenRange cue;
  Side cue_side = Side::kLeft;
  const char* method = "";
  bool adjacent =
      false;  // the cue or speaker stands right beside the quotation
};

// The tokens around one top-level quotation.
struct QuoteContext {
  // From the start of the sentence holding the opening mark (or of the
  // window, if the sentence is longer) to the opening mark. Earlier
  // quotations of the sentence are kQuotation tokens.
  std::vector<QuoteToken> left;
  // The sentence before, read only when a layout asks for it.
  std::vector<QuoteToken> previous;
  // First index of `left` after the last earlier quotation of the sentence.
  size_t local = 0;
  // From the closing mark to the end of its sentence, or to the next
  // quotation.
  std::vector<QuoteToken> right;

  const std::vector<QuoteToken>& tokens(Side side) const {
    return side == Side::kLeft ? left : side == Side::kRight ? right : previous;
  }
  // The last character inside the quotation (its own punctuation: "Q," /
  // "Q." / "Q?"), or 0.
  char final_char = 0;
};

class QuoteLayouts {
 public:
  // `text` (normalised) and `lexicon` must outlive this object.
  QuoteLayouts(std::string_view text, const QuoteLexicon& lexicon)
      : text_(text), lexicon_(lexicon) {}

  // A cue or speaker right before the opening mark: X said, "Q" / X: "Q" /
  // According to X, "Q" / As X put it, "Q" / with X asserting, "Q".
  bool MatchLeftAdjacent(const QuoteContext& c, Attribution* a) const;
  // A cue and speaker right after the closing mark: "Q," X said / "Q," said
  // X / "Q," according to X / "Q" - X.
  bool MatchRight(const QuoteContext& c, Attribution* a) const;
  // A cue further back in the clause: urging the West to "Q" / praised Y for
  // "Q" / described as "Q".
  bool MatchLeftClause(const QuoteContext& c, Attribution* a) const;

  // True when nothing but "and", "or", "but" and commas stands between an
  // earlier quotation and this one: "Q1" and "Q2".
  bool JoinsEarlierQuotation(const QuoteContext& c) const;
  // True when some cue stands in `tokens` [begin, end).
  bool HasCue(const std::vector<QuoteToken>& tokens, size_t begin,
              size_t end) const;

  // The subject of the clause starting at `begin` (leading adverbials such as
  // "Despite the talks," skipped), looked for before `end`; empty if none.
  TokenRange ClauseSubject(const std::vector<QuoteToken>& tokens, size_t begin,
                           size_t end) const;

  // Whether `t` is the lower-case word `lower` (ASCII).
  bool WordIs(const QuoteToken& t, std::string_view lower) const;

 private:
  struct Cue {
    TokenRange range;
    int verb = -1;
    int phrase = -1;
    bool found() const { return !range.empty(); }
  };
  struct Subject {
    Attribution::Speaker kind = Attribution::Speaker::kNone;
    TokenRange np;
    bool after_with = false;  // with X asserting
    bool after_as = false;    // As X put it
  };

  // The longest cue phrase starting at `i` and ending by `end`: its index
  // and length, or -1.
  int PhraseAt(const std::vector<QuoteToken>& t, size_t i, size_t end,
               size_t* length) const;
  bool IsVerbCue(const std::vector<QuoteToken>& t, size_t i) const;
  // The cue nearest to `end` in [lo, end); phrases win over the verbs they
  // hold.
  Cue FindCueBackward(const std::vector<QuoteToken>& t, size_t lo,
                      size_t end) const;
  // Who utters `cue`: the words right before it.
  Subject SubjectBefore(const std::vector<QuoteToken>& t, size_t lo,
                        const Cue& cue) const;
  // A speaker's noun phrase ending at `end` / starting at `begin`; empty if
  // there is none or its head cannot speak.
  TokenRange NounPhraseBefore(const std::vector<QuoteToken>& t, size_t lo,
                              size_t end) const;
  TokenRange NounPhraseAfter(const std::vector<QuoteToken>& t, size_t begin,
                             size_t hi) const;
  bool CanHead(const QuoteToken& t) const;
  bool IsNameRun(const std::vector<QuoteToken>& t, size_t begin,
                 size_t end) const;
  bool IsName(const std::vector<QuoteToken>& t, size_t i) const;
  // Fills `a` from `cue` and its subject `s`, and names the layout.
  void FillFromCue(const std::vector<QuoteToken>& t, size_t lo, size_t end,
                   const Cue& cue, Subject s, bool adjacent, bool that,
                   Attribution* a) const;
  // Fills `a` with a speaker and cue of the right tokens `t`.
  void SetRight(const std::vector<QuoteToken>& t, TokenRange np, TokenRange cue,
                const char* method, bool adjacent, Attribution* a) const;
  // "according to X" anywhere in the right tokens from `from` on.
  bool AccordingToLater(const std::vector<QuoteToken>& t, size_t from,
                        Attribution* a) const;
  // The start of the adverbs and auxiliaries that end at `j` ("has also").
  size_t SkipAdverbsBefore(const std::vector<QuoteToken>& t, size_t lo,
                           size_t j) const;
  // The agent of a passive cue: "described by X as"; empty if none.
  TokenRange PassiveAgent(const std::vector<QuoteToken>& t, const Cue& cue,
                          size_t hi) const;

  std::string_view text_;
  const QuoteLexicon& lexicon_;
};

}  // namespace stance

#endif  // STANCE_PIPELINE_QUOTE_ATTRIBUTION_H_
