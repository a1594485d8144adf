// ClaimExplanation: the text the review page (html_writer.cc) shows under
// "Why" when a claim is selected. Internal to pipeline/writers/.
// Thread-safe (a pure function).
//
// With the stance trace of the document (pipeline/stance_trace.h), it is
// what `stance explain` says of the claim (ExplainClaim: the rule, its
// pattern, the slot fills, what it beat). Without one, or if the trace does
// not know the claim, it states what the claim record holds: the rule that
// fired and its file and version, the matched text, the cue, where holder,
// cue and target stand in the sentence, negation and hedging, and the
// quotation it was voiced in.
#ifndef STANCE_PIPELINE_WRITERS_CLAIM_EXPLANATION_H_
#define STANCE_PIPELINE_WRITERS_CLAIM_EXPLANATION_H_

#include <string>

#include "pipeline/document.h"
#include "pipeline/stance_trace.h"

namespace stance {
namespace writers {

// Plain text, lines separated by '\n'; may hold any bytes of the article
// (the caller escapes it). `claim` must be one of `doc.claims`.
std::string ClaimExplanation(const Document& doc, const Claim& claim,
                             const StanceTrace* trace = nullptr);

}  // namespace writers
}  // namespace stance

#endif  // STANCE_PIPELINE_WRITERS_CLAIM_EXPLANATION_H_
