// Explain: a StanceTrace rendered as text or JSON.
#include "pipeline/explain.h"

#include <algorithm>
#include <nlohmann/json.hpp>

namespace stance {
namespace {

using nlohmann::json;

// ANSI styles; empty when colour is off.
struct Palette {
  explicit Palette(bool on) : on(on) {}
  std::string Paint(const char* code, std::string_view s) const {
    if (!on) return std::string(s);
    return std::string("\x1b[") + code + "m" + std::string(s) + "\x1b[0m";
  }
  std::string Bold(std::string_view s) const { return Paint("1", s); }
  std::string Dim(std::string_view s) const { return Paint("2", s); }
  std::string Good(std::string_view s) const { return Paint("32", s); }
  std::string Bad(std::string_view s) const { return Paint("31", s); }
  std::string Rule(std::string_view s) const { return Paint("36", s); }
  bool on;
};

// Text on one line: newlines and tabs become spaces.
std::string OneLine(std::string_view s) {
  std::string out(s);
  std::replace_if(
      out.begin(), out.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
  return out;
}

std::string Quoted(std::string_view s) { return "\"" + OneLine(s) + "\""; }

std::string Where(const TracedRule& rule, const ExplainOptions& options) {
  SourceLocation where = rule.where;
  const std::string& base = options.path_base;
  if (!base.empty() && where.path.size() > base.size() &&
      where.path.compare(0, base.size(), base) == 0) {
    where.path.erase(0, base.size());
    while (!where.path.empty() && where.path.front() == '/') where.path.erase(0, 1);
  }
  where.col = 0;
  return where.ToString();
}

std::string ClaimLine(const Claim& c) {
  std::string out = c.holder + " " + c.stance + " '" + c.target + "'";
  if (c.negated) out += " (negated)";
  if (c.hedged) out += " (hedged)";
  if (!c.speaker.empty()) out += " (quoting " + c.speaker + ")";
  return out;
}

std::string ActorLine(const ActorMention& m) {
  std::string out = m.name + " (" + ActorTypeName(m.type);
  if (!m.affiliation.empty() && m.affiliation != m.name) out += ", " + m.affiliation;
  if (!m.role.empty()) out += ", " + m.role;
  if (m.modifier) out += ", modifier: holds no stance";
  return out + ")";
}

bool QuoteInSentence(const Quote& q, int si) {
  int last = q.last_sentence < 0 ? q.sentence : q.last_sentence;
  return q.sentence <= si && si <= last;
}

// Why a match gave no claim, in words.
std::string OutcomeText(const TracedMatch& m, const TracedRule& rule) {
  switch (m.outcome) {
    case MatchOutcome::kCandidates:
      return "gave claims";
    case MatchOutcome::kNoTarget:
      return "dropped: the target slot took no part in the match";
    case MatchOutcome::kTargetOutsideQuote:
      return "dropped: the target lies outside the speaker's quotation";
    case MatchOutcome::kEmptyTarget:
      return "dropped: empty target (trimming left nothing)";
    case MatchOutcome::kVacuousTarget:
      return "dropped: vacuous target '" + m.target + "'";
    case MatchOutcome::kNoHolder:
      return "dropped: missing holder";
    case MatchOutcome::kAdjective:
      return "dropped: the cue is a participle used as an adjective";
    case MatchOutcome::kUnasserted:
      return "dropped: the cue is reported, not asserted";
    case MatchOutcome::kVoice:
      return "dropped by voice (the rule is voice: " + rule.voice + ")";
    case MatchOutcome::kNegated:
      return "dropped by negation (negation: " + rule.negation + ")";
    case MatchOutcome::kNoOpposite:
      return "dropped by negation (negation: flip, but '" + rule.stance + "' has no opposite)";
  }
  return "?";
}

std::string OverlapText(OverlapReason reason) {
  switch (reason) {
    case OverlapReason::kNone:
      return "";
    case OverlapReason::kOneSubjectPerCue:
      return "one subject per cue";
    case OverlapReason::kSameHolderPolarity:
      return "same holder and polarity, overlapping targets";
    case OverlapReason::kSameClaim:
      return "same holder, stance and target";
  }
  return "";
}

// Why `winner` ranked first: "priority 1 > 0", "longer match", ...
std::string RankText(const TracedCandidate& loser, const TracedRule& loser_rule,
                     const TracedRule& winner_rule) {
  switch (loser.rank) {
    case RankReason::kPriority:
      return "priority " + std::to_string(winner_rule.priority) + " > " +
             std::to_string(loser_rule.priority);
    case RankReason::kLength:
      return "longer match";
    case RankReason::kOrder:
      return winner_rule.order == loser_rule.order ? "earlier match of the same rule"
                                                   : "rule listed earlier";
  }
  return "";
}

// "lost to oppose-joined (Russia opposes '...'): one subject per cue; priority 1 > 0".
std::string LossText(const SentenceTrace& st, const StanceTrace& trace,
                     const TracedCandidate& loser) {
  const TracedCandidate& winner = st.candidates[loser.beaten_by];
  const TracedRule& wrule = trace.rules[st.matches[winner.match].rule];
  const TracedRule& lrule = trace.rules[st.matches[loser.match].rule];
  return "lost to " + wrule.id + " (" + ClaimLine(winner.claim) +
         "): " + OverlapText(loser.overlap) + "; " + RankText(loser, lrule, wrule);
}

// The lines every explanation of a match shares: pattern, text, fills.
void AppendMatchBody(const Document& doc, const TracedMatch& m, const TracedRule& rule,
                     const std::string& indent, const Palette& p, std::string* out) {
  *out += indent + "pattern: " + rule.pattern + "\n";
  *out += indent + "matched: " + Quoted(doc.Text(m.norm)) + "\n";
  if (!m.fills.empty()) {
    std::string fills;
    for (const TracedFill& f : m.fills) {
      fills += (fills.empty() ? "" : "  ") + p.Bold(f.slot) + "=" + Quoted(doc.Text(f.norm));
    }
    *out += indent + "fills: " + fills + "\n";
  }
  if (!m.cue_norm.empty()) *out += indent + "cue: " + Quoted(doc.Text(m.cue_norm)) + "\n";
  if (!m.target_norm.empty()) {
    *out += indent + "target: " + Quoted(doc.Text(m.target_norm));
    if (!m.target.empty()) *out += " -> " + m.target;
    *out += "\n";
  }
  if (!m.holders.empty()) {
    std::string holders;
    for (const std::string& h : m.holders) holders += (holders.empty() ? "" : ", ") + h;
    *out += indent + "holders: " + holders + "\n";
  }
}

std::string RuleHeading(const TracedRule& rule, const ExplainOptions& options, const Palette& p) {
  std::string out = p.Rule(rule.id) + " (" + Where(rule, options);
  if (rule.priority != 0) out += ", priority " + std::to_string(rule.priority);
  return out + ")";
}

json SpanJson(const Document& doc, Span norm) {
  Span span = doc.offsets.ToOriginal(norm);
  return {{"begin", span.begin}, {"end", span.end}};
}

json ClaimJson(const Claim& c) {
  return {{"holder", c.holder},
          {"holder_type", c.holder_type},
          {"holder_affiliation", c.holder_affiliation},
          {"stance", c.stance},
          {"target", c.target},
          {"negated", c.negated},
          {"hedged", c.hedged},
          {"speaker", c.speaker},
          {"cue", c.cue},
          {"rule", c.rule}};
}

}  // namespace

std::string ExplainSentenceText(const Document& doc, const StanceTrace& trace, int si,
                                const ExplainOptions& options) {
  const Palette p(options.color);
  const Sentence& sentence = doc.sentences[si];
  std::string out =
      p.Bold("sentence " + std::to_string(si) + " [" + std::to_string(sentence.span.begin) + "," +
             std::to_string(sentence.span.end) + ")") +
      " " + OneLine(doc.Original(sentence.span)) + "\n";

  std::string actors;
  for (const ActorMention& m : doc.actor_mentions) {
    if (m.sentence != si) continue;
    actors += "    " + Quoted(doc.Original(m.span)) + " -> " + ActorLine(m) + "\n";
  }
  out += actors.empty() ? "  actors: none\n" : "  actors:\n" + actors;

  std::string quotes;
  for (const Quote& q : doc.quotes) {
    if (!QuoteInSentence(q, si)) continue;
    quotes += "    " + Quoted(doc.Original(q.span)) + " -> ";
    if (q.is_term) {
      quotes += "a term, not a quotation\n";
      continue;
    }
    if (q.speaker.empty()) {
      quotes += p.Bad("no speaker") + "\n";
      continue;
    }
    quotes += "speaker " + q.speaker;
    std::string about = q.speaker_type;
    if (!q.speaker_affiliation.empty() && q.speaker_affiliation != q.speaker) {
      about += (about.empty() ? "" : ", ") + q.speaker_affiliation;
    }
    if (!about.empty()) quotes += " (" + about + ")";
    if (!q.cue.empty()) quotes += ", cue '" + q.cue + "'";
    quotes += "\n";
  }
  out += quotes.empty() ? "  quotes: none\n" : "  quotes:\n" + quotes;

  const SentenceTrace& st = trace.sentences[si];
  const size_t skipped = trace.rules.size() - st.let_through.size();
  out += "  rules: " + std::to_string(st.let_through.size()) + " let through by the prefilter, " +
         std::to_string(skipped) + " skipped\n";
  for (int r : st.let_through) {
    int matches = 0;
    for (const TracedMatch& m : st.matches) matches += m.rule == r;
    out += "    " + RuleHeading(trace.rules[r], options, p) + ": " +
           (matches == 0 ? p.Dim("no match")
                         : std::to_string(matches) + (matches == 1 ? " match" : " matches")) +
           "\n";
  }

  if (!st.matches.empty()) out += "  matches:\n";
  for (size_t mi = 0; mi < st.matches.size(); ++mi) {
    const TracedMatch& m = st.matches[mi];
    const TracedRule& rule = trace.rules[m.rule];
    out += "    " + RuleHeading(rule, options, p) + "\n";
    AppendMatchBody(doc, m, rule, "      ", p, &out);
    if (m.outcome != MatchOutcome::kCandidates) {
      out += "      " + p.Bad(OutcomeText(m, rule));
      if (!m.detail.empty()) out += ": " + m.detail;
      out += "\n";
      continue;
    }
    if (!m.detail.empty()) out += "      note: " + m.detail + "\n";
    for (const TracedCandidate& c : st.candidates) {
      if (c.match != static_cast<int>(mi)) continue;
      if (c.kept) {
        out += "      " + p.Good("claim") + " " + ClaimLine(c.claim) + "\n";
      } else {
        out += "      " + p.Bad("lost") + "  " + ClaimLine(c.claim) + ": " +
               LossText(st, trace, c) + "\n";
      }
    }
  }

  std::string claims;
  for (const Claim& c : doc.claims) {
    if (c.sentence == si) claims += "    " + p.Good(ClaimLine(c)) + " [" + c.rule + "]\n";
  }
  out += claims.empty() ? "  claims: none\n" : "  claims:\n" + claims;
  return out;
}

std::string ExplainSentenceJson(const Document& doc, const StanceTrace& trace, int si,
                                const ExplainOptions& options) {
  const Sentence& sentence = doc.sentences[si];
  json out = {{"doc", doc.id},
              {"sentence", si},
              {"begin", sentence.span.begin},
              {"end", sentence.span.end},
              {"text", std::string(doc.Original(sentence.span))}};

  json actors = json::array();
  for (const ActorMention& m : doc.actor_mentions) {
    if (m.sentence != si) continue;
    actors.push_back({{"text", std::string(doc.Original(m.span))},
                      {"name", m.name},
                      {"type", ActorTypeName(m.type)},
                      {"affiliation", m.affiliation},
                      {"role", m.role},
                      {"modifier", m.modifier},
                      {"begin", m.span.begin},
                      {"end", m.span.end}});
  }
  out["actors"] = std::move(actors);

  json quotes = json::array();
  for (const Quote& q : doc.quotes) {
    if (!QuoteInSentence(q, si)) continue;
    quotes.push_back({{"text", std::string(doc.Original(q.span))},
                      {"speaker", q.speaker},
                      {"speaker_type", q.speaker_type},
                      {"speaker_affiliation", q.speaker_affiliation},
                      {"cue", q.cue},
                      {"method", q.method},
                      {"is_term", q.is_term},
                      {"begin", q.span.begin},
                      {"end", q.span.end}});
  }
  out["quotes"] = std::move(quotes);

  const SentenceTrace& st = trace.sentences[si];
  json let_through = json::array();
  json no_match = json::array();
  for (int r : st.let_through) {
    let_through.push_back(trace.rules[r].id);
    bool matched = std::any_of(st.matches.begin(), st.matches.end(),
                               [r](const TracedMatch& m) { return m.rule == r; });
    if (!matched) no_match.push_back(trace.rules[r].id);
  }
  out["rules"] = {{"let_through", std::move(let_through)},
                  {"no_match", std::move(no_match)},
                  {"skipped", trace.rules.size() - st.let_through.size()}};

  json matches = json::array();
  for (size_t mi = 0; mi < st.matches.size(); ++mi) {
    const TracedMatch& m = st.matches[mi];
    const TracedRule& rule = trace.rules[m.rule];
    json match = {{"rule", rule.id},
                  {"where", Where(rule, options)},
                  {"pattern", rule.pattern},
                  {"priority", rule.priority},
                  {"text", std::string(doc.Text(m.norm))}};
    match.update(SpanJson(doc, m.norm));
    json fills = json::array();
    for (const TracedFill& f : m.fills) {
      json fill = {{"slot", f.slot}, {"class", f.cls}, {"text", std::string(doc.Text(f.norm))}};
      fill.update(SpanJson(doc, f.norm));
      fills.push_back(std::move(fill));
    }
    match["fills"] = std::move(fills);
    match["cue"] = m.cue_norm.empty() ? json() : json(std::string(doc.Text(m.cue_norm)));
    match["target_raw"] =
        m.target_norm.empty() ? json() : json(std::string(doc.Text(m.target_norm)));
    match["target"] = m.target;
    match["holders"] = m.holders;
    match["outcome"] = MatchOutcomeName(m.outcome);
    match["detail"] = m.detail;
    json candidates = json::array();
    for (const TracedCandidate& c : st.candidates) {
      if (c.match != static_cast<int>(mi)) continue;
      json candidate = ClaimJson(c.claim);
      candidate["kept"] = c.kept;
      if (c.beaten_by >= 0) {
        const TracedCandidate& w = st.candidates[c.beaten_by];
        candidate["lost_to"] = {{"rule", trace.rules[st.matches[w.match].rule].id},
                                {"holder", w.claim.holder},
                                {"stance", w.claim.stance},
                                {"target", w.claim.target},
                                {"reason", OverlapReasonName(c.overlap)},
                                {"rank", RankReasonName(c.rank)}};
      }
      candidates.push_back(std::move(candidate));
    }
    match["candidates"] = std::move(candidates);
    matches.push_back(std::move(match));
  }
  out["matches"] = std::move(matches);

  json claims = json::array();
  for (const Claim& c : doc.claims) {
    if (c.sentence == si) claims.push_back(ClaimJson(c));
  }
  out["claims"] = std::move(claims);
  return out.dump(-1, ' ', /*ensure_ascii=*/false, json::error_handler_t::replace);
}

std::string ExplainClaim(const Document& doc, const StanceTrace& trace, const Claim& claim,
                         const ExplainOptions& options) {
  const TracedCandidate* c = trace.FindClaim(claim);
  if (c == nullptr) return "";
  const Palette p(false);
  const SentenceTrace& st = trace.sentences[claim.sentence];
  const TracedMatch& m = st.matches[c->match];
  const TracedRule& rule = trace.rules[m.rule];
  std::string out = ClaimLine(c->claim) + "\n";
  out += "  rule: " + RuleHeading(rule, options, p) + "\n";
  AppendMatchBody(doc, m, rule, "  ", p, &out);
  if (!m.detail.empty()) out += "  note: " + m.detail + "\n";
  const int self = static_cast<int>(c - st.candidates.data());
  for (const TracedCandidate& loser : st.candidates) {
    if (loser.beaten_by != self) continue;
    const TracedRule& lrule = trace.rules[st.matches[loser.match].rule];
    out += "  beat: " + lrule.id + " (" + ClaimLine(loser.claim) +
           "): " + OverlapText(loser.overlap) + "; " + RankText(loser, lrule, rule) + "\n";
  }
  return out;
}

}  // namespace stance
