// The quote stage: finds the quotations (quote_marks.h), reads the layouts
// around each one (quote_attribution.h), resolves who the speaker is
// (quote_speakers.h), and adds the layouts that need the document around the
// sentence: a quotation that continues the previous one, and a speaker named
// in the previous sentence.
#include "pipeline/quotes.h"

#include <algorithm>
#include <cctype>
#include <cstring>

#include "pipeline/quote_attribution.h"
#include "pipeline/quote_lexicon.h"
#include "pipeline/quote_marks.h"
#include "pipeline/quote_speakers.h"
#include "pipeline/quote_tokens.h"

namespace stance {
namespace {

// How much text before a quotation is read for its clause (bytes), and how
// much after it. A clause longer than that is read from the middle on.
constexpr uint32_t kLeftWindow = 400;
constexpr uint32_t kRightWindow = 300;
// A quotation of this many words or fewer may be a term or a title.
constexpr int kTitleWords = 6;
constexpr int kTermWords = 3;
// A speaker taken from the previous sentence needs a quotation that is
// plainly speech.
constexpr int kPreviousSentenceWords = 4;

// What the words of a quotation look like, to tell a quotation from a term.
struct Shape {
  int words = 0;           // counted up to kTitleWords + 1
  bool title_like = true;  // every word capitalised but small ones
  bool speech = false;     // holds a finite verb or a personal pronoun
};

// Only quotations of kTitleWords words or fewer can be terms, so only the
// first kTitleWords + 1 words are read.
Shape ShapeOf(std::string_view inner, const QuoteLexicon& lexicon) {
  static constexpr std::string_view kSmall[] = {
      "of", "the", "and", "for", "in", "on", "a", "an", "to", "at", "de", "or"};
  auto is_word_byte = [](char c) {
    unsigned char u = static_cast<unsigned char>(c);
    return u >= 0x80 || (u >= '0' && u <= '9') ||
           ((u | 0x20) >= 'a' && (u | 0x20) <= 'z');
  };
  Shape s;
  size_t i = 0;
  while (i < inner.size() && s.words <= kTitleWords) {
    while (i < inner.size() && !is_word_byte(inner[i])) ++i;
    size_t j = i;
    while (j < inner.size() &&
           (is_word_byte(inner[j]) || inner[j] == '\'' || inner[j] == '-'))
      ++j;
    if (j == i) break;
    char key[24];
    size_t n = std::min(j - i, sizeof(key));
    for (size_t k = 0; k < n; ++k) {
      char c = inner[i + k];
      key[k] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
    std::string_view word(key, n);
    if (n < sizeof(key)) {
      const QuoteWord* w = lexicon.Find(word);
      if (w != nullptr && (w->classes & kSpeechWord)) s.speech = true;
    }
    bool upper = inner[i] >= 'A' && inner[i] <= 'Z';
    bool small = std::find(std::begin(kSmall), std::end(kSmall), word) !=
                 std::end(kSmall);
    if (!upper && (s.words == 0 || !small)) s.title_like = false;
    ++s.words;
    i = j;
  }
  return s;
}

int IndexOf(const std::vector<Sentence>& sentences, uint32_t norm) {
  auto it = std::upper_bound(
      sentences.begin(), sentences.end(), norm,
      [](uint32_t n, const Sentence& s) { return n < s.norm.begin; });
  if (it == sentences.begin()) return -1;
  --it;
  return static_cast<int>(it - sentences.begin());
}

int ParagraphOf(const std::vector<Span>& paragraphs, uint32_t norm) {
  auto it =
      std::upper_bound(paragraphs.begin(), paragraphs.end(), norm,
                       [](uint32_t n, const Span& p) { return n < p.begin; });
  return it == paragraphs.begin()
             ? 0
             : static_cast<int>(it - paragraphs.begin()) - 1;
}

// One run of the stage over one document.
class QuotePass {
 public:
  QuotePass(const Document& doc, const QuoteLexicon& lexicon,
            const std::vector<Span>& paragraphs,
            const std::vector<QuoteMarks>& marks, DiagnosticSink* sink)
      : doc_(doc),
        lexicon_(lexicon),
        paragraphs_(paragraphs),
        marks_(marks),
        layouts_(doc.text, lexicon),
        speakers_(doc, lexicon),
        warner_(doc, sink),
        info_(marks.size()),
        attributed_(marks.size(), false) {}

  void Run(std::vector<Quote>* out) {
    out->reserve(out->size() + marks_.size());
    int previous = -1;  // the latest top-level quotation
    for (size_t k = 0; k < marks_.size(); ++k) {
      const QuoteMarks& m = marks_[k];
      Quote q;
      q.norm = m.inner;
      q.span = doc_.offsets.ToOriginal(m.inner);
      q.outer_norm = m.outer;
      q.sentence = IndexOf(doc_.sentences, m.outer.begin);
      q.last_sentence = IndexOf(doc_.sentences, m.outer.end - 1);
      Shape shape = ShapeOf(doc_.Text(m.inner), lexicon_);
      if (m.depth > 0) {
        // A quotation inside a quotation: the outer speaker cites someone
        // we do not try to name.
        q.method = "nested";
        q.is_term = !shape.speech &&
                    ((shape.words <= kTitleWords && shape.title_like) ||
                     shape.words <= kTermWords);
      } else {
        Attribute(static_cast<int>(k), previous, shape, &q);
        previous = static_cast<int>(k);
      }
      out->push_back(std::move(q));
    }
  }

 private:
  // Where a left window that ends at `end`, before quotation `k`, may
  // start: at most kLeftWindow before `end`, inside `paragraph`, never inside
  // an earlier quotation.
  uint32_t WindowStart(int k, uint32_t end, int paragraph) const {
    const Span para = paragraphs_[paragraph];
    uint32_t from =
        std::max(para.begin, end > kLeftWindow ? end - kLeftWindow : 0);
    for (int j = k - 1; j >= 0; --j) {
      const QuoteMarks& e = marks_[j];
      if (e.depth > 0 || e.outer.begin >= from) continue;
      if (e.outer.end > from)
        from = e.outer.begin >= para.begin ? e.outer.begin : e.outer.end;
      break;
    }
    return from;
  }

  // Whether the . ! or ? at `p` ends a sentence: white space and then a
  // capital, a digit or a mark follow, and it is not the dot of an initial,
  // of U.S. or of an abbreviation (Mr.).
  bool EndsSentenceAt(uint32_t p) const {
    const std::string& t = doc_.text;
    uint32_t q = p + 1;
    if (q < t.size() && t[q] != ' ' && t[q] != '\n' && t[q] != '\t')
      return false;
    while (q < t.size() && (t[q] == ' ' || t[q] == '\n' || t[q] == '\t')) ++q;
    if (q < t.size() && t[q] >= 'a' && t[q] <= 'z') return false;
    if (t[p] != '.') return true;
    uint32_t w = p;
    while (w > 0 && (std::isalnum(static_cast<unsigned char>(t[w - 1])) ||
                     t[w - 1] == '.'))
      --w;
    std::string_view word(t.data() + w, p - w);
    if (word.empty()) return true;
    if (word.size() == 1 && word[0] >= 'A' && word[0] <= 'Z')
      return false;                                              // an initial
    if (word.find('.') != std::string_view::npos) return false;  // U.S.
    char key[16];
    if (word.size() >= sizeof(key)) return true;
    for (size_t i = 0; i < word.size(); ++i) {
      key[i] =
          static_cast<char>(std::tolower(static_cast<unsigned char>(word[i])));
    }
    const QuoteWord* entry = lexicon_.Find(std::string_view(key, word.size()));
    return entry == nullptr || (entry->classes & kAbbreviation) == 0;
  }

  // Where the sentence holding offset `end` (before quotation `k`) starts,
  // looking back no further than `from`. Earlier quotations are skipped
  // whole; one that ends with . ! or ? before a capital ends a sentence.
  uint32_t SentenceStart(int k, uint32_t end, uint32_t from) const {
    const std::string& t = doc_.text;
    int j = k - 1;
    while (j >= 0 && (marks_[j].depth > 0 || marks_[j].outer.end > end)) --j;
    for (uint32_t i = end; i > from;) {
      if (j >= 0 && marks_[j].outer.end == i) {
        const QuoteMarks& e = marks_[j];
        uint32_t last = e.inner.end;
        while (last > e.inner.begin &&
               std::isspace(static_cast<unsigned char>(t[last - 1])))
          --last;
        if (last > e.inner.begin &&
            std::strchr(".!?", t[last - 1]) != nullptr &&
            EndsSentenceAt(e.outer.end - 1)) {
          return i;
        }
        i = e.outer.begin;
        do {
          --j;
        } while (j >= 0 && marks_[j].depth > 0);
        continue;
      }
      char c = t[i - 1];
      if ((c == '.' || c == '!' || c == '?') && EndsSentenceAt(i - 1)) return i;
      --i;
    }
    return from;
  }

  // Tokens around top-level quotation `k`: its sentence up to the opening
  // mark, and the rest of the sentence after the closing mark.
  void BuildContext(int k, QuoteContext* c) const {
    const QuoteMarks& m = marks_[k];
    uint32_t open = m.outer.begin;
    uint32_t start = SentenceStart(k, open, WindowStart(k, open, m.paragraph));
    TokenizeQuoteContext(doc_.text, {start, open}, marks_, lexicon_, &c->left);
    c->local = 0;
    for (size_t i = 0; i < c->left.size(); ++i) {
      if (c->left[i].kind == QuoteToken::kQuotation) c->local = i + 1;
    }
    std::string_view inner = doc_.Text(m.inner);
    size_t last = inner.find_last_not_of(" \t\n");
    c->final_char = last == std::string_view::npos ? 0 : inner[last];
    const Span last_para =
        paragraphs_[ParagraphOf(paragraphs_, m.outer.end - 1)];
    uint32_t to = std::min(last_para.end, m.outer.end + kRightWindow);
    if (m.outer.end < to) {
      TokenizeQuoteContext(doc_.text, {m.outer.end, to}, marks_, lexicon_,
                           &c->right, true);
    }
  }

  // Reads the sentence before quotation `k`'s own into c->previous, if it
  // lies in the same paragraph (or, with `across_paragraphs`, ends the
  // paragraph before); false if there is none.
  bool ReadPreviousSentence(int k, QuoteContext* c,
                            bool across_paragraphs) const {
    if (!c->previous.empty()) return true;
    uint32_t start =
        c->left.empty() ? marks_[k].outer.begin : c->left[0].norm.begin;
    int paragraph = marks_[k].paragraph;
    if (start <= paragraphs_[paragraph].begin) {
      if (!across_paragraphs || paragraph == 0) return false;
      start = paragraphs_[--paragraph].end;
    }
    const Span para = paragraphs_[paragraph];
    // Back over the white space and the terminator that end it.
    uint32_t end = start;
    while (end > para.begin &&
           std::isspace(static_cast<unsigned char>(doc_.text[end - 1])))
      --end;
    if (end <= para.begin) return false;
    uint32_t from = WindowStart(k, end, paragraph);
    // It ends with its terminator, or with a quotation that holds one.
    uint32_t scan = end - 1;
    for (int j = k - 1;
         j >= 0 && (marks_[j].depth > 0 || marks_[j].outer.end >= end); --j) {
      if (marks_[j].depth == 0 && marks_[j].outer.end == end)
        scan = marks_[j].outer.begin;
    }
    if (scan <= from) return false;
    uint32_t begin = SentenceStart(k, scan, from);
    if (begin == from && from != para.begin)
      return false;  // longer than the window
    TokenizeQuoteContext(doc_.text, {begin, end}, marks_, lexicon_,
                         &c->previous);
    return !c->previous.empty();
  }

  void Attribute(int k, int previous, const Shape& shape, Quote* q) {
    const QuoteMarks& m = marks_[k];
    // One context for the whole pass: its token vectors keep their capacity.
    QuoteContext& c = context_;
    c.left.clear();
    c.right.clear();
    c.previous.clear();
    BuildContext(k, &c);
    const bool local_cue = layouts_.HasCue(c.left, c.local, c.left.size());
    // Whether the quotation opens its clause: nothing before it in the
    // sentence but an adverbial ("During the premiere, "Q."").
    const bool opens_clause =
        c.local == c.left.size() ||
        (c.left[c.local].Is(kClauseOpener) &&
         c.left.back().kind == QuoteToken::kComma && !local_cue);

    Attribution a;
    int inherit = -1;
    bool matched = layouts_.MatchLeftAdjacent(c, &a);
    bool tried_right = false;
    if (!matched && !local_cue) {
      matched = layouts_.MatchRight(c, &a);
      tried_right = true;
    }
    if (!matched) matched = layouts_.MatchLeftClause(c, &a);
    if (!matched && layouts_.JoinsEarlierQuotation(c)) {
      // "Q1" and "Q2": the same speaker.
      inherit = c.left[c.local - 1].quotation;
      a.method = "coordinated-quote";
      matched = true;
    }
    if (!matched && !tried_right) matched = layouts_.MatchRight(c, &a);
    if (!matched) {
      // She described him as "Q1" who was "Q2": the speaker of an earlier
      // quotation of the sentence.
      for (size_t i = c.local; i-- > 0;) {
        const QuoteToken& t = c.left[i];
        if (t.kind == QuoteToken::kQuotation && attributed_[t.quotation]) {
          inherit = t.quotation;
          a.method = "same-sentence-quote";
          matched = true;
          break;
        }
      }
    }
    if (!matched && opens_clause) {
      if (Continues(k, previous)) {
        // "Q1," X said. "Q2."
        inherit = previous;
        a.method = "continuation";
        matched = true;
      } else if (shape.words >= kPreviousSentenceWords) {
        matched = FromPreviousSentence(k, &c, &a);
      }
    }

    // Scare quotes and titles: short, without a verb or a personal pronoun,
    // and not tied to a cue beside them. After "so-called" always.
    const QuoteToken* before =
        c.left.size() > c.local ? &c.left.back() : nullptr;
    const bool so_called = before != nullptr && before->Is(kTermMarker);
    const bool after_the = before != nullptr && layouts_.WordIs(*before, "the");
    const bool title =
        shape.words <= kTitleWords && shape.title_like && !a.adjacent;
    const bool loose =  // no layout, or a mere "the" before it
        (shape.words <= kTermWords && (!matched || after_the)) ||
        (shape.words <= kTitleWords && after_the && !matched);
    if (so_called || (!shape.speech && (title || loose))) {
      q->is_term = true;
      q->method = "term";
      return;
    }

    SpeakerInfo info;
    bool found = false;
    uint32_t at = m.outer.begin;
    if (inherit >= 0) {
      found = attributed_[inherit];
      if (found) info = info_[inherit];
    } else if (matched) {
      found = Resolve(k, &c, a, &info, &at);
    }
    q->method = a.method;
    if (!a.cue.empty()) {
      const std::vector<QuoteToken>& side = c.tokens(a.cue_side);
      q->cue_norm = {side[a.cue.begin].norm.begin,
                     side[a.cue.end - 1].norm.end};
      q->cue = std::string(doc_.Text(q->cue_norm));
    }
    if (found && !info.name.empty()) {
      q->speaker = info.name;
      q->speaker_role = info.role;
      q->speaker_affiliation = info.affiliation;
      q->speaker_type = info.type;
      info_[k] = info;
      attributed_[k] = true;
      speakers_.Remember(info, std::max(at, m.outer.begin));
    } else {
      warner_.Warn(m.outer.begin,
                   a.kind == Attribution::Speaker::kPassive
                       ? "quotation after a passive cue: no speaker is named"
                       : "quotation without a speaker",
                   Diagnostic::kNote);
    }
  }

  // Whether quotation `k`, which opens its sentence, goes on with the words
  // of quotation `previous`: at most the end of the previous sentence lies
  // between them, in the same paragraph or across one paragraph break that
  // `k` opens.
  bool Continues(int k, int previous) const {
    if (previous < 0 || !attributed_[previous]) return false;
    const QuoteMarks& m = marks_[k];
    const QuoteMarks& p = marks_[previous];
    int p_para = ParagraphOf(paragraphs_, p.outer.end - 1);
    bool same = p_para == m.paragraph;
    bool next = p_para + 1 == m.paragraph &&
                m.outer.begin == paragraphs_[m.paragraph].begin;
    if (!same && !next) return false;
    // Two sentences of narration do not fit in this much text.
    if (m.outer.begin - p.outer.end > kLeftWindow) return false;
    std::vector<QuoteToken> gap;
    TokenizeQuoteContext(doc_.text, {p.outer.end, m.outer.begin}, marks_,
                         lexicon_, &gap);
    int ends = 0;
    for (const QuoteToken& t : gap) ends += t.kind == QuoteToken::kTerminator;
    return ends <= 1;
  }

  bool FromPreviousSentence(int k, QuoteContext* c, Attribution* a) const {
    if (!ReadPreviousSentence(k, c, /*across_paragraphs=*/false)) return false;
    TokenRange np = layouts_.ClauseSubject(c->previous, 0, c->previous.size());
    if (np.empty()) return false;
    a->kind = np.size() == 1 && c->previous[np.begin].Is(kAnyPronoun)
                  ? Attribution::Speaker::kPronoun
                  : Attribution::Speaker::kPhrase;
    a->speaker = np;
    a->speaker_side = Side::kPrevious;
    a->method = "previous-sentence";
    return true;
  }

  // The name the previous sentence (in this paragraph or ending the one
  // before) opens with, if a pronoun of class `pronoun` can refer to it
  // ("Ortega was blunt. ... she said").
  bool PronounFromPreviousSentence(int k, QuoteContext* c, uint32_t pronoun,
                                   SpeakerInfo* info) {
    if (!ReadPreviousSentence(k, c, /*across_paragraphs=*/true)) return false;
    TokenRange np = layouts_.ClauseSubject(c->previous, 0, c->previous.size());
    if (np.empty() || c->previous[np.begin].Is(kAnyPronoun)) return false;
    if (!speakers_.FromPhrase(c->previous, np, info)) return false;
    return ((pronoun & kPersonPronoun) && info->person) ||
           ((pronoun & kPluralPronoun) && info->plural) ||
           ((pronoun & kThingPronoun) && info->thing);
  }

  // Who the words of `a` name. Sets *at to where the speaker is written.
  bool Resolve(int k, QuoteContext* c, const Attribution& a, SpeakerInfo* info,
               uint32_t* at) {
    const std::vector<QuoteToken>& side = c->tokens(a.speaker_side);
    switch (a.kind) {
      case Attribution::Speaker::kPhrase:
        *at = side[a.speaker.begin].norm.begin;
        return speakers_.FromPhrase(side, a.speaker, info);
      case Attribution::Speaker::kPronoun: {
        *at = side[a.speaker.begin].norm.begin;
        return ResolvePronoun(
            k, c, side[a.speaker.begin].classes() & kAnyPronoun, *at, info);
      }
      case Attribution::Speaker::kMainSubject:
        return ResolveMainSubject(k, c, a, info, at);
      case Attribution::Speaker::kPassive:
      case Attribution::Speaker::kNone:
        return false;
    }
    return false;
  }

  // The speaker a pronoun at `at` refers to: the latest compatible speaker
  // or actor (quote_speakers.h), unless the subject of the previous sentence
  // is compatible and more recent, or is a name where that is a description
  // ("Paraguay's envoy for the river, Rodrigo Benitez, ... He said").
  bool ResolvePronoun(int k, QuoteContext* c, uint32_t pronoun, uint32_t at,
                      SpeakerInfo* info) {
    uint32_t where = 0;
    bool found = speakers_.FromPronoun(pronoun, at, info, &where);
    SpeakerInfo subject;
    if (!PronounFromPreviousSentence(k, c, pronoun, &subject)) return found;
    // A lone capitalised word that no stage knows ("Fitness was a big
    // factor, according to Kidston. ... he said") is too weak to beat an
    // older candidate; a known person or actor is not.
    bool older =
        where < c->previous.front().norm.begin && !subject.type.empty();
    if (!found || older || (info->person && !info->named && subject.named)) {
      *info = subject;
    }
    return true;
  }

  // The subject of the clause of a participle or coordinated cue: the
  // speaker of an earlier quotation of the sentence, else the phrase the
  // sentence opens with, else the first person the actor stage found in it.
  bool ResolveMainSubject(int k, QuoteContext* context, const Attribution& a,
                          SpeakerInfo* info, uint32_t* at) {
    const QuoteContext& c = *context;
    const size_t clause = 0;
    size_t cue = a.cue.empty() ? c.left.size() : a.cue.begin;
    for (size_t i = cue; i-- > clause;) {
      const QuoteToken& t = c.left[i];
      if (t.kind == QuoteToken::kQuotation && attributed_[t.quotation]) {
        *info = info_[t.quotation];
        return true;
      }
    }
    TokenRange np = layouts_.ClauseSubject(c.left, clause, cue);
    if (!np.empty()) {
      *at = c.left[np.begin].norm.begin;
      if (np.size() == 1 && c.left[np.begin].Is(kAnyPronoun)) {
        return ResolvePronoun(
            k, context, c.left[np.begin].classes() & kAnyPronoun, *at, info);
      }
      if (speakers_.FromPhrase(c.left, np, info)) return true;
    }
    if (clause >= c.left.size() || cue <= clause) return false;
    return speakers_.FirstPersonIn(
        {c.left[clause].norm.begin, c.left[cue - 1].norm.end}, info);
  }

  const Document& doc_;
  const QuoteLexicon& lexicon_;
  const std::vector<Span>& paragraphs_;
  const std::vector<QuoteMarks>& marks_;
  QuoteLayouts layouts_;
  SpeakerResolver speakers_;
  QuoteWarner warner_;
  std::vector<SpeakerInfo>
      info_;              // per quotation: its speaker, when attributed
  QuoteContext context_;  // of the quotation being attributed
  std::vector<bool> attributed_;
};

}  // namespace

struct QuoteAttributor::Data {
  std::unique_ptr<QuoteLexicon> lexicon;
};

QuoteAttributor::QuoteAttributor(std::unique_ptr<Data> data)
    : data_(std::move(data)) {}
QuoteAttributor::~QuoteAttributor() = default;

Status QuoteAttributor::Load(const std::string& quotes_dir,
                             std::unique_ptr<QuoteAttributor>* out,
                             DiagnosticSink* sink) {
  out->reset();
  NullSink null_sink;
  if (sink == nullptr) sink = &null_sink;
  auto data = std::make_unique<Data>();
  Status s = QuoteLexicon::Load(quotes_dir, &data->lexicon, sink);
  if (!s.ok()) return s;
  out->reset(new QuoteAttributor(std::move(data)));
  return Status::OK();
}

void QuoteAttributor::Annotate(Document* doc, DiagnosticSink* sink) const {
  doc->quotes.clear();
  std::vector<Span> paragraphs;
  FindParagraphs(doc->text, &paragraphs);
  std::vector<QuoteMarks> marks;
  FindQuoteMarks(*doc, paragraphs, &marks, sink);
  if (marks.empty()) return;
  QuotePass(*doc, *data_->lexicon, paragraphs, marks, sink).Run(&doc->quotes);
}

}  // namespace stance
