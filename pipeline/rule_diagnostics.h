// Compiling a pattern that sits in a rule file, with errors pointing at the
// exact column inside the pattern (STYLE.md §5): the scalar's column, plus one
// for an opening quote, plus the offset the pattern compiler reports.
// Shared by the stance rules and the target triggers.
#ifndef STANCE_PIPELINE_RULE_DIAGNOSTICS_H_
#define STANCE_PIPELINE_RULE_DIAGNOSTICS_H_

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

#include "pipeline/status.h"
#include "pipeline/yaml_file.h"

namespace re2 {
class RE2;
}

namespace stance {

class PatternContext;
struct CompiledPattern;

// RE2's memory budget for the regex of one pattern (RE2's own default). The
// largest shipped rule compiles to about 4,300 RE2 instructions, a few
// percent of what this allows, and extracting from 1.5 MB of news runs the
// same number of instructions as with 128 MiB (callgrind): the DFAs never
// fill it. A larger budget would only make a runaway rule slower to refuse.
inline constexpr int64_t kPatternMaxMem = int64_t{8} << 20;

// The longest regex a pattern may compile to. RE2 takes seconds to parse a
// regex of megabytes (an alternation of 100,000 phrases) before its budget
// can refuse it, so such a regex is refused before RE2 sees it. The largest
// shipped rule's regex is about 5 KB.
inline constexpr size_t kMaxPatternRegexBytes = size_t{256} << 10;

// Compiles the pattern scalar `node` of `file` into *re (and *compiled when
// non-null). Reports any problem to `sink` at its line and column and returns
// false; a pattern too large for the limits above is reported naming `owner`
// (e.g. "rule 'oppose-active'"). Patterns must be single-line plain or
// single-quoted scalars.
bool CompileRulePattern(const YamlFile& file, const YAML::Node& node, const std::string& owner,
                        const PatternContext& context, std::unique_ptr<re2::RE2>* re,
                        CompiledPattern* compiled, DiagnosticSink* sink);

}  // namespace stance

#endif  // STANCE_PIPELINE_RULE_DIAGNOSTICS_H_
