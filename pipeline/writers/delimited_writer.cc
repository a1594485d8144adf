// CSV (RFC 4180, LF line ends) and TSV (no quoting; tabs and line breaks
// inside fields become spaces). Both start with a header row. With
// options.excel: a byte order mark, CRLF, and text that a spreadsheet would
// run as a formula defused with a leading single quote.
#include <string_view>

#include "pipeline/writers/formats.h"
#include "pipeline/writers/records.h"

namespace stance {
namespace writers {
namespace {

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";

// Spreadsheets read a cell starting with one of these as a formula (a tab or
// CR can hide one behind it), so excel output puts a quote in front.
bool LooksLikeFormula(std::string_view s) {
  if (s.empty()) return false;
  switch (s.front()) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r':
      return true;
    default:
      return false;
  }
}

// CSV: quotes `s` when it holds a comma, quote, CR or LF, doubling quotes.
// `guard` goes in front of `s`, inside the quotes.
void AppendCsvText(std::string_view guard, std::string_view s,
                   std::string* out) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) {
    out->append(guard);
    out->append(s);
    return;
  }
  out->push_back('"');
  out->append(guard);
  for (char c : s) {
    if (c == '"') out->push_back('"');
    out->push_back(c);
  }
  out->push_back('"');
}

// TSV: copies `guard` then `s` with TAB, CR and LF turned into spaces.
void AppendTsvText(std::string_view guard, std::string_view s,
                   std::string* out) {
  out->append(guard);
  size_t start = out->size();
  out->append(s);
  for (size_t i = start; i < out->size(); ++i) {
    char c = (*out)[i];
    if (c == '\t' || c == '\r' || c == '\n') (*out)[i] = ' ';
  }
}

class DelimitedWriter : public RowWriter {
 public:
  DelimitedWriter(char separator, const WriterOptions& options,
                  std::ostream* out)
      : RowWriter(options, out),
        separator_(separator),
        line_end_(options.excel ? "\r\n" : "\n"),
        columns_(*SchemaOf(options.records).columns) {
    if (options.excel) buffer_ += kByteOrderMark;
    if (options.header) {
      for (size_t i = 0; i < columns_.size(); ++i) {
        if (i > 0) buffer_ += separator_;
        AppendText(columns_[i]);
      }
      buffer_ += line_end_;
    }
  }

 private:
  void AppendRecord(const Record& record) override {
    // Only the columns: JSONL-only extras are left out.
    for (size_t i = 0; i < columns_.size(); ++i) {
      if (i > 0) buffer_ += separator_;
      if (i < record.fields.size()) AppendField(record.fields[i]);
    }
    buffer_ += line_end_;
  }

  void AppendText(std::string_view s) {
    std::string_view guard =
        options_.excel && LooksLikeFormula(s) ? "'" : std::string_view();
    if (separator_ == ',') {
      AppendCsvText(guard, s, &buffer_);
    } else {
      AppendTsvText(guard, s, &buffer_);
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
  const std::string_view line_end_;
  const std::vector<std::string>& columns_;
};

}  // namespace

std::unique_ptr<RowWriter> NewDelimitedWriter(
    char separator, const WriterOptions& options, std::ostream* out) {
  return std::make_unique<DelimitedWriter>(separator, options, out);
}

}  // namespace writers
}  // namespace stance
