// StanceTrace: what the stance stage did on each sentence, and why. Filled by
// RuleSet::Annotate when it is given one (`stance explain`, review pages);
// without one the stage records nothing and pays for nothing.
//
//   StanceTrace trace;
//   rules->Annotate(&doc, sink, &trace);
//   for (const TracedMatch& m : trace.sentences[3].matches) ...
//
// Per sentence the trace holds the rules the prefilter let through, every
// match of their patterns with its slot fills and its outcome (the reason it
// gave no claim, if it gave none), and every candidate claim with the rival
// that beat it in an overlap, if one did. Rendering is in explain.h.
//
// A plain value; thread-compatible.
#ifndef STANCE_PIPELINE_STANCE_TRACE_H_
#define STANCE_PIPELINE_STANCE_TRACE_H_

#include <string>
#include <vector>

#include "pipeline/document.h"
#include "pipeline/status.h"

namespace stance {

// A rule of the set, as its author wrote it.
struct TracedRule {
  std::string id;
  std::string stance;
  SourceLocation where;  // the rule's entry in its file
  std::string pattern;   // as written
  int priority = 0;
  int order = 0;         // position across all files, the last tie-break
  std::string negation;  // drop, flip, mark or ignore
  std::string voice;     // active, passive or any
};

// One slot of a pattern that took part in a match.
struct TracedFill {
  std::string slot;  // "h"
  std::string cls;   // "ACTORS"
  Span norm;         // in Document::text, placeholders expanded
};

// What became of one match of a rule's pattern.
enum class MatchOutcome {
  kCandidates,          // one candidate claim per holder (TracedCandidate)
  kNoTarget,            // the target slot took no part in the match
  kTargetOutsideQuote,  // a speaker's target lay wholly outside the quote
  kEmptyTarget,         // the target trimmed to nothing
  kVacuousTarget,       // the target is a listed vacuous phrase ("it")
  kNoHolder,            // no holder slot named anyone who can hold a stance
  kAdjective,           // the cue is a participle used as an adjective
  kUnasserted,          // the cue is reported, not asserted ("accused X of")
  kVoice,               // a passive cue for an active rule, or the reverse
  kNegated,             // negated, and the rule says negation: drop
  kNoOpposite,          // negated, negation: flip, but no opposite stance
};

// "candidates", "no_target", "negated", ... (the jsonl names).
const char* MatchOutcomeName(MatchOutcome outcome);

struct TracedMatch {
  int rule = -1;  // index into StanceTrace::rules
  Span norm;      // the matched text
  Span cue_norm;  // the stance words; empty when the pattern has no lexicon
  std::vector<TracedFill> fills;
  Span target_norm;                  // the raw target slot text (empty when none)
  std::string target;                // canonical target, or the trimmed text; may be empty
  std::vector<std::string> holders;  // resolved holder names
  MatchOutcome outcome = MatchOutcome::kCandidates;
  // What decided the outcome: the negator, the determiner, why each holder
  // slot named nobody. Empty when there is nothing to add.
  std::string detail;
};

// Why a candidate lost an overlap to a kept claim.
enum class OverlapReason {
  kNone,
  kOneSubjectPerCue,    // the winner, another rule, claims the same cue
  kSameHolderPolarity,  // same holder, same polarity, overlapping targets
  kSameClaim,           // same holder, stance and target
};
const char* OverlapReasonName(OverlapReason reason);

// Why the winner ranked before the loser.
enum class RankReason { kPriority, kLength, kOrder };
const char* RankReasonName(RankReason reason);

struct TracedCandidate {
  int match = -1;  // index into SentenceTrace::matches
  Claim claim;
  bool kept = false;
  int beaten_by = -1;  // index into SentenceTrace::candidates, when lost
  OverlapReason overlap = OverlapReason::kNone;
  RankReason rank = RankReason::kOrder;
};

struct SentenceTrace {
  std::vector<int> let_through;  // rule indexes the prefilter passed, sorted
  std::vector<TracedMatch> matches;
  std::vector<TracedCandidate> candidates;
};

struct StanceTrace {
  std::vector<TracedRule> rules;         // every rule of the set, by order
  std::vector<SentenceTrace> sentences;  // one per Document::sentences entry

  // The candidate that became `claim` (same sentence, rule, holder, stance,
  // target and span), or null if this trace did not produce it.
  const TracedCandidate* FindClaim(const Claim& claim) const;
};

}  // namespace stance

#endif  // STANCE_PIPELINE_STANCE_TRACE_H_
