// Dates and numbers as trackers write them in their cells, read into the format's forms.

#include "import/date_formats.hpp"

#include <array>
#include <cctype>

#include "base/suggest.hpp"
#include "import/sipri_fields.hpp"
#include "model/date.hpp"

namespace tl::importer {
namespace {

constexpr std::array<std::string_view, 12> kMonthNames{
    "january", "february", "march",     "april",   "may",      "june",
    "july",    "august",   "september", "october", "november", "december"};

bool is_blank(char c) {
    return c == ' ' || c == '\t';
}

/// Reads 1 to `max` digits at `at`; -1 when there is none.
int read_digits(std::string_view text, std::size_t& at, std::size_t min, std::size_t max) {
    int value = 0;
    std::size_t n = 0;
    while (at < text.size() && n < max && std::isdigit(static_cast<unsigned char>(text[at]))) {
        value = value * 10 + (text[at] - '0');
        ++at;
        ++n;
    }
    return n >= min ? value : -1;
}

/// A month's name (whole, or its first three letters when `abbreviated`) at `at`: 1 to 12,
/// or -1. "Sept" is read as well as "Sep", as people write it.
int read_month_name(std::string_view text, std::size_t& at, bool abbreviated) {
    std::size_t end = at;
    while (end < text.size() && std::isalpha(static_cast<unsigned char>(text[end])))
        ++end;
    const std::string word = ascii_lower(text.substr(at, end - at));
    for (std::size_t m = 0; m < kMonthNames.size(); ++m) {
        const std::string_view name = kMonthNames[m];
        const bool whole = word == name;
        const bool short_form = word.size() >= 3 && name.starts_with(word) &&
                                (abbreviated || word.size() == 3 || word == "sept");
        if (whole || short_form) {
            at = end;
            return static_cast<int>(m) + 1;
        }
    }
    return -1;
}

std::string two_digits(int n) {
    return {static_cast<char>('0' + n / 10 % 10), static_cast<char>('0' + n % 10)};
}

std::optional<std::string> date_text(int year, int month, int day) {
    std::string out = std::to_string(year);
    if (month > 0) out += "-" + two_digits(month);
    if (day > 0) out += "-" + two_digits(day);
    if (!parse_date(out)) return std::nullopt;
    return out;
}

}  // namespace

std::optional<std::string> read_formatted_date(std::string_view text, std::string_view format) {
    text = trim_blanks(text);
    int year = -1;
    int month = 0;
    int day = 0;
    std::size_t at = 0;
    for (std::size_t f = 0; f < format.size(); ++f) {
        const char c = format[f];
        if (is_blank(c)) {
            if (at >= text.size() || !is_blank(text[at])) return std::nullopt;
            while (at < text.size() && is_blank(text[at]))
                ++at;
            continue;
        }
        if (c != '%' || f + 1 == format.size()) {
            if (at >= text.size() || text[at] != c) return std::nullopt;
            ++at;
            continue;
        }
        const char field = format[++f];
        if (field == '*') {
            at = text.size();
            break;
        }
        int value = 0;
        switch (field) {
            case 'Y': value = year = read_digits(text, at, 4, 4); break;
            case 'm': value = month = read_digits(text, at, 1, 2); break;
            case 'd': value = day = read_digits(text, at, 1, 2); break;
            case 'B':
            case 'b': value = month = read_month_name(text, at, field == 'b'); break;
            case '%':
                if (at >= text.size() || text[at] != '%') return std::nullopt;
                ++at;
                break;
            default: return std::nullopt;
        }
        if (value < 0) return std::nullopt;
    }
    if (at != text.size() || year < 0 || (day > 0 && month == 0)) return std::nullopt;
    return date_text(year, month, day);
}

std::optional<std::string> date_from_parts(std::string_view year, std::string_view month,
                                           std::string_view day) {
    const auto number = [](std::string_view s, std::size_t max) {
        s = trim_blanks(s);
        std::size_t at = 0;
        const int n = read_digits(s, at, 1, max);
        return at == s.size() ? n : -1;
    };
    const int y = number(year, 4);
    const int m = trim_blanks(month).empty() ? 0 : number(month, 2);
    const int d = trim_blanks(day).empty() ? 0 : number(day, 2);
    if (y < 1000 || m < 0 || d < 0 || (d > 0 && m == 0)) return std::nullopt;
    return date_text(y, m, d);
}

std::optional<std::string> read_number_cell(std::string_view text) {
    text = trim_blanks(text);
    const bool negative = text.starts_with('-');
    if (negative || text.starts_with('+')) text.remove_prefix(1);
    const std::optional<std::string> decimal = parse_decimal(text);
    if (!decimal) return std::nullopt;
    return negative && !decimal_is_zero(*decimal) ? "-" + *decimal : *decimal;
}

}  // namespace tl::importer
