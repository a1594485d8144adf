#include "pipeline/match_text.h"

#include <algorithm>
#include <cctype>

namespace stance {
namespace {

char TypeChar(const ActorMention& m) {
  if (m.modifier) return 'm';
  switch (m.type) {
    case ActorType::kCountry: return 'c';
    case ActorType::kOrganisation: return 'o';
    case ActorType::kGroup: return 'g';
    case ActorType::kPerson: return 'p';
  }
  return 'c';
}

}  // namespace

void MatchText::Build(const Document& doc, int index) {
  text_.clear();
  holder_starts_.clear();
  pieces_.clear();
  const Span sentence = doc.sentences[index].norm;
  auto first = std::lower_bound(
      doc.actor_mentions.begin(), doc.actor_mentions.end(), sentence.begin,
      [](const ActorMention& m, uint32_t pos) { return m.norm.begin < pos; });
  uint32_t pos = sentence.begin;
  auto add_text = [&](uint32_t end) {
    if (end <= pos) return;
    uint32_t at = static_cast<uint32_t>(text_.size());
    text_.append(doc.text, pos, end - pos);
    pieces_.push_back({at, static_cast<uint32_t>(text_.size()), pos, end, -1});
    pos = end;
  };
  for (auto it = first; it != doc.actor_mentions.end() && it->norm.begin < sentence.end; ++it) {
    if (it->norm.begin < pos || it->norm.end > sentence.end) continue;
    add_text(it->norm.begin);
    int mention = static_cast<int>(it - doc.actor_mentions.begin());
    uint32_t at = static_cast<uint32_t>(text_.size());
    // A possessor ("China's new map") is marked by an upper-case type: it
    // is no subject, so holder classes skip it and gaps may cross it.
    char type = TypeChar(*it);
    std::string_view after = std::string_view(doc.text).substr(it->norm.end);
    if (type != 'm' && (after.substr(0, 2) == "'s" || (after.substr(0, 1) == "'" && it->norm.end > 0 &&
                                                        doc.text[it->norm.end - 1] == 's'))) {
      type = static_cast<char>(type - 'a' + 'A');
    }
    text_ += kPlaceholderOpen;
    text_ += type;
    text_ += std::to_string(mention);
    text_ += kPlaceholderClose;
    pieces_.push_back({at, static_cast<uint32_t>(text_.size()), it->norm.begin, it->norm.end,
                       mention});
    pos = it->norm.end;
  }
  add_text(sentence.end);
  for (uint32_t i = 0; i < text_.size(); ++i) {
    if (text_[i] == kPlaceholderOpen || PronounHolderAt(text_, i) > 0) holder_starts_.push_back(i);
  }
}

size_t MatchText::PieceAt(size_t pos) const {
  auto it = std::upper_bound(pieces_.begin(), pieces_.end(), pos,
                             [](size_t p, const Piece& piece) { return p < piece.match_begin; });
  return it == pieces_.begin() ? 0 : static_cast<size_t>(it - pieces_.begin()) - 1;
}

Span MatchText::ToNorm(size_t begin, size_t end) const {
  if (pieces_.empty()) return {};
  const Piece& b = pieces_[PieceAt(begin)];
  uint32_t norm_begin;
  if (b.mention < 0) {
    norm_begin = b.norm_begin + static_cast<uint32_t>(std::min<size_t>(begin, b.match_end) - b.match_begin);
  } else {
    norm_begin = begin == b.match_begin ? b.norm_begin : b.norm_end;
  }
  if (end <= begin) return {norm_begin, norm_begin};
  const Piece& e = pieces_[PieceAt(end - 1)];
  uint32_t norm_end = e.mention >= 0 ? e.norm_end
                                     : e.norm_begin + static_cast<uint32_t>(std::min<size_t>(end, e.match_end) - e.match_begin);
  return {norm_begin, std::max(norm_begin, norm_end)};
}

std::vector<int> MatchText::MentionsIn(size_t begin, size_t end) const {
  std::vector<int> out;
  for (size_t i = PieceAt(begin); i < pieces_.size() && pieces_[i].match_begin < end; ++i) {
    if (pieces_[i].mention >= 0 && pieces_[i].match_begin >= begin && pieces_[i].match_end <= end) {
      out.push_back(pieces_[i].mention);
    }
  }
  return out;
}

int MatchText::MentionAt(size_t begin) const {
  for (size_t i = PieceAt(begin); i < pieces_.size(); ++i) {
    if (pieces_[i].mention >= 0 && pieces_[i].match_begin >= begin) return pieces_[i].mention;
  }
  return -1;
}

}  // namespace stance
