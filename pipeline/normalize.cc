// Placeholder until the normalize stage lands: identity.
#include "pipeline/normalize.h"

namespace stance {

void NormalizeText(std::string_view original, std::string* text, OffsetMap* offsets,
                   DiagnosticSink*) {
  text->assign(original);
  offsets->clear();
}

void Normalize(Document* doc, DiagnosticSink* sink) {
  NormalizeText(doc->original, &doc->text, &doc->offsets, sink);
}

}  // namespace stance
