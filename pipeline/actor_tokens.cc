#include "pipeline/actor_tokens.h"

#include <array>
#include <cstring>

#include <utf8proc.h>

#include "pipeline/utf8.h"

namespace stance {
namespace actor_tokens {
namespace {

enum CharClass : uint8_t { kSpace, kLetter, kApostrophe, kHyphen, kOther };

constexpr std::array<uint8_t, 128> MakeAsciiClasses() {
  std::array<uint8_t, 128> t{};
  for (int c = 0; c < 128; ++c) t[c] = kOther;
  for (int c = 0; c <= ' '; ++c) t[c] = kSpace;
  t[127] = kSpace;
  for (int c = '0'; c <= '9'; ++c) t[c] = kLetter;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kLetter;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kLetter;
  t['\''] = kApostrophe;
  t['-'] = kHyphen;
  return t;
}
constexpr std::array<uint8_t, 128> kAscii = MakeAsciiClasses();

// Letters, marks and digits of any script make words; spaces (Unicode Z*)
// and format characters separate them; everything else is punctuation.
CharClass ClassifyCodePoint(char32_t cp) {
  if (cp == 0x2019) return kApostrophe;  // right single quote, used as apostrophe
  if (cp == 0x2010 || cp == 0x2011) return kHyphen;
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(cp))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return kLetter;
    case UTF8PROC_CATEGORY_ZS:
    case UTF8PROC_CATEGORY_ZL:
    case UTF8PROC_CATEGORY_ZP:
    case UTF8PROC_CATEGORY_CC:
    case UTF8PROC_CATEGORY_CF:
      return kSpace;
    default:
      return kOther;
  }
}

CharClass Classify(std::string_view text, size_t i, int* len) {
  unsigned char c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) {
    *len = 1;
    return static_cast<CharClass>(kAscii[c]);
  }
  char32_t cp = 0;
  int n = DecodeUtf8(text, i, &cp);
  if (n == 0) {
    *len = 1;
    return kOther;
  }
  *len = n;
  return ClassifyCodePoint(cp);
}

bool IsUpperCodePoint(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  return utf8proc_isupper(static_cast<utf8proc_int32_t>(cp));
}

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// "'s" at `k` (just after the apostrophe) that ends the word.
bool IsPossessiveS(std::string_view text, size_t k) {
  if (k >= text.size() || (text[k] != 's' && text[k] != 'S')) return false;
  if (k + 1 == text.size()) return true;
  int len;
  return Classify(text, k + 1, &len) != kLetter;
}

// End of the word starting at `i`.
size_t ScanWord(std::string_view text, size_t i) {
  const size_t n = text.size();
  // A dotted acronym: two or more letter-dot pairs ("U.S.", "U.S.A.").
  if (i + 3 < n && IsAsciiAlpha(text[i]) && text[i + 1] == '.' && IsAsciiAlpha(text[i + 2]) &&
      text[i + 3] == '.') {
    size_t j = i;
    while (j + 1 < n && IsAsciiAlpha(text[j]) && text[j + 1] == '.') j += 2;
    return j;
  }
  while (i < n) {
    unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80 && kAscii[c] == kLetter) {  // the common case, without a call
      ++i;
      continue;
    }
    int len;
    CharClass cls = Classify(text, i, &len);
    if (cls == kLetter) {
      i += len;
      continue;
    }
    if (cls == kApostrophe) {
      size_t k = i + len;
      int next_len;
      if (k < n && Classify(text, k, &next_len) == kLetter && !IsPossessiveS(text, k)) {
        i = k;
        continue;
      }
    }
    break;
  }
  return i;
}

// Calls `emit(byte)` for each normalised byte of `token`.
template <typename Emit>
void ForEachNormalizedByte(std::string_view token, Emit emit) {
  for (size_t i = 0; i < token.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(token[i]);
    if (c == 0xE2 && i + 2 < token.size() && static_cast<unsigned char>(token[i + 1]) == 0x80) {
      unsigned char d = static_cast<unsigned char>(token[i + 2]);
      if (d == 0x99) {  // ’
        emit('\'');
        i += 2;
        continue;
      }
      if (d == 0x90 || d == 0x91) {  // hyphen, non-breaking hyphen
        emit('-');
        i += 2;
        continue;
      }
    }
    emit(c);
  }
}

// Up to 8 bytes at `p` (k of them, 1 <= k <= 8) as a word, the rest zero.
// Reads a whole word when `end` allows, as it nearly always does.
inline uint64_t LoadPartial(const char* p, size_t k, const char* end) {
  uint64_t w = 0;
  if (end - p >= 8) {
    std::memcpy(&w, p, 8);
    if (k < 8) w &= ~uint64_t{0} >> (64 - 8 * k);
  } else {
    std::memcpy(&w, p, k);
  }
  return w;
}

// Hashes `n` bytes eight at a time; `or_mask` is OR-ed into every byte (0x20
// lower-cases ASCII letters and leaves digits alone).
uint64_t HashBytes(const char* p, size_t n, const char* end, uint64_t or_mask) {
  uint64_t h = 0x243f6a8885a308d3ULL ^ n;
  while (n > 0) {
    size_t k = n < 8 ? n : 8;
    uint64_t w = LoadPartial(p, k, end);
    w |= or_mask & (~uint64_t{0} >> (64 - 8 * k));
    h = (h ^ w) * 0xbf58476d1ce4e5b9ULL;
    h ^= h >> 31;
    p += k;
    n -= k;
  }
  return h;
}

// The slow path, for tokens with non-ASCII bytes, apostrophes or dots: hash
// the normalised text.
void HashToken(std::string_view token, uint64_t* exact, uint64_t* folded) {
  std::string normal = NormalizeToken(token, false);
  *exact = HashBytes(normal.data(), normal.size(), normal.data() + normal.size(), 0);
  std::string lower = NormalizeToken(token, true);
  *folded = lower == normal
                ? *exact
                : HashBytes(lower.data(), lower.size(), lower.data() + lower.size(), 0);
}

}  // namespace

std::string NormalizeToken(std::string_view token, bool fold) {
  std::string out;
  out.reserve(token.size());
  ForEachNormalizedByte(token, [&](unsigned char c) {
    if (fold && c >= 'A' && c <= 'Z') c += 32;
    out.push_back(static_cast<char>(c));
  });
  return out;
}

bool NormalizedEquals(std::string_view token, std::string_view normalized, bool fold) {
  size_t pos = 0;
  bool equal = true;
  ForEachNormalizedByte(token, [&](unsigned char c) {
    if (fold && c >= 'A' && c <= 'Z') c += 32;
    equal = equal && pos < normalized.size() && static_cast<unsigned char>(normalized[pos]) == c;
    ++pos;
  });
  return equal && pos == normalized.size();
}

void Tokenize(std::string_view text, uint32_t base, std::vector<Token>* out) {
  const size_t first = out->size();
  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    int len;
    CharClass cls = Classify(text, i, &len);
    if (cls == kSpace) {
      i += len;
      continue;
    }
    Token token;
    const size_t start = i;
    if (cls == kLetter && len == 1 && !(i + 1 < n && text[i + 1] == '.')) {
      // The common case: a word of ASCII letters and digits.
      size_t j = i;
      bool upper = false;
      while (j < n) {
        unsigned char c = static_cast<unsigned char>(text[j]);
        if (c >= 0x80 || kAscii[c] != kLetter) break;
        upper = upper || (c >= 'A' && c <= 'Z');
        ++j;
      }
      if (j == n || (static_cast<unsigned char>(text[j]) < 0x80 && text[j] != '\'')) {
        token.kind = TokenKind::kWord;
        token.begin = base + static_cast<uint32_t>(start);
        token.end = base + static_cast<uint32_t>(j);
        const char* end = text.data() + n;
        token.hash = HashBytes(text.data() + start, j - start, end, 0);
        token.folded_hash =
            upper ? HashBytes(text.data() + start, j - start, end, 0x2020202020202020ULL)
                  : token.hash;
        token.upper = text[start] >= 'A' && text[start] <= 'Z';
        if (out->size() > first && out->back().end == token.begin) {
          out->back().glued_right = true;
          token.glued_left = true;
        }
        out->push_back(token);
        i = j;
        continue;
      }
    }
    if (cls == kLetter) {
      token.kind = TokenKind::kWord;
      i = ScanWord(text, i);
    } else if (cls == kApostrophe) {
      // A possessive needs a word right before it.
      bool after_word = out->size() > first && out->back().kind == TokenKind::kWord &&
                        out->back().end == base + start;
      token.kind = TokenKind::kPunct;
      if (after_word && IsPossessiveS(text, start + len)) {
        token.kind = TokenKind::kPossessive;
        i = start + len + 1;
      } else {
        char last = text[start - 1];
        int next_len;
        bool word_follows = start + len < n && Classify(text, start + len, &next_len) == kLetter;
        if (after_word && (last == 's' || last == 'S') && !word_follows) {
          token.kind = TokenKind::kPossessive;
        }
        i = start + len;
      }
    } else {
      token.kind = TokenKind::kPunct;
      token.hyphen = cls == kHyphen;
      i += len;
    }
    std::string_view piece = text.substr(start, i - start);
    token.begin = base + static_cast<uint32_t>(start);
    token.end = base + static_cast<uint32_t>(i);
    if (token.kind == TokenKind::kPossessive) {
      HashToken(piece.size() > 1 ? "'s" : "'", &token.hash, &token.folded_hash);
    } else {
      HashToken(piece, &token.hash, &token.folded_hash);
    }
    if (token.kind == TokenKind::kWord) {
      char32_t cp = static_cast<unsigned char>(piece[0]);
      if (cp >= 0x80) DecodeUtf8(piece, 0, &cp);
      token.upper = IsUpperCodePoint(cp);
    }
    if (out->size() > first && out->back().end == token.begin) {
      out->back().glued_right = true;
      token.glued_left = true;
    }
    out->push_back(token);
  }
}

}  // namespace actor_tokens
}  // namespace stance
