// XLSX through libxlsxwriter: one sheet per kind of record, header frozen,
// autofilter on, widths fitted. libxlsxwriter writes to a named file, so the
// workbook is built in a temporary file and copied to the stream by Finish
// (the stream is usually an OutputFile, which makes the result atomic).
// Constant-memory mode keeps rows in temporary files, not in memory; it
// writes each string inside its cell instead of in a shared table.
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "pipeline/writers/aggregate.h"
#include "pipeline/writers/formats.h"
#include "pipeline/writers/records.h"
#include "pipeline/writers/xlsx_cell_text.h"

namespace stance {
namespace writers {
namespace {

using Records = WriterOptions::Records;

// Rows below the header that a sheet can hold.
constexpr uint32_t kMaxDataRows = LXW_ROW_MAX - 1;
// Column widths, in characters.
constexpr size_t kMinWidth = 6;
constexpr size_t kMaxWidth = 60;
// Room for the autofilter's drop-down button beside a header name.
constexpr size_t kFilterButton = 3;

std::string LxwMessage(lxw_error error) { return lxw_strerror(error); }

// "1,048,575".
std::string WithCommas(uint64_t n) {
  std::string digits = std::to_string(n);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3)
    digits.insert(static_cast<size_t>(i), ",");
  return digits;
}

size_t DigitCount(int64_t n) {
  size_t digits = n < 0 ? 2 : 1;
  for (; n >= 10 || n <= -10; n /= 10) ++digits;
  return digits;
}

struct Sheet {
  std::string name;
  Records records;
  const std::vector<std::string>* columns;
  lxw_worksheet* worksheet = nullptr;
  uint32_t next_row = 1;  // row 0 is the header
  uint64_t left_out = 0;  // rows past the end of the sheet
  std::vector<size_t> widths;
};

class XlsxWriter : public Writer {
 public:
  XlsxWriter(const WriterOptions& options, std::ostream* out)
      : options_(options), out_(out) {}

  ~XlsxWriter() override {
    if (workbook_ != nullptr) lxw_workbook_free(workbook_);
    if (!path_.empty()) ::unlink(path_.c_str());
  }

  // Makes the temporary file and the workbook with its sheets.
  Status Open() {
    std::error_code ec;
    tmpdir_ = std::filesystem::temp_directory_path(ec).string();
    if (ec) tmpdir_ = "/tmp";
    std::string path = tmpdir_ + "/stance-xlsx-XXXXXX";
    int fd = ::mkstemp(path.data());
    if (fd < 0) {
      return Status::IOError("cannot make a temporary file for the workbook "
                             "in " + tmpdir_);
    }
    ::close(fd);
    path_ = path;
    lxw_workbook_options lxw_options = {};
    lxw_options.constant_memory = LXW_TRUE;
    lxw_options.tmpdir = tmpdir_.data();
    workbook_ = workbook_new_opt(path_.c_str(), &lxw_options);
    if (workbook_ == nullptr) {
      return Status::IOError("cannot start a workbook in " + path_);
    }
    header_format_ = workbook_add_format(workbook_);
    format_set_bold(header_format_);

    aggregate_ = options_.records == Records::kAggregates;
    switch (options_.records) {
      case Records::kAggregates:
        AddSheet("aggregate", Records::kAggregates);
        [[fallthrough]];
      case Records::kClaims:
        AddSheet("claims", Records::kClaims);
        AddSheet("quotes", Records::kQuotes);
        break;
      case Records::kQuotes:
        AddSheet("quotes", Records::kQuotes);
        break;
      case Records::kSentences:
      case Records::kSentenceLists:
        AddSheet("sentences", Records::kSentences);
        break;
    }
    return status_;
  }

  Status Write(const Document& doc) override {
    if (aggregate_) aggregator_.Add(doc);
    for (Sheet& sheet : sheets_) {
      if (sheet.records == Records::kAggregates) continue;
      ForEachRecord(sheet.records, doc, [this, &sheet](const Record& record) {
        AddRow(&sheet, record);
      });
    }
    return status_;
  }

  Status Finish() override {
    if (workbook_ == nullptr) return Status::Internal("the workbook is closed");
    for (Sheet& sheet : sheets_) {
      if (sheet.records == Records::kAggregates) {
        aggregator_.ForEachRow(
            [this, &sheet](const Record& record) { AddRow(&sheet, record); });
      }
      FinishSheet(sheet);
    }
    lxw_error error = workbook_close(workbook_);
    workbook_ = nullptr;
    if (error != LXW_NO_ERROR && status_.ok()) {
      status_ = Status::IOError("cannot write the workbook: " +
                                LxwMessage(error));
    }
    if (status_.ok()) status_ = CopyTo(out_);
    ::unlink(path_.c_str());
    path_.clear();
    return status_;
  }

 private:
  void AddSheet(const char* name, Records records) {
    Sheet& sheet = sheets_.emplace_back();
    sheet.name = name;
    sheet.records = records;
    sheet.columns = SchemaOf(records).columns;
    sheet.worksheet = workbook_add_worksheet(workbook_, name);
    if (sheet.worksheet == nullptr) {
      Fail(Status::Internal(std::string("cannot add sheet ") + name));
      return;
    }
    const std::vector<std::string>& columns = *sheet.columns;
    for (size_t c = 0; c < columns.size(); ++c) {
      Check(worksheet_write_string(sheet.worksheet, 0, static_cast<lxw_col_t>(c),
                                   columns[c].c_str(), header_format_));
      sheet.widths.push_back(columns[c].size() + kFilterButton);
    }
    worksheet_freeze_panes(sheet.worksheet, 1, 0);
  }

  void AddRow(Sheet* sheet, const Record& record) {
    if (sheet->worksheet == nullptr) return;
    if (sheet->next_row > kMaxDataRows) {
      ++sheet->left_out;
      return;
    }
    const lxw_row_t row = sheet->next_row++;
    const size_t columns = std::min(sheet->columns->size(), record.fields.size());
    for (size_t c = 0; c < columns; ++c) {
      const Field& field = record.fields[c];
      const auto col = static_cast<lxw_col_t>(c);
      size_t width = 0;
      switch (field.kind) {
        case Field::Kind::kNull:
          break;
        case Field::Kind::kText: {
          bool truncated = false;
          std::string_view text = FitCellText(field.text, &fitted_, &truncated);
          if (truncated) WarnTruncated(*sheet, row, c, record);
          cell_.assign(text);
          Check(worksheet_write_string(sheet->worksheet, row, col,
                                       cell_.c_str(), nullptr));
          width = DisplayWidth(text, kMaxWidth);
          break;
        }
        case Field::Kind::kBool:
          Check(worksheet_write_boolean(sheet->worksheet, row, col,
                                        field.flag ? 1 : 0, nullptr));
          width = field.flag ? 4 : 5;
          break;
        case Field::Kind::kNumber:
          Check(worksheet_write_number(sheet->worksheet, row, col,
                                       static_cast<double>(field.number),
                                       nullptr));
          width = DigitCount(field.number);
          break;
      }
      sheet->widths[c] = std::max(sheet->widths[c], width + 1);
    }
  }

  // Sets the widths and the autofilter, which need every row, and reports
  // rows left out.
  void FinishSheet(const Sheet& sheet) {
    if (sheet.worksheet == nullptr) return;
    for (size_t c = 0; c < sheet.widths.size(); ++c) {
      double width = static_cast<double>(
          std::clamp(sheet.widths[c], kMinWidth, kMaxWidth));
      const auto col = static_cast<lxw_col_t>(c);
      Check(worksheet_set_column(sheet.worksheet, col, col, width, nullptr));
    }
    Check(worksheet_autofilter(
        sheet.worksheet, 0, 0, sheet.next_row - 1,
        static_cast<lxw_col_t>(sheet.columns->size() - 1)));
    if (sheet.left_out > 0 && options_.warnings != nullptr) {
      Diagnostic d;
      d.severity = Diagnostic::kError;
      d.message = "sheet '" + sheet.name + "' is full (" +
                  WithCommas(kMaxDataRows) + " rows below its header); " +
                  WithCommas(sheet.left_out) +
                  " more rows were left out (use jsonl or csv for them)";
      options_.warnings->Report(d);
    }
  }

  void WarnTruncated(const Sheet& sheet, lxw_row_t row, size_t column,
                     const Record& record) {
    if (options_.warnings == nullptr) return;
    Diagnostic d;
    d.severity = Diagnostic::kWarning;
    // Every kind of record but the aggregate starts with its document.
    if (sheet.records != Records::kAggregates && !record.fields.empty())
      d.location.path = std::string(record.fields[0].text);
    d.message = "'" + (*sheet.columns)[column] + "' in row " +
                std::to_string(row + 1) + " of sheet '" + sheet.name +
                "' was cut to " + WithCommas(kMaxCellChars) +
                " characters, the most an Excel cell holds";
    options_.warnings->Report(d);
  }

  // Keeps the first libxlsxwriter failure.
  void Check(lxw_error error) {
    if (error != LXW_NO_ERROR) {
      Fail(Status::IOError("cannot write the workbook: " + LxwMessage(error)));
    }
  }

  void Fail(Status status) {
    if (status_.ok()) status_ = std::move(status);
  }

  Status CopyTo(std::ostream* out) {
    std::ifstream in(path_, std::ios::binary);
    if (!in) return Status::IOError("cannot read back the workbook " + path_);
    *out << in.rdbuf();
    out->flush();
    if (!*out) return Status::IOError("write failed");
    return Status::OK();
  }

  const WriterOptions options_;
  std::ostream* const out_;
  std::string tmpdir_;
  std::string path_;  // the temporary workbook; empty once removed
  lxw_workbook* workbook_ = nullptr;
  lxw_format* header_format_ = nullptr;
  std::vector<Sheet> sheets_;
  bool aggregate_ = false;
  ClaimAggregator aggregator_;
  Status status_;
  std::string fitted_;  // scratch for FitCellText
  std::string cell_;    // the NUL-terminated text of a cell
};

}  // namespace

Status NewXlsxWriter(const WriterOptions& options, std::ostream* out,
                     std::unique_ptr<Writer>* writer) {
  writer->reset();
  auto xlsx = std::make_unique<XlsxWriter>(options, out);
  STANCE_RETURN_IF_ERROR(xlsx->Open());
  *writer = std::move(xlsx);
  return Status::OK();
}

}  // namespace writers
}  // namespace stance
