#include "pipeline/stance_trace.h"

namespace stance {

const char* MatchOutcomeName(MatchOutcome outcome) {
  switch (outcome) {
    case MatchOutcome::kCandidates:
      return "candidates";
    case MatchOutcome::kNoTarget:
      return "no_target";
    case MatchOutcome::kTargetOutsideQuote:
      return "target_outside_quote";
    case MatchOutcome::kEmptyTarget:
      return "empty_target";
    case MatchOutcome::kVacuousTarget:
      return "vacuous_target";
    case MatchOutcome::kNoHolder:
      return "no_holder";
    case MatchOutcome::kAdjective:
      return "adjective";
    case MatchOutcome::kUnasserted:
      return "unasserted";
    case MatchOutcome::kVoice:
      return "voice";
    case MatchOutcome::kNegated:
      return "negated";
    case MatchOutcome::kNoOpposite:
      return "no_opposite";
  }
  return "?";
}

const char* OverlapReasonName(OverlapReason reason) {
  switch (reason) {
    case OverlapReason::kNone:
      return "none";
    case OverlapReason::kOneSubjectPerCue:
      return "one_subject_per_cue";
    case OverlapReason::kSameHolderPolarity:
      return "same_holder_polarity";
    case OverlapReason::kSameClaim:
      return "same_claim";
  }
  return "?";
}

const char* RankReasonName(RankReason reason) {
  switch (reason) {
    case RankReason::kPriority:
      return "priority";
    case RankReason::kLength:
      return "length";
    case RankReason::kOrder:
      return "order";
  }
  return "?";
}

const TracedCandidate* StanceTrace::FindClaim(const Claim& claim) const {
  if (claim.sentence < 0 || claim.sentence >= static_cast<int>(sentences.size())) return nullptr;
  for (const TracedCandidate& c : sentences[claim.sentence].candidates) {
    const Claim& k = c.claim;
    if (c.kept && k.rule == claim.rule && k.holder == claim.holder && k.stance == claim.stance &&
        k.target == claim.target && k.norm == claim.norm) {
      return &c;
    }
  }
  return nullptr;
}

}  // namespace stance
