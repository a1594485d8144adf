#include "pipeline/quote_tokens.h"

#include <utf8proc.h>

#include <algorithm>

#include "pipeline/utf8.h"

namespace stance {
namespace {

bool IsWordByte(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  return u >= 0x80 || (u >= '0' && u <= '9') ||
         ((u | 0x20) >= 'a' && (u | 0x20) <= 'z');
}

bool IsAsciiLetter(char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }

bool StartsUpper(std::string_view text, uint32_t i) {
  unsigned char u = static_cast<unsigned char>(text[i]);
  if (u < 0x80) return u >= 'A' && u <= 'Z';
  char32_t cp = 0;
  if (DecodeUtf8(text, i, &cp) == 0) return false;
  return utf8proc_isupper(static_cast<utf8proc_int32_t>(cp));
}

// The horizontal ellipsis, U+2026, which the normaliser keeps.
bool IsEllipsis(std::string_view text, uint32_t i) {
  return i + 2 < text.size() && static_cast<unsigned char>(text[i]) == 0xE2 &&
         static_cast<unsigned char>(text[i + 1]) == 0x80 &&
         static_cast<unsigned char>(text[i + 2]) == 0xA6;
}

class Tokenizer {
 public:
  Tokenizer(std::string_view text, Span range,
            const std::vector<QuoteMarks>& marks, const QuoteLexicon& lexicon,
            std::vector<QuoteToken>* out, bool to_sentence_end)
      : text_(text),
        range_(range),
        marks_(marks),
        lexicon_(lexicon),
        out_(out),
        to_sentence_end_(to_sentence_end) {
    next_mark_ = std::lower_bound(marks.begin(), marks.end(), range.begin,
                                  [](const QuoteMarks& m, uint32_t pos) {
                                    return m.outer.begin < pos;
                                  }) -
                 marks.begin();
  }

  void Run() {
    uint32_t i = range_.begin;
    const uint32_t end = range_.end;
    while (i < end) {
      char c = text_[i];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        ++i;
      } else if (int q = QuotationAt(i); q >= 0) {
        if (to_sentence_end_) return;
        uint32_t stop = std::min(marks_[q].outer.end, end);
        Push(QuoteToken::kQuotation, i, stop).quotation = q;
        i = stop;
      } else if (IsEllipsis(text_, i) ||
                 (to_sentence_end_ && (c == '.' || c == '!' || c == '?'))) {
        if (to_sentence_end_) return;
        i = Run(QuoteToken::kTerminator, i, 3);
      } else if (IsWordByte(c)) {
        i = Word(i);
      } else {
        i = Punct(i);
      }
    }
  }

 private:
  int QuotationAt(uint32_t i) {
    while (next_mark_ < marks_.size() && (marks_[next_mark_].outer.begin < i ||
                                          marks_[next_mark_].depth > 0)) {
      ++next_mark_;
    }
    if (next_mark_ < marks_.size() && marks_[next_mark_].outer.begin == i) {
      return static_cast<int>(next_mark_);
    }
    return -1;
  }

  QuoteToken& Push(QuoteToken::Kind kind, uint32_t begin, uint32_t end) {
    QuoteToken t;
    t.kind = kind;
    t.norm = {begin, end};
    out_->push_back(t);
    return out_->back();
  }

  // A run of `width`-byte characters of one kind (..., ?!, --).
  uint32_t Run(QuoteToken::Kind kind, uint32_t i, uint32_t width) {
    uint32_t j = i + width;
    while (j < range_.end) {
      if (kind == QuoteToken::kTerminator && IsEllipsis(text_, j)) {
        j += 3;
      } else if (kind == QuoteToken::kTerminator &&
                 (text_[j] == '.' || text_[j] == '!' || text_[j] == '?')) {
        ++j;
      } else if (kind == QuoteToken::kDash && text_[j] == '-') {
        ++j;
      } else {
        break;
      }
    }
    Push(kind, i, j);
    return j;
  }

  uint32_t Punct(uint32_t i) {
    switch (text_[i]) {
      case ',':
        Push(QuoteToken::kComma, i, i + 1);
        return i + 1;
      case ':':
        Push(QuoteToken::kColon, i, i + 1);
        return i + 1;
      case ';':
        Push(QuoteToken::kSemicolon, i, i + 1);
        return i + 1;
      case '-':
        return Run(QuoteToken::kDash, i, 1);
      case '.':
      case '!':
      case '?':
        return Run(QuoteToken::kTerminator, i, 1);
      case '(':
      case '[':
      case '{':
        Push(QuoteToken::kOpenBracket, i, i + 1);
        return i + 1;
      case ')':
      case ']':
      case '}':
        Push(QuoteToken::kCloseBracket, i, i + 1);
        return i + 1;
      default:
        Push(QuoteToken::kOther, i, i + 1);
        return i + 1;
    }
  }

  uint32_t Word(uint32_t i) {
    const uint32_t end = range_.end;
    uint32_t j = i + 1;
    bool inner_dot = false;
    while (j < end) {
      char c = text_[j];
      if (IsWordByte(c)) {
        ++j;
      } else if ((c == '\'' || c == '-' || c == '.' || c == '&') &&
                 j + 1 < end && IsWordByte(text_[j + 1])) {
        // Inside a word: don't, al-Qaeda, U.S, AT&T.
        inner_dot |= c == '.';
        ++j;
      } else {
        break;
      }
    }
    // Lavrov's -> Lavrov + 's.
    uint32_t possessive = 0;
    if (j - i > 2 && text_[j - 2] == '\'' &&
        (text_[j - 1] == 's' || text_[j - 1] == 'S')) {
      possessive = j - 2;
    }
    uint32_t word_end = possessive != 0 ? possessive : j;
    char key[48];
    uint32_t n = word_end - i;
    const QuoteWord* word = nullptr;
    uint32_t classes = 0;
    if (n < sizeof(key)) {
      uint32_t hash = QuoteLexicon::kHashSeed;
      for (uint32_t k = 0; k < n; ++k) {
        char c = text_[i + k];
        key[k] = c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
        hash = QuoteLexicon::HashStep(hash, key[k]);
      }
      word = lexicon_.Find(std::string_view(key, n), hash, &classes);
    }
    // The dot of an abbreviation, an initial or U.S. belongs to the word.
    if (possessive == 0 && j < end && text_[j] == '.') {
      bool initial = n == 1 && text_[i] >= 'A' && text_[i] <= 'Z';
      if (inner_dot || initial || (classes & kAbbreviation)) {
        word_end = ++j;
      }
    }
    QuoteToken& t = Push(QuoteToken::kWord, i, word_end);
    t.word = word;
    t.word_classes = classes;
    t.capitalised = StartsUpper(text_, i);
    if (!t.capitalised && n > 4 && n < sizeof(key)) {
      t.ing = key[n - 3] == 'i' && key[n - 2] == 'n' && key[n - 1] == 'g';
      t.ly = key[n - 2] == 'l' && key[n - 1] == 'y';
    }
    if (n < sizeof(key) && (classes & kFunctionWord) == 0 &&
        lexicon_.HasSpeakerSuffix(std::string_view(key, n))) {
      t.word_classes |= kSpeakerNoun;
    }
    if (possessive != 0) {
      Push(QuoteToken::kPossessive, possessive, j);
    } else if (j < end && text_[j] == '\'' &&
               (text_[j - 1] == 's' || text_[j - 1] == 'S') &&
               (j + 1 >= end || !IsWordByte(text_[j + 1])) &&
               IsAsciiLetter(text_[j - 1])) {
      // The ministers' talks.
      Push(QuoteToken::kPossessive, j, j + 1);
      ++j;
    }
    return j;
  }

  std::string_view text_;
  Span range_;
  const std::vector<QuoteMarks>& marks_;
  const QuoteLexicon& lexicon_;
  std::vector<QuoteToken>* out_;
  const bool to_sentence_end_;
  size_t next_mark_ = 0;
};

}  // namespace

void TokenizeQuoteContext(std::string_view text, Span range,
                          const std::vector<QuoteMarks>& marks,
                          const QuoteLexicon& lexicon,
                          std::vector<QuoteToken>* tokens,
                          bool to_sentence_end) {
  Tokenizer(text, range, marks, lexicon, tokens, to_sentence_end).Run();
}

}  // namespace stance
