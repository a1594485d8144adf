// ClaimExplanation: the text the review page (html_writer.cc) shows under
// "Why" when a claim is selected. Internal to pipeline/writers/.
// Thread-safe (a pure function).
//
// SEAM: this is the one function to connect to `stance explain`
// (pipeline/explain.h). ExplainClaim(doc, trace, claim) needs the
// StanceTrace that Pipeline::Process fills for the document, which the
// writer does not see today; once the trace travels with the Document to the
// writer, return ExplainClaim's text here when it is not empty. Until then
// this states what the claim record holds: the rule that fired and its file
// and version, the matched text, the cue, where holder, cue and target stand
// in the sentence, negation and hedging, and the quotation it was voiced in.
#ifndef STANCE_PIPELINE_WRITERS_CLAIM_EXPLANATION_H_
#define STANCE_PIPELINE_WRITERS_CLAIM_EXPLANATION_H_

#include <string>

#include "pipeline/document.h"

namespace stance {
namespace writers {

// Plain text, lines separated by '\n'; may hold any bytes of the article
// (the caller escapes it). `claim` must be one of `doc.claims`.
std::string ClaimExplanation(const Document& doc, const Claim& claim);

}  // namespace writers
}  // namespace stance

#endif  // STANCE_PIPELINE_WRITERS_CLAIM_EXPLANATION_H_
