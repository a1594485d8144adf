// Internal to the actor stage (actors.cc): the word tokeniser that both the
// gazetteer and the text go through, so that an alias written in YAML and the
// same words in a sentence always split the same way and hash the same.
//
// Splitting rules (see rules/actors/README.md):
//   - words are runs of letters and digits, any script; an apostrophe between
//     letters stays inside ("O'Brien", "d'Ivoire") unless it starts a
//     possessive "'s", which becomes its own token ("Russia" "'s");
//   - dotted acronyms are one token with their dots ("U.S.", "U.N.", "U.S.A.");
//   - every hyphen is a token of its own, so "al-Qaeda" is "al" "-" "Qaeda"
//     and "Iran-backed" is "Iran" "-" "backed"; each token records whether it
//     touches its neighbours, which tells a compound from a spaced dash;
//   - any other punctuation is a one-character token.
// Hashes treat the curly apostrophe as ' and every hyphen character as -, so
// the stage gives the same answer before and after normalisation.
//
// Pure functions; thread-safe.
#ifndef STANCE_PIPELINE_ACTOR_TOKENS_H_
#define STANCE_PIPELINE_ACTOR_TOKENS_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace stance {
namespace actor_tokens {

enum class TokenKind : uint8_t {
  kWord,        // letters and digits, or a dotted acronym
  kPossessive,  // "'s", "’s", or a lone apostrophe after a plural ("powers'")
  kPunct,       // one punctuation character, hyphens included
};

struct Token {
  uint32_t begin = 0;  // byte offsets into the tokenised text, plus `base`
  uint32_t end = 0;
  uint64_t hash = 0;         // of the normalised bytes
  uint64_t folded_hash = 0;  // the same, ASCII letters lower-cased
  TokenKind kind = TokenKind::kWord;
  bool upper = false;        // starts with an upper-case letter
  bool hyphen = false;       // a hyphen character
  bool glued_left = false;   // no space before it
  bool glued_right = false;  // no space after it
};

// Bit sets that Tokenize tests each word against while it has the word's
// hashes at hand, listing the words that pass any of them: the caller then
// visits those alone, rather than walking every token again. A set of 2^b
// bits has hash h at bit h >> (64 - b); the sets of hashes are at least
// 2^kWordTestBits bits, the set for capitalised words is smaller.
constexpr int kWordTestBits = 16;
constexpr int kCapitalTestBits = 10;
struct WordTests {
  const uint64_t* by_hash = nullptr;    // tests Token::hash
  int by_hash_bits = kWordTestBits;     // its size, log 2
  const uint64_t* by_folded = nullptr;  // tests Token::folded_hash
  int by_folded_bits = kWordTestBits;
  const uint64_t* capitals = nullptr;   // tests Token::hash, of capitalised words
  // Receives the index (into Tokenize's *out) of each word that passes, at
  // passed[num_passed++]. REQUIRES: room for one per byte of the text.
  uint32_t* passed = nullptr;
  size_t num_passed = 0;
};

// Appends the tokens of `text` to *out; offsets are shifted by `base`. With
// `tests`, also lists the words that pass them (see WordTests).
void Tokenize(std::string_view text, uint32_t base, std::vector<Token>* out,
              WordTests* tests = nullptr);

// The normalised form that hashes are computed on: ’ as ', every hyphen
// character as -, and ASCII lower-cased when `fold`.
std::string NormalizeToken(std::string_view token, bool fold);

// Whether NormalizeToken(token, fold) == normalized, without building it.
bool NormalizedEquals(std::string_view token, std::string_view normalized, bool fold);

// The hash a token carries, given its normalised form: Token::hash is
// HashNormalized(NormalizeToken(token, false)), Token::folded_hash that of
// NormalizeToken(token, true).
uint64_t HashNormalized(std::string_view normalized);

// The hash of an n-gram, built token by token from kNgramSeed.
constexpr uint64_t kNgramSeed = 0x6a09e667f3bcc908ULL;
inline uint64_t ExtendNgram(uint64_t prefix, uint64_t token_hash) {
  uint64_t x = (prefix ^ token_hash) * 0x9e3779b97f4a7c15ULL;
  x ^= x >> 31;
  x *= 0xbf58476d1ce4e5b9ULL;
  x ^= x >> 29;
  return x | 1;  // never 0: the index uses 0 for an empty slot
}

}  // namespace actor_tokens
}  // namespace stance

#endif  // STANCE_PIPELINE_ACTOR_TOKENS_H_
