#include "cli/csv.hpp"

#include <string_view>

#include "base/text.hpp"

namespace tl::cli {
namespace {

/// Whether a spreadsheet would read a cell starting like `s` as a formula: OWASP's list
/// (= + - @ tab CR), the fullwidth and small forms of = + - @ that some spreadsheets also
/// accept, and any of them behind blanks or invisible characters, which some importers trim.
bool formula_start(const std::string& s) {
    static constexpr std::string_view kStarts[] = {"=",      "+",      "-",      "@",      "\t",
                                                   "\r",     "\uFF1D", "\uFF0B", "\uFF0D", "\uFF20",
                                                   "\uFE66", "\uFE62", "\uFE63", "\uFE6B"};
    const auto blank = [](char32_t c) {
        return c == ' ' || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
               c == 0x202F || c == 0x205F || c == 0x3000 || is_invisible(c);
    };
    for (std::size_t i = 0; i < s.size();) {
        const std::string_view rest = std::string_view(s).substr(i);
        for (std::string_view start : kStarts)
            if (rest.starts_with(start)) return true;
        const CodePoint c = next_code_point(s, i);
        if (!c.valid || !blank(c.value)) return false;
        i += c.size;
    }
    return false;
}

}  // namespace

/// One CSV field (RFC 4180), neutralised as OWASP advises against CSV injection: a field
/// that a spreadsheet would run as a formula gets a leading single quote, inside quotes. A
/// field holding ';' or a tab is quoted too, since spreadsheets in semicolon-separator
/// locales would split it there and read what follows as a cell of its own.
/// Numbers do not come through here: exact_number writes them as plain numerals, which a
/// spreadsheet reads as numbers (a latitude -12.5 stays a number), never as formulas.
std::string csv_field(const std::string& s) {
    const bool formula = formula_start(s);
    if (!formula && s.find_first_of(",;\t\"\r\n") == std::string::npos) return s;
    std::string out = formula ? "\"'" : "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string csv_record(const std::vector<std::string>& encoded_fields) {
    std::string out;
    for (std::size_t i = 0; i < encoded_fields.size(); ++i)
        out += (i ? "," : "") + encoded_fields[i];
    return out + "\r\n";
}

}  // namespace tl::cli
