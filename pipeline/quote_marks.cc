#include "pipeline/quote_marks.h"

#include <algorithm>
#include <cstring>

namespace stance {
namespace {

constexpr uint32_t kNone = UINT32_MAX;

bool IsSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Letters and digits, and every byte of a multi-byte UTF-8 character (the
// normaliser has already turned the non-ASCII quote marks and spaces into
// ASCII, so what remains there is mostly letters).
bool IsWordByte(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  return u >= 0x80 || (u >= '0' && u <= '9') ||
         ((u | 0x20) >= 'a' && (u | 0x20) <= 'z');
}

// What may stand right before an opening mark.
bool OpensAfter(char c) {
  return IsSpace(c) || std::strchr("([{-/\"':,;", c) != nullptr;
}

// What may stand right after a closing mark.
bool ClosesBefore(char c) {
  return IsSpace(c) || std::strchr(".,;:!?)]}-/\"'", c) != nullptr;
}

// The direction a curly mark of the original text gives, if any.
enum class Hint { kNone, kOpen, kClose };

Hint OriginalHint(const Document& doc, uint32_t norm) {
  uint32_t o = doc.offsets.ToOriginal(norm);
  const std::string& s = doc.original;
  if (o >= s.size()) return Hint::kNone;
  unsigned char b0 = s[o];
  if (b0 == 0xC2 && o + 1 < s.size()) {  // « »
    unsigned char b1 = s[o + 1];
    if (b1 == 0xAB) return Hint::kOpen;
    if (b1 == 0xBB) return Hint::kClose;
    return Hint::kNone;
  }
  if (b0 != 0xE2 || o + 2 >= s.size() ||
      static_cast<unsigned char>(s[o + 1]) != 0x80) {
    return Hint::kNone;
  }
  switch (static_cast<unsigned char>(s[o + 2])) {
    case 0x98:  // ‘
    case 0x9C:  // “
    case 0x9E:  // „
    case 0x9F:  // ‟
      return Hint::kOpen;
    case 0x99:  // ’
    case 0x9D:  // ”
      return Hint::kClose;
    default:
      return Hint::kNone;
  }
}

// The scanner of one document: a stack of open marks that may carry over a
// paragraph break.
class MarkScanner {
 public:
  MarkScanner(const Document& doc, std::vector<QuoteMarks>* out,
              DiagnosticSink* sink)
      : doc_(doc), text_(doc.text), out_(out), warner_(doc, sink) {}

  void Run(const std::vector<Span>& paragraphs) {
    for (size_t p = 0; p < paragraphs.size(); ++p) {
      Span para = paragraphs[p];
      uint32_t begin = para.begin;
      if (continued_) {
        ++begin;  // the mark that reopens a continued quotation
        continued_ = false;
      }
      paragraph_ = static_cast<int>(p);
      // Marks are rare: jump from one to the next with memchr.
      uint32_t dbl = Next('"', begin, para.end);
      uint32_t sgl = Next('\'', begin, para.end);
      while (dbl < para.end || sgl < para.end) {
        if (dbl < sgl) {
          OnDouble(dbl, para);
          dbl = Next('"', dbl + 1, para.end);
        } else {
          OnSingle(sgl, para);
          sgl = Next('\'', sgl + 1, para.end);
        }
      }
      const Span* next =
          p + 1 < paragraphs.size() ? &paragraphs[p + 1] : nullptr;
      EndParagraph(para, next);
    }
    std::sort(out_->begin(), out_->end(),
              [](const QuoteMarks& a, const QuoteMarks& b) {
                return a.outer.begin < b.outer.begin;
              });
  }

 private:
  struct Frame {
    uint32_t open;
    bool single;
    int paragraph;
    bool multi = false;
    uint32_t weak_close = kNone;  // a possessive s' that may close it after all
  };

  // The offset of the next `c` in [from, end), or `end`.
  uint32_t Next(char c, uint32_t from, uint32_t end) const {
    if (from >= end) return end;
    const void* hit = std::memchr(text_.data() + from, c, end - from);
    return hit == nullptr ? end
                          : static_cast<uint32_t>(
                                static_cast<const char*>(hit) - text_.data());
  }

  char At(uint32_t i, Span para) const {
    return i >= para.begin && i < para.end ? text_[i] : ' ';
  }

  void OnDouble(uint32_t i, Span para) {
    Hint hint = OriginalHint(doc_, i);
    int open = InnermostDouble();
    if (hint == Hint::kOpen && open >= 0 && !IsSpace(At(i + 1, para))) {
      // A curly opening mark inside an open quotation: a nested one.
      stack_.push_back({i, false, paragraph_});
      return;
    }
    if (open >= 0) {
      CloseAt(open, i);
      return;
    }
    char prev = At(i - 1, para);
    bool closer_only = hint == Hint::kClose ||
                       (!OpensAfter(prev) && ClosesBefore(At(i + 1, para)));
    if (closer_only) {
      // A closing mark with nothing open. After a digit it is inches (12").
      if (!(prev >= '0' && prev <= '9'))
        warner_.Warn(i, "stray closing quotation mark");
      return;
    }
    stack_.push_back({i, false, paragraph_});
  }

  void OnSingle(uint32_t i, Span para) {
    char prev = At(i - 1, para);
    char next = At(i + 1, para);
    if (IsWordByte(prev) && IsWordByte(next))
      return;  // an apostrophe inside a word
    Hint hint = OriginalHint(doc_, i);
    bool closer = hint != Hint::kOpen && !IsSpace(prev) && i > para.begin &&
                  ClosesBefore(next);
    bool opener = hint != Hint::kClose && OpensAfter(prev) && !IsSpace(next) &&
                  i + 1 < para.end;
    if (closer && !stack_.empty() && stack_.back().single) {
      // The ministers' talks: a plural possessive, unless nothing better
      // closes the quotation.
      bool possessive = (prev == 's' || prev == 'S') && next == ' ' &&
                        i + 2 < para.end && text_[i + 2] >= 'a' &&
                        text_[i + 2] <= 'z';
      if (possessive) {
        if (stack_.back().weak_close == kNone) stack_.back().weak_close = i;
        return;
      }
      CloseAt(static_cast<int>(stack_.size()) - 1, i);
      return;
    }
    if (opener) stack_.push_back({i, true, paragraph_});
    // Anything else is an apostrophe: '90s, the ministers' talks.
  }

  int InnermostDouble() const {
    for (int k = static_cast<int>(stack_.size()) - 1; k >= 0; --k) {
      if (!stack_[k].single) return k;
    }
    return -1;
  }

  // Closes frame `k` with the mark at `close`; the frames above it were
  // single marks that never closed: apostrophes, or quotations closed by a
  // possessive-looking mark.
  void CloseAt(int k, uint32_t close) {
    while (static_cast<int>(stack_.size()) > k + 1) DropTop();
    Frame f = stack_.back();
    stack_.pop_back();
    Emit(f, {f.open + 1, close}, {f.open, close + 1}, true);
  }

  // Drops the single mark on top of the stack: it was an apostrophe, unless
  // a possessive-looking mark may close it after all.
  void DropTop() {
    Frame f = stack_.back();
    stack_.pop_back();
    if (f.weak_close != kNone)
      Emit(f, {f.open + 1, f.weak_close}, {f.open, f.weak_close + 1}, true);
  }

  // A double mark still open at the end of its paragraph ends there, unless
  // it is the outermost one and the next paragraph opens with a mark.
  void EndParagraph(Span para, const Span* next) {
    if (stack_.empty()) return;
    bool continues =
        !stack_[0].single && next != nullptr && text_[next->begin] == '"';
    while (stack_.size() > (continues ? 1u : 0u)) {
      if (stack_.back().single) {
        DropTop();
        continue;
      }
      Frame f = stack_.back();
      stack_.pop_back();
      warner_.Warn(
          f.open,
          "unbalanced quotation mark: the quotation ends with its paragraph");
      Emit(f, {f.open + 1, para.end}, {f.open, para.end}, false);
    }
    if (continues) {
      stack_[0].multi = true;
      continued_ = true;
    }
  }

  void Emit(const Frame& f, Span inner, Span outer, bool balanced) {
    // Trim nothing but refuse quotations with no text at all ("" or " ").
    bool blank = true;
    for (uint32_t i = inner.begin; i < inner.end && blank; ++i)
      blank = IsSpace(text_[i]);
    if (blank) return;
    QuoteMarks q;
    q.outer = outer;
    q.inner = inner;
    q.depth = static_cast<int>(stack_.size());
    q.paragraph = f.paragraph;
    q.single = f.single;
    q.balanced = balanced;
    q.multi_paragraph = f.multi;
    out_->push_back(q);
  }

  const Document& doc_;
  const std::string& text_;
  std::vector<QuoteMarks>* out_;
  QuoteWarner warner_;
  std::vector<Frame> stack_;
  int paragraph_ = 0;
  bool continued_ = false;
};

}  // namespace

void FindParagraphs(std::string_view text, std::vector<Span>* paragraphs) {
  // Blank lines separate paragraphs; a text without any (one paragraph per
  // line, as some feeds send) is split at every line break.
  bool blank_lines = false;
  for (size_t i = text.find('\n'); i != std::string_view::npos && !blank_lines;
       i = text.find('\n', i + 1)) {
    size_t j = i + 1;
    while (j < text.size() && (text[j] == ' ' || text[j] == '\t')) ++j;
    blank_lines = j < text.size() && text[j] == '\n';
  }
  size_t begin = 0;
  while (begin < text.size()) {
    size_t end = begin;
    while (true) {
      end = text.find('\n', end);
      if (end == std::string_view::npos) {
        end = text.size();
        break;
      }
      if (!blank_lines) break;
      size_t j = end + 1;
      while (j < text.size() && (text[j] == ' ' || text[j] == '\t')) ++j;
      if (j >= text.size() || text[j] == '\n') break;
      end = j;
    }
    uint32_t b = static_cast<uint32_t>(begin), e = static_cast<uint32_t>(end);
    while (b < e && IsSpace(text[b])) ++b;
    while (e > b && IsSpace(text[e - 1])) --e;
    if (e > b) paragraphs->push_back({b, e});
    begin = end + 1;
  }
}

void FindQuoteMarks(const Document& doc, const std::vector<Span>& paragraphs,
                    std::vector<QuoteMarks>* quotes, DiagnosticSink* sink) {
  MarkScanner(doc, quotes, sink).Run(paragraphs);
}

void QuoteWarner::Warn(uint32_t norm, std::string message,
                          Diagnostic::Severity severity) {
  if (sink_ == nullptr) return;
  const std::string& s = doc_.original;
  uint32_t orig = std::min<uint32_t>(doc_.offsets.ToOriginal(norm), s.size());
  if (orig < line_start_) {
    line_start_ = 0;
    line_ = 1;
  }
  for (const void* nl;
       (nl = std::memchr(s.data() + line_start_, '\n', orig - line_start_));) {
    line_start_ =
        static_cast<uint32_t>(static_cast<const char*>(nl) - s.data()) + 1;
    ++line_;
  }
  Diagnostic d;
  d.severity = severity;
  d.location = {doc_.id, line_, static_cast<int>(orig - line_start_) + 1};
  d.message = std::move(message);
  // Long lines (whole paragraphs) would drown the message; a caret is only
  // worth it under a short one.
  size_t line_end = s.find('\n', line_start_);
  if (line_end == std::string::npos) line_end = s.size();
  if (line_end - line_start_ <= 160)
    d.source_line = s.substr(line_start_, line_end - line_start_);
  sink_->Report(d);
}

}  // namespace stance
