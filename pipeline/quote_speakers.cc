#include "pipeline/quote_speakers.h"

#include <algorithm>

namespace stance {
namespace {

// How far back (in bytes of text) a pronoun or a role may look for the
// speaker it refers to: about three paragraphs of news.
constexpr uint32_t kReach = 3000;
// How far back the full name of a lone surname is looked for in the text
// (the actor stage links surnames across a whole document; this is the
// fallback, bounded so that a long text of unknown names stays linear).
constexpr size_t kSurnameReach = 20000;

bool IsWordByte(char c) {
  unsigned char u = static_cast<unsigned char>(c);
  return u >= 0x80 || (u >= '0' && u <= '9') ||
         ((u | 0x20) >= 'a' && (u | 0x20) <= 'z');
}

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

// Whether `text` holds `word` as a whole word.
bool HasWord(const std::string& text, const std::string& word) {
  for (size_t at = text.find(word); at != std::string::npos;
       at = text.find(word, at + 1)) {
    bool starts = at == 0 || !IsWordByte(text[at - 1]);
    bool ends =
        at + word.size() == text.size() || !IsWordByte(text[at + word.size()]);
    if (starts && ends) return true;
  }
  return false;
}

// Whether some word of `name` starts with a lower-case letter: a
// description ("Foreign Ministry spokesperson"), not a name.
bool HasLowerCaseWord(const std::string& name) {
  for (size_t i = 0; i < name.size(); ++i) {
    if ((i == 0 || name[i - 1] == ' ') && name[i] >= 'a' && name[i] <= 'z')
      return true;
  }
  return false;
}

std::string LastWord(const std::string& name) {
  size_t space = name.rfind(' ');
  return space == std::string::npos ? name : name.substr(space + 1);
}

// Speakers are remembered in the order of their quotations, which is nearly
// the order of their offsets; scans back over them stop this far before
// their lower bound.
constexpr uint32_t kSlack = 1000;

// The first mention at or after normalised offset `at`.
std::vector<ActorMention>::const_iterator FirstMentionFrom(
    const std::vector<ActorMention>& m, uint32_t at) {
  return std::lower_bound(
      m.begin(), m.end(), at,
      [](const ActorMention& x, uint32_t n) { return x.norm.begin < n; });
}

bool Compatible(const SpeakerInfo& info, uint32_t pronoun) {
  return ((pronoun & kPersonPronoun) && info.person) ||
         ((pronoun & kPluralPronoun) && info.plural) ||
         ((pronoun & kThingPronoun) && info.thing);
}

}  // namespace

SpeakerResolver::SpeakerResolver(const Document& doc,
                                 const QuoteLexicon& lexicon)
    : doc_(doc), lexicon_(lexicon) {}

std::string SpeakerResolver::TextOf(const std::vector<QuoteToken>& tokens,
                                    size_t begin, size_t end) const {
  // Rebuilt from the tokens with single spaces, so a description broken over
  // a line keeps one line.
  std::string out;
  for (size_t i = begin; i < end; ++i) {
    if (i > begin && tokens[i].kind != QuoteToken::kPossessive) out += ' ';
    out += doc_.Text(tokens[i].norm);
  }
  return out;
}

int SpeakerResolver::SentenceOf(uint32_t norm) const {
  const std::vector<Sentence>& s = doc_.sentences;
  auto it = std::upper_bound(
      s.begin(), s.end(), norm,
      [](uint32_t n, const Sentence& x) { return n < x.norm.begin; });
  if (it == s.begin()) return -1;
  --it;
  return norm < it->norm.end ? static_cast<int>(it - s.begin()) : -1;
}

const ActorMention* SpeakerResolver::MentionOver(Span norm) const {
  const std::vector<ActorMention>& m = doc_.actor_mentions;
  auto it = std::upper_bound(
      m.begin(), m.end(), norm.begin,
      [](uint32_t n, const ActorMention& x) { return n < x.norm.begin; });
  if (it != m.end() && it->norm.Overlaps(norm)) return &*it;
  if (it == m.begin()) return nullptr;
  --it;
  return it->norm.Overlaps(norm) ? &*it : nullptr;
}

SpeakerInfo SpeakerResolver::FromMention(const ActorMention& m) const {
  SpeakerInfo info;
  info.name = m.name;
  info.role = m.role;
  info.affiliation = m.affiliation;
  info.type = ActorTypeName(m.type);
  info.person = m.type == ActorType::kPerson;
  info.plural = !info.person;
  info.thing =
      m.type == ActorType::kCountry || m.type == ActorType::kOrganisation;
  // The actor stage names unnamed people by their role ("Paraguayan Special
  // Envoy", "Uruguayan Foreign Ministry spokesperson").
  bool by_role =
      !m.role.empty() && m.name.size() >= m.role.size() &&
      m.name.compare(m.name.size() - m.role.size(), m.role.size(), m.role) == 0;
  info.named = !by_role && !HasLowerCaseWord(m.name);
  return info;
}

bool SpeakerResolver::FromPhrase(const std::vector<QuoteToken>& tokens,
                                 TokenRange np, SpeakerInfo* out) {
  if (np.empty()) return false;
  size_t b = np.begin;
  const size_t e = np.end;
  while (b + 1 < e && tokens[b].Is(kDeterminer)) ++b;
  const bool definite =
      b > np.begin && Lower(doc_.Text(tokens[b - 1].norm)) == "the";
  // "the spokesperson for the ministry": the head is the noun before the
  // connector, not the institution after it.
  size_t h = e - 1;
  auto people_noun = [&](size_t i) {  // "Officials" opening a sentence
    return i == b && tokens[i].Is(kSpeakerNoun) && !tokens[i].Is(kTitle);
  };
  for (size_t i = b + 1; i < e; ++i) {
    if (tokens[i].Is(kConnector) && !tokens[i].capitalised &&
        (!tokens[i - 1].capitalised || people_noun(i - 1))) {
      h = i - 1;
      break;
    }
  }
  const QuoteToken& head = tokens[h];
  // "the ministry's official statement said": the ministry speaks; so does
  // the government in "the government statement said".
  if (head.Is(kDocumentNoun) && !head.Is(kSpeakerNoun)) {
    for (size_t i = h; i-- > b + 1;) {
      if (tokens[i].kind == QuoteToken::kPossessive) {
        return FromPhrase(tokens, {np.begin, i}, out);
      }
    }
    const QuoteToken& before = tokens[h - (h > b ? 1 : 0)];
    if (h > b && (before.capitalised || before.Is(kSpeakerNoun))) {
      return FromPhrase(tokens, {np.begin, h}, out);
    }
  }
  *out = SpeakerInfo();
  const uint32_t at = tokens[np.begin].norm.begin;
  // A capitalised noun of people that opens the phrase is a description
  // too ("Officials in Montevideo" at the start of a sentence).
  const bool described = !head.capitalised || people_noun(h);
  const ActorMention* m = MentionOver(head.norm);
  if (m != nullptr && m->type == ActorType::kPerson &&
      m->norm.begin > tokens[b].norm.begin) {
    // "Sharmistha Mukherjee" when the actor stage linked "Mukherjee" to
    // another Mukherjee of the document: a given name before the mention
    // names someone else.
    for (size_t i = b; i < e && tokens[i].norm.end <= m->norm.begin; ++i) {
      if (tokens[i].norm.end + 1 >= m->norm.begin && tokens[i].capitalised &&
          !tokens[i].Is(kTitle | kFunctionWord | kOrganisationWord) &&
          tokens[i].kind == QuoteToken::kWord) {
        m = nullptr;
        break;
      }
    }
  }
  if (m != nullptr && !m->modifier) {
    SpeakerInfo mention = FromMention(*m);
    if (mention.person && !mention.named) {
      // "the Brazilian minister": the latest named person of that role and
      // state, else the words of the text rather than the actor stage's own
      // description.
      std::vector<std::string> role_words;
      for (size_t i = 0, j; i < m->role.size(); i = j + 1) {
        j = m->role.find(' ', i);
        if (j == std::string::npos) j = m->role.size();
        role_words.push_back(Lower(std::string_view(m->role).substr(i, j - i)));
      }
      if (!role_words.empty() &&
          PersonWithRole(role_words, m->affiliation, at, out))
        return true;
      if (described) mention.name = TextOf(tokens, b, e);
      *out = mention;
      return true;
    }
    if (mention.person || !described || head.Is(kOrganisationWord)) {
      *out = mention;
      return true;
    }
    // "a Paraguayan official": a person of that state, not the state.
  }

  if (described) {
    // An unnamed speaker: keep the description.
    std::vector<std::string> words;
    bool all_lower = true;
    for (size_t i = b; i < e; ++i) {
      if (tokens[i].kind != QuoteToken::kWord) continue;
      all_lower &= !tokens[i].capitalised;
      words.push_back(Lower(doc_.Text(tokens[i].norm)));
    }
    std::string head_word = Lower(doc_.Text(head.norm));
    bool plural = head_word.size() > 3 && head_word.back() == 's' &&
                  head_word[head_word.size() - 2] != 's';
    bool institution = head.Is(kOrganisationWord);
    // "the minister said": the latest person with that role.
    if (all_lower && definite && !plural && !institution &&
        PersonWithRole(words, "", at, out)) {
      return true;
    }
    out->name = TextOf(tokens, b, e);
    Span span{tokens[b].norm.begin, tokens[e - 1].norm.end};
    const std::vector<ActorMention>& m = doc_.actor_mentions;
    for (auto it = FirstMentionFrom(m, span.begin);
         it != m.end() && it->norm.begin < span.end; ++it) {
      out->affiliation = it->affiliation.empty() ? it->name : it->affiliation;
      break;
    }
    out->person = !plural && !institution;
    out->plural = plural || institution;
    out->thing = institution;
    return true;
  }

  // A capitalised name the actor stage does not know. "Steve Peers of the
  // University of Essex": the person, then where the person works.
  for (size_t c = b + 1; c + 1 < e; ++c) {
    if (!tokens[c].Is(kConnector) || tokens[c].capitalised) continue;
    bool name = false, institution = false;
    for (size_t i = b; i < c; ++i) {
      name |= tokens[i].capitalised &&
              !tokens[i].Is(kTitle | kOrganisationWord | kFunctionWord);
      institution |= tokens[i].Is(kOrganisationWord);
    }
    if (!name || institution) break;
    if (!FromPhrase(tokens, {b, c}, out)) return false;
    size_t where = c + 1;
    while (where + 1 < e && tokens[where].Is(kDeterminer)) ++where;
    if (out->affiliation.empty()) out->affiliation = TextOf(tokens, where, e);
    return true;
  }
  // An institution keeps its whole name ("Ministry of Mines and Energy"),
  // unless the phrase ends in a person's name ("Supreme Court Justice Elena
  // Kagan": two capitalised words that are neither titles nor institutions).
  auto plain_name = [&](size_t i) {
    return tokens[i].kind == QuoteToken::kWord && tokens[i].capitalised &&
           !tokens[i].Is(kTitle | kOrganisationWord | kFunctionWord);
  };
  const bool ends_in_person =
      e - b >= 3 && plain_name(e - 1) && plain_name(e - 2);
  for (size_t i = b; i < e && !ends_in_person; ++i) {
    if (tokens[i].Is(kOrganisationWord)) {
      out->name = TextOf(tokens, b, e);
      out->plural = out->thing = true;
      return true;
    }
  }
  size_t k = e;
  while (k > b && tokens[k - 1].kind == QuoteToken::kWord &&
         ((tokens[k - 1].capitalised && !tokens[k - 1].Is(kTitle)) ||
          (!tokens[k - 1].capitalised && tokens[k - 1].Is(kNameParticle)))) {
    --k;
  }
  // "First Minister of Scotland Nicola Sturgeon": a word after a connector
  // belongs to the title.
  while (k > b && k + 1 < e && tokens[k - 1].Is(kConnector)) ++k;
  if (k == e) {
    // Only a title: "the Foreign Minister said".
    std::vector<std::string> words;
    for (size_t i = b; i < e; ++i) {
      if (tokens[i].Is(kTitle) && !tokens[i].Is(kConnector | kDeterminer)) {
        words.push_back(Lower(doc_.Text(tokens[i].norm)));
      }
    }
    if (!words.empty() && PersonWithRole(words, "", at, out)) return true;
    out->name = TextOf(tokens, b, e);
    out->person = true;
    return true;
  }
  size_t r = b;
  while (r < k && !tokens[r].Is(kTitle)) ++r;
  out->role = r < k ? TextOf(tokens, r, k) : std::string();
  out->name = TextOf(tokens, k, e);
  out->person = true;
  out->named = true;
  bool known = !out->role.empty();
  if (e - k == 1) {
    SpeakerInfo full;
    if (FullName(out->name, at, &full)) {
      out->name = full.name;
      if (out->role.empty()) out->role = full.role;
      if (out->affiliation.empty()) out->affiliation = full.affiliation;
      known = true;
    }
  } else {
    known = true;  // two capitalised words or more, no institution: a person
  }
  if (known) out->type = ActorTypeName(ActorType::kPerson);
  return true;
}

bool SpeakerResolver::PersonWithRole(const std::vector<std::string>& words,
                                     const std::string& affiliation,
                                     uint32_t at, SpeakerInfo* out) const {
  auto matches = [&](const SpeakerInfo& info) {
    const std::string& role = info.role;
    if (!info.person || !info.named || role.empty()) return false;
    if (!affiliation.empty() && info.affiliation != affiliation) return false;
    std::string lower = Lower(role);
    for (const std::string& w : words) {
      if (lexicon_.Find(w) != nullptr &&
          (lexicon_.Find(w)->classes & kDeterminer))
        continue;
      if (!HasWord(lower, w)) return false;
    }
    return true;
  };
  const uint32_t lo = at > kReach ? at - kReach : 0;
  int64_t best = -1;
  for (auto it = said_.rbegin(); it != said_.rend() && it->at + kSlack >= lo;
       ++it) {
    if (it->at < at && it->at >= lo && matches(it->info)) {
      best = it->at;
      *out = it->info;
      break;
    }
  }
  const std::vector<ActorMention>& m = doc_.actor_mentions;
  for (auto it = FirstMentionFrom(m, at); it != m.begin();) {
    --it;
    if (it->norm.begin < lo || static_cast<int64_t>(it->norm.begin) <= best)
      break;
    if (it->type != ActorType::kPerson) continue;
    SpeakerInfo info = FromMention(*it);
    if (matches(info)) {
      *out = info;
      return true;
    }
  }
  return best >= 0;
}

bool SpeakerResolver::FullName(const std::string& surname, uint32_t at,
                               SpeakerInfo* out) {
  for (auto it = said_.rbegin();
       it != said_.rend() && it->at + kReach + kSlack >= at; ++it) {
    if (it->at < at && it->info.person && it->info.name != surname &&
        LastWord(it->info.name) == surname) {
      *out = it->info;
      return true;
    }
  }
  const std::vector<ActorMention>& m = doc_.actor_mentions;
  for (auto it = FirstMentionFrom(m, at); it != m.begin();) {
    --it;
    if (it->type == ActorType::kPerson && it->name != surname &&
        LastWord(it->name) == surname) {
      *out = FromMention(*it);
      return true;
    }
  }
  // Search the text before for "<Given names> <surname>", once per surname.
  auto cached = surnames_.find(surname);
  if (cached == surnames_.end()) {
    std::string full;
    const std::string& text = doc_.text;
    // Forward finds (memchr for the first letter), then the hits from the
    // latest back: string::rfind compares at every offset.
    size_t until = std::min<size_t>(at, text.size());
    size_t since = until > kSurnameReach ? until - kSurnameReach : 0;
    std::string_view before(text.data() + since, until - since);
    std::vector<size_t> hits;
    for (size_t h = before.find(surname); h != std::string_view::npos;
         h = before.find(surname, h + 1)) {
      hits.push_back(since + h);
    }
    for (size_t n = hits.size(), tries = 0;
         n-- > 0 && tries < 32 && full.empty(); ++tries) {
      size_t hit = hits[n];
      size_t after = hit + surname.size();
      if ((after < text.size() && IsWordByte(text[after])) || hit < 2 ||
          text[hit - 1] != ' ') {
        continue;
      }
      std::vector<std::string_view> given;
      std::vector<std::string_view> titles;
      size_t end = hit - 1;  // the space before the surname
      while (given.size() + titles.size() < 7) {
        size_t begin = end;
        while (begin > 0 &&
               (IsWordByte(text[begin - 1]) || text[begin - 1] == '-'))
          --begin;
        if (begin == end || !(text[begin] >= 'A' && text[begin] <= 'Z')) break;
        std::string_view word(text.data() + begin, end - begin);
        const QuoteWord* w = lexicon_.Find(Lower(word));
        uint32_t cls = w == nullptr ? 0 : w->classes;
        // Given names first, then the title before them ("Foreign Minister").
        if (titles.empty() && given.size() < 3 &&
            !(cls & (kTitle | kFunctionWord | kOrganisationWord))) {
          given.push_back(word);
        } else if (!given.empty() && (cls & kTitle) && !(cls & kFunctionWord)) {
          titles.push_back(word);
        } else {
          break;
        }
        if (begin < 2 || text[begin - 1] != ' ') break;
        end = begin - 1;
      }
      if (given.empty()) continue;
      for (size_t i = given.size(); i-- > 0;) full.append(given[i]).append(" ");
      full += surname;
      std::string role;
      for (size_t i = titles.size(); i-- > 0;)
        role.append(role.empty() ? "" : " ").append(titles[i]);
      full_roles_[full] = role;
    }
    cached = surnames_.emplace(surname, std::move(full)).first;
  }
  if (cached->second.empty()) return false;
  *out = SpeakerInfo();
  out->name = cached->second;
  out->role = full_roles_[cached->second];
  out->type = ActorTypeName(ActorType::kPerson);
  out->person = true;
  out->named = true;
  return true;
}

bool SpeakerResolver::FromPronoun(uint32_t pronoun, uint32_t at,
                                  SpeakerInfo* out, uint32_t* where) const {
  const uint32_t lo = at > kReach ? at - kReach : 0;
  auto mention_fits = [pronoun](const ActorMention& m) {
    if (m.modifier) return false;
    if (m.type == ActorType::kPerson) return (pronoun & kPersonPronoun) != 0;
    if (pronoun & kPluralPronoun) return true;
    return (pronoun & kThingPronoun) && m.type != ActorType::kGroup;
  };
  // The latest candidate before the pronoun.
  int64_t latest = -1;
  for (auto it = said_.rbegin(); it != said_.rend() && it->at + kSlack >= lo;
       ++it) {
    if (it->at < at && it->at >= lo && Compatible(it->info, pronoun)) {
      latest = it->at;
      break;
    }
  }
  const std::vector<ActorMention>& m = doc_.actor_mentions;
  for (auto it = FirstMentionFrom(m, at); it != m.begin();) {
    --it;
    if (it->norm.begin < lo || static_cast<int64_t>(it->norm.begin) <= latest)
      break;
    if (mention_fits(*it)) {
      latest = it->norm.begin;
      break;
    }
  }
  if (latest < 0) return false;
  // Within that sentence, the earliest candidate: the subject rather than an
  // object ("Lavrov met Wang. He said" is Lavrov), a speaker first.
  int sentence = SentenceOf(static_cast<uint32_t>(latest));
  uint32_t from = sentence >= 0 ? doc_.sentences[sentence].norm.begin
                                : static_cast<uint32_t>(latest);
  const Said* earliest = nullptr;
  for (auto it = said_.rbegin(); it != said_.rend() && it->at + kSlack >= from;
       ++it) {
    if (it->at >= from && it->at < at && it->at <= latest &&
        Compatible(it->info, pronoun)) {
      earliest = &*it;
    }
  }
  if (earliest != nullptr) {
    *out = earliest->info;
    *where = earliest->at;
    return true;
  }
  const ActorMention* first = nullptr;
  for (auto it = FirstMentionFrom(m, from);
       it != m.end() && it->norm.begin <= static_cast<uint32_t>(latest); ++it) {
    if (!mention_fits(*it)) continue;
    SpeakerInfo info = FromMention(*it);
    if (info.named || !info.person) {
      *out = info;
      *where = it->norm.begin;
      return true;
    }
    if (first == nullptr) first = &*it;
  }
  if (first == nullptr) return false;
  *out = FromMention(*first);
  *where = first->norm.begin;
  return true;
}

bool SpeakerResolver::FirstPersonIn(Span range, SpeakerInfo* out) const {
  const std::vector<ActorMention>& m = doc_.actor_mentions;
  for (auto it = FirstMentionFrom(m, range.begin);
       it != m.end() && it->norm.begin < range.end; ++it) {
    if (it->type == ActorType::kPerson) {
      *out = FromMention(*it);
      return true;
    }
  }
  return false;
}

void SpeakerResolver::Remember(const SpeakerInfo& info, uint32_t at) {
  said_.push_back({info, at});
}

}  // namespace stance
