#pragma once

#include <string>
#include <string_view>

namespace tl {

/// For a date that does not parse, the nearest accepted form and why, as a hint ("write
/// '2024-04-13': months and days take two digits"), or "" when none is clear. Recognises
/// the slips people make: "present", a month's name, unpadded numbers, a mark in front
/// (~2024-10), slashes (12/03/2024, saying when day and month could be swapped).
std::string date_fix_hint(std::string_view text);

/// The short hint of a bad date with no clear fix.
std::string_view date_forms_hint();

/// The accepted forms as a table for a terminal, one form a line, printed once per run
/// however many dates are bad.
std::string_view date_forms_table();

}  // namespace tl
