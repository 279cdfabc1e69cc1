#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/diagnostics.hpp"
#include "import/mapped_import.hpp"

namespace tl::importer {

/// One sheet of an .xlsx workbook (Office Open XML, as Excel, LibreOffice and openpyxl
/// write it) as a Table, read with libzip and expat: shared and inline strings, numbers
/// as written, booleans as TRUE and FALSE, and numbers in a date format as the date
/// (YYYY-MM-DD, the workbook's 1900 or 1904 system; a time of day is dropped). Cells are
/// placed by their reference (C7), so empty cells and rows stay empty; the first row with
/// a value is the header. A cell's position is its row for the line and its column's
/// number for the column (C is 3). `sheet` empty means the first sheet.
///
/// Problems are errors at `file`: `not-xlsx` (not a zip, or no workbook in it), `bad-xlsx`
/// (a part that is not well-formed XML, or too large), `unknown-sheet` (with the sheets'
/// names). nullopt then.
std::optional<Table> read_xlsx_table(std::string_view bytes, std::string_view sheet,
                                     std::uint32_t file, Diagnostics& diags);

/// The date of a spreadsheet's serial day number: `1904` for workbooks in the 1904 system.
/// Excel's 1900 system counts a 29 February 1900 that never was (serial 60), so serials
/// from 61 on are a day ahead of a plain count; "" for a serial outside 1400-9999.
std::string serial_date(double serial, bool date1904);

/// Whether a number format shows a date: the built-in date formats (14-22, 45-47) or a
/// format code with d, m or y outside quotes and brackets.
bool is_date_format(int builtin_id, std::string_view code);

}  // namespace tl::importer
