// Placeholder until the rule engine lands: finds nothing.
#include "pipeline/stance.h"

namespace stance {

struct RuleSet::Data {};
RuleSet::RuleSet(std::unique_ptr<Data> data) : data_(std::move(data)) {}
RuleSet::~RuleSet() = default;

Status RuleSet::Load(const std::string&, std::unique_ptr<RuleSet>* out, DiagnosticSink*) {
  out->reset(new RuleSet(std::make_unique<Data>()));
  return Status::OK();
}
void RuleSet::Annotate(Document*, DiagnosticSink*) const {}
size_t RuleSet::rule_count() const { return 0; }

}  // namespace stance
