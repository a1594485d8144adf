// Placeholder until the writers land.
#include "pipeline/writers/writer.h"

namespace stance {

const std::vector<std::string>& ClaimColumns() {
  static const std::vector<std::string> columns = {
      "doc",      "holder", "holder_type", "holder_affiliation", "stance", "target", "negated",
      "hedged",   "speaker", "quote",      "evidence",           "sentence", "begin", "end",
      "rule"};
  return columns;
}

Status NewWriter(const std::string& format, const WriterOptions&, std::ostream*,
                 std::unique_ptr<Writer>*) {
  return Status::InvalidArgument("unknown format '" + format + "'");
}

}  // namespace stance
