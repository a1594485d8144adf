// Test report: prints the results of `stance test` for a person reading a
// terminal. Per fixture, one line with its verdict and scores, then one line
// per difference, each naming the rule responsible:
//
//   FAIL fixtures/sahel-summit  claims: precision 80.0% (4/5), recall 80.0% (4/5)
//     missing     Mali opposes "proposal"  (rule oppose-active)
//                   in "Mali and Burkina Faso rejected the proposal."
//     unexpected  Mali supports "proposal"  (rule support-active)
//     changed     Ghana supports: target "pact" -> "regional pact"  (rule support-active)
//
// then the overall precision and recall and a count of fixtures. With
// `color`, verdicts and differences are coloured (ANSI). Not thread-safe:
// one report writes to one stream.
#ifndef STANCE_PIPELINE_TEST_REPORT_H_
#define STANCE_PIPELINE_TEST_REPORT_H_

#include <ostream>
#include <vector>

#include "pipeline/fixture_run.h"

namespace stance {

class TestReport {
 public:
  // `out` must outlive the report.
  TestReport(std::ostream* out, bool color) : out_(out), color_(color) {}

  // The verdict of one fixture and its differences.
  void PrintFixture(const FixtureResult& result);

  // What --update wrote, one line per file, then a total.
  void PrintUpdates(const std::vector<FileUpdate>& updates, size_t fixtures);

  // Overall precision and recall (claims, then quotes, over the fixtures
  // that check them) and how many fixtures passed.
  void PrintSummary(const std::vector<FixtureResult>& results);

 private:
  // `text` in the colour `code` ("31" red), when colouring.
  std::string Paint(const char* code, const std::string& text) const;

  std::ostream* out_;
  const bool color_;
};

}  // namespace stance

#endif  // STANCE_PIPELINE_TEST_REPORT_H_
