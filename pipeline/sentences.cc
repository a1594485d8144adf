// Placeholder until the sentence stage lands: one sentence per line.
#include "pipeline/sentences.h"

namespace stance {

struct SentenceSplitter::Data {};
SentenceSplitter::SentenceSplitter(std::unique_ptr<Data> data) : data_(std::move(data)) {}
SentenceSplitter::~SentenceSplitter() = default;

Status SentenceSplitter::Create(const std::string&, std::unique_ptr<SentenceSplitter>* out) {
  out->reset(new SentenceSplitter(std::make_unique<Data>()));
  return Status::OK();
}

void SentenceSplitter::Split(std::string_view text, std::vector<Span>* sentences) const {
  size_t begin = 0;
  while (begin < text.size()) {
    size_t end = text.find('\n', begin);
    if (end == std::string_view::npos) end = text.size();
    if (end > begin) sentences->push_back({uint32_t(begin), uint32_t(end)});
    begin = end + 1;
  }
}

void SentenceSplitter::Annotate(Document* doc) const {
  std::vector<Span> spans;
  Split(doc->text, &spans);
  for (Span s : spans) doc->sentences.push_back({doc->offsets.ToOriginal(s), s});
}

}  // namespace stance
