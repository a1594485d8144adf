// Text: one sentence per line, the original text with CR and LF inside a
// sentence turned into spaces. The hot path of `stance sentences`, so it
// appends straight into the buffer with no per-sentence allocation.
#include "pipeline/writers/formats.h"
#include "pipeline/writers/records.h"

namespace stance {
namespace writers {
namespace {

class TextWriter : public RowWriter {
 public:
  using RowWriter::RowWriter;

  Status Write(const Document& doc) override {
    for (const Sentence& sentence : doc.sentences) {
      AppendLine(OriginalText(doc, sentence.span));
      if (buffer_.size() >= options_.buffer_bytes)
        STANCE_RETURN_IF_ERROR(MaybeFlush());
    }
    return MaybeFlush();
  }

 private:
  // A sentence record: its last field is the text.
  void AppendRecord(const Record& record) override {
    if (!record.fields.empty()) AppendLine(record.fields.back().text);
  }

  void AppendLine(std::string_view text) {
    size_t start = buffer_.size();
    buffer_.append(text);
    buffer_.push_back('\n');
    // Branch-free, so the compiler can vectorise it.
    char* p = buffer_.data() + start;
    char* end = p + text.size();
    for (; p != end; ++p) *p = (*p == '\n' || *p == '\r') ? ' ' : *p;
  }
};

}  // namespace

std::unique_ptr<RowWriter> NewTextWriter(const WriterOptions& options,
                                      std::ostream* out) {
  return std::make_unique<TextWriter>(options, out);
}

}  // namespace writers
}  // namespace stance
