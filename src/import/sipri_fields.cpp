#include "import/sipri_fields.hpp"

#include <array>
#include <charconv>

namespace tl::importer {
namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

bool all_digits(std::string_view s) {
    for (const char c : s)
        if (!is_digit(c)) return false;
    return true;
}

}  // namespace

std::string_view trim_blanks(std::string_view s) {
    const auto blank = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!s.empty() && blank(s.front()))
        s.remove_prefix(1);
    while (!s.empty() && blank(s.back()))
        s.remove_suffix(1);
    return s;
}

std::optional<int> parse_year(std::string_view s) {
    s = trim_blanks(s);
    if (s.size() != 4 || !all_digits(s)) return std::nullopt;
    int year = 0;
    std::from_chars(s.data(), s.data() + s.size(), year);
    if (year < 1400) return std::nullopt;
    return year;
}

YearList parse_year_list(std::string_view s) {
    YearList out;
    while (!trim_blanks(s).empty()) {
        const std::size_t cut = s.find(';');
        const std::string_view item = trim_blanks(s.substr(0, cut));
        if (const auto year = parse_year(item))
            out.years.push_back(*year);
        else if (!item.empty())
            out.bad.emplace_back(item);
        if (cut == std::string_view::npos) break;
        s.remove_prefix(cut + 1);
    }
    return out;
}

std::optional<bool> parse_flag(std::string_view s) {
    s = trim_blanks(s);
    if (s.empty()) return false;
    if (s == "?") return true;
    return std::nullopt;
}

std::optional<std::string> parse_decimal(std::string_view s) {
    s = trim_blanks(s);
    const std::size_t dot = s.find('.');
    std::string_view whole = s.substr(0, dot);
    std::string_view fraction = dot == std::string_view::npos ? "" : s.substr(dot + 1);
    if (whole.empty() && fraction.empty()) return std::nullopt;
    if (!all_digits(whole) || !all_digits(fraction)) return std::nullopt;
    if (dot != std::string_view::npos && fraction.empty()) return std::nullopt;
    while (whole.size() > 1 && whole.front() == '0')
        whole.remove_prefix(1);
    while (!fraction.empty() && fraction.back() == '0')
        fraction.remove_suffix(1);
    std::string out(whole.empty() ? "0" : whole);
    if (!fraction.empty()) out += "." + std::string(fraction);
    return out;
}

std::string scale_decimal(std::string_view decimal, int places) {
    const std::size_t dot = decimal.find('.');
    std::string digits(decimal.substr(0, dot));
    std::string fraction(dot == std::string_view::npos ? "" : decimal.substr(dot + 1));
    for (int i = 0; i < places; ++i) {
        if (fraction.empty()) {
            digits += '0';
        } else {
            digits += fraction.front();
            fraction.erase(0, 1);
        }
    }
    std::string joined = digits + (fraction.empty() ? "" : "." + fraction);
    return parse_decimal(joined).value_or(joined);
}

bool decimal_is_zero(std::string_view decimal) {
    return decimal.find_first_not_of("0.") == std::string_view::npos;
}

std::string generated_date(std::string_view text) {
    static constexpr std::array<std::string_view, 12> kMonths = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    text = trim_blanks(text);
    const std::size_t first = text.find(' ');
    if (first == std::string_view::npos) return "";
    const std::size_t second = text.find(' ', first + 1);
    const std::string_view day = text.substr(0, first);
    const std::string_view month = text.substr(first + 1, second - first - 1);
    const std::string_view year =
        text.substr(second == std::string_view::npos ? text.size() : second + 1, 4);
    if (day.empty() || day.size() > 2 || !all_digits(day) || !parse_year(year)) return "";
    for (std::size_t m = 0; m < kMonths.size(); ++m) {
        if (month.substr(0, 3) != kMonths[m]) continue;
        const std::string mm = (m < 9 ? "0" : "") + std::to_string(m + 1);
        const std::string dd = (day.size() == 1 ? "0" : "") + std::string(day);
        return std::string(year) + "-" + mm + "-" + dd;
    }
    return "";
}

}  // namespace tl::importer
