// MatchText: the form of a sentence that stance patterns run on.
//
// Every actor mention of the sentence is replaced by a placeholder
//   \x01 <type> <index> \x02
// where <type> is c (country), o (organisation), g (group), p (person) or m
// (a demonym used as a modifier: "Western sanctions"), in upper case (C, O,
// G, P) when the mention is a possessor ("China's map"), and <index> is the
// mention's index in Document::actor_mentions. Normalisation turns control
// characters into spaces, so \x01 and \x02 never occur in the text itself.
// A pattern slot {h:ACTOR} is then a small regex over placeholders, and actor
// aliases are matched once per sentence, not once per rule.
//
// Thread-compatible value type.
#ifndef STANCE_PIPELINE_MATCH_TEXT_H_
#define STANCE_PIPELINE_MATCH_TEXT_H_

#include <string>
#include <string_view>
#include <vector>

#include "pipeline/document.h"

namespace stance {

inline constexpr char kPlaceholderOpen = '\x01';
inline constexpr char kPlaceholderClose = '\x02';

// The length of the pronoun holder (he, she, we, I as a whole word: no ASCII
// letter or digit on either side) starting at text[i], or 0. A superset of
// what the pronoun alternatives of the holder classes match. Inline: it runs
// on every byte of the sentences the rules read.
inline size_t PronounHolderAt(std::string_view text, size_t i) {
  auto alnum = [text](size_t k) {
    if (k >= text.size()) return false;
    const char c = text[k];
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  };
  if (i >= text.size()) return 0;
  size_t len = 0;
  switch (text[i]) {
    case 'I':
      len = 1;
      break;
    case 'H': case 'h': case 'W': case 'w':
      len = i + 1 < text.size() && text[i + 1] == 'e' ? 2 : 0;
      break;
    case 'S': case 's':
      len = i + 2 < text.size() && text[i + 1] == 'h' && text[i + 2] == 'e' ? 3 : 0;
      break;
    default:
      return 0;
  }
  if (len == 0 || (i > 0 && alnum(i - 1)) || alnum(i + len)) return 0;
  return len;
}

class MatchText {
 public:
  // Builds the match text of sentence `index` of `doc`.
  // REQUIRES: doc.actor_mentions sorted by position, non-overlapping.
  void Build(const Document& doc, int index);

  const std::string& text() const { return text_; }
  // Maps [begin, end) in text() to a span of Document::text. A placeholder
  // maps to its whole mention.
  Span ToNorm(size_t begin, size_t end) const;
  // The mention indexes of the placeholders inside text()[begin, end).
  std::vector<int> MentionsIn(size_t begin, size_t end) const;
  // The first mention index at or after `begin`, or -1.
  int MentionAt(size_t begin) const;
  // Where in text() a holder slot can start: every placeholder, and every
  // word that could be a pronoun holder (he, she, we, I). Increasing.
  const std::vector<uint32_t>& holder_starts() const { return holder_starts_; }

 private:
  struct Piece {
    uint32_t match_begin;  // in text_
    uint32_t match_end;
    uint32_t norm_begin;   // in Document::text
    uint32_t norm_end;
    int mention;           // -1 for plain text
  };
  size_t PieceAt(size_t pos) const;

  std::string text_;
  std::vector<Piece> pieces_;
  std::vector<uint32_t> holder_starts_;
};

}  // namespace stance

#endif  // STANCE_PIPELINE_MATCH_TEXT_H_
