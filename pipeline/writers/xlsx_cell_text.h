// Cell text for XLSX: what may be handed to libxlsxwriter so that the
// workbook is well formed and a spreadsheet shows exactly the text.
// Internal to pipeline/writers/. Thread-safe (pure functions).
#ifndef STANCE_PIPELINE_WRITERS_XLSX_CELL_TEXT_H_
#define STANCE_PIPELINE_WRITERS_XLSX_CELL_TEXT_H_

#include <cstddef>
#include <string>
#include <string_view>

namespace stance {
namespace writers {

// Excel's limit for the text of one cell, in characters (UTF-16 code units).
inline constexpr size_t kMaxCellChars = 32767;

// Makes `text` fit for a cell:
//  - a byte that does not start well-formed UTF-8 becomes U+FFFD, and so do
//    U+FFFE and U+FFFF, which XML does not allow (libxlsxwriter copies bytes
//    as they are, so either would make the workbook unreadable), and NUL,
//    which would end the C string libxlsxwriter takes;
//  - the '_' of a literal "_xHHHH_" becomes "_x005F_": the file format
//    reads "_xHHHH_" as an escaped character (libxlsxwriter writes control
//    characters that way), so the underscore itself must be escaped;
//  - text longer than kMaxCellChars is cut at a character boundary, so that
//    both Excel's count and libxlsxwriter's (which counts the escapes too)
//    stay within the limit.
// Returns `text` itself when nothing needs changing, else a view of
// *scratch. Sets *truncated to whether the text was cut.
std::string_view FitCellText(std::string_view text, std::string* scratch,
                             bool* truncated);

// The number of characters (code points) in `text`, counting at most up to
// `limit`: what a column must be wide enough to show.
size_t DisplayWidth(std::string_view text, size_t limit);

}  // namespace writers
}  // namespace stance

#endif  // STANCE_PIPELINE_WRITERS_XLSX_CELL_TEXT_H_
