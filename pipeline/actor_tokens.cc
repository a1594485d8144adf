#include "pipeline/actor_tokens.h"

#include <utf8proc.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>

#include "pipeline/utf8.h"

namespace stance {
namespace actor_tokens {
namespace {

enum CharClass : uint8_t { kSpace, kLetter, kApostrophe, kHyphen, kOther };

// The class of each ASCII byte; bytes of 0x80 and over are kOther here (the
// characters they start are classified by Classify).
constexpr std::array<uint8_t, 256> MakeAsciiClasses() {
  std::array<uint8_t, 256> t{};
  for (int c = 0; c < 256; ++c) t[c] = kOther;
  for (int c = 0; c <= ' '; ++c) t[c] = kSpace;
  t[127] = kSpace;
  for (int c = '0'; c <= '9'; ++c) t[c] = kLetter;
  for (int c = 'a'; c <= 'z'; ++c) t[c] = kLetter;
  for (int c = 'A'; c <= 'Z'; ++c) t[c] = kLetter;
  t['\''] = kApostrophe;
  t['-'] = kHyphen;
  return t;
}
constexpr std::array<uint8_t, 256> kAscii = MakeAsciiClasses();

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

bool IsUpperCodePoint(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  return utf8proc_isupper(static_cast<utf8proc_int32_t>(cp));
}

// ClassifyCodePoint and IsUpperCodePoint of every code point below U+3000,
// worked out once: the scripts of nearly all news text (Latin, Greek,
// Cyrillic, Arabic, the Indic ones, ...) and General Punctuation then cost a
// table look-up, not a library call, per character.
constexpr char32_t kTabledCodePoints = 0x3000;
constexpr uint8_t kUpperBit = 0x80;  // or-ed into a code point's class
const std::array<uint8_t, kTabledCodePoints>& CodePointTable() {
  static const std::array<uint8_t, kTabledCodePoints>* const table = [] {
    auto* t = new std::array<uint8_t, kTabledCodePoints>;
    for (char32_t c = 0; c < kTabledCodePoints; ++c) {
      (*t)[c] = ClassifyCodePoint(c) | (IsUpperCodePoint(c) ? kUpperBit : 0);
    }
    return t;
  }();
  return *table;
}

CharClass ClassOf(char32_t cp) {
  if (cp >= kTabledCodePoints) return ClassifyCodePoint(cp);
  return static_cast<CharClass>(CodePointTable()[cp] & ~kUpperBit);
}

bool IsUpper(char32_t cp) {
  if (cp >= kTabledCodePoints) return IsUpperCodePoint(cp);
  return CodePointTable()[cp] & kUpperBit;
}

// DecodeUtf8 for a non-ASCII byte, with the well-formed two- and three-byte
// sequences (all of the table's code points) decoded inline; the rest, and
// every error, goes to DecodeUtf8.
int DecodeNonAscii(std::string_view text, size_t i, char32_t* cp) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data()) + i;
  const size_t left = text.size() - i;
  const unsigned c = p[0];
  if (c >= 0xC2 && c <= 0xDF && left >= 2 && (p[1] & 0xC0) == 0x80) {
    *cp = ((c & 0x1F) << 6) | (p[1] & 0x3F);
    return 2;
  }
  if (c >= 0xE0 && c <= 0xEF && left >= 3 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
    const char32_t v = ((c & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    if (v >= 0x800 && (v < 0xD800 || v > 0xDFFF)) {  // no overlong form, no surrogate
      *cp = v;
      return 3;
    }
  }
  return DecodeUtf8(text, i, cp);
}

CharClass Classify(std::string_view text, size_t i, int* len) {
  unsigned char c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) {
    *len = 1;
    return static_cast<CharClass>(kAscii[c]);
  }
  char32_t cp = 0;
  int n = DecodeNonAscii(text, i, &cp);
  if (n == 0) {
    *len = 1;
    return kOther;
  }
  *len = n;
  return ClassOf(cp);
}

bool IsAsciiAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// "'s" at `k` (just after the apostrophe) that ends the word.
bool IsPossessiveS(std::string_view text, size_t k) {
  if (k >= text.size() || (text[k] != 's' && text[k] != 'S')) return false;
  if (k + 1 == text.size()) return true;
  int len;
  return Classify(text, k + 1, &len) != kLetter;
}

// How far a word that has reached `i` goes on: the length of the letter (of
// any script) there, or of an apostrophe with a letter after it that does
// not start a possessive "'s" ("O'Brien", but "Russia" "'s"); 0 where the
// word ends.
int WordStepAt(std::string_view text, size_t i) {
  if (i >= text.size()) return 0;
  int len;
  const CharClass cls = Classify(text, i, &len);
  if (cls == kLetter) return len;
  if (cls != kApostrophe) return 0;
  const size_t k = i + len;
  int next_len;
  if (k < text.size() && Classify(text, k, &next_len) == kLetter && !IsPossessiveS(text, k)) {
    return len;
  }
  return 0;
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
    if (c >= 0x80 && Classify(text, i, &len) == kLetter) {  // a letter of another script
      i += len;
      continue;
    }
    const int step = WordStepAt(text, i);
    if (step == 0) break;
    i += step;
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

static_assert(std::endian::native == std::endian::little,
              "ScanAsciiWord reads the first byte as the lowest one");

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

inline uint64_t MixChunk(uint64_t h, uint64_t w) {
  h = (h ^ w) * 0xbf58476d1ce4e5b9ULL;
  return h ^ (h >> 31);
}
constexpr uint64_t kHashSeed = 0x243f6a8885a308d3ULL;

// Hashes `n` bytes eight at a time (the last chunk zero-padded; tokens hold
// no NUL, so padding cannot make two tokens equal).
uint64_t HashBytes(const char* p, size_t n) {
  uint64_t h = kHashSeed;
  for (; n > 0; p += std::min<size_t>(n, 8), n -= std::min<size_t>(n, 8)) {
    h = MixChunk(h, LoadPartial(p, std::min<size_t>(n, 8), p + n));
  }
  return h;
}

// The hash of each one-character ASCII token.
const std::array<uint64_t, 128> kPunctHashes = [] {
  std::array<uint64_t, 128> t{};
  for (int c = 0; c < 128; ++c) t[c] = MixChunk(kHashSeed, static_cast<uint64_t>(c));
  return t;
}();

const uint64_t kPossessiveHash = HashBytes("'s", 2);

constexpr uint64_t kOnes = 0x0101010101010101ULL;
constexpr uint64_t kHigh = 0x8080808080808080ULL;
constexpr uint64_t kCase = 0x20 * kOnes;  // OR-ed in, lower-cases letters and keeps digits

// For each byte of `v` (all below 0x80), the high bit is set where the byte
// is >= lo; the other bits are noise.
inline uint64_t BytesAtLeast(uint64_t v, unsigned lo) { return v + (0x80 - lo) * kOnes; }

// The high bit of each byte of `x` that is not an ASCII letter or digit.
inline uint64_t NonAlnumBytes(uint64_t x) {
  const uint64_t x7 = x & ~kHigh;
  const uint64_t lower = x7 | kCase;
  const uint64_t letter = BytesAtLeast(lower, 'a') & ~BytesAtLeast(lower, 'z' + 1);
  const uint64_t digit = BytesAtLeast(x7, '0') & ~BytesAtLeast(x7, '9' + 1);
  return ~((letter | digit) & ~x) & kHigh;
}

// Scans the run of ASCII letters and digits at `p` (up to `end`) eight bytes
// at a time, hashing it as HashBytes does, both as written and lower-cased.
// Returns its length. A byte loop would mispredict its exit at the end of
// nearly every word.
size_t ScanAsciiWord(const char* p, const char* end, uint64_t* hash, uint64_t* folded) {
  uint64_t h = kHashSeed, f = kHashSeed;
  const char* q = p;
  while (true) {
    uint64_t x = 0;
    if (end - q >= 8) {
      std::memcpy(&x, q, 8);
    } else {
      std::memcpy(&x, q, static_cast<size_t>(end - q));  // zeros past the end stop the word
    }
    const uint64_t stop = NonAlnumBytes(x);
    if (stop == 0) {
      h = MixChunk(h, x);
      f = MixChunk(f, x | kCase);
      q += 8;
      continue;
    }
    const uint64_t keep = ((stop & (~stop + 1)) >> 7) - 1;  // the bytes before the first stop
    if (keep != 0) {
      h = MixChunk(h, x & keep);
      f = MixChunk(f, (x | kCase) & keep);
    }
    *hash = h;
    *folded = f;
    return static_cast<size_t>(q - p) + std::countr_zero(stop) / 8;
  }
}

// Hashes bytes fed one at a time exactly as HashBytes hashes them at once.
class ChunkHasher {
 public:
  void Add(unsigned char c) {
    chunk_ |= uint64_t{c} << (8 * filled_);
    if (++filled_ == 8) {
      hash_ = MixChunk(hash_, chunk_);
      chunk_ = 0;
      filled_ = 0;
    }
  }
  uint64_t Finish() const { return filled_ == 0 ? hash_ : MixChunk(hash_, chunk_); }

 private:
  uint64_t hash_ = kHashSeed;
  uint64_t chunk_ = 0;
  int filled_ = 0;
};

// `x` with its ASCII capitals lower-cased and every other byte as it is.
inline uint64_t FoldAsciiBytes(uint64_t x) {
  const uint64_t x7 = x & ~kHigh;
  // The high bit of each byte in 'A'..'Z' (and below 0x80).
  const uint64_t upper = BytesAtLeast(x7, 'A') & ~BytesAtLeast(x7, 'Z' + 1) & ~x & kHigh;
  return x | (upper >> 2);
}

// The slow path, for tokens with non-ASCII bytes, apostrophes or dots: hash
// the normalised text, as written and lower-cased, building no string.
void HashToken(std::string_view token, uint64_t* exact, uint64_t* folded) {
  if (token.find('\xE2') == std::string_view::npos) {
    // Nothing normalises (see ForEachNormalizedByte): eight bytes at a time.
    uint64_t h = kHashSeed, f = kHashSeed;
    const char* p = token.data();
    for (size_t n = token.size(); n > 0; p += std::min<size_t>(n, 8), n -= std::min<size_t>(n, 8)) {
      const uint64_t x = LoadPartial(p, std::min<size_t>(n, 8), p + n);
      h = MixChunk(h, x);
      f = MixChunk(f, FoldAsciiBytes(x));
    }
    *exact = h;
    *folded = f;
    return;
  }
  ChunkHasher as_written, lower;
  ForEachNormalizedByte(token, [&](unsigned char c) {
    as_written.Add(c);
    lower.Add(c >= 'A' && c <= 'Z' ? c + 32 : c);
  });
  *exact = as_written.Finish();
  *folded = lower.Finish();
}

// Appends the token [begin, end) to *out, constructed in place (building it
// on the stack and copying it in costs a store-forwarding stall per token),
// glued to the token before if that one ends at `begin` (*last_end, the end
// of the last token this Tokenize call appended).
inline void Append(uint32_t begin, uint32_t end, TokenKind kind, uint64_t hash, uint64_t folded,
                   bool upper, bool hyphen, uint32_t* last_end, std::vector<Token>* out) {
  const bool glued = begin == *last_end;
  if (glued) out->back().glued_right = true;
  *last_end = end;
#if defined(__cpp_aggregate_paren_init)
  out->emplace_back(begin, end, hash, folded, kind, upper, hyphen, glued, false);
#else
  // clang before 16 cannot build an aggregate from parentheses; the fuzz
  // build (scripts/fuzz) uses clang 14.
  out->push_back(Token{begin, end, hash, folded, kind, upper, hyphen, glued, false});
#endif
}

// Whether a word with these hashes passes `tests` (see WordTests). Without a
// branch: the outcome is unpredictable, and most words fail.
inline bool PassesTests(const WordTests& tests, uint64_t hash, uint64_t folded, bool upper) {
  auto bit = [](const uint64_t* set, uint64_t h, int bits) {
    const uint64_t at = h >> (64 - bits);
    return (set[at / 64] >> (at % 64)) & 1;
  };
  return bit(tests.by_hash, hash, tests.by_hash_bits) |
         bit(tests.by_folded, folded, tests.by_folded_bits) |
         (upper & bit(tests.capitals, hash, kCapitalTestBits));
}

// Lists the word just appended to *out if it passes `tests` (when given):
// written in any case, counted only if it passes.
inline void TestWord(WordTests* tests, const std::vector<Token>& out, uint64_t hash,
                     uint64_t folded, bool upper) {
  if (tests == nullptr) return;
  tests->passed[tests->num_passed] = static_cast<uint32_t>(out.size() - 1);
  tests->num_passed += PassesTests(*tests, hash, folded, upper);
}

// The general path, for what the loop in Tokenize does not take: appends the
// token at `i` (or skips the space there) and returns where it ends. Non-ASCII
// characters, apostrophes and possessives, acronyms and initials. `last_end`
// is the end of the last token Tokenize appended. Out of line, and taking
// nothing of the loop's by address, so that the loop keeps its values in
// registers.
[[gnu::noinline]] size_t TokenizeOne(std::string_view text, size_t i, uint32_t base,
                                     uint32_t last_end, std::vector<Token>* out, WordTests* tests) {
  int len;
  const CharClass cls = Classify(text, i, &len);
  if (cls == kSpace) return i + len;
  const size_t start = i;
  TokenKind kind = TokenKind::kPunct;
  if (cls == kLetter) {
    kind = TokenKind::kWord;
    i = ScanWord(text, i);
  } else if (cls == kApostrophe) {
    // A possessive needs a word right before it.
    const bool after_word = last_end == base + start && out->back().kind == TokenKind::kWord;
    if (after_word && IsPossessiveS(text, start + len)) {
      kind = TokenKind::kPossessive;
      i = start + len + 1;
    } else {
      const char last = start > 0 ? text[start - 1] : ' ';
      int next_len;
      const bool word_follows =
          start + len < text.size() && Classify(text, start + len, &next_len) == kLetter;
      if (after_word && (last == 's' || last == 'S') && !word_follows) {
        kind = TokenKind::kPossessive;
      }
      i = start + len;
    }
  } else {
    i += len;
  }
  const std::string_view piece = text.substr(start, i - start);
  uint64_t hash, folded;
  if (kind == TokenKind::kPossessive) {
    hash = folded = piece.size() > 1 ? kPossessiveHash : kPunctHashes['\''];
  } else if (cls == kHyphen) {
    hash = folded = kPunctHashes['-'];
  } else if (cls == kApostrophe) {
    hash = folded = kPunctHashes['\''];
  } else if (kind == TokenKind::kPunct) {
    hash = folded = HashBytes(piece.data(), piece.size());  // nothing to normalise
  } else {
    HashToken(piece, &hash, &folded);
  }
  bool upper = false;
  if (kind == TokenKind::kWord) {
    char32_t cp = static_cast<unsigned char>(piece[0]);
    if (cp >= 0x80) DecodeNonAscii(piece, 0, &cp);
    upper = IsUpper(cp);
  }
  Append(base + static_cast<uint32_t>(start), base + static_cast<uint32_t>(i), kind, hash, folded,
         upper, cls == kHyphen, &last_end, out);
  if (kind == TokenKind::kWord) TestWord(tests, *out, hash, folded, upper);
  return i;
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

uint64_t HashNormalized(std::string_view normalized) {
  return HashBytes(normalized.data(), normalized.size());
}

bool NormalizedEquals(std::string_view token, std::string_view normalized, bool fold) {
  // Normalisation only rewrites three-byte characters that start with 0xE2,
  // and leaves the bytes before the first in their places: up to there, the
  // bytes compare one for one.
  if (token.size() == normalized.size()) {
    size_t i = 0;
    for (; i < token.size() && token[i] != '\xE2'; ++i) {
      char c = token[i];
      if (fold && c >= 'A' && c <= 'Z') c += 32;
      if (c != normalized[i]) return false;
    }
    if (i == token.size()) return true;
  }
  size_t pos = 0;
  bool equal = true;
  ForEachNormalizedByte(token, [&](unsigned char c) {
    if (fold && c >= 'A' && c <= 'Z') c += 32;
    equal = equal && pos < normalized.size() && static_cast<unsigned char>(normalized[pos]) == c;
    ++pos;
  });
  return equal && pos == normalized.size();
}

void Tokenize(std::string_view text, uint32_t base, std::vector<Token>* out, WordTests* tests) {
  const size_t n = text.size();
  const char* const data = text.data();
  uint32_t last_end = UINT32_MAX;  // end of the last token this call appended
  size_t i = 0;
  while (i < n) {
    const unsigned char c = static_cast<unsigned char>(data[i]);
    const uint8_t byte_class = kAscii[c];
    if (byte_class == kSpace) {
      ++i;
      continue;
    }
    if (byte_class == kLetter && !(i + 1 < n && data[i + 1] == '.')) {
      // The common case: a word of ASCII letters and digits.
      uint64_t hash, folded;
      const size_t j = i + ScanAsciiWord(data + i, data + n, &hash, &folded);
      // It ends at j unless a non-ASCII letter or a word-inner apostrophe
      // follows ("Russia's" ends there; "O'Brien" and "Zürich" do not).
      const bool ends = j == n || (static_cast<unsigned char>(data[j]) < 0x80 && data[j] != '\'') ||
                        WordStepAt(text, j) == 0;
      if (ends) {
        const bool upper = c >= 'A' && c <= 'Z';
        Append(base + i, base + j, TokenKind::kWord, hash, folded, upper, false, &last_end, out);
        TestWord(tests, *out, hash, folded, upper);
        i = j;
        // Most words have a space after them: skip it here, rather than in
        // a turn of the loop.
        if (i < n && data[i] == ' ') ++i;
        continue;
      }
    } else if (byte_class == kOther || byte_class == kHyphen) {
      if (c < 0x80) {
        // One ASCII punctuation character; no normalisation applies.
        Append(base + i, base + i + 1, TokenKind::kPunct, kPunctHashes[c], kPunctHashes[c], false,
               c == '-', &last_end, out);
        ++i;
        continue;
      }
    }
    const size_t before = out->size();
    i = TokenizeOne(text, i, base, last_end, out, tests);
    if (out->size() != before) last_end = out->back().end;
  }
}

}  // namespace actor_tokens
}  // namespace stance
