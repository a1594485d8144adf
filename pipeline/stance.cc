// RuleSet::Annotate: runs the rules over each sentence and turns matches into
// claims.
#include "pipeline/stance.h"

#include <algorithm>
#include <cctype>

#include "pipeline/match_text.h"
#include "pipeline/rule_reach.h"
#include "pipeline/stance_rules.h"
#include "pipeline/subject_checks.h"
#include "pipeline/stance_trace.h"

namespace stance {
namespace {

struct Holder {
  std::string name, type, affiliation;
  Span norm;  // where the text names it; empty for a quotation's speaker
};

struct Candidate {
  Claim claim;
  const StanceRule* rule;
  size_t length;
  Span cue_norm;
  Span target_norm;
  int traced = -1;  // index into SentenceTrace::candidates, when tracing
};

bool IsPronoun(std::string_view s, bool first_person) {
  if (first_person) return s == "I" || s == "we" || s == "We";
  return s == "he" || s == "He" || s == "she" || s == "She";
}

Holder FromMention(const ActorMention& m) {
  std::string affiliation = m.affiliation;
  if (affiliation.empty() && m.type != ActorType::kPerson) affiliation = m.name;
  return {m.name, ActorTypeName(m.type), affiliation, m.norm};
}

// The most recent person named before `pos` (normalised offset) in sentence
// `sentence` or the two before it: a pronoun further from its name is left
// unresolved rather than guessed.
const ActorMention* LastPersonBefore(const Document& doc, uint32_t pos, int sentence) {
  for (auto it = doc.actor_mentions.rbegin(); it != doc.actor_mentions.rend(); ++it) {
    if (it->norm.begin >= pos) continue;
    if (it->sentence < sentence - 2) return nullptr;
    // "as Obama's vice president, he called for": in one sentence, the
    // pronoun is the one possessed, not the possessor.
    std::string_view after = std::string_view(doc.text).substr(it->norm.end);
    if (it->sentence == sentence && after.substr(0, 2) == "'s") continue;
    if (it->type == ActorType::kPerson && !it->modifier) return &*it;
  }
  return nullptr;
}

const Quote* QuoteOverlapping(const Document& doc, Span span) {
  for (const Quote& q : doc.quotes) {
    if (!q.is_term && q.outer_norm.Overlaps(span)) return &q;
  }
  return nullptr;
}

const Quote* QuoteAround(const Document& doc, uint32_t pos) {
  return QuoteOverlapping(doc, {pos, pos + 1});
}

// The type letter of the last placeholder in `slot` (match_text.h).
char LastPlaceholderType(re2::StringPiece slot) {
  std::string_view s(slot.data(), slot.size());
  size_t open = s.rfind(kPlaceholderOpen);
  return open != std::string_view::npos && open + 1 < s.size() ? s[open + 1] : '\0';
}

std::string CleanTarget(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '"') continue;
    if (c == '\n' || c == '\t') c = ' ';
    if (c == ' ' && (out.empty() || out.back() == ' ')) continue;
    out += c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// True if `word` is one of the -ed forms of `entry` (any case).
bool IsParticiple(const Lexicon::Entry& entry, std::string_view word) {
  if (word.size() > 2 && word.substr(word.size() - 2) == "ed") return true;
  for (const std::string& ed : entry.ed) {
    if (ed.size() == word.size() &&
        std::equal(ed.begin(), ed.end(), word.begin(), [](char a, char b) {
          return a == std::tolower(static_cast<unsigned char>(b));
        })) {
      return true;
    }
  }
  return false;
}

// The text just before a cue, back to the last comma, semicolon or quote
// mark: where a negator or hedge that governs the cue must stand.
std::string_view CueWindow(std::string_view text, size_t cue, size_t floor) {
  size_t begin = cue > 80 ? cue - 80 : 0;
  begin = std::max(begin, floor);
  std::string_view w = text.substr(begin, cue - begin);
  // A quote mark right before the cue ('accused X of "siding') is no
  // boundary: the words before it still govern the cue.
  while (!w.empty() && (w.back() == ' ' || w.back() == '"')) w.remove_suffix(1);
  size_t cut = w.find_last_of(",;\"");
  if (cut != std::string_view::npos) w.remove_prefix(cut + 1);
  return w;
}

// Tracing (stance_trace.h). Every call below is behind a null test, so a run
// without a trace allocates nothing for it.

// Starts the record of one match of `rule`: where it is and its slot fills.
TracedMatch* TraceMatch(const StanceRule& rule, const MatchText& mt,
                        const std::vector<re2::StringPiece>& groups, SentenceTrace* trace) {
  const std::string& text = mt.text();
  TracedMatch& tm = trace->matches.emplace_back();
  tm.rule = rule.order;
  size_t begin = groups[0].data() - text.data();
  tm.norm = mt.ToNorm(begin, begin + groups[0].size());
  for (size_t k = 0; k < rule.pattern.slots.size(); ++k) {
    int g = rule.slot_groups[k];
    if (g <= 0 || groups[g].data() == nullptr) continue;
    size_t b = groups[g].data() - text.data();
    tm.fills.push_back({rule.pattern.slots[k].name, rule.pattern.slots[k].cls,
                        mt.ToNorm(b, b + groups[g].size())});
  }
  return &tm;
}

void SetOutcome(TracedMatch* tm, MatchOutcome outcome, std::string_view detail = {}) {
  if (tm == nullptr) return;
  tm->outcome = outcome;
  tm->detail = std::string(detail);
}

// What `re` finds in `window`, for a trace's detail.
std::string FoundIn(const re2::RE2* re, std::string_view window) {
  re2::StringPiece found;
  if (re == nullptr || !re->Match(window, 0, window.size(), RE2::UNANCHORED, &found, 1)) return "";
  std::string out(found.data(), found.size());
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

void AddDetail(TracedMatch* tm, const std::string& note) {
  if (tm == nullptr) return;
  tm->detail += (tm->detail.empty() ? "" : "; ") + note;
}

// Runs `rule` over sentence `si` (whose match text is `mt`) and appends one
// candidate per holder of every match. A rule that opens with a holder is
// tried only at holder starts before `start_bound` (rule_reach.h). `trace`,
// when not null, records each match and what became of it.
void MatchRule(const RuleSet::Data& data, const Document& cdoc, int si, const MatchText& mt,
               const StanceRule& rule, size_t start_bound, std::vector<Candidate>* candidates,
               SentenceTrace* trace) {
  const Document* doc = &cdoc;
  const std::string& text = mt.text();
  std::vector<re2::StringPiece> groups;
  groups.assign(1 + rule.re->NumberOfCapturingGroups(), re2::StringPiece());
  // The next match at or after `from`, leftmost first. A rule that opens
  // with a holder can only start where a holder can, so it is tried
  // anchored at those places: much cheaper than an unanchored search.
  size_t next_start = 0;
  auto next_match = [&](size_t from) {
    if (!rule.opens_with_holder) {
      return rule.re->Match(text, from, text.size(), RE2::UNANCHORED, groups.data(),
                            static_cast<int>(groups.size()));
    }
    const std::vector<uint32_t>& starts = mt.holder_starts();
    while (next_start < starts.size() && starts[next_start] < from) ++next_start;
    for (; next_start < starts.size() && starts[next_start] < start_bound; ++next_start) {
      if (rule.re->Match(text, starts[next_start], text.size(), RE2::ANCHOR_START, groups.data(),
                         static_cast<int>(groups.size()))) {
        return true;
      }
    }
    return false;
  };
  size_t pos = 0;
  while (pos <= text.size() && next_match(pos)) {
    size_t m_begin = groups[0].data() - text.data();
    size_t m_end = m_begin + groups[0].size();
    pos = m_end > m_begin ? m_end : m_end + 1;
    TracedMatch* tm = trace != nullptr ? TraceMatch(rule, mt, groups, trace) : nullptr;

    // Slot captures by name; alternatives share a name, one of them matched.
    auto capture = [&](const std::string& name) -> re2::StringPiece {
      for (size_t k = 0; k < rule.pattern.slots.size(); ++k) {
        int g = rule.slot_groups[k];
        if (rule.pattern.slots[k].name == name && g > 0 && groups[g].data() != nullptr) {
          return groups[g];
        }
      }
      return re2::StringPiece();
    };
    // The cue is the last lexicon reference that took part in the match: in
    // "joined X in opposing", "rejected A and called for B" the stance verb
    // comes last.
    re2::StringPiece cue;
    const Lexicon::Entry* cue_entry = nullptr;
    for (size_t k = 0; k < rule.cue_groups.size(); ++k) {
      int g = rule.cue_groups[k];
      if (g > 0 && groups[g].data() != nullptr) {
        cue = groups[g];
        cue_entry = data.lexicon->Find(rule.pattern.cues[k].name);
      }
    }
    size_t cue_begin = cue.data() ? cue.data() - text.data() : m_begin;
    size_t cue_end = cue.data() ? cue_begin + cue.size() : m_end;
    Span cue_norm = mt.ToNorm(cue_begin, cue_end);
    const Quote* quote = QuoteAround(*doc, cue_norm.begin);
    if (tm && cue.data()) tm->cue_norm = cue_norm;

    re2::StringPiece target = capture(rule.target_slot);
    if (target.data() == nullptr) {
      SetOutcome(tm, MatchOutcome::kNoTarget);
      continue;
    }
    size_t t_begin = target.data() - text.data();
    Span target_norm = mt.ToNorm(t_begin, t_begin + target.size());
    if (tm) tm->target_norm = target_norm;
    if (!quote) quote = QuoteAround(*doc, target_norm.begin);
    // A holder taken from a quote's speaker owns only what is inside the
    // quote: a target that reaches into it is clipped to it.
    if (rule.holder_slots.empty() && quote && target_norm.Overlaps(quote->norm)) {
      target_norm.begin = std::max(target_norm.begin, quote->norm.begin);
      target_norm.end = std::min(target_norm.end, quote->norm.end);
      if (target_norm.empty()) {
        SetOutcome(tm, MatchOutcome::kTargetOutsideQuote);
        continue;
      }
    }
    std::string target_text =
        data.targets->Canonical(std::string_view(target.data(), target.size()));
    // The kept part of the phrase: what the claim is about, for overlaps.
    const Span kept = data.targets->Trim(*doc, target_norm);
    if (target_text.empty()) target_text = CleanTarget(doc->Text(kept));
    if (tm) tm->target = target_text;
    if (target_text.empty()) {
      SetOutcome(tm, MatchOutcome::kEmptyTarget);
      continue;
    }
    if (data.targets->IsVacuous(target_text)) {
      SetOutcome(tm, MatchOutcome::kVacuousTarget);
      continue;
    }

    // Holders: actor placeholders in the holder slots, pronouns resolved.
    // A participle cue ("posted on Twitter blaming Iran", "with China
    // backing it") takes its subject differently from a finite one.
    const bool ing_cue =
        cue.size() > 3 && std::string_view(cue.data(), cue.size()).substr(cue.size() - 3) == "ing";
    std::vector<Holder> holders;
    size_t holder_end = m_begin;
    bool holder_is_modifier = false;  // the last holder before the cue
    for (const std::string& slot : rule.holder_slots) {
      re2::StringPiece h = capture(slot);
      if (h.data() == nullptr) continue;
      size_t h_begin = h.data() - text.data();
      // A possessor ("despite [Russia]'s opposition to") may follow a
      // preposition; a subject may not.
      const bool possessor = h.size() > 1 && h[0] == kPlaceholderOpen &&
                             std::isupper(static_cast<unsigned char>(h[1]));
      if (h_begin < cue_begin && !possessor) {
        std::string_view preposition = GoverningPreposition(text, h_begin);
        // "with X urging Y": X is the participle's subject.
        if (!preposition.empty() && !(ing_cue && preposition == "with")) {
          if (tm) AddDetail(tm, slot + ": follows '" + std::string(preposition) +
                                    "', so it is an object, not the cue's subject");
          continue;
        }
      }
      if (h_begin < cue_begin) {
        holder_end = std::max(holder_end, h_begin + h.size());
        holder_is_modifier = possessor || (h.size() > 1 && h[h.size() - 1] == kPlaceholderClose &&
                                           LastPlaceholderType(h) == 'm');
      }
      std::vector<int> mentions = mt.MentionsIn(h_begin, h_begin + h.size());
      const size_t holders_before = holders.size();
      for (int m : mentions) {
        // Someone named inside a quotation does not hold a stance voiced
        // outside it ("...the Islamic State," but placed blame...).
        const Quote* around = QuoteAround(*doc, doc->actor_mentions[m].norm.begin);
        if (around != nullptr && around != quote) {
          if (tm) AddDetail(tm, slot + ": " + doc->actor_mentions[m].name +
                                    " is named inside a quotation the cue is not in");
          continue;
        }
        holders.push_back(FromMention(doc->actor_mentions[m]));
      }
      std::string_view word(h.data(), h.size());
      if (!mentions.empty()) continue;
      // A pronoun holder is marked where the pronoun stands.
      const Span pronoun = mt.ToNorm(h_begin, h_begin + h.size());
      if (IsPronoun(word, true) && quote && !quote->speaker.empty()) {
        holders.push_back({quote->speaker,
                           quote->speaker_type.empty() ? "person" : quote->speaker_type,
                           quote->speaker_affiliation, pronoun});
      } else if (IsPronoun(word, false)) {
        if (const ActorMention* p = LastPersonBefore(*doc, pronoun.begin, si)) {
          holders.push_back(FromMention(*p));
          holders.back().norm = pronoun;
        }
      }
      if (tm && holders.size() == holders_before) {
        std::string said(word);
        AddDetail(tm, slot + ": '" + said + "' " +
                          (IsPronoun(word, true)    ? "is not inside a quotation with a speaker"
                           : IsPronoun(word, false) ? "has no person named before it in this "
                                                      "sentence or the two before"
                                                    : "names no actor"));
      }
    }
    if (rule.holder_slots.empty() && quote && !quote->speaker.empty()) {
      holders.push_back({quote->speaker,
                         quote->speaker_type.empty() ? "person" : quote->speaker_type,
                         quote->speaker_affiliation});
    }
    // A name the gazetteer does not know, standing between the holder and
    // the cue, is the cue's subject ("Pierce said that Bloomberg endorsed").
    // Only a finite cue is checked: a participle takes the clause's subject.
    if (!holders.empty() && holder_end > m_begin && !holder_is_modifier && !ing_cue) {
      std::string_view name = UnknownSubjectBefore(text, holder_end, cue_begin);
      if (!name.empty()) {
        if (tm) AddDetail(tm, "'" + std::string(name) +
                                  "', a name that is no known actor, is the cue's subject");
        holders.clear();
      }
    }
    if (holders.empty()) {
      if (tm && rule.holder_slots.empty()) {
        AddDetail(tm, quote ? "the quotation around the cue has no speaker"
                            : "the rule has no holder slot and the cue is not in a quotation");
      }
      if (tm) tm->outcome = MatchOutcome::kNoHolder;
      // A later holder inside this match may still be the cue's subject
      // ("The case against [Biden] is that he called for..."): look again
      // from the next place a holder can start.
      pos = m_begin + 1;
      continue;
    }
    if (tm) {
      for (const Holder& h : holders) tm->holders.push_back(h.name);
    }

    // What stands just before the cue decides negation, hedging, voice and
    // more; it is read once.
    const std::string_view window = CueWindow(text, cue_begin, holder_end);
    const bool participle =
        cue_entry != nullptr && IsParticiple(*cue_entry, std::string_view(cue.data(), cue.size()));

    // A participle used as an adjective ("the most pledged delegates", "a
    // much-criticized ride") states no stance.
    if (participle) {
      if (cue_begin > 0 && text[cue_begin - 1] == '-') {
        SetOutcome(tm, MatchOutcome::kAdjective, "a hyphen before the cue");
        continue;
      }
      size_t before = text.find_last_not_of(' ', cue_begin > 0 ? cue_begin - 1 : 0);
      if (before != std::string::npos && before < cue_begin &&
          std::isdigit(static_cast<unsigned char>(text[before]))) {
        SetOutcome(tm, MatchOutcome::kAdjective, "a number before the cue");
        continue;  // "1,217 pledged delegates"
      }
      if (data.determiner && RE2::PartialMatch(window, *data.determiner)) {
        if (tm) {
          SetOutcome(tm, MatchOutcome::kAdjective,
                     "'" + FoundIn(data.determiner.get(), window) + "' before the cue");
        }
        continue;
      }
    }
    // Reported allegations and alternatives ("accused X of siding with",
    // "instead of backing") are not the holder's stance.
    if (data.unasserted && RE2::PartialMatch(window, *data.unasserted)) {
      if (tm) {
        SetOutcome(tm, MatchOutcome::kUnasserted,
                   "'" + FoundIn(data.unasserted.get(), window) + "' before the cue");
      }
      continue;
    }
    bool negated = rule.negation != StanceRule::Negation::kIgnore && data.negator &&
                   RE2::PartialMatch(window, *data.negator);
    // A passive cue ("is backed by", "was praised in") reverses who holds
    // the stance.
    if (rule.voice != StanceRule::Voice::kAny && data.passive && participle) {
      std::string_view after = std::string_view(text).substr(cue_end);
      size_t k = after.find_first_not_of(" \t\n");
      // "is opposed to", "is committed to" are active in meaning.
      bool to = k != std::string_view::npos && after.substr(k, 3) == "to ";
      bool passive = !to && RE2::PartialMatch(window, *data.passive);
      if (passive != (rule.voice == StanceRule::Voice::kPassive)) {
        if (tm) {
          SetOutcome(tm, MatchOutcome::kVoice,
                     passive ? "a passive cue ('" + FoundIn(data.passive.get(), window) +
                                   "' before it)"
                             : "an active cue");
        }
        continue;
      }
    }
    bool hedged = data.hedge && RE2::PartialMatch(window, *data.hedge);
    std::string stance = rule.stance;
    if (negated) {
      if (tm) AddDetail(tm, "negated by '" + FoundIn(data.negator.get(), window) + "'");
      if (rule.negation == StanceRule::Negation::kDrop) {
        if (tm) tm->outcome = MatchOutcome::kNegated;
        continue;
      }
      if (rule.negation == StanceRule::Negation::kFlip) {
        const std::string& opposite = data.labels.at(rule.stance).opposite;
        if (opposite.empty()) {
          if (tm) tm->outcome = MatchOutcome::kNoOpposite;
          continue;
        }
        stance = opposite;
      }
    }
    Span match_norm = mt.ToNorm(m_begin, m_end);
    // The claim comes from a quotation when its cue or what follows the cue
    // is quoted ("urging the West to \"return the assets\"").
    const Quote* voiced_in = quote;
    if (voiced_in == nullptr) voiced_in = QuoteOverlapping(*doc, {cue_norm.begin, match_norm.end});
    for (const Holder& h : holders) {
      Candidate c;
      c.rule = &rule;
      c.length = m_end - m_begin;
      c.cue_norm = cue.data() ? cue_norm : Span{};
      c.target_norm = kept.empty() ? target_norm : kept;
      Claim& claim = c.claim;
      claim.holder = h.name;
      claim.holder_type = h.type;
      claim.holder_affiliation = h.affiliation;
      claim.stance = stance;
      claim.target = target_text;
      claim.negated = negated;
      claim.hedged = hedged;
      if (voiced_in) {
        claim.speaker = voiced_in->speaker;
        claim.quote = std::string(doc->Original(voiced_in->span));
      }
      claim.sentence = si;
      claim.norm = match_norm;
      claim.span = doc->offsets.ToOriginal(match_norm);
      claim.cue = CleanTarget(doc->Text(cue_norm));
      if (!h.norm.empty()) claim.holder_span = doc->offsets.ToOriginal(h.norm);
      if (!c.cue_norm.empty()) claim.cue_span = doc->offsets.ToOriginal(c.cue_norm);
      claim.target_span = doc->offsets.ToOriginal(c.target_norm);
      claim.rule = rule.id;
      claim.rule_file = rule.file_name;
      claim.rule_version = rule.file_version;
      if (trace != nullptr) {
        c.traced = static_cast<int>(trace->candidates.size());
        TracedCandidate& tc = trace->candidates.emplace_back();
        tc.match = static_cast<int>(trace->matches.size()) - 1;
        tc.claim = claim;
      }
      candidates->push_back(std::move(c));
    }
  }
}

// Whether sentence `si` offers a holder a claim could have: an actor named
// inside it, a pronoun holder, or a quotation around part of it (whose
// speaker holds what is quoted). A sentence with none gives no claim, so it
// skips the prefilter and the rules. `next_mention` is a cursor into
// doc.actor_mentions; call with the sentences in order.
bool MayHaveHolder(const Document& doc, int si, size_t* next_mention) {
  const Span sentence = doc.sentences[si].norm;
  const auto& mentions = doc.actor_mentions;
  size_t& m = *next_mention;
  while (m < mentions.size() && mentions[m].norm.begin < sentence.begin) ++m;
  // As MatchText::Build: a mention reaching past the sentence is no placeholder.
  for (size_t k = m; k < mentions.size() && mentions[k].norm.begin < sentence.end; ++k) {
    if (mentions[k].norm.end <= sentence.end) return true;
  }
  if (QuoteOverlapping(doc, sentence) != nullptr) return true;
  const std::string_view text = doc.Text(sentence);
  for (size_t i = 0; i < text.size(); ++i) {
    if (PronounHolderAt(text, i) > 0) return true;
  }
  return false;
}

// Resets `trace` for `doc`: the rules as written, one empty record a sentence.
void StartTrace(const RuleSet::Data& data, const Document& doc, StanceTrace* trace) {
  static constexpr const char* kNegation[] = {"drop", "flip", "mark", "ignore"};
  static constexpr const char* kVoice[] = {"active", "passive", "any"};
  trace->rules.clear();
  for (const auto& rule : data.rules) {
    trace->rules.push_back({rule->id, rule->stance, rule->where, rule->pattern_text,
                            rule->priority, rule->order,
                            kNegation[static_cast<int>(rule->negation)],
                            kVoice[static_cast<int>(rule->voice)]});
  }
  trace->sentences.assign(doc.sentences.size(), SentenceTrace());
}

// Why `winner` ranks before `loser` (the order of `better` in Annotate).
RankReason RankOf(const Candidate& winner, const Candidate& loser) {
  if (winner.rule->priority != loser.rule->priority) return RankReason::kPriority;
  if (winner.length != loser.length) return RankReason::kLength;
  return RankReason::kOrder;
}

// Overlaps: for one holder, claims whose targets overlap and agree in
// polarity are one claim; the winner has the higher priority, then the longer
// match, then the earlier rule. Appends the kept claims of one sentence's
// `candidates` (reordered) to `claims`; `st`, when not null, records who
// beat whom.
void ResolveOverlaps(const RuleSet::Data& data, std::vector<Candidate>* candidates,
                     SentenceTrace* st, std::vector<Claim>* claims) {
  auto better = [](const Candidate& a, const Candidate& b) {
    if (a.rule->priority != b.rule->priority) return a.rule->priority > b.rule->priority;
    if (a.length != b.length) return a.length > b.length;
    return a.rule->order < b.rule->order;
  };
  std::stable_sort(candidates->begin(), candidates->end(), better);
  std::vector<const Candidate*> kept;
  for (const Candidate& c : *candidates) {
    const std::string& polarity = data.labels.at(c.claim.stance).polarity;
    const Candidate* winner = nullptr;
    OverlapReason why = OverlapReason::kNone;
    for (const Candidate* k : kept) {
      // One cue has one subject: the winning rule's holders, not a rival's.
      if (k->rule != c.rule && !c.cue_norm.empty() && k->cue_norm.Overlaps(c.cue_norm)) {
        winner = k;
        why = OverlapReason::kOneSubjectPerCue;
        break;
      }
      if (k->claim.holder != c.claim.holder) continue;
      bool same_polarity = data.labels.at(k->claim.stance).polarity == polarity;
      if (same_polarity && k->target_norm.Overlaps(c.target_norm)) {
        winner = k;
        why = OverlapReason::kSameHolderPolarity;
        break;
      }
      if (k->claim.stance == c.claim.stance && k->claim.target == c.claim.target) {
        winner = k;
        why = OverlapReason::kSameClaim;
        break;
      }
    }
    if (winner == nullptr) kept.push_back(&c);
    if (st == nullptr) continue;
    TracedCandidate& tc = st->candidates[c.traced];
    tc.kept = winner == nullptr;
    if (winner == nullptr) continue;
    tc.beaten_by = winner->traced;
    tc.overlap = why;
    tc.rank = RankOf(*winner, c);
  }
  for (const Candidate* k : kept) claims->push_back(k->claim);
}

// A sentence the prefilter let some rules through, waiting for them.
struct PendingSentence {
  int sentence;
  MatchText mt;
  std::vector<Candidate> candidates;
  // The candidates each rule gave here, [begin, end), for its twins.
  std::vector<std::pair<int, std::pair<size_t, size_t>>> ran;
};

// What rule `r` is to run on: a pending sentence and where it may start.
struct RuleTask {
  int pending;
  size_t start_bound;
};

}  // namespace

void RuleSet::Annotate(Document* doc, DiagnosticSink*, StanceTrace* trace) const {
  if (trace != nullptr) StartTrace(*data_, *doc, trace);
  const size_t rule_count = data_->rules.size();
  std::vector<int> hits;
  std::vector<int> word_ids;
  std::vector<uint64_t> met(rule_count, 0);  // clauses met, per rule
  std::vector<int> touched;
  std::vector<PendingSentence> pending;
  std::vector<std::vector<RuleTask>> tasks(rule_count);
  RuleReach reach(*data_);
  size_t next_mention = 0;

  // 1. Which rules each sentence lets through.
  for (int si = 0; si < static_cast<int>(doc->sentences.size()); ++si) {
    // About half of news sentences name no one: they skip all the rest. A
    // trace shows what every rule does, so it runs them all.
    if (trace == nullptr && !MayHaveHolder(*doc, si, &next_mention)) continue;
    // The prefilter reads the sentence as it is: a required word is never
    // inside a placeholder, so this lets through at least what the match
    // text would, and most sentences are done before a match text is built.
    word_ids.clear();
    hits = data_->unfiltered;
    if (data_->words && data_->words->Match(doc->Text(doc->sentences[si].norm), &word_ids)) {
      for (int w : word_ids) {
        for (const Data::ClauseRef& ref : data_->clauses_of_word[w]) {
          if (met[ref.rule] == 0) touched.push_back(ref.rule);
          met[ref.rule] |= uint64_t{1} << ref.clause;
        }
      }
      for (int r : touched) {
        if (met[r] == data_->all_clauses[r]) hits.push_back(r);
        met[r] = 0;
      }
      touched.clear();
    }
    if (hits.empty()) continue;
    std::sort(hits.begin(), hits.end());
    if (trace != nullptr) trace->sentences[si].let_through = hits;
    PendingSentence& p = pending.emplace_back();
    p.sentence = si;
    p.mt.Build(*doc, si);
    reach.Reset(p.mt.text(), word_ids);
    for (int r : hits) {
      tasks[r].push_back({static_cast<int>(pending.size()) - 1, reach.StartBound(r)});
    }
  }

  // 2. Rule by rule over those sentences: a rule's DFA states stay in the
  // cache while it reads the document. The searches are bound by cache
  // misses on those states (docs/performance.md), not by instructions.
  for (size_t r = 0; r < rule_count; ++r) {
    const StanceRule& rule = *data_->rules[r];
    for (const RuleTask& task : tasks[r]) {
      PendingSentence& p = pending[task.pending];
      SentenceTrace* st = trace != nullptr ? &trace->sentences[p.sentence] : nullptr;
      // A twin's candidates are copied, not matched again (a trace wants
      // every rule's own matches, so it runs them all).
      if (st == nullptr && rule.twin_of >= 0) {
        auto twin = std::find_if(p.ran.begin(), p.ran.end(),
                                 [&](const auto& ran) { return ran.first == rule.twin_of; });
        if (twin != p.ran.end()) {
          auto [begin, end] = twin->second;
          for (size_t i = begin; i < end; ++i) {
            Candidate c = p.candidates[i];
            c.rule = &rule;
            c.claim.rule = rule.id;
            c.claim.rule_file = rule.file_name;
            c.claim.rule_version = rule.file_version;
            p.candidates.push_back(std::move(c));
          }
          continue;
        }
      }
      size_t begin = p.candidates.size();
      MatchRule(*data_, *doc, p.sentence, p.mt, rule, task.start_bound, &p.candidates, st);
      p.ran.push_back({static_cast<int>(r), {begin, p.candidates.size()}});
    }
  }

  // 3. Each sentence's candidates to claims.
  for (PendingSentence& p : pending) {
    SentenceTrace* st = trace != nullptr ? &trace->sentences[p.sentence] : nullptr;
    ResolveOverlaps(*data_, &p.candidates, st, &doc->claims);
  }
  std::stable_sort(doc->claims.begin(), doc->claims.end(), [](const Claim& a, const Claim& b) {
    if (a.span.begin != b.span.begin) return a.span.begin < b.span.begin;
    if (a.rule != b.rule) return a.rule < b.rule;
    return a.holder < b.holder;
  });
}

const std::vector<std::string>& RuleSet::sources() const { return data_->sources; }

int RuleSet::CheckExamples(const std::function<void(std::string_view, Document*)>& prepare,
                           DiagnosticSink* sink) const {
  int failures = 0;
  MatchText mt;
  Document doc;
  std::vector<Candidate> found;
  auto run = [&](const StanceRule& rule, const std::string& text) {
    prepare(text, &doc);
    found.clear();
    for (int si = 0; si < static_cast<int>(doc.sentences.size()); ++si) {
      mt.Build(doc, si);
      MatchRule(*data_, doc, si, mt, rule, RuleReach::kUnbounded, &found, nullptr);
    }
  };
  auto lower = [](std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
  };
  for (const auto& rule : data_->rules) {
    for (const RuleExample& example : rule->examples) {
      run(*rule, example.text);
      bool ok = false;
      for (const Candidate& c : found) {
        bool holder_ok = example.holder.empty() || c.claim.holder == example.holder ||
                         c.claim.holder_affiliation == example.holder;
        bool target_ok = example.target.empty() ||
                         lower(c.claim.target).find(lower(example.target)) != std::string::npos;
        ok |= holder_ok && target_ok;
      }
      if (ok) continue;
      ++failures;
      std::string got;
      for (const Candidate& c : found) {
        got += (got.empty() ? "" : "; ") + c.claim.holder + " " + c.claim.stance + " '" +
               c.claim.target + "'";
      }
      sink->Report({Diagnostic::kError, example.where,
                    "rule '" + rule->id + "' does not match its example" +
                        (example.holder.empty() ? "" : " (holder " + example.holder + ")") +
                        (example.target.empty() ? "" : " (target '" + example.target + "')") +
                        (got.empty() ? ": no claim" : ": got " + got),
                    example.source_line});
    }
    for (const RuleExample& counter : rule->counter_examples) {
      run(*rule, counter.text);
      if (found.empty()) continue;
      ++failures;
      sink->Report({Diagnostic::kError, counter.where,
                    "rule '" + rule->id +
                        "' matches its counter-example: " + found[0].claim.holder + " " +
                        found[0].claim.stance + " '" + found[0].claim.target + "'",
                    counter.source_line});
    }
  }
  return failures;
}

}  // namespace stance
