#include "model/date_fix.hpp"

#include <array>
#include <cctype>
#include <cstdio>
#include <vector>

#include "base/suggest.hpp"
#include "model/date.hpp"

namespace tl {
namespace {

bool all_digits(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    return true;
}

int number(std::string_view s) {
    int n = 0;
    for (char c : s)
        n = n * 10 + (c - '0');
    return n;
}

std::string ymd(int y, int m, int d = 0) {
    char buf[32];
    if (d > 0)
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, m, d);
    else
        std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
    return buf;
}

/// 1..12 for an English month name or its usual abbreviation ("Sept"), else 0.
int month_of(std::string_view word) {
    static constexpr std::array<std::string_view, 12> kNames = {
        "january", "february", "march",     "april",   "may",      "june",
        "july",    "august",   "september", "october", "november", "december"};
    const std::string w = ascii_lower(word);
    if (w.size() < 3) return 0;
    for (std::size_t i = 0; i < kNames.size(); ++i)
        if (kNames[i].starts_with(w) || (w == "sept" && i == 8)) return static_cast<int>(i) + 1;
    return 0;
}

std::vector<std::string_view> split(std::string_view s, std::string_view separators) {
    std::vector<std::string_view> out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && separators.find(s[i]) != std::string_view::npos)
            ++i;
        const std::size_t start = i;
        while (i < s.size() && separators.find(s[i]) == std::string_view::npos)
            ++i;
        if (i > start) out.push_back(s.substr(start, i - start));
    }
    return out;
}

bool valid(const std::string& candidate) {
    return static_cast<bool>(parse_date(candidate));
}

/// "12/03/2024", "2024/03/12", "12.03.2024": three numbers with slashes or dots.
std::string fix_separated(std::string_view text) {
    const auto parts = split(text, "/.");
    if (parts.size() != 3 || text.find_first_of("/.") == std::string_view::npos) return {};
    for (std::string_view p : parts)
        if (!all_digits(p)) return {};
    if (parts[0].size() == 4) {
        const std::string c = ymd(number(parts[0]), number(parts[1]), number(parts[2]));
        return valid(c) ? "write '" + c + "': a date is year-month-day with dashes" : "";
    }
    if (parts[2].size() != 4) return {};
    const int a = number(parts[0]), b = number(parts[1]), y = number(parts[2]);
    const std::string day_first = ymd(y, b, a), month_first = ymd(y, a, b);
    const bool day_first_ok = valid(day_first), month_first_ok = valid(month_first);
    if (day_first_ok && month_first_ok && a != b) {
        const std::string dm = std::string(parts[0]) + "/" + std::string(parts[1]);
        return "write '" + day_first + "' (or '" + month_first + "' if " + dm +
               " is month/day): " + dm +
               " is ambiguous between day/month and month/day, so dates are written "
               "year-month-day";
    }
    if (day_first_ok) return "write '" + day_first + "': a date is year-month-day with dashes";
    if (month_first_ok) return "write '" + month_first + "': a date is year-month-day with dashes";
    return {};
}

/// "March 2024", "3 March 2024", "March 3, 2024", "Sept 2024".
std::string fix_month_name(std::string_view text) {
    int month = 0, year = 0, day = 0;
    for (std::string_view w : split(text, " ,.")) {
        if (all_digits(w) && w.size() == 4) {
            year = number(w);
        } else if (all_digits(w) && w.size() <= 2) {
            day = number(w);
        } else if (const int m = month_of(w); m > 0 && month == 0) {
            month = m;
        } else {
            return {};
        }
    }
    if (month == 0 || year == 0) return {};
    const std::string c = ymd(year, month, day);
    return valid(c) ? "write '" + c + "': months are written as numbers, year first" : "";
}

/// "2024-4-13", "2024-4": a month or day of one digit.
std::string fix_unpadded(std::string_view text) {
    const auto parts = split(text, "-");
    if (parts.size() < 2 || parts.size() > 3 || parts[0].size() != 4) return {};
    for (std::size_t i = 1; i < parts.size(); ++i)
        if (!all_digits(parts[i]) || parts[i].size() > 2) return {};
    if (!all_digits(parts[0])) return {};
    const std::string c =
        ymd(number(parts[0]), number(parts[1]), parts.size() == 3 ? number(parts[2]) : 0);
    return valid(c) && c != text ? "write '" + c + "': months and days take two digits" : "";
}

}  // namespace

std::string date_fix_hint(std::string_view text) {
    while (!text.empty() && text.front() == ' ')
        text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ')
        text.remove_suffix(1);
    const std::string lower = ascii_lower(text);
    for (std::string_view word : {"present", "now", "today", "ongoing", "current"}) {
        if (lower == word)
            return "for something still going on, write its start and an open end, as "
                   "'2024/..' (START/..)";
    }
    if (!text.empty() && (text.front() == '~' || text.front() == '?' || text.front() == '%')) {
        const std::string moved = std::string(text.substr(1)) + text.front();
        if (valid(moved)) return "write '" + moved + "': the mark goes after the date";
        return {};
    }
    if (std::string fix = fix_separated(text); !fix.empty()) return fix;
    if (std::string fix = fix_month_name(text); !fix.empty()) return fix;
    return fix_unpadded(text);
}

std::string_view date_forms_hint() {
    return "write YYYY, YYYY-MM or YYYY-MM-DD, or another accepted form (validate lists them)";
}

std::string_view date_forms_table() {
    return "Dates are written year first (EDTF), for years 1400 to 9999:\n"
           "  2024                  a year\n"
           "  2024-09               a month\n"
           "  2024-09-16            a day\n"
           "  2024-21 .. 2024-24    spring, summer, autumn, winter\n"
           "  2024-09-XX, 2024-XX,  unspecified digits\n"
           "  202X, 20XX\n"
           "  2024-09~ 2024? 2024%  approximate, uncertain, both (the mark goes last)\n"
           "  2024-03/2024-09       an interval: from/to, each of the forms above\n"
           "  2024/.. and ../2024   still going on; no known start\n"
           "  2024/ and /2024       unknown end; unknown start\n";
}

}  // namespace tl
