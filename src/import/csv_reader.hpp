#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tl::importer {

/// One field of a CSV record and where it starts: 1-based line and column (in characters,
/// which for a Latin-1 export are the file's bytes).
struct CsvField {
    std::string text;
    std::uint32_t line = 0;
    std::uint32_t column = 0;
};

struct CsvRecord {
    std::vector<CsvField> fields;
    std::uint32_t line = 0;       ///< where the record starts
    bool unclosed_quote = false;  ///< a quoted field ran to the end of the input
    /// True for a line with nothing on it, or only separators (",,,"): a spreadsheet's
    /// blank row, which readers skip without a word.
    bool blank() const;
};

/// Reads RFC 4180 CSV from UTF-8 text: fields separated by `separator`, records by LF or
/// CR LF (a CR alone too), a field in double quotes may hold separators, line ends and
/// `""` for a quote. Text after a closing quote and before the separator is kept, as
/// spreadsheet programs keep it.
class CsvReader {
  public:
    CsvReader(std::string_view text, std::uint32_t first_line, char separator = ',');
    /// The next record, or false at the end of the text.
    bool next(CsvRecord& record);
    /// Offset of the next unread byte.
    std::size_t offset() const { return at_; }

  private:
    void start_field(CsvRecord& record);
    void end_line();

    std::string_view text_;
    std::size_t at_ = 0;
    std::uint32_t line_ = 1;
    std::size_t line_start_ = 0;
    char separator_;
};

/// The fields of one line of CSV (no line end inside), for looking at a preamble line.
std::vector<std::string> csv_line_fields(std::string_view line, char separator = ',');

}  // namespace tl::importer
