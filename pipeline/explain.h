// Explain: consumes a Document that went through the pipeline and the
// StanceTrace the stance stage filled for it; produces, per sentence, why it
// did or did not give claims: its actors, its quotations and speakers, the
// rules the prefilter let through, every match with its slot fills and its
// outcome, the overlap losers with their winners, and the claims. Text for a
// rule author, or one JSON object per sentence for a machine.
//
//   StanceTrace trace;
//   pipeline->Process("a.txt", text, &doc, sink, &trace);
//   std::cout << ExplainSentenceText(doc, trace, 3, ExplainOptions{});
//   std::string why = ExplainClaim(doc, trace, doc.claims[0], {});
//
// Pure functions of their arguments; thread-safe.
#ifndef STANCE_PIPELINE_EXPLAIN_H_
#define STANCE_PIPELINE_EXPLAIN_H_

#include <string>

#include "pipeline/document.h"
#include "pipeline/stance_trace.h"

namespace stance {

struct ExplainOptions {
  // ANSI colours in text output. The CLI sets it when stdout is a terminal
  // and NO_COLOR is not set. Default: false.
  bool color = false;

  // Removed from the front of rule file paths, so that they read
  // "rules/stance/opposes.yaml:17". Default: "" (paths as loaded).
  std::string path_base;
};

// Sentence `sentence` of `doc`, explained for a person, several lines ending
// in a newline.
// REQUIRES: `trace` was filled by the stance stage on `doc`;
// 0 <= sentence < doc.sentences.size().
std::string ExplainSentenceText(const Document& doc, const StanceTrace& trace, int sentence,
                                const ExplainOptions& options);

// The same as one JSON object on one line (no newline): doc, sentence,
// begin, end, text, actors, quotes, rules {let_through, no_match, skipped},
// matches (each with its fills, outcome, detail and candidates), claims.
// Offsets are bytes of the original text. Same REQUIRES.
std::string ExplainSentenceJson(const Document& doc, const StanceTrace& trace, int sentence,
                                const ExplainOptions& options);

// Why `claim` fired, as plain text (no colour) for a person: the claim, its
// rule id with file:line and pattern, the matched text, the slot fills, cue
// and target (raw and canonical), what decided its flags, and the candidates
// it beat in an overlap, each with the reason. Several lines, each ending in
// a newline. Returns "" when `claim` is not one that `trace` produced.
// REQUIRES: `trace` was filled by the stance stage on `doc`.
std::string ExplainClaim(const Document& doc, const StanceTrace& trace, const Claim& claim,
                         const ExplainOptions& options = {});

}  // namespace stance

#endif  // STANCE_PIPELINE_EXPLAIN_H_
