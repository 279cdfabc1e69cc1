#pragma once

#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

namespace tl {

/// A calendar day as a Julian day number (Boost.DateTime's day_number), so that
/// comparing and subtracting days are integer operations.
using DayNumber = std::int32_t;

/// The calendar's first and last days, 1400-01-01 and 9999-12-31: the years the spec
/// allows. Dates are read only within them; a chart's axis never leaves them.
inline constexpr DayNumber kFirstDay = 2232400;
inline constexpr DayNumber kLastDay = 5373484;

inline constexpr DayNumber kBeforeEveryDay = std::numeric_limits<DayNumber>::min();
inline constexpr DayNumber kAfterEveryDay = std::numeric_limits<DayNumber>::max();

/// How finely a side of a date is known; `open` and `unknown` have no days at all.
enum class Precision : std::uint8_t { day, month, season, year, decade, century, open, unknown };

std::string_view to_string(Precision p);

/// One side of a date as written: a calendar value with its range of days, or open / unknown.
struct DatePoint {
    Precision precision = Precision::unknown;
    DayNumber earliest = 0;    ///< meaningful only when bounded()
    DayNumber latest = 0;      ///< meaningful only when bounded()
    bool approximate = false;  ///< `~` (or `%`)
    bool uncertain = false;    ///< `?` (or `%`)
    std::string text;          ///< exactly as written, e.g. "2024-09~", "..", ""

    bool bounded() const { return precision != Precision::open && precision != Precision::unknown; }
    /// Earliest day for ordering: an open or unknown side sorts before every day.
    DayNumber sort_earliest() const { return bounded() ? earliest : kBeforeEveryDay; }
    /// Latest day for ordering: an open or unknown side sorts after every day.
    DayNumber sort_latest() const { return bounded() ? latest : kAfterEveryDay; }
};

/// The date of an event or era: a single date, or an interval of two sides.
struct Date {
    DatePoint start;
    std::optional<DatePoint> end;  ///< empty for a single date

    bool is_interval() const { return end.has_value(); }
    /// The side that closes the date: the end of an interval, or the single date itself.
    const DatePoint& last() const { return end ? *end : start; }
    /// The text as written: "A" or "A/B".
    std::string text() const { return end ? start.text + "/" + end->text : start.text; }
};

/// The outcome of parsing: a value, or a message saying what is wrong.
template <typename T>
struct Parsed {
    std::optional<T> value;
    std::string error;
    std::string rule = "bad-date";  ///< the diagnostic rule that `error` breaks
    explicit operator bool() const { return value.has_value(); }
};

/// Parses one side (no `/`): `2024`, `2024-09`, `2024-09-16`, `2024-21`, `2024-09-XX`,
/// `2024-XX`, `202X`, `20XX`, each with an optional `?`, `~` or `%`.
Parsed<DatePoint> parse_date_point(std::string_view text);

/// Parses a full date: a single side or an interval `A/B` whose sides may be open (`..`)
/// or unknown (empty).
Parsed<Date> parse_date(std::string_view text);

/// Joins `date: A` and `end: B` into the interval A/B, as the spec defines them to be.
Parsed<Date> join_interval(const Date& start, const Date& end);

/// Day number of a calendar date, and back, in the proleptic Gregorian calendar. Both are
/// arithmetic that holds for every day (2024-02-30 is 2024-03-01), not only for the
/// calendar's range, so that a chart padded or stepped past 1400 or 9999 cannot fail.
DayNumber day_number(int year, int month, int day);
struct YearMonthDay {
    int year, month, day;
};
YearMonthDay calendar_date(DayNumber day);
/// YYYY-MM-DD
std::string iso_date(DayNumber day);

}  // namespace tl
