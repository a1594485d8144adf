// CSV (RFC 4180, LF line ends) and TSV (no quoting; tabs and line breaks
// inside fields become spaces). Both start with a header row.
#include <string_view>

#include "pipeline/writers/formats.h"
#include "pipeline/writers/records.h"

namespace stance {
namespace writers {
namespace {

// CSV: quotes `s` when it holds a comma, quote, CR or LF, doubling quotes.
void AppendCsvText(std::string_view s, std::string* out) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
    out->append(s);
    return;
  }
  out->push_back('"');
  for (char c : s) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

// TSV: copies `s` with TAB, CR and LF turned into spaces.
void AppendTsvText(std::string_view s, std::string* out) {
  size_t start = out->size();
  out->append(s);
  for (size_t i = start; i < out->size(); ++i) {
    char c = (*out)[i];
    if (c == '\t' || c == '\r' || c == '\n') (*out)[i] = ' ';
  }
}

class DelimitedWriter : public BufferedWriter {
 public:
  DelimitedWriter(char separator, const WriterOptions& options,
                  std::ostream* out)
      : BufferedWriter(options, out),
        separator_(separator),
        columns_(*SchemaOf(options.records).columns) {
    if (options.header) {
      for (size_t i = 0; i < columns_.size(); ++i) {
        if (i > 0) buffer_ += separator_;
        AppendText(columns_[i]);
      }
      buffer_ += '\n';
    }
  }

  Status Write(const Document& doc) override {
    ForEachRecord(options_.records, doc, [this](const Record& record) {
      // Only the columns: JSONL-only extras are left out.
      for (size_t i = 0; i < columns_.size(); ++i) {
        if (i > 0) buffer_ += separator_;
        if (i < record.fields.size()) AppendField(record.fields[i]);
      }
      buffer_ += '\n';
      MaybeFlush();  // a failure is kept for the return below
    });
    return MaybeFlush();
  }

 private:
  void AppendText(std::string_view s) {
    if (separator_ == ',') {
      AppendCsvText(s, &buffer_);
    } else {
      AppendTsvText(s, &buffer_);
    }
  }

  void AppendField(const Field& field) {
    switch (field.kind) {
      case Field::Kind::kNull:
        return;
      case Field::Kind::kText:
        AppendText(field.text);
        return;
      case Field::Kind::kBool:
        buffer_ += field.flag ? "true" : "false";
        return;
      case Field::Kind::kNumber:
        AppendNumber(field.number, &buffer_);
        return;
    }
  }

  const char separator_;
  const std::vector<std::string>& columns_;
};

}  // namespace

std::unique_ptr<Writer> NewDelimitedWriter(char separator,
                                           const WriterOptions& options,
                                           std::ostream* out) {
  return std::make_unique<DelimitedWriter>(separator, options, out);
}

}  // namespace writers
}  // namespace stance
