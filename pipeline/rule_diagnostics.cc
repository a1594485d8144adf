#include "pipeline/rule_diagnostics.h"

#include <re2/re2.h>

#include "pipeline/pattern_compiler.h"

namespace stance {

bool CompileRulePattern(const YamlFile& file, const YAML::Node& node, const std::string& owner,
                        const PatternContext& context, std::unique_ptr<re2::RE2>* re,
                        CompiledPattern* compiled, DiagnosticSink* sink) {
  if (!node || !node.IsScalar()) {
    sink->Report(file.ErrorAt(node, "a pattern must be a string"));
    return false;
  }
  const std::string& pattern = node.Scalar();
  SourceLocation at = file.LocationOf(node);
  std::string_view line = file.Line(at.line);
  int quote_width = 0;
  if (at.col >= 1 && at.col <= static_cast<int>(line.size())) {
    char first = line[at.col - 1];
    if (first == '\'' || first == '"') quote_width = 1;
    if (first == '|' || first == '>') {
      sink->Report(file.ErrorAt(node, "write patterns on one line (plain or single-quoted), so "
                                      "errors can point at their column"));
      return false;
    }
  }
  CompiledPattern local;
  CompiledPattern* out = compiled ? compiled : &local;
  PatternError error;
  Status s = CompilePattern(pattern, context, out, &error);
  if (!s.ok()) {
    sink->Report(file.ErrorAt(node, error.message, quote_width + error.offset));
    return false;
  }
  const std::string advice = "; split it, or shorten the lexicons it names";
  if (out->regex.size() > kMaxPatternRegexBytes) {
    sink->Report(file.ErrorAt(
        node, "the pattern of " + owner + " compiles to a regex of " +
                  std::to_string(out->regex.size()) + " bytes, over the limit of " +
                  std::to_string(kMaxPatternRegexBytes) + advice));
    return false;
  }
  RE2::Options options(RE2::Quiet);
  options.set_max_mem(kPatternMaxMem);
  auto compiled_re = std::make_unique<RE2>(out->regex, options);
  if (compiled_re->error_code() == RE2::ErrorPatternTooLarge) {
    sink->Report(file.ErrorAt(node, "the pattern of " + owner + " needs more than RE2's memory budget of " +
                                        std::to_string(kPatternMaxMem >> 20) + " MiB" + advice));
    return false;
  }
  if (!compiled_re->ok()) {
    sink->Report(file.ErrorAt(node, "pattern does not compile to RE2: " + compiled_re->error() +
                                        (compiled_re->error_arg().empty()
                                             ? ""
                                             : " (at '" + compiled_re->error_arg() + "')")));
    return false;
  }
  *re = std::move(compiled_re);
  return true;
}

}  // namespace stance
