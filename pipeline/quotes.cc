// Placeholder until the quote stage lands: finds nothing.
#include "pipeline/quotes.h"

namespace stance {

struct QuoteAttributor::Data {};
QuoteAttributor::QuoteAttributor(std::unique_ptr<Data> data) : data_(std::move(data)) {}
QuoteAttributor::~QuoteAttributor() = default;

Status QuoteAttributor::Load(const std::string&, std::unique_ptr<QuoteAttributor>* out,
                             DiagnosticSink*) {
  out->reset(new QuoteAttributor(std::make_unique<Data>()));
  return Status::OK();
}
void QuoteAttributor::Annotate(Document*, DiagnosticSink*) const {}

}  // namespace stance
