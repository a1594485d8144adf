// Lint: every problem in a rules folder, for `stance lint`.
//
// Loads the folder the way `stance extract` does (Pipeline::Create with every
// stage), keeping every diagnostic the loaders report, and also parses each
// *.yaml / *.yml file below the folder, so that a syntax error is reported
// even in a file no loader reads (yet). A file the loaders already flagged is
// not reported twice.
//
// Thread-safe (no shared state).
#ifndef STANCE_PIPELINE_LINT_H_
#define STANCE_PIPELINE_LINT_H_

#include <string>
#include <vector>

#include "pipeline/status.h"

namespace stance {

struct LintReport {
  // Loader diagnostics in the order reported, then syntax errors by path.
  std::vector<Diagnostic> diagnostics;
  int files = 0;  // YAML files found below the folder
  int errors = 0;
  int warnings = 0;
};

// Fills *report for `rules_dir`. Returns NotFound when `rules_dir` is not a
// folder; problems in the rules are not a failure of LintRules, they are in
// the report.
Status LintRules(const std::string& rules_dir, LintReport* report);

}  // namespace stance

#endif  // STANCE_PIPELINE_LINT_H_
