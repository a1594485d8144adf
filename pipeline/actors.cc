// Placeholder until the actor stage lands: finds nothing.
#include "pipeline/actors.h"

namespace stance {

struct ActorTable::Data {};
ActorTable::ActorTable(std::unique_ptr<Data> data) : data_(std::move(data)) {}
ActorTable::~ActorTable() = default;

Status ActorTable::Load(const std::string&, std::unique_ptr<ActorTable>* out, DiagnosticSink*) {
  out->reset(new ActorTable(std::make_unique<Data>()));
  return Status::OK();
}
const Actor* ActorTable::Find(std::string_view) const { return nullptr; }
void ActorTable::Annotate(Document*) const {}
size_t ActorTable::size() const { return 0; }

}  // namespace stance
