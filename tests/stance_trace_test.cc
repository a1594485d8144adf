#include "pipeline/stance_trace.h"

#include <doctest/doctest.h>

#include <algorithm>

#include "pipeline/pipeline.h"
#include "pipeline/stance.h"
#include "tests/test_util.h"

namespace stance {
namespace {

using testing::DefaultPipeline;

struct Traced {
  Document doc;
  StanceTrace trace;
};

Traced Trace(const std::string& text) {
  Traced t;
  REQUIRE(DefaultPipeline().Process("t", text, &t.doc, nullptr, &t.trace).ok());
  REQUIRE(t.trace.sentences.size() == t.doc.sentences.size());
  return t;
}

const std::string& RuleOf(const StanceTrace& trace, const TracedMatch& m) {
  return trace.rules[m.rule].id;
}

// The matches of rule `id` in sentence `si`.
std::vector<const TracedMatch*> MatchesOf(const Traced& t, int si, const std::string& id) {
  std::vector<const TracedMatch*> out;
  for (const TracedMatch& m : t.trace.sentences[si].matches) {
    if (RuleOf(t.trace, m) == id) out.push_back(&m);
  }
  return out;
}

bool LetThrough(const Traced& t, int si, const std::string& id) {
  for (int r : t.trace.sentences[si].let_through) {
    if (t.trace.rules[r].id == id) return true;
  }
  return false;
}

std::string Fill(const Traced& t, const TracedMatch& m, const std::string& slot) {
  for (const TracedFill& f : m.fills) {
    if (f.slot == slot) return std::string(t.doc.Text(f.norm));
  }
  return "<none>";
}

// Which rule produced the candidate that beat `c`.
std::string WinnerRule(const Traced& t, int si, const TracedCandidate& c) {
  const SentenceTrace& st = t.trace.sentences[si];
  REQUIRE(c.beaten_by >= 0);
  return RuleOf(t.trace, st.matches[st.candidates[c.beaten_by].match]);
}

TEST_CASE("trace: the Bagram sentence fills four holders, and the rival rule loses each cue") {
  Traced t = Trace(
      "India, for its part, joined Russia, China, Pakistan, and others in firmly opposing U.S. "
      "President Donald Trump's recent call to retake the Bagram Air Base from the Taliban.");
  REQUIRE(t.trace.sentences.size() == 1);
  CHECK(t.trace.rules.size() == DefaultPipeline().rules()->rule_count());
  CHECK(LetThrough(t, 0, "oppose-joined"));
  CHECK(LetThrough(t, 0, "oppose-active"));
  CHECK(t.trace.sentences[0].let_through.size() < t.trace.rules.size());

  auto joined = MatchesOf(t, 0, "oppose-joined");
  REQUIRE(joined.size() == 1);
  const TracedMatch& m = *joined[0];
  CHECK(m.outcome == MatchOutcome::kCandidates);
  CHECK(m.holders == std::vector<std::string>{"India", "Russia", "China", "Pakistan"});
  CHECK(Fill(t, m, "h") == "India");
  CHECK(Fill(t, m, "h2") == "Russia, China, Pakistan, and others");
  CHECK(t.doc.Text(m.cue_norm) == "opposing");
  CHECK(t.doc.Text(m.target_norm).substr(0, 25) == "U.S. President Donald Tru");
  CHECK(m.target == "US return to Bagram");

  const SentenceTrace& st = t.trace.sentences[0];
  int kept = 0;
  int lost = 0;
  for (const TracedCandidate& c : st.candidates) {
    if (c.kept) {
      ++kept;
      CHECK(RuleOf(t.trace, st.matches[c.match]) == "oppose-joined");
      continue;
    }
    ++lost;
    CHECK(RuleOf(t.trace, st.matches[c.match]) == "oppose-active");
    CHECK(WinnerRule(t, 0, c) == "oppose-joined");
    CHECK(c.overlap == OverlapReason::kOneSubjectPerCue);
    CHECK(c.rank == RankReason::kPriority);
  }
  CHECK(kept == 4);
  CHECK(lost >= 1);
  for (const Claim& claim : t.doc.claims) CHECK(t.trace.FindClaim(claim) != nullptr);
}

TEST_CASE("trace: a negated cue drops the rule, naming it and the negator") {
  Traced t = Trace("Kenya did not oppose the resolution.");
  CHECK(t.doc.claims.empty());
  auto active = MatchesOf(t, 0, "oppose-active");
  REQUIRE(active.size() == 1);
  CHECK(active[0]->outcome == MatchOutcome::kNegated);
  CHECK(active[0]->detail.find("negated by 'not'") != std::string::npos);
  CHECK(active[0]->holders == std::vector<std::string>{"Kenya"});
  CHECK(t.trace.sentences[0].candidates.empty());
}

TEST_CASE("trace: an overlap loser names its winner") {
  Traced t = Trace("Chile joined Peru in opposing the new fishing quotas.");
  const SentenceTrace& st = t.trace.sentences[0];
  bool found = false;
  for (const TracedCandidate& c : st.candidates) {
    if (c.kept) continue;
    found = true;
    CHECK(RuleOf(t.trace, st.matches[c.match]) == "oppose-active");
    CHECK(c.claim.holder == "Peru");
    CHECK(WinnerRule(t, 0, c) == "oppose-joined");
    CHECK(st.candidates[c.beaten_by].kept);
  }
  CHECK(found);
}

TEST_CASE("trace: a cue with no one to hold it reports the missing holder") {
  // No person is named before the pronoun, so it resolves to nobody.
  Traced t = Trace("She strongly condemned the attack on the convoy.");
  CHECK(t.doc.claims.empty());
  auto active = MatchesOf(t, 0, "criticize-active");
  REQUIRE(active.size() == 1);
  CHECK(active[0]->outcome == MatchOutcome::kNoHolder);
  CHECK(active[0]->holders.empty());
  CHECK(active[0]->detail.find("'She'") != std::string::npos);
  CHECK(active[0]->target == "attack on the convoy");
}

TEST_CASE("trace: targets and voice") {
  // "it" says nothing about what is criticised.
  Traced vacuous = Trace("France condemned it.");
  auto m = MatchesOf(vacuous, 0, "criticize-active");
  REQUIRE(m.size() == 1);
  CHECK(m[0]->outcome == MatchOutcome::kVacuousTarget);
  CHECK(m[0]->target == "it");

  // Chile is criticised here, not criticising.
  Traced passive = Trace("Chile was sharply criticized for the new quotas.");
  m = MatchesOf(passive, 0, "criticize-active");
  REQUIRE(m.size() == 1);
  CHECK(m[0]->outcome == MatchOutcome::kVoice);
  CHECK(m[0]->detail.find("passive") != std::string::npos);

  // A participle after a number is an adjective.
  Traced adjective = Trace("Spain has 1,217 pledged delegates.");
  bool dropped = false;
  for (const TracedMatch& x : adjective.trace.sentences[0].matches) {
    dropped |= x.outcome == MatchOutcome::kAdjective;
  }
  CHECK(dropped);
  CHECK(adjective.doc.claims.empty());
}

TEST_CASE("trace: a sentence without a cue lets no rule through") {
  Traced t = Trace("The weather in the capital was mild on Tuesday. Brazil rejected the plan.");
  REQUIRE(t.trace.sentences.size() == 2);
  CHECK(t.trace.sentences[0].let_through.empty());
  CHECK(t.trace.sentences[0].matches.empty());
  CHECK_FALSE(t.trace.sentences[1].let_through.empty());
}

TEST_CASE("trace: tracing changes no claim") {
  for (const char* name : {"sahel-summit", "tashkent-envoys", "maritime-claims", "quotes-mixed"}) {
    std::string text =
        testing::ReadFile(testing::SourcePath("fixtures/" + std::string(name) + "/input.txt"));
    Document plain;
    REQUIRE(DefaultPipeline().Process(name, text, &plain, nullptr).ok());
    Traced t = Trace(text);
    INFO(name);
    REQUIRE(t.doc.claims.size() == plain.claims.size());
    for (size_t i = 0; i < plain.claims.size(); ++i) {
      CHECK(t.doc.claims[i].holder == plain.claims[i].holder);
      CHECK(t.doc.claims[i].target == plain.claims[i].target);
      CHECK(t.doc.claims[i].rule == plain.claims[i].rule);
      CHECK(t.doc.claims[i].span == plain.claims[i].span);
      // Every claim is a kept candidate of the trace.
      const TracedCandidate* c = t.trace.FindClaim(plain.claims[i]);
      REQUIRE(c != nullptr);
      CHECK(c->kept);
    }
  }
}

}  // namespace
}  // namespace stance
