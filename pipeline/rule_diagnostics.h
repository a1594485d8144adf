// Compiling a pattern that sits in a rule file, with errors pointing at the
// exact column inside the pattern (STYLE.md §5): the scalar's column, plus one
// for an opening quote, plus the offset the pattern compiler reports.
// Shared by the stance rules and the target triggers.
#ifndef STANCE_PIPELINE_RULE_DIAGNOSTICS_H_
#define STANCE_PIPELINE_RULE_DIAGNOSTICS_H_

#include <memory>

#include "pipeline/status.h"
#include "pipeline/yaml_file.h"

namespace re2 {
class RE2;
}

namespace stance {

class PatternContext;
struct CompiledPattern;

// Compiles the pattern scalar `node` of `file` into *re (and *compiled when
// non-null). Reports any problem to `sink` at its line and column and returns
// false. Patterns must be single-line plain or single-quoted scalars.
bool CompileRulePattern(const YamlFile& file, const YAML::Node& node, const PatternContext& context,
                        std::unique_ptr<re2::RE2>* re, CompiledPattern* compiled,
                        DiagnosticSink* sink);

}  // namespace stance

#endif  // STANCE_PIPELINE_RULE_DIAGNOSTICS_H_
