#pragma once

#include <string>
#include <string_view>

namespace tl::importer {

/// `s` as a YAML double-quoted scalar that reads back as exactly `s`: '"' and '\' escaped,
/// and every character the format or a terminal could take for something else written as
/// an escape (line ends, tabs, the C0 and C1 controls, DEL, U+2028, U+2029, U+FEFF). Bytes
/// that are not UTF-8 become U+FFFD. Every string the importers write goes through here.
std::string yaml_quoted(std::string_view s);

/// One line of text for a title, name or unit (the format's `bad-text` rule): controls,
/// tabs and line ends become blanks, runs of blanks one, none at either end.
std::string one_line(std::string_view s);

/// `s` cut to at most `max_chars` characters (code points), ending in "…" when cut.
std::string cut_text(std::string_view s, std::size_t max_chars);

}  // namespace tl::importer
