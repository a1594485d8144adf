#include "pipeline/actor_tokens.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace stance {
namespace actor_tokens {
namespace {

namespace fs = std::filesystem;

// The tokens of `text`: words as written, "<'s>" for a possessive, "[x]" for
// punctuation, "^" before a word that starts upper-case; "|" between tokens
// that touch, " " between tokens that do not.
std::string Render(std::string_view text) {
  std::vector<Token> tokens;
  Tokenize(text, 0, &tokens);
  std::string out;
  for (size_t k = 0; k < tokens.size(); ++k) {
    const Token& t = tokens[k];
    if (k > 0) {
      CHECK(tokens[k - 1].glued_right == t.glued_left);
      out += t.glued_left ? "|" : " ";
    }
    const std::string piece(text.substr(t.begin, t.end - t.begin));
    switch (t.kind) {
      case TokenKind::kWord:
        out += (t.upper ? "^" : "") + piece;
        break;
      case TokenKind::kPossessive:
        out += "<" + piece + ">";
        break;
      case TokenKind::kPunct:
        out += "[" + piece + "]";
        break;
    }
  }
  return out;
}

// Every token's hashes are those of its normalised bytes, whichever path of
// the tokeniser made it, and its offsets are shifted by `base`. Possessives
// all hash as "'s" (the lone curly apostrophe too), but for a lone "'".
void CheckHashes(std::string_view text) {
  std::vector<Token> tokens;
  Tokenize(text, 100, &tokens);
  for (const Token& t : tokens) {
    REQUIRE(t.begin >= 100);
    REQUIRE(t.end <= text.size() + 100);
    const std::string_view piece = text.substr(t.begin - 100, t.end - t.begin);
    CAPTURE(piece);
    if (t.kind == TokenKind::kPossessive) {
      const uint64_t expected = HashNormalized(piece == "'" ? "'" : "'s");
      CHECK(t.hash == expected);
      CHECK(t.folded_hash == expected);
      continue;
    }
    CHECK(t.hash == HashNormalized(NormalizeToken(piece, false)));
    CHECK(t.folded_hash == HashNormalized(NormalizeToken(piece, true)));
    CHECK(t.hyphen == (NormalizeToken(piece, false) == "-"));
  }
}

struct Case {
  const char* text;
  const char* tokens;
};

const std::vector<Case> kCases = {
    // Words, spaces and punctuation.
    {"", ""},
    {"  \t\n ", ""},
    {"Russia said no.", "^Russia said no|[.]"},
    {"G7 and 2024, (UN)", "^G7 and 2024|[,] [(]|^UN|[)]"},
    {"averylongwordofmanyletters x", "averylongwordofmanyletters x"},
    {"exactly8 sixteen_chars", "exactly8 sixteen|[_]|chars"},
    // Apostrophes: inside a word, a possessive, a plural possessive, a quote.
    {"O'Brien d'Ivoire", "^O'Brien d'Ivoire"},
    {"Russia's Russia\xE2\x80\x99s RUSSIA'S", "^Russia|<'s> ^Russia|<\xE2\x80\x99s> ^RUSSIA|<'S>"},
    {"the powers' plan", "the powers|<'> plan"},
    {"the powers\xE2\x80\x99 plan", "the powers|<\xE2\x80\x99> plan"},
    {"it's 'quoted' rock'n'roll", "it|<'s> [']|quoted|['] rock'n'roll"},
    {"Paris' s'", "^Paris|<'> s|<'>"},
    {"don't isn\xE2\x80\x99t", "don't isn\xE2\x80\x99t"},
    {"'s alone", "[']|s alone"},
    // Acronyms, initials and dots.
    {"U.S. U.N. U.S.A. officials", "^U.S. ^U.N. ^U.S.A. officials"},
    {"S. Jaishankar and a.m.", "^S|[.] ^Jaishankar and a.m."},
    {"e.g. U.S.-led", "e.g. ^U.S.|[-]|led"},
    {"end.Next", "end|[.]|^Next"},
    // Hyphens of every kind, and dashes.
    {"al-Qaeda Iran-backed", "al|[-]|^Qaeda ^Iran|[-]|backed"},
    {"Jean\xE2\x80\x90No\xC3\xABl non\xE2\x80\x91stop",
     "^Jean|[\xE2\x80\x90]|^No\xC3\xABl non|[\xE2\x80\x91]|stop"},
    {"war \xE2\x80\x94 peace\xE2\x80\x93talks", "war [\xE2\x80\x94] peace|[\xE2\x80\x93]|talks"},
    // Words of other scripts, and ASCII words that run into them.
    {"Z\xC3\xBCrich S\xC3\xA3o Paulo \xC3\x89lys\xC3\xA9\x65",
     "^Z\xC3\xBCrich ^S\xC3\xA3o ^Paulo ^\xC3\x89lys\xC3\xA9\x65"},
    {"\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 "
     "\xE0\xA4\xAD\xE0\xA4\xBE\xE0\xA4\xB0\xE0\xA4\xA4"
     "\xE0\xA5\xA4",
     "^\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0 "
     "\xE0\xA4\xAD\xE0\xA4\xBE\xE0\xA4\xB0\xE0\xA4\xA4|[\xE0\xA5\xA4]"},
    {"\xE4\xB8\xAD\xE5\x9B\xBD says \xF0\x9F\x98\x80!",
     "\xE4\xB8\xAD\xE5\x9B\xBD says [\xF0\x9F\x98\x80]|[!]"},
    {"\xE2\x80\x9CWe agree\xE2\x80\x9D, he said",
     "[\xE2\x80\x9C]|^We agree|[\xE2\x80\x9D]|[,] he said"},
    {"Kyiv\xC2\xB0 Kyiv\xC2\xB2", "^Kyiv|[\xC2\xB0] ^Kyiv\xC2\xB2"},
    {"M\xC3\x9CNCHEN \xC3\x89LYS\xC3\x89\x45S-Bourbon",
     "^M\xC3\x9CNCHEN ^\xC3\x89LYS\xC3\x89\x45S|[-]|^Bourbon"},
    // Unicode spaces and format characters separate words.
    {"New\xC2\xA0York New\xE2\x80\x89York a\xE2\x80\x8B"
     "b a\xE2\x80\xA8"
     "b",
     "^New ^York ^New ^York a b a b"},
    // Bytes that are not UTF-8 are punctuation, one byte each.
    {"a\xFF"
     "b \xC0\xAF \xED\xA0\x80 end\xE2\x80",
     "a|[\xFF]|b [\xC0]|[\xAF] [\xED]|[\xA0]|[\x80] end|[\xE2]|[\x80]"},
};

TEST_CASE("actor_tokens: how text splits") {
  for (const Case& c : kCases) {
    CAPTURE(c.text);
    CHECK(Render(c.text) == c.tokens);
  }
}

TEST_CASE("actor_tokens: hashes are those of the normalised token") {
  for (const Case& c : kCases) {
    CAPTURE(c.text);
    CheckHashes(c.text);
  }
  // The same word hashes the same whatever follows it.
  std::vector<Token> a, b;
  Tokenize("Russia", 0, &a);
  Tokenize("Russia\xE2\x80\x99s", 0, &b);
  REQUIRE(a.size() == 1);
  REQUIRE(b.size() == 2);
  CHECK(a[0].hash == b[0].hash);
  CHECK(a[0].folded_hash == b[0].folded_hash);
  // Every fixture article, as a broad sample of real text.
  for (const auto& entry : fs::recursive_directory_iterator(STANCE_SOURCE_DIR "/fixtures")) {
    if (entry.path().filename() != "input.txt") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    CAPTURE(entry.path().string());
    CheckHashes(text.str());
  }
}

TEST_CASE("actor_tokens: words are tested against bit sets as they are read") {
  // Sets with the bits of one word each: "Russia" by its hash, "minister"
  // by its folded hash (so "Minister" passes too), and "Lavrov" among the
  // capitalised words (so "lavrov" does not).
  auto hash_of = [](std::string_view word, bool fold) {
    return HashNormalized(NormalizeToken(word, fold));
  };
  std::vector<uint64_t> by_hash(size_t{1} << kWordTestBits >> 6);
  std::vector<uint64_t> by_folded(size_t{1} << kWordTestBits >> 6);
  std::vector<uint64_t> capitals(size_t{1} << kCapitalTestBits >> 6);
  auto set = [](std::vector<uint64_t>* bits, uint64_t hash, int width) {
    const uint64_t at = hash >> (64 - width);
    (*bits)[at / 64] |= uint64_t{1} << (at % 64);
  };
  set(&by_hash, hash_of("Russia", false), kWordTestBits);
  set(&by_folded, hash_of("minister", true), kWordTestBits);
  set(&capitals, hash_of("Lavrov", false), kCapitalTestBits);
  // Words of both paths of the tokeniser ("Russia's", "Zürich"), and
  // punctuation, which is never listed.
  const std::string text =
      "Russia's minister, Lavrov, met lavrov and the Minister in Z\xC3\xBCrich; russia - Lavrov.";
  std::vector<Token> tokens;
  std::vector<uint32_t> passed(text.size());
  WordTests tests;
  tests.by_hash = by_hash.data();
  tests.by_folded = by_folded.data();
  tests.capitals = capitals.data();
  tests.passed = passed.data();
  Tokenize(text, 0, &tokens, &tests);
  std::vector<std::string> words;
  for (size_t k = 0; k < tests.num_passed; ++k) {
    const Token& t = tokens[passed[k]];
    words.push_back(text.substr(t.begin, t.end - t.begin));
  }
  // Bit sets have false positives: other words may pass too, but these must.
  for (const char* word : {"Russia", "minister", "Lavrov", "Minister"}) {
    CAPTURE(word);
    CHECK(std::count(words.begin(), words.end(), word) >= 1);
  }
  CHECK(std::count(words.begin(), words.end(), "Lavrov") == 2);
  for (size_t k = 0; k < tests.num_passed; ++k) {
    CHECK(tokens[passed[k]].kind == TokenKind::kWord);
    if (k > 0) CHECK(passed[k] > passed[k - 1]);
  }
  // The same tokens as without tests.
  std::vector<Token> plain;
  Tokenize(text, 0, &plain);
  REQUIRE(plain.size() == tokens.size());
  for (size_t k = 0; k < plain.size(); ++k) {
    CHECK(plain[k].begin == tokens[k].begin);
    CHECK(plain[k].hash == tokens[k].hash);
  }
}

TEST_CASE("actor_tokens: NormalizeToken and NormalizedEquals") {
  CHECK(NormalizeToken("Russia\xE2\x80\x99s", false) == "Russia's");
  CHECK(NormalizeToken("Russia\xE2\x80\x99s", true) == "russia's");
  CHECK(NormalizeToken("Jean\xE2\x80\x91No\xC3\xABl", true) == "jean-no\xC3\xABl");
  CHECK(NormalizedEquals("U.S.", "u.s.", true));
  CHECK_FALSE(NormalizedEquals("U.S.", "u.s.", false));
  CHECK(NormalizedEquals("d\xE2\x80\x99Ivoire", "d'Ivoire", false));
  CHECK_FALSE(NormalizedEquals("Russia", "Russian", false));
  CHECK_FALSE(NormalizedEquals("Russian", "Russia", false));
}

}  // namespace
}  // namespace actor_tokens
}  // namespace stance
