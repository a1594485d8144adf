#include "pipeline/quote_attribution.h"

#include <algorithm>

namespace stance {
namespace {

using Kind = QuoteToken::Kind;
using Speaker = Attribution::Speaker;

// How far back a cue may stand and still be "right before" the quotation:
// X told the visiting delegation: "Q".
constexpr int kAdjacentWords = 6;
// How many unknown lower-case words a speaker's description may hold
// ("the participating nations").
constexpr int kMaxModifiers = 3;
// How far a parenthetical between the speaker and the cue may reach
// ("X, speaking on state television late on Monday, said").
constexpr size_t kMaxParenthetical = 18;
// How many words may follow a description before the name in apposition to
// it ("the envoy for the river, Rodrigo Benitez,").
constexpr size_t kMaxDescriptionTail = 6;

bool IsPunct(const QuoteToken& t) {
  return t.kind == Kind::kComma || t.kind == Kind::kTerminator ||
         t.kind == Kind::kOpenBracket || t.kind == Kind::kSemicolon ||
         t.kind == Kind::kDash;
}

}  // namespace

bool QuoteLayouts::WordIs(const QuoteToken& t, std::string_view lower) const {
  if (t.kind != Kind::kWord || t.norm.size() != lower.size()) return false;
  for (size_t i = 0; i < lower.size(); ++i) {
    char c = text_[t.norm.begin + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != lower[i]) return false;
  }
  return true;
}

// A capitalised word that can be part of a name: not a function word, unless
// it follows a name ("Theresa May").
bool QuoteLayouts::IsName(const std::vector<QuoteToken>& t, size_t i) const {
  const QuoteToken& w = t[i];
  if (w.kind != Kind::kWord || !w.capitalised) return false;
  if ((w.classes() & kFunctionWord) == 0) return true;
  if ((w.classes() & (kAnyPronoun | kDeterminer | kTimeWord)) != 0 || i == 0)
    return false;
  const QuoteToken& p = t[i - 1];
  return p.kind == Kind::kWord && p.capitalised &&
         (p.classes() & kFunctionWord) == 0;
}

// Whether [begin, end) is a name and nothing else ("Allan Casicas", not
// "the director of Black Panther").
bool QuoteLayouts::IsNameRun(const std::vector<QuoteToken>& t, size_t begin,
                             size_t end) const {
  if (end <= begin || end > t.size()) return false;
  for (size_t i = begin; i < end; ++i) {
    if (!IsName(t, i) && !(i > begin && t[i].Is(kNameParticle))) return false;
  }
  return !t[end - 1].Is(kNameParticle);
}

// Whether `t` can be the head of a speaker's noun phrase: a name, or a noun
// of people or of texts that speak ("officials", "the statement").
bool QuoteLayouts::CanHead(const QuoteToken& t) const {
  if (t.kind != Kind::kWord) return false;
  if (t.classes() & (kSpeakerNoun | kDocumentNoun)) return true;
  return t.capitalised && (t.classes() & kFunctionWord) == 0;
}

int QuoteLayouts::PhraseAt(const std::vector<QuoteToken>& t, size_t i,
                           size_t end, size_t* length) const {
  if (t[i].kind != Kind::kWord || !t[i].Is(kPhraseStart)) return -1;
  int best = -1;
  *length = 0;
  for (int id : t[i].word->phrases) {
    const CuePhrase& phrase = lexicon_.phrases()[id];
    size_t n = phrase.words.size();
    if (i + n > end || n <= *length) continue;
    bool match = true;
    for (size_t k = 0; k < n && match; ++k) {
      match = t[i + k].kind == Kind::kWord && t[i + k].word == phrase.words[k];
    }
    if (match) {
      best = id;
      *length = n;
    }
  }
  return best;
}

bool QuoteLayouts::IsVerbCue(const std::vector<QuoteToken>& t, size_t i) const {
  if (!t[i].Is(kCueVerb) || t[i].capitalised) return false;
  // After an article or a possessive it is a noun: "the call", "Russia's
  // claim".
  return i == 0 ||
         !(t[i - 1].Is(kDeterminer) || t[i - 1].kind == Kind::kPossessive);
}

QuoteLayouts::Cue QuoteLayouts::FindCueBackward(
    const std::vector<QuoteToken>& t, size_t lo, size_t end) const {
  for (size_t i = end; i-- > lo;) {
    if (t[i].kind == Kind::kQuotation) break;
    if (t[i].kind != Kind::kWord) continue;
    // A phrase that holds this word wins over the word: "described as",
    // "put it", "according to".
    for (size_t k = i >= lo + 3 ? i - 3 : lo; k <= i; ++k) {
      if (!t[k].Is(kPhraseStart)) continue;
      size_t length = 0;
      int phrase = PhraseAt(t, k, end, &length);
      if (phrase >= 0 && k + length > i) return {{k, k + length}, -1, phrase};
    }
    if (IsVerbCue(t, i)) return {{i, i + 1}, t[i].word->verb, -1};
  }
  return {};
}

TokenRange QuoteLayouts::NounPhraseBefore(const std::vector<QuoteToken>& t,
                                          size_t lo, size_t end) const {
  if (end <= lo || !CanHead(t[end - 1])) return {};
  size_t start = end - 1;
  size_t k = end - 1;
  int modifiers = 0;
  while (k > lo) {
    const QuoteToken& p = t[k - 1];
    if (p.kind == Kind::kPossessive) {
      // Russia's Foreign Ministry: the possessor belongs to the phrase.
      if (k - 1 > lo && t[k - 2].kind == Kind::kWord) {
        --k;
        continue;
      }
      break;
    }
    if (p.kind != Kind::kWord) break;
    uint32_t cls = p.classes();
    if (cls & kDeterminer) {
      start = --k;
      // "the ambassador to the UN": a connector before this article carries
      // the phrase on to the noun before it.
      if (k >= lo + 2 && t[k - 1].Is(kConnector) && !t[k - 1].capitalised &&
          CanHead(t[k - 2])) {
        --k;
        continue;
      }
      break;
    }
    if (p.capitalised) {
      if (!IsName(t, k - 1) && (cls & kSpeakerNoun) == 0) break;
      start = --k;
      modifiers = 0;
      continue;
    }
    if ((cls & (kNameParticle | kConnector)) && start == k && k >= lo + 2 &&
        (IsName(t, k - 2) ||
         ((cls & kConnector) && t[k - 2].Is(kSpeakerNoun)))) {
      // Osama bin Laden; the spokesperson for the ministry.
      --k;
      continue;
    }
    if (start == k && k >= lo + 2 && IsName(t, k) && IsName(t, k - 2) &&
        (WordIs(p, "and") || WordIs(p, "&"))) {
      --k;  // the Ministry of Mines and Energy
      continue;
    }
    if (cls & (kSpeakerNoun | kDocumentNoun)) {
      start = --k;
      modifiers = 0;
      continue;
    }
    if ((cls & kFunctionWord) || ++modifiers > kMaxModifiers) break;
    --k;  // an adjective, kept only if a name, noun or article comes before it
  }
  return {start, end};
}

TokenRange QuoteLayouts::NounPhraseAfter(const std::vector<QuoteToken>& t,
                                         size_t begin, size_t hi) const {
  hi = std::min(hi, t.size());
  if (begin >= hi || t[begin].kind != Kind::kWord) return {};
  if (t[begin].Is(kAnyPronoun)) return {begin, begin + 1};
  size_t k = begin;
  if (t[k].Is(kDeterminer)) ++k;
  // The end of the phrase so far; `begin` while nothing can head it.
  size_t last_good = begin;
  auto after_good = [&](size_t i) { return i > begin && last_good == i; };
  int modifiers = 0;
  while (k < hi) {
    const QuoteToken& p = t[k];
    if (p.kind == Kind::kPossessive) {
      if (!after_good(k)) break;
      ++k;
      continue;
    }
    if (p.kind != Kind::kWord) break;
    uint32_t cls = p.classes();
    if (p.capitalised) {
      if (!IsName(t, k) && (cls & kSpeakerNoun) == 0) break;
      last_good = ++k;
      modifiers = 0;
      continue;
    }
    if ((cls & kNameParticle) && after_good(k) && k + 1 < hi &&
        IsName(t, k + 1)) {
      ++k;
      continue;
    }
    if (after_good(k) && k + 1 < hi && IsName(t, k - 1) && IsName(t, k + 1) &&
        (WordIs(p, "and") || WordIs(p, "&"))) {
      ++k;  // the Ministry of Mines and Energy
      continue;
    }
    if ((cls & kConnector) && after_good(k) && k + 1 < hi) {
      size_t n = t[k + 1].Is(kDeterminer) ? k + 2 : k + 1;
      if (n < hi && (IsName(t, n) || t[n].Is(kSpeakerNoun)) &&
          t[k - 1].Is(kSpeakerNoun)) {
        k = n;
        continue;
      }
      if (n < hi && IsName(t, n) && IsName(t, k - 1)) {  // Secretary of State
        k = n;
        continue;
      }
    }
    if (cls & (kSpeakerNoun | kDocumentNoun)) {
      last_good = ++k;
      modifiers = 0;
      continue;
    }
    if ((cls & kFunctionWord) || ++modifiers > kMaxModifiers) break;
    ++k;
  }
  if (last_good == begin) return {};
  return {begin, last_good};
}

QuoteLayouts::Subject QuoteLayouts::SubjectBefore(
    const std::vector<QuoteToken>& t, size_t lo, const Cue& cue) const {
  Subject s;
  if (cue.phrase >= 0) {
    CuePhrase::Speaker where = lexicon_.phrases()[cue.phrase].speaker;
    if (where == CuePhrase::Speaker::kPossessive) {
      size_t b = cue.range.begin;
      if (b > lo && t[b - 1].kind == Kind::kPossessive) {
        s.np = NounPhraseBefore(t, lo, b - 1);
        if (!s.np.empty()) s.kind = Speaker::kPhrase;
      }
      return s;
    }
    if (where == CuePhrase::Speaker::kAfter) {
      s.np = NounPhraseAfter(t, cue.range.end, t.size());
      if (!s.np.empty()) s.kind = Speaker::kPhrase;
      return s;
    }
  }
  const bool participle = cue.verb >= 0 && t[cue.range.begin].ing;
  // "X has also said", "X would later argue"; "was cited" is passive.
  size_t j = SkipAdverbsBefore(t, lo, cue.range.begin);
  if (j > lo && t[j - 1].Is(kPassive) && !t[j - 1].capitalised) {
    s.kind = Speaker::kPassive;
    return s;
  }
  if (j == lo) {
    if (participle) s.kind = Speaker::kMainSubject;
    return s;
  }
  const QuoteToken& p = t[j - 1];
  if (participle &&
      (WordIs(p, "by") || WordIs(p, "after") || WordIs(p, "before") ||
       WordIs(p, "while") || WordIs(p, "when"))) {
    s.kind = Speaker::kMainSubject;  // "protested by shouting"
    return s;
  }
  if (p.Is(kAnyPronoun)) {
    s.kind = Speaker::kPronoun;
    s.np = {j - 1, j};
    return s;
  }
  if (WordIs(p, "who") || WordIs(p, "which") || WordIs(p, "that")) {
    // "Lavrov, who said ...": the antecedent. "X released a statement which
    // read ...": a text speaks for the subject of the sentence.
    size_t e = j - 1;
    if (e > lo && t[e - 1].kind == Kind::kComma) --e;
    s.np = NounPhraseBefore(t, lo, e);
    if (!s.np.empty()) {
      const QuoteToken& head = t[s.np.end - 1];
      bool text = head.Is(kDocumentNoun) && !head.Is(kSpeakerNoun);
      s.kind = text ? Speaker::kMainSubject : Speaker::kPhrase;
    }
    return s;
  }
  if (WordIs(p, "and") || WordIs(p, "but") || WordIs(p, "or") ||
      WordIs(p, "then")) {
    s.kind = Speaker::kMainSubject;  // "..., and claimed"
    return s;
  }
  if (p.kind == Kind::kComma) {
    if (participle) {
      s.kind = Speaker::kMainSubject;  // "..., urging"
      return s;
    }
    // "X, speaking to reporters, said": the phrase before the parenthetical;
    // "the bishop, Allan Casicas, said": the name in it.
    for (size_t k = j - 1; k-- > lo && j - 1 - k < kMaxParenthetical;) {
      Kind kind = t[k].kind;
      if (kind == Kind::kComma) {
        if (IsNameRun(t, k + 1, j - 1)) {
          TokenRange name{k + 1, j - 1};
          s.kind = Speaker::kPhrase;
          s.np = name;
          break;
        }
        // "The ministry has, in a statement, said"
        size_t e = SkipAdverbsBefore(t, lo, k);
        if (e > lo && t[e - 1].Is(kAnyPronoun)) {
          s.kind = Speaker::kPronoun;
          s.np = {e - 1, e};
        } else {
          s.np = NounPhraseBefore(t, lo, e);
          if (!s.np.empty()) s.kind = Speaker::kPhrase;
        }
        break;
      }
      if (kind == Kind::kQuotation || kind == Kind::kTerminator ||
          kind == Kind::kColon || kind == Kind::kSemicolon) {
        break;
      }
    }
    return s;
  }
  size_t e = j;
  if (p.kind == Kind::kCloseBracket) {
    // "Jaishankar (India) said": skip the brackets.
    while (e > lo && t[e - 1].kind != Kind::kOpenBracket) --e;
    if (e > lo) --e;
  }
  s.np = NounPhraseBefore(t, lo, e);
  if (s.np.empty()) return s;
  s.kind = Speaker::kPhrase;
  if (s.np.begin > lo) {
    s.after_with = WordIs(t[s.np.begin - 1], "with");
    s.after_as = WordIs(t[s.np.begin - 1], "as");
  }
  // A participle's subject stands before it only in "with X asserting" (or
  // at the start of the clause): in "explained the decision to ban the
  // players saying", the players are the object of the sentence's verb.
  if (participle && !s.after_with && s.np.begin > lo) {
    s.kind = Speaker::kMainSubject;
    s.np = {};
  }
  return s;
}

size_t QuoteLayouts::SkipAdverbsBefore(const std::vector<QuoteToken>& t,
                                       size_t lo, size_t j) const {
  while (j > lo) {
    const QuoteToken& p = t[j - 1];
    if (p.kind != Kind::kWord || p.capitalised ||
        !(p.Is(kAdverb | kAuxiliary) || p.ly))
      break;
    --j;
  }
  return j;
}

TokenRange QuoteLayouts::PassiveAgent(const std::vector<QuoteToken>& t,
                                      const Cue& cue, size_t hi) const {
  // "described by Marine Bulletin as": the agent after "by".
  size_t i = cue.range.end;
  if (i < hi && WordIs(t[i], "by")) return NounPhraseAfter(t, i + 1, hi);
  return {};
}

bool QuoteLayouts::MatchLeftAdjacent(const QuoteContext& c,
                                     Attribution* a) const {
  const std::vector<QuoteToken>& t = c.left;
  const size_t lo = c.local;
  size_t p = t.size();
  if (p <= lo) return false;
  bool punct = false, colon = false;
  if (t[p - 1].kind == Kind::kComma || t[p - 1].kind == Kind::kColon) {
    punct = true;
    colon = t[p - 1].kind == Kind::kColon;
    --p;
  }
  const bool that = p > lo && WordIs(t[p - 1], "that");
  if (that) --p;
  if (p <= lo) return false;

  // According to X, "Q".
  for (size_t i = lo; i < p; ++i) {
    size_t length = 0;
    int phrase = PhraseAt(t, i, p, &length);
    if (phrase < 0 ||
        lexicon_.phrases()[phrase].speaker != CuePhrase::Speaker::kAfter)
      continue;
    TokenRange np = NounPhraseAfter(t, i + length, p);
    if (np.empty() || np.end != p) continue;
    a->kind = Speaker::kPhrase;
    a->speaker = np;
    a->cue = {i, i + length};
    a->method = "according-to-quote";
    a->adjacent = true;
    return true;
  }

  // A cue among the last few words: X said, "Q" / X told reporters: "Q".
  size_t lim = p;
  for (int words = 0; lim > lo && words < kAdjacentWords; ++words) {
    Kind kind = t[lim - 1].kind;
    if (kind != Kind::kWord && kind != Kind::kPossessive) break;
    --lim;
  }
  for (Cue cue = FindCueBackward(t, lim, p); cue.found();
       cue = FindCueBackward(t, lim, cue.range.begin)) {
    // Object words between cue and quotation need a comma or colon:
    // without one, "urging the West to "Q"" is a partial quotation.
    if (cue.range.end != p && !punct && !that) break;
    Subject s = SubjectBefore(t, lo, cue);
    if (s.kind == Speaker::kNone)
      continue;  // "said in a statement": try "said"
    FillFromCue(t, lo, p, cue, s, /*adjacent=*/true, that, a);
    return true;
  }

  // Said X, "Q" (at the start of a sentence, where the cue is capitalised).
  if (punct && lo == 0 && t[0].Is(kCueVerb) && t[0].capitalised &&
      lexicon_.verbs()[t[0].word->verb].inverts) {
    TokenRange np = NounPhraseAfter(t, 1, p);
    if (!np.empty() && np.end == p) {
      a->kind = Speaker::kPhrase;
      a->speaker = np;
      a->cue = {0, 1};
      a->method = "cue-speaker-quote";
      a->adjacent = true;
      return true;
    }
  }

  // X: "Q".
  if (colon && !that) {
    TokenRange np = NounPhraseAfter(t, lo, p);
    if (!np.empty() && np.end == p && !t[np.begin].Is(kAnyPronoun)) {
      a->kind = Speaker::kPhrase;
      a->speaker = np;
      a->cue = {};
      a->method = "speaker-colon-quote";
      a->adjacent = true;
      return true;
    }
    // X disagreed with the findings: "Q".
    np = ClauseSubject(t, lo, p);
    if (!np.empty() && np.end < p) {
      a->kind = np.size() == 1 && t[np.begin].Is(kAnyPronoun)
                    ? Speaker::kPronoun
                    : Speaker::kPhrase;
      a->speaker = np;
      a->cue = {};
      a->method = "speaker-clause-colon-quote";
      a->adjacent = true;
      return true;
    }
  }
  return false;
}

bool QuoteLayouts::MatchRight(const QuoteContext& c, Attribution* a) const {
  const std::vector<QuoteToken>& t = c.right;
  const size_t n = t.size();
  size_t i = 0;
  if (i < n && t[i].kind == Kind::kComma)
    ++i;  // British punctuation: "Q", X said.
  if (i >= n) return false;
  // "Q." ends its sentence: what follows is a new one ("Q." He added, ...).
  // After "Q?" or "Q!" a name may follow ("Why now?" Lavrov asked), but a
  // capitalised pronoun or article opens a new sentence.
  if (c.final_char == '.') return false;
  if ((c.final_char == '?' || c.final_char == '!') && t[i].capitalised &&
      (t[i].classes() & kFunctionWord)) {
    return false;
  }
  auto found = [&](TokenRange np, TokenRange cue, const char* method) {
    SetRight(t, np, cue, method, /*adjacent=*/true, a);
    return true;
  };

  // "Q" - X
  if (t[i].kind == Kind::kDash) {
    TokenRange np = NounPhraseAfter(t, i + 1, n);
    if (np.empty() || (np.end < n && !IsPunct(t[np.end]))) return false;
    return found(np, {i, i + 1}, "quote-dash-speaker");
  }
  if (t[i].kind != Kind::kWord) return false;

  // "Q," according to X.
  size_t length = 0;
  int phrase = PhraseAt(t, i, n, &length);
  if (phrase >= 0 &&
      lexicon_.phrases()[phrase].speaker == CuePhrase::Speaker::kAfter) {
    TokenRange np = NounPhraseAfter(t, i + length, n);
    if (!np.empty()) return found(np, {i, i + length}, "quote-according-to");
    return false;
  }
  // "Q," said X.
  if (IsVerbCue(t, i) && lexicon_.verbs()[t[i].word->verb].inverts) {
    TokenRange np = NounPhraseAfter(t, i + 1, n);
    // "said his father, Abdullah Kurdi, after the ceremony": the name.
    if (!np.empty() && np.end < n && t[np.end].kind == Kind::kComma &&
        !t[np.end - 1].capitalised) {
      TokenRange name = NounPhraseAfter(t, np.end + 1, n);
      if (!name.empty() && t[name.end - 1].capitalised &&
          (name.end == n || t[name.end].kind == Kind::kComma)) {
        np = name;
      }
    }
    if (!np.empty()) return found(np, {i, i + 1}, "quote-comma-cue-speaker");
  }
  // "Q," X said. / "Q," X, the foreign minister, said.
  TokenRange np = NounPhraseAfter(t, i, n);
  if (np.empty()) return AccordingToLater(t, i, a);
  auto skip_adverbs = [&](size_t m) {
    while (m < n && t[m].kind == Kind::kWord && !t[m].capitalised &&
           (t[m].Is(kAdverb | kAuxiliary) || t[m].ly)) {
      ++m;
    }
    return m;
  };
  auto cue_at = [&](size_t m, size_t* cue_end) {
    if (m >= n) return false;
    size_t len = 0;
    int ph = PhraseAt(t, m, n, &len);
    if (ph >= 0 &&
        lexicon_.phrases()[ph].speaker == CuePhrase::Speaker::kBefore) {
      *cue_end = m + len;
      return true;
    }
    *cue_end = m + 1;
    return IsVerbCue(t, m);
  };
  size_t m = np.end;
  if (m < n && t[m].kind == Kind::kComma) {
    for (size_t k = m + 1; k < n && k < m + kMaxParenthetical; ++k) {
      if (t[k].kind != Kind::kComma) continue;
      size_t cue_end = 0;
      if (cue_at(skip_adverbs(k + 1), &cue_end)) m = k + 1;
      break;
    }
  }
  m = skip_adverbs(m);
  size_t cue_end = 0;
  if (cue_at(m, &cue_end))
    return found(np, {m, cue_end}, "quote-comma-speaker-cue");
  return AccordingToLater(t, i, a);
}

void QuoteLayouts::SetRight(const std::vector<QuoteToken>& t, TokenRange np,
                            TokenRange cue, const char* method, bool adjacent,
                            Attribution* a) const {
  a->kind = np.size() == 1 && t[np.begin].Is(kAnyPronoun) ? Speaker::kPronoun
                                                          : Speaker::kPhrase;
  a->speaker = np;
  a->speaker_side = Side::kRight;
  a->cue = cue;
  a->cue_side = Side::kRight;
  a->method = method;
  a->adjacent = adjacent;
}

bool QuoteLayouts::AccordingToLater(const std::vector<QuoteToken>& t,
                                    size_t from, Attribution* a) const {
  // "... recovered "Q" from the sea bed, according to investigators."
  for (size_t i = from; i < t.size(); ++i) {
    size_t length = 0;
    int phrase = PhraseAt(t, i, t.size(), &length);
    if (phrase < 0 ||
        lexicon_.phrases()[phrase].speaker != CuePhrase::Speaker::kAfter)
      continue;
    TokenRange np = NounPhraseAfter(t, i + length, t.size());
    if (np.empty()) return false;
    SetRight(t, np, {i, i + length}, "quote-according-to",
             /*adjacent=*/i == from, a);
    return true;
  }
  return false;
}

bool QuoteLayouts::MatchLeftClause(const QuoteContext& c,
                                   Attribution* a) const {
  const std::vector<QuoteToken>& t = c.left;
  const size_t lo = c.local, e = t.size();
  for (Cue cue = FindCueBackward(t, lo, e); cue.found();
       cue = FindCueBackward(t, lo, cue.range.begin)) {
    Subject s = SubjectBefore(t, lo, cue);
    if (s.kind == Speaker::kNone) continue;
    FillFromCue(t, lo, e, cue, s, /*adjacent=*/false, /*that=*/false, a);
    return true;
  }
  return false;
}

void QuoteLayouts::FillFromCue(const std::vector<QuoteToken>& t, size_t lo,
                               size_t end, const Cue& cue, Subject s,
                               bool adjacent, bool that, Attribution* a) const {
  bool agent = false;
  if (s.kind == Speaker::kPassive) {
    s.np = PassiveAgent(t, cue, end);
    agent = !s.np.empty();
    if (agent) s.kind = Speaker::kPhrase;
  }
  a->kind = s.kind;
  a->speaker = s.np;
  a->cue = cue.range;
  a->adjacent = adjacent;
  CuePhrase::Speaker where = cue.phrase >= 0
                                 ? lexicon_.phrases()[cue.phrase].speaker
                                 : CuePhrase::Speaker::kBefore;
  if (where == CuePhrase::Speaker::kAfter) {
    a->method = "according-to-quote";
  } else if (agent) {
    a->method = "passive-by-speaker";
  } else if (s.kind == Speaker::kPassive) {
    a->method = "passive";
  } else if (s.kind == Speaker::kMainSubject) {
    a->method = t[cue.range.begin].ing ? "participle-cue-quote"
                                       : "coordinated-cue-quote";
  } else if (where == CuePhrase::Speaker::kPossessive) {
    a->method = "possessive-phrase-colon-quote";
  } else if (s.after_with) {
    a->method = "with-speaker-cueing-quote";
  } else if (s.after_as) {
    a->method = "as-speaker-cue-quote";
  } else if (adjacent) {
    a->method = that ? "speaker-cue-that-quote" : "speaker-cue-quote";
  } else if (end > lo && WordIs(t[end - 1], "for")) {
    a->method = "speaker-cue-object-for-quote";
  } else {
    a->method = "speaker-cue-partial-quote";
  }
}

bool QuoteLayouts::JoinsEarlierQuotation(const QuoteContext& c) const {
  if (c.local == 0 || c.left[c.local - 1].kind != Kind::kQuotation)
    return false;
  for (size_t i = c.local; i < c.left.size(); ++i) {
    const QuoteToken& t = c.left[i];
    if (t.kind == Kind::kComma) continue;
    if (WordIs(t, "and") || WordIs(t, "or") || WordIs(t, "but")) continue;
    return false;
  }
  return true;
}

bool QuoteLayouts::HasCue(const std::vector<QuoteToken>& tokens, size_t begin,
                          size_t end) const {
  return FindCueBackward(tokens, begin, end).found();
}

TokenRange QuoteLayouts::ClauseSubject(const std::vector<QuoteToken>& t,
                                       size_t begin, size_t end) const {
  // Skip up to three leading adverbials that end in a comma: "Despite the
  // talks, on Monday, Lavrov ...". A date counts ("On October 7, 2025, ...").
  size_t s = begin;
  for (int skipped = 0; skipped < 3 && s < end; ++skipped) {
    const QuoteToken& f = t[s];
    char first = text_[f.norm.begin];
    bool opener = f.kind == Kind::kWord &&
                  (f.Is(kClauseOpener) || (first >= '0' && first <= '9'));
    if (!opener) break;
    size_t k = s + 1;
    while (k < end && k < s + 16 && t[k].kind != Kind::kComma &&
           t[k].kind != Kind::kQuotation)
      ++k;
    if (k >= end || t[k].kind != Kind::kComma) break;
    s = k + 1;
  }
  TokenRange np = NounPhraseAfter(t, s, end);
  // "The mayor of London, Sadiq Khan, said", "Paraguay's envoy for the
  // river, Rodrigo Benitez, said": the name in apposition to a description.
  if (np.empty() ||
      !(t[np.begin].Is(kDeterminer) || !t[np.end - 1].capitalised))
    return np;
  size_t comma = np.end;
  while (comma < end && comma < np.end + kMaxDescriptionTail &&
         t[comma].kind == Kind::kWord) {
    ++comma;
  }
  if (comma >= end || t[comma].kind != Kind::kComma) return np;
  TokenRange name = NounPhraseAfter(t, comma + 1, end);
  if (name.size() >= 2 && t[name.end - 1].capitalised && name.end < end &&
      t[name.end].kind == Kind::kComma) {
    return name;
  }
  return np;
}

}  // namespace stance
