#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.hpp"

namespace tl::importer {

/// One piece of a template: literal text, or the cell of a column.
struct TemplatePart {
    std::string text;  ///< literal text, or the column's name as written
    bool column = false;
    std::size_t index = 0;  ///< the column's place in the header, once resolved
};

/// How a mapping says where a field's text comes from: a template of literal text and
/// columns ("{Weapon} ({Type})"; a constant is a template without columns; a column alone
/// is "{Column}"), and optionally a table that replaces whole values (a kind for each of
/// ACLED's event types) with a default for values not in it.
struct ValueSpec {
    SourceLoc loc;
    std::vector<TemplatePart> parts;
    std::map<std::string, std::string> table;
    std::optional<std::string> fallback;  ///< `default:`, for a value not in `table`
    bool present() const { return !parts.empty() || fallback.has_value(); }
};

/// How a date is read: a value with input formats tried in order (strptime's %Y, %m, %d,
/// %B, %b, %%, and %* for "ignore the rest"; none means the text is already a date of the
/// format), or separate year, month and day columns.
struct DateSpec {
    SourceLoc loc;
    ValueSpec value;
    std::vector<std::string> formats;
    ValueSpec year, month, day;
    bool present() const { return value.present() || year.present(); }
};

struct QuantitySpec {
    ValueSpec value, unit, qualifier, stage;
    bool omit_zero = false;
};

struct SourceSpec {
    ValueSpec publisher, title, url;
    DateSpec date;
};

struct KindDeclaration {
    std::string id, label, color;
};

/// A mapping file: how the rows of one table become events.
struct CsvMapping {
    char delimiter = 0;               ///< 0: detected from the header line
    std::size_t skip_lines = 0;       ///< lines before the header
    ValueSpec id;                     ///< a template of the row's id, or absent
    std::vector<ValueSpec> identity;  ///< values whose hash is the id (absent id)
    std::string id_prefix = "row";
    DateSpec date, end;
    ValueSpec title, kind, from, to, summary, confidence;
    std::vector<ValueSpec> actors;  ///< the parties of an event without a direction
    std::vector<QuantitySpec> quantities;
    std::vector<ValueSpec> tags;
    std::vector<SourceSpec> sources;
    ValueSpec location, latitude, longitude;
    std::vector<KindDeclaration> kinds;
};

/// Reads a mapping file (YAML) with the event files' diagnostics: unknown keys with a "did
/// you mean", wrong types, bad templates and formats, each at its line and column.
CsvMapping read_csv_mapping(std::string_view text, std::uint32_t file, Diagnostics& diags);

/// The parts of a template: `{Column}` is a column, `{{` and `}}` a brace; nullopt with
/// `error` set when a brace is not closed or a column is unnamed.
std::optional<std::vector<TemplatePart>> parse_template(std::string_view text, std::string& error);

/// Checks a date input format; "" when it is fine, else what is wrong.
std::string check_date_format(std::string_view format);

/// Every column the mapping names, each with where (for a missing-column diagnostic).
std::vector<TemplatePart*> mapping_columns(CsvMapping& mapping, std::vector<SourceLoc>& where);

}  // namespace tl::importer
