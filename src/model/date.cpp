#include "model/date.hpp"

#include <cstdint>
#include <cstdio>

namespace tl {
namespace {

constexpr int kMinYear = 1400;  // as kFirstDay and kLastDay
constexpr int kMaxYear = 9999;

int days_in_month(int year, int month) {
    const int next_year = month == 12 ? year + 1 : year;
    const int next_month = month == 12 ? 1 : month + 1;
    return day_number(next_year, next_month, 1) - day_number(year, month, 1);
}

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

/// Reads exactly `width` characters that are digits or `X`: digits first, then only X's.
/// Returns the digits' value with X read as 0, and how many trailing X's there were.
struct Digits {
    int value = 0;
    int unspecified = 0;
};
std::optional<Digits> read_digits(std::string_view s, std::size_t width) {
    if (s.size() != width) return std::nullopt;
    Digits d;
    for (char c : s) {
        if (c == 'X') {
            ++d.unspecified;
            d.value *= 10;
        } else if (is_digit(c) && d.unspecified == 0) {
            d.value = d.value * 10 + (c - '0');
        } else {
            return std::nullopt;
        }
    }
    return d;
}

int power_of_ten(int n) {
    int p = 1;
    while (n-- > 0)
        p *= 10;
    return p;
}

Parsed<DatePoint> fail(std::string message) {
    return {std::nullopt, std::move(message)};
}

std::string quoted(std::string_view s) {
    return "'" + std::string(s) + "'";
}

}  // namespace

std::string_view to_string(Precision p) {
    switch (p) {
        case Precision::day: return "day";
        case Precision::month: return "month";
        case Precision::season: return "season";
        case Precision::year: return "year";
        case Precision::decade: return "decade";
        case Precision::century: return "century";
        case Precision::open: return "open";
        case Precision::unknown: return "unknown";
    }
    return "unknown";
}

// Howard Hinnant's days_from_civil and civil_from_days (chrono-Compatible Low-Level Date
// Algorithms), counted from 1970-01-01, whose Julian day number is 2440588.
constexpr std::int64_t kJulianDayOf1970 = 2440588;

DayNumber day_number(int year, int month, int day) {
    const std::int64_t y = static_cast<std::int64_t>(year) - (month <= 2 ? 1 : 0);
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t year_of_era = y - era * 400;
    const std::int64_t day_of_year = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1;
    const std::int64_t day_of_era =
        year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    return static_cast<DayNumber>(era * 146097 + day_of_era - 719468 + kJulianDayOf1970);
}

YearMonthDay calendar_date(DayNumber day) {
    const std::int64_t z = static_cast<std::int64_t>(day) - kJulianDayOf1970 + 719468;
    const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    const std::int64_t day_of_era = z - era * 146097;
    const std::int64_t year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
    const std::int64_t day_of_year =
        day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    const std::int64_t mp = (5 * day_of_year + 2) / 153;
    const int d = static_cast<int>(day_of_year - (153 * mp + 2) / 5 + 1);
    const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
    return {static_cast<int>(year_of_era + era * 400 + (m <= 2 ? 1 : 0)), m, d};
}

std::string iso_date(DayNumber day) {
    const YearMonthDay ymd = calendar_date(day);
    char buf[40];  // room for any three ints: no truncation whatever the day number
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", ymd.year, ymd.month, ymd.day);
    return buf;
}

Parsed<DatePoint> parse_date_point(std::string_view text) {
    DatePoint p;
    p.text = std::string(text);
    std::string_view s = text;
    if (!s.empty()) {
        switch (s.back()) {
            case '?': p.uncertain = true; break;
            case '~': p.approximate = true; break;
            case '%': p.uncertain = p.approximate = true; break;
            default: break;
        }
        if (p.uncertain || p.approximate) s.remove_suffix(1);
    }
    // Split YYYY[-MM[-DD]] by hand: Boost's own parsers accept 2024/02/29 and 2024-2-9.
    const std::size_t dash1 = s.find('-');
    const std::size_t dash2 = dash1 == std::string_view::npos ? dash1 : s.find('-', dash1 + 1);
    const std::string_view year_text = s.substr(0, dash1);
    const auto year = read_digits(year_text, 4);
    if (!year || year->unspecified == 4 || year->unspecified == 1 + 2) {
        return fail("bad year in " + quoted(text));
    }
    if (year->unspecified > 0 && dash1 != std::string_view::npos) {
        return fail("a year with unspecified digits takes no month or day in " + quoted(text));
    }
    const int first_year = year->value;
    const int last_year = year->value + power_of_ten(year->unspecified) - 1;
    if (first_year < kMinYear || last_year > kMaxYear) {
        return fail("year out of range in " + quoted(text));
    }
    if (dash1 == std::string_view::npos) {
        p.precision = year->unspecified == 0   ? Precision::year
                      : year->unspecified == 1 ? Precision::decade
                                               : Precision::century;
        p.earliest = day_number(first_year, 1, 1);
        p.latest = day_number(last_year, 12, 31);
        return {p, {}};
    }

    const std::string_view month_text =
        s.substr(dash1 + 1, dash2 == std::string_view::npos ? dash2 : dash2 - dash1 - 1);
    const auto month = read_digits(month_text, 2);
    if (!month || month->unspecified == 1) return fail("bad month in " + quoted(text));
    const int y = first_year;
    if (dash2 == std::string_view::npos) {
        if (month->unspecified == 2) {  // 2024-XX: some month of the year
            p.precision = Precision::year;
            p.earliest = day_number(y, 1, 1);
            p.latest = day_number(y, 12, 31);
        } else if (month->value >= 1 && month->value <= 12) {
            p.precision = Precision::month;
            p.earliest = day_number(y, month->value, 1);
            p.latest = day_number(y, month->value, days_in_month(y, month->value));
        } else if (month->value >= 21 && month->value <= 24) {
            // Northern seasons by meteorological months; winter runs into the next year.
            static constexpr int kFirstMonth[] = {3, 6, 9, 12};
            const int first = kFirstMonth[month->value - 21];
            const int end_year = first == 12 ? y + 1 : y;
            const int end_month = first == 12 ? 2 : first + 2;
            if (end_year > kMaxYear) return fail("year out of range in " + quoted(text));
            p.precision = Precision::season;
            p.earliest = day_number(y, first, 1);
            p.latest = day_number(end_year, end_month, days_in_month(end_year, end_month));
        } else {
            return fail("month must be 01 to 12 (or a season 21 to 24) in " + quoted(text));
        }
        return {p, {}};
    }

    const auto day = read_digits(s.substr(dash2 + 1), 2);
    if (!day || day->unspecified == 1) return fail("bad day in " + quoted(text));
    if (month->unspecified == 2) {
        if (day->unspecified != 2) return fail("a day needs a known month in " + quoted(text));
        p.precision = Precision::year;  // 2024-XX-XX: some day of the year
        p.earliest = day_number(y, 1, 1);
        p.latest = day_number(y, 12, 31);
        return {p, {}};
    }
    if (month->value < 1 || month->value > 12) {
        return fail("month must be 01 to 12 in " + quoted(text));
    }
    const int last_day = days_in_month(y, month->value);
    if (day->unspecified == 2) {
        p.precision = Precision::month;
        p.earliest = day_number(y, month->value, 1);
        p.latest = day_number(y, month->value, last_day);
        return {p, {}};
    }
    if (day->value < 1 || day->value > last_day) {
        return fail("no such day in the calendar: " + quoted(text));
    }
    p.precision = Precision::day;
    p.earliest = p.latest = day_number(y, month->value, day->value);
    return {p, {}};
}

namespace {

Parsed<DatePoint> parse_side(std::string_view text) {
    if (text.empty()) return {DatePoint{Precision::unknown, 0, 0, false, false, ""}, {}};
    if (text == "..") return {DatePoint{Precision::open, 0, 0, false, false, ".."}, {}};
    return parse_date_point(text);
}

Parsed<Date> check_order(Date d) {
    const DatePoint& a = d.start;
    const DatePoint& b = *d.end;
    if (!a.bounded() && !b.bounded()) {
        return {std::nullopt, "an interval needs at least one known side, not " + quoted(d.text())};
    }
    if (a.bounded() && b.bounded() && b.latest < a.earliest) {
        return {std::nullopt, "the interval " + quoted(d.text()) + " ends before it starts",
                "interval-order"};
    }
    return {std::move(d), {}};
}

}  // namespace

Parsed<Date> parse_date(std::string_view text) {
    const std::size_t slash = text.find('/');
    if (slash == std::string_view::npos) {
        auto side = parse_date_point(text);
        if (!side) return {std::nullopt, side.error, side.rule};
        return {Date{std::move(*side.value), std::nullopt}, {}};
    }
    auto start = parse_side(text.substr(0, slash));
    if (!start) return {std::nullopt, start.error, start.rule};
    auto end = parse_side(text.substr(slash + 1));
    if (!end) return {std::nullopt, end.error, end.rule};
    return check_order(Date{std::move(*start.value), std::move(*end.value)});
}

Parsed<Date> join_interval(const Date& start, const Date& end) {
    if (start.is_interval() || end.is_interval()) {
        return {std::nullopt, "give either an interval in 'date' or an 'end', not both",
                "end-with-interval"};
    }
    return check_order(Date{start.start, end.start});
}

}  // namespace tl
