#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.hpp"
#include "import/csv_mapping.hpp"
#include "import/csv_reader.hpp"
#include "import/imported_event.hpp"

namespace tl::importer {

/// A table as an importer reads it, whatever it came from (a CSV or TSV file, a sheet of a
/// workbook): the header's names and the rows under it, each cell with its position.
struct Table {
    std::vector<std::string> header;
    std::uint32_t header_line = 0;
    std::vector<CsvRecord> rows;
};

/// The delimiter of a header line: the one of , ; tab | that occurs most outside quotes
/// (',' when none does).
char detect_delimiter(std::string_view header_line);

/// The table of a CSV or TSV text: `mapping.skip_lines` lines, then the header, then the
/// rows (blank rows dropped). The delimiter is the mapping's, or detect_delimiter's.
Table read_delimited_table(std::string_view text, const CsvMapping& mapping);

/// Gives each column the mapping names its place in `header` (the same name, else the same
/// but for case and blanks at the ends); a `missing-column` error at the mapping's line for
/// each that is not there, with the nearest header name as a hint. Returns whether all were.
bool resolve_columns(CsvMapping& mapping, const std::vector<std::string>& header,
                     std::string_view input_name, Diagnostics& diags);

/// What one import makes: events in the order of their date and id, the actors they name
/// in id order, the kinds the mapping declares, and how many rows were skipped.
struct MappedImport {
    std::vector<ImportedEvent> events;
    std::vector<ImportedActor> actors;
    std::vector<KindDeclaration> kinds;
    std::size_t rows = 0;
    std::size_t skipped = 0;
};

/// One table to be imported, with its file's index for diagnostics.
struct TableInput {
    const Table* table;
    std::uint32_t file;
};

/// The rows of every table, mapped (the mapping's columns resolved against each table's
/// header beforehand; a mapping is resolved for one header at a time, so each table comes
/// with its own copy). Every row that cannot be an event is skipped with a warning at its
/// cell: bad-row, bad-date, missing-title, unknown-kind, missing-source, missing-party,
/// bad-id, duplicate-id; smaller problems leave the value out with a warning.
MappedImport map_tables(const std::vector<std::pair<CsvMapping, TableInput>>& inputs,
                        Diagnostics& diags);

/// A value's text in a row: its template with the row's cells (blanks at their ends
/// dropped), then its table and default.
std::string expand(const ValueSpec& value, const CsvRecord& row);

/// The text of `kinds.yaml` for declared kinds; "" when there are none.
std::string kinds_file(const std::vector<KindDeclaration>& kinds, const std::string& comment);

}  // namespace tl::importer
