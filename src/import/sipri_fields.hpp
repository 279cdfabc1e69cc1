#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace tl::importer {

/// A year as the format reads one: four digits, 1400 to 9999.
std::optional<int> parse_year(std::string_view s);

/// SIPRI's "Year(s) of delivery": years separated by ';' ("1962; 1963; 1964"), empty when
/// nothing was delivered. Items that are not years are returned in `bad`.
struct YearList {
    std::vector<int> years;
    std::vector<std::string> bad;
};
YearList parse_year_list(std::string_view s);

/// An uncertainty flag column: empty (certain) or "?" (uncertain); nullopt for anything else.
std::optional<bool> parse_flag(std::string_view s);

/// A plain decimal number as SIPRI writes counts and TIVs ("250", "0.28", ".5"), written
/// back in the shortest form ("0.5", "3"); nullopt for anything else (signs, exponents,
/// thousands separators).
std::optional<std::string> parse_decimal(std::string_view s);

/// A decimal from parse_decimal times 10^places, in the same shortest form: SIPRI's TIVs
/// are in millions, so scale_decimal("615.55", 6) is "615550000".
std::string scale_decimal(std::string_view decimal, int places);

bool decimal_is_zero(std::string_view decimal);

/// The date of SIPRI's "Data generated: 13 Mar 2025 10:02:49 AM" line as YYYY-MM-DD, from
/// the text after the colon; "" when it is not in that shape.
std::string generated_date(std::string_view text);

/// `s` without blanks at either end.
std::string_view trim_blanks(std::string_view s);

}  // namespace tl::importer
