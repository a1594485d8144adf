// The sentence splitter (see sentences.h). The rules, in the order they are
// applied:
//
// 1. A blank line (a line of only spaces and tabs counts) always ends a
//    sentence, whatever precedes it.
// 2. A line that starts a list item ("- ", "* ", "• ", "1. ", "2) ") starts a
//    sentence; the marker is kept in the span.
// 3. At . ? ! or an ellipsis (... or …), possibly repeated ("?!") and followed
//    by closing quotes and brackets ( ." .) ?' ), the sentence may end after
//    the closers, if white space or the end of the text follows. It does not
//    if the next word begins with a lowercase letter ('"Why?" she asked',
//    "the U.S. military"). Otherwise what ends it depends on what came before:
//    - a period after an ordinary word, a ? or ! not in quotes: it ends;
//    - a period after a title (Mr. Gen. St.) or a list number ("1." alone at
//      the start of a line): never;
//    - a period after a word written before numbers (No. Art. Jan. Sept.):
//      ends unless a digit follows;
//    - a period after another abbreviation (U.S. a.m. Inc.), an initial (J.),
//      or letters joined by periods (U.A.E.), an ellipsis, and a ? or ! closed
//      by a quote: ends only when the next word is a sentence starter (The,
//      He, In...; not followed by a period, which makes it an initial), a
//      quotation opens (a bracket does not: "Acme Kft. (Acme Ltd.) bought"),
//      or the line ends. Names often follow these ("U.S. Senate", '"Really?"
//      Trump asked'); sentences start with a small set of function words far
//      more often than not.
//    A period not followed by white space never ends one: "3.5", "U.S.-led",
//    "Znak.com". The sentence ends of other scripts found in quotations
//    (Devanagari । ॥, Arabic ؟ ۔) act like a period after an ordinary word;
//    the CJK ones (。！？) need no white space after them.
// 4. A single line break inside a paragraph. If the line ends with final
//    punctuation, rule 3 has decided. Otherwise the line has no final
//    punctuation and is a sentence of its own (a headline, byline, dateline,
//    "6 min read") unless it is prose wrapped mid-sentence, recognised by:
//    - the line ends with a mark that cannot end a sentence: , ; - ( / &,
//      or with a colon before a quotation ('He said:\n"We...');
//    - the line ends with a continuation word (the, of, and... listed in
//      abbreviations.yaml);
//    - the next line starts with a lowercase letter;
//    - the paragraph is hard-wrapped: three lines or more, every line but the
//      last 40 to 120 bytes long and within 30 bytes of each other, and the
//      last line ends with final punctuation. Headline blocks fail this (their
//      lines are short or uneven, and do not end in a period).
// 5. Spans are trimmed of white space; an empty one is dropped. A run of more
//    than kMaxSentenceBytes without a break is cut at a space, so that
//    binary or unpunctuated input cannot make one huge sentence.
//
// The scan looks at each byte once through a 256-entry table and stops only
// at . ? ! LF and the lead bytes of … and of the other scripts' sentence
// ends; the rules above run at those stops.
#include "pipeline/sentences.h"

#include <utf8proc.h>

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "pipeline/abbreviations.h"
#include "pipeline/utf8.h"

namespace stance {
namespace {

constexpr size_t kMaxSentenceBytes = 16384;
// Hard-wrapped paragraphs (rule 4).
constexpr size_t kWrapMinBytes = 40;
constexpr size_t kWrapMaxBytes = 120;
constexpr size_t kWrapSpreadBytes = 30;
// Longest list number ("123.") at the start of a line.
constexpr size_t kMaxListDigits = 3;

// Bytes where the scan stops: . ? ! LF, and the lead bytes of "…" and of
// the sentence ends of other scripts (kOtherEnds).
struct StopTable {
  bool stop[256] = {};
  constexpr StopTable() {
    for (unsigned char c : {'.', '?', '!', '\n'}) stop[c] = true;
    for (unsigned char c : {0xD8, 0xDB, 0xE0, 0xE2, 0xE3, 0xEF}) stop[c] = true;
  }
};
constexpr StopTable kStops;

inline bool IsSpace(char c) {
  return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\v' ||
         c == '\f';
}
// White space that does not end a line.
inline bool IsLineSpace(char c) {
  return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f';
}
inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }
inline bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
inline bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
inline bool IsLetter(char c) { return IsUpper(c) || IsLower(c); }

inline bool BytesAt(std::string_view t, size_t i, const char* bytes,
                    size_t len) {
  return i + len <= t.size() && std::memcmp(t.data() + i, bytes, len) == 0;
}
inline bool BytesBefore(std::string_view t, size_t end, const char* bytes,
                        size_t len) {
  return end >= len && std::memcmp(t.data() + end - len, bytes, len) == 0;
}

// "…" at `i`: its length, else 0.
inline size_t EllipsisAt(std::string_view t, size_t i) {
  return BytesAt(t, i, "\xE2\x80\xA6", 3) ? 3 : 0;
}

// Sentence ends of other scripts, for quotations and names in them: the
// Devanagari danda and double danda and the Arabic question mark and full
// stop want white space after them, like "."; the CJK full stop and
// full-width ! and ? do not, as CJK is written without spaces.
struct OtherEnd {
  const char* bytes;
  bool spaced;
};
const OtherEnd kOtherEnds[] = {
    {"\xE0\xA5\xA4", true},  {"\xE0\xA5\xA5", true},  {"\xD8\x9F", true},
    {"\xDB\x94", true},      {"\xE3\x80\x82", false}, {"\xEF\xBC\x81", false},
    {"\xEF\xBC\x9F", false},
};

// The sentence end of another script at `i`: its length, else 0.
size_t OtherEndAt(std::string_view t, size_t i, bool* spaced) {
  if (static_cast<unsigned char>(t[i]) < 0x80) return 0;
  for (const OtherEnd& e : kOtherEnds) {
    size_t len = std::strlen(e.bytes);
    if (BytesAt(t, i, e.bytes, len)) {
      *spaced = e.spaced;
      return len;
    }
  }
  return 0;
}

bool OtherEndBefore(std::string_view t, size_t end) {
  for (const OtherEnd& e : kOtherEnds) {
    if (BytesBefore(t, end, e.bytes, std::strlen(e.bytes))) return true;
  }
  return false;
}

// Closing quotes and brackets. Normalised text has only the ASCII ones; the
// others are known so that Split also copes with raw text.
const char* const kClosers[] = {"\xE2\x80\x9D", "\xE2\x80\x99", "\xC2\xBB",
                                "\xE2\x80\xBA"};
const char* const kOpeners[] = {"\xE2\x80\x9C", "\xE2\x80\x98", "\xC2\xAB",
                                "\xE2\x80\xB9", "\xE2\x80\x9E"};

// The closer starting at `i`: its length, else 0. `*quote` tells a quote
// mark from a bracket.
size_t CloserAt(std::string_view t, size_t i, bool* quote) {
  if (i >= t.size()) return 0;
  char c = t[i];
  *quote = c != ')' && c != ']';
  if (c == '"' || c == '\'' || c == ')' || c == ']') return 1;
  if (static_cast<unsigned char>(c) < 0x80) return 0;
  for (const char* m : kClosers) {
    size_t len = std::strlen(m);
    if (BytesAt(t, i, m, len)) return len;
  }
  return 0;
}

// The closer ending at `end`: its length, else 0.
size_t CloserBefore(std::string_view t, size_t end) {
  if (end == 0) return 0;
  char c = t[end - 1];
  if (c == '"' || c == '\'' || c == ')' || c == ']') return 1;
  if (static_cast<unsigned char>(c) < 0x80) return 0;
  for (const char* m : kClosers) {
    size_t len = std::strlen(m);
    if (BytesBefore(t, end, m, len)) return len;
  }
  return 0;
}

// The opening quote or bracket starting at `i`: its length, else 0.
size_t OpenerAt(std::string_view t, size_t i) {
  if (i >= t.size()) return 0;
  char c = t[i];
  if (c == '"' || c == '\'' || c == '(' || c == '[') return 1;
  if (static_cast<unsigned char>(c) < 0x80) return 0;
  for (const char* m : kOpeners) {
    size_t len = std::strlen(m);
    if (BytesAt(t, i, m, len)) return len;
  }
  return 0;
}

// True if [begin, end) ends with final punctuation, possibly closed by quotes
// and brackets: "war." "war?!" 'war."' "war.)" "war…".
bool EndsWithFinalPunct(std::string_view t, size_t begin, size_t end) {
  while (end > begin) {
    size_t len = CloserBefore(t, end);
    if (len == 0) break;
    end -= len;
  }
  if (end <= begin) return false;
  char c = t[end - 1];
  return c == '.' || c == '?' || c == '!' ||
         BytesBefore(t, end, "\xE2\x80\xA6", 3) || OtherEndBefore(t, end);
}

enum class Case { kLower, kUpper, kDigit, kOther };

Case CaseAt(std::string_view t, size_t i) {
  if (i >= t.size()) return Case::kOther;
  char c = t[i];
  if (IsLower(c)) return Case::kLower;
  if (IsUpper(c)) return Case::kUpper;
  if (IsDigit(c)) return Case::kDigit;
  if (static_cast<unsigned char>(c) < 0x80) return Case::kOther;
  char32_t cp = 0;
  if (DecodeUtf8(t, i, &cp) == 0) return Case::kOther;
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_LL:
      return Case::kLower;
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT:
      return Case::kUpper;
    default:
      return Case::kOther;
  }
}

// A list item starts at `i` (the first non-space byte of a line).
bool IsListItem(std::string_view t, size_t i) {
  size_t n = t.size();
  char c = t[i];
  if (c == '-' || c == '*')
    return i + 1 < n && (t[i + 1] == ' ' || t[i + 1] == '\t');
  // • ◦ ▪
  if (BytesAt(t, i, "\xE2\x80\xA2", 3) || BytesAt(t, i, "\xE2\x97\xA6", 3) ||
      BytesAt(t, i, "\xE2\x96\xAA", 3)) {
    return true;
  }
  size_t d = i;
  while (d < n && IsDigit(t[d]) && d - i < kMaxListDigits + 1) ++d;
  if (d == i || d - i > kMaxListDigits || d + 1 >= n) return false;
  return (t[d] == '.' || t[d] == ')') && (t[d + 1] == ' ' || t[d + 1] == '\t');
}

// What a terminator does to the sentence (rule 3).
enum class Strength {
  kStrong,        // ends it
  kBeforeNumber,  // ends it unless a digit follows
  kWeak,  // ends it before a sentence starter, a quotation or a line end
  kNever,
};

// One call of Split: the scan state.
class Scanner {
 public:
  Scanner(const AbbreviationTable& table, std::string_view text,
          std::vector<Span>* out)
      : table_(table), t_(text), n_(text.size()), out_(out) {}

  void Run();

 private:
  size_t Terminator(size_t p);
  size_t Newline(size_t p);
  Strength PeriodStrength(size_t p) const;
  bool ShouldBreak(Strength strength, size_t s, int line_breaks) const;
  bool JoinsNextLine(size_t line_end, size_t next);
  bool ParagraphIsWrapped();
  // Ends the current sentence at `end` (exclusive) and starts the next there.
  void Emit(size_t end);

  const AbbreviationTable& table_;
  std::string_view t_;
  size_t n_;
  std::vector<Span>* out_;
  size_t start_ = 0;      // where the current sentence begins (untrimmed)
  size_t paragraph_ = 0;  // where the current paragraph begins
  size_t wrap_checked_ =
      std::string_view::npos;  // the paragraph `wrapped_` is for
  bool wrapped_ = false;
};

void Scanner::Run() {
  const char* data = t_.data();
  size_t i = 0;
  while (true) {
    while (i < n_ && !kStops.stop[static_cast<unsigned char>(data[i])]) ++i;
    if (i >= n_) break;
    char c = data[i];
    if (c == '\n') {
      i = Newline(i);
    } else if (bool spaced; c == '.' || c == '?' || c == '!' ||
                            EllipsisAt(t_, i) != 0 ||
                            OtherEndAt(t_, i, &spaced) != 0) {
      i = Terminator(i);
    } else {
      ++i;
    }
  }
  Emit(n_);
}

size_t Scanner::Terminator(size_t p) {
  // The terminator cluster: ".", "?!", "...", "…".
  size_t q = p;
  int periods = 0;
  bool question = false;
  bool ellipsis = false;
  bool other = false;     // another script's sentence end
  bool unspaced = false;  // one that needs no space after it (CJK)
  while (q < n_) {
    char c = t_[q];
    if (c == '.') {
      ++periods;
      ++q;
    } else if (c == '?' || c == '!') {
      question = true;
      ++q;
    } else if (size_t len = EllipsisAt(t_, q)) {
      ellipsis = true;
      q += len;
    } else if (bool spaced; (len = OtherEndAt(t_, q, &spaced)) != 0) {
      other = true;
      unspaced |= !spaced;
      q += len;
    } else {
      break;
    }
  }
  if (periods >= 2) ellipsis = true;
  // Closing quotes and brackets belong to the sentence that ends.
  size_t r = q;
  bool quoted = false;
  while (true) {
    bool quote = false;
    size_t len = CloserAt(t_, r, &quote);
    if (len == 0) break;
    quoted |= quote;
    r += len;
  }
  if (r >= n_) return n_;
  if (!IsSpace(t_[r])) {
    if (unspaced) Emit(r);
    return unspaced ? r : q;  // "3.5", "U.S.-led", "Znak.com"
  }
  size_t s = r;
  int line_breaks = 0;
  while (true) {
    while (s < n_ && IsSpace(t_[s])) {
      if (t_[s] == '\n') ++line_breaks;
      ++s;
    }
    // A closer set off by a space on the same line still closes: in
    // "tomorrow.' \"" (a thin space, normalised) the quote is no opener, as
    // white space follows it.
    if (line_breaks > 0) break;
    size_t e = s;
    bool quote = false;
    bool any_quote = false;
    while (size_t len = CloserAt(t_, e, &quote)) {
      any_quote |= quote;
      e += len;
    }
    if (e == s || (e < n_ && !IsSpace(t_[e]))) break;
    quoted |= any_quote;
    r = s = e;
  }
  if (r >= n_) return n_;
  // A blank line or the end of the text: rule 1 or the final Emit.
  if (s >= n_ || line_breaks >= 2) return r;
  // Nothing but marks before it in this sentence ("[...] Today", "... And"):
  // the cluster opens the sentence, it does not end one.
  size_t first = start_;
  while (first < p && (IsSpace(t_[first]) || OpenerAt(t_, first) != 0)) ++first;
  if (first == p) return r;
  Strength strength;
  if (other && !ellipsis) {
    strength = Strength::kStrong;
  } else if (question && !ellipsis) {
    strength = quoted ? Strength::kWeak : Strength::kStrong;
  } else if (ellipsis) {
    strength = Strength::kWeak;
  } else {
    strength = PeriodStrength(p);
  }
  if (ShouldBreak(strength, s, line_breaks)) Emit(r);
  return r;
}

Strength Scanner::PeriodStrength(size_t p) const {
  // The word before the period, without opening quotes and brackets.
  size_t limit = table_.max_length() + 8;
  size_t b = p;
  while (b > 0 && !IsSpace(t_[b - 1]) && p - b <= limit) --b;
  if (p - b > limit) return Strength::kStrong;  // too long for an abbreviation
  size_t word_begin = b;
  while (word_begin < p) {
    size_t len = OpenerAt(t_, word_begin);
    if (len == 0) break;
    word_begin += len;
  }
  std::string_view word = t_.substr(word_begin, p - word_begin);
  if (word.empty()) return Strength::kStrong;
  switch (table_.Find(word)) {
    case AbbreviationTable::kTitle:
      return Strength::kNever;
    case AbbreviationTable::kBeforeNumber:
      return Strength::kBeforeNumber;
    case AbbreviationTable::kAbbreviation:
      return Strength::kWeak;
    case AbbreviationTable::kNone:
      break;
  }
  // An initial: "J." in "J. R. R. Tolkien".
  if (word.size() == 1 && IsUpper(word[0])) return Strength::kWeak;
  // A list number alone at the start of a line: "1." in "1. Ceasefire".
  if (word.size() <= kMaxListDigits && word_begin == b) {
    bool digits = true;
    for (char c : word) digits &= IsDigit(c);
    size_t before = b;
    while (before > 0 && IsLineSpace(t_[before - 1])) --before;
    if (digits && (before == 0 || t_[before - 1] == '\n'))
      return Strength::kNever;
  }
  // Letters joined by periods, one or two between each: "U.A.E", "Ph.D", "e.g".
  bool dotted = word.find('.') != std::string_view::npos;
  size_t part = 0;
  for (char c : word) {
    if (c == '.') {
      dotted &= part > 0;
      part = 0;
    } else if (IsLetter(c) && part < 2) {
      ++part;
    } else {
      dotted = false;
      break;
    }
  }
  if (dotted && part > 0) return Strength::kWeak;
  return Strength::kStrong;
}

bool Scanner::ShouldBreak(Strength strength, size_t s, int line_breaks) const {
  if (strength == Strength::kNever) return false;
  // The next word, past opening quotes and brackets.
  size_t w = s;
  bool quotation = false;  // a quotation opens (a bracket does not count)
  while (size_t len = OpenerAt(t_, w)) {
    quotation |= t_[w] != '(' && t_[w] != '[';
    w += len;
  }
  Case next = CaseAt(t_, w);
  if (next == Case::kLower) return false;
  // A spaced ellipsis or stray mark (". . .", ". ?"): not yet.
  char c = t_[s];
  if (c == '.' || c == '?' || c == '!' || c == ',' || c == ';' || c == ':')
    return false;
  switch (strength) {
    case Strength::kStrong:
      return true;
    case Strength::kBeforeNumber:
      return next != Case::kDigit;
    case Strength::kWeak: {
      if (next == Case::kDigit) return false;
      if (line_breaks > 0) return true;
      if (next != Case::kUpper) return false;
      if (quotation) return true;
      size_t e = w;
      while (e < n_ && IsLetter(t_[e])) ++e;
      // "I." after an initial is another initial ("Wayne A. I. Frederick").
      if (e < n_ && t_[e] == '.') return false;
      return table_.IsSentenceStarter(t_.substr(w, e - w));
    }
    case Strength::kNever:
      break;
  }
  return false;
}

size_t Scanner::Newline(size_t p) {
  size_t s = p + 1;
  while (s < n_ && IsLineSpace(t_[s])) ++s;
  if (s >= n_) return n_;
  if (t_[s] == '\n') {
    // Rule 1: a blank line.
    Emit(p);
    while (s < n_ && IsSpace(t_[s])) ++s;
    paragraph_ = s;
    return s;
  }
  // Rule 2: a list item.
  if (IsListItem(t_, s)) {
    Emit(p);
    return s;
  }
  size_t e = p;
  while (e > start_ && IsSpace(t_[e - 1])) --e;
  if (e == start_) return s;  // nothing pending
  // Rule 4.
  if (EndsWithFinalPunct(t_, start_, e)) return s;  // rule 3 has decided
  if (JoinsNextLine(e, s)) return s;
  Emit(p);
  return s;
}

bool Scanner::JoinsNextLine(size_t line_end, size_t next) {
  char last = t_[line_end - 1];
  if (last == ',' || last == ';' || last == '-' || last == '(' || last == '/' ||
      last == '&') {
    return true;
  }
  // A colon introduces a quotation on the next line, or else a block of its
  // own ("Related:", "Key points:").
  if (last == ':' && OpenerAt(t_, next) != 0) return true;
  if (CaseAt(t_, next) == Case::kLower) return true;
  size_t b = line_end;
  while (b > start_ && IsLower(t_[b - 1])) --b;
  if (b < line_end && (b == start_ || !IsLetter(t_[b - 1])) &&
      table_.IsContinuation(t_.substr(b, line_end - b))) {
    return true;
  }
  return ParagraphIsWrapped();
}

bool Scanner::ParagraphIsWrapped() {
  if (wrap_checked_ == paragraph_) return wrapped_;
  wrap_checked_ = paragraph_;
  wrapped_ = false;
  size_t line = paragraph_;
  size_t shortest = SIZE_MAX;
  size_t longest = 0;
  int full_lines = 0;
  while (line < n_) {
    const void* nl = std::memchr(t_.data() + line, '\n', n_ - line);
    size_t end = nl ? static_cast<const char*>(nl) - t_.data() : n_;
    size_t next = end + 1;
    while (next < n_ && IsLineSpace(t_[next])) ++next;
    size_t trimmed = end;
    while (trimmed > line && IsSpace(t_[trimmed - 1])) --trimmed;
    if (end >= n_ || next >= n_ || t_[next] == '\n') {
      // The last line of the paragraph.
      wrapped_ = full_lines >= 2 && EndsWithFinalPunct(t_, line, trimmed);
      return wrapped_;
    }
    size_t len = trimmed - line;
    if (len < kWrapMinBytes || len > kWrapMaxBytes) return false;
    shortest = std::min(shortest, len);
    longest = std::max(longest, len);
    if (longest - shortest > kWrapSpreadBytes) return false;
    ++full_lines;
    line = next;
  }
  return false;
}

void Scanner::Emit(size_t end) {
  size_t b = start_;
  size_t e = end;
  start_ = end;
  while (b < e && IsSpace(t_[b])) ++b;
  while (e > b && IsSpace(t_[e - 1])) --e;
  // Rule 5: cut runs that are too long at the last space before the limit,
  // or else at a character boundary.
  while (e - b > kMaxSentenceBytes) {
    size_t cut = b + kMaxSentenceBytes;
    while (cut > b && !IsSpace(t_[cut])) --cut;
    if (cut == b) {
      cut = b + kMaxSentenceBytes;
      while (cut > b + 1 &&
             (static_cast<unsigned char>(t_[cut]) & 0xC0) == 0x80)
        --cut;
    }
    size_t piece_end = cut;
    while (piece_end > b && IsSpace(t_[piece_end - 1])) --piece_end;
    out_->push_back(
        {static_cast<uint32_t>(b), static_cast<uint32_t>(piece_end)});
    b = cut;
    while (b < e && IsSpace(t_[b])) ++b;
  }
  if (e > b)
    out_->push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e)});
}

}  // namespace

struct SentenceSplitter::Data {
  std::unique_ptr<AbbreviationTable> table;
};

SentenceSplitter::SentenceSplitter(std::unique_ptr<Data> data)
    : data_(std::move(data)) {}
SentenceSplitter::~SentenceSplitter() = default;

Status SentenceSplitter::Create(const std::string& abbreviations_yaml,
                                std::unique_ptr<SentenceSplitter>* out) {
  out->reset();
  auto data = std::make_unique<Data>();
  STANCE_RETURN_IF_ERROR(
      AbbreviationTable::Load(abbreviations_yaml, &data->table));
  out->reset(new SentenceSplitter(std::move(data)));
  return Status::OK();
}

void SentenceSplitter::Split(std::string_view text,
                             std::vector<Span>* sentences) const {
  sentences->clear();
  Scanner(*data_->table, text, sentences).Run();
}

void SentenceSplitter::Annotate(Document* doc) const {
  std::vector<Span> spans;
  Split(doc->text, &spans);
  doc->sentences.clear();
  doc->sentences.reserve(spans.size());
  for (Span s : spans)
    doc->sentences.push_back({doc->offsets.ToOriginal(s), s});
}

}  // namespace stance
