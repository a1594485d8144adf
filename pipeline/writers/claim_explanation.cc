#include "pipeline/writers/claim_explanation.h"

#include "pipeline/explain.h"
#include "pipeline/writers/records.h"

namespace stance {
namespace writers {
namespace {

// `label: "text" at bytes [b, e)`, or that the part is not in the text.
void AppendPart(const Document& doc, const char* label, Span span, std::string* out) {
  *out += label;
  if (span.empty()) {
    *out += ": not in the text\n";
    return;
  }
  *out += ": \"";
  *out += OriginalText(doc, span);
  *out += "\" at bytes [" + std::to_string(span.begin) + ", " + std::to_string(span.end) + ")\n";
}

}  // namespace

std::string ClaimExplanation(const Document& doc, const Claim& claim,
                             const StanceTrace* trace) {
  if (trace != nullptr) {
    std::string why = ExplainClaim(doc, *trace, claim);
    if (!why.empty()) return why;
  }
  std::string out = "Rule " + claim.rule + " (" + claim.rule_file + " version " +
                    claim.rule_version + ") matched \"";
  out += OriginalText(doc, claim.span);
  out += "\" in sentence " + std::to_string(claim.sentence) + ".\n";
  out += "Cue: \"" + claim.cue + "\"";
  if (!claim.cue_span.empty()) {
    out += " at bytes [" + std::to_string(claim.cue_span.begin) + ", " +
           std::to_string(claim.cue_span.end) + ")";
  }
  out += '\n';
  AppendPart(doc, "Holder text", claim.holder_span, &out);
  out += "Holder: " + claim.holder + " (" + claim.holder_type;
  if (!claim.holder_affiliation.empty() && claim.holder_affiliation != claim.holder) {
    out += ", " + claim.holder_affiliation;
  }
  out += ")\n";
  AppendPart(doc, "Target text", claim.target_span, &out);
  out += "Target: " + claim.target + '\n';
  if (claim.negated) out += "Negated: a negation governs the cue.\n";
  if (claim.hedged) out += "Hedged: a hedge stands before the cue.\n";
  if (!claim.quote.empty()) {
    out += "Voiced in a quotation";
    if (!claim.speaker.empty()) out += " by " + claim.speaker;
    out += ": \"" + claim.quote + "\"\n";
  }
  return out;
}

}  // namespace writers
}  // namespace stance
