#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tl::importer {

/// `text` read with a strptime-like `format` (check_date_format's fields: %Y four digits,
/// %m and %d one or two, %B a month's English name, %b its first three letters, in any
/// case; %% a percent sign; %* the rest ignored; a blank matches any run of blanks) as a
/// date of the format: `2024`, `2024-03` or `2024-03-12`, as precise as the fields the
/// format reads. nullopt when the text does not fit or the day is not in its month.
std::optional<std::string> read_formatted_date(std::string_view text, std::string_view format);

/// A date from separate year, month and day cells ("2024", "3", "12"; month and day may be
/// empty, the date then less precise); nullopt when they are not a date.
std::optional<std::string> date_from_parts(std::string_view year, std::string_view month,
                                           std::string_view day);

/// A decimal numeral as the format writes a number (an optional '-', digits, an optional
/// fraction), from a cell: blanks at the ends and a leading '+' dropped; nullopt otherwise.
std::optional<std::string> read_number_cell(std::string_view text);

}  // namespace tl::importer
