#include "pipeline/document.h"

#include <algorithm>

namespace stance {

const char* ActorTypeName(ActorType type) {
  switch (type) {
    case ActorType::kCountry: return "country";
    case ActorType::kOrganisation: return "organisation";
    case ActorType::kGroup: return "group";
    case ActorType::kPerson: return "person";
  }
  return "unknown";
}

void OffsetMap::Add(uint32_t norm, uint32_t orig) {
  if (!breakpoints_.empty() && breakpoints_.back().norm == norm) {
    breakpoints_.back().orig = orig;
    return;
  }
  breakpoints_.push_back({norm, orig});
}

uint32_t OffsetMap::ToOriginal(uint32_t norm) const {
  auto it = std::upper_bound(breakpoints_.begin(), breakpoints_.end(), norm,
                             [](uint32_t n, const Breakpoint& b) { return n < b.norm; });
  if (it == breakpoints_.begin()) return norm;
  --it;
  return it->orig + (norm - it->norm);
}

}  // namespace stance
