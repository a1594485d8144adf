// Subject checks: cheap word-level tests, on a sentence's match text
// (match_text.h), that a holder found before a stance cue is really the
// cue's subject. Rules allow a few words between holder and cue ("Russia
// on Monday firmly opposed"); these catch the two common ways such a gap
// puts someone else in the subject's place:
//
//   "...have broken with [Trump] and have urged him to..."    object of "with"
//   "[Pierce] said that, on the issue, Bloomberg endorsed..." unknown subject
//
// Pure functions; thread-safe.
#ifndef STANCE_PIPELINE_SUBJECT_CHECKS_H_
#define STANCE_PIPELINE_SUBJECT_CHECKS_H_

#include <cstddef>
#include <string_view>

namespace stance {

// The preposition that governs the holder starting at `holder` in `text`
// ("with" in "broken with Trump", "of" in "the number of US citizens"),
// looking past one article; empty when the word before is no preposition.
std::string_view GoverningPreposition(std::string_view text, size_t holder);

// The capitalised word that stands right before the cue at `cue` (past
// adverbs, auxiliaries and modals), when it is not an actor placeholder and
// lower-case words or punctuation separate it from the holder ending at
// `holder_end`: a subject the gazetteer does not know ("Bloomberg
// endorsed"), so the holder is not the cue's subject. Empty otherwise;
// also when the name only continues the holder ("Russian Foreign Ministry
// criticized").
std::string_view UnknownSubjectBefore(std::string_view text, size_t holder_end, size_t cue);

}  // namespace stance

#endif  // STANCE_PIPELINE_SUBJECT_CHECKS_H_
