#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include <boost/date_time/gregorian/gregorian_types.hpp>

#include "model/date.hpp"
#include "model/date_fix.hpp"

namespace {

/// One side of a valid date as the spec describes it.
struct Side {
    const char* earliest;  ///< YYYY-MM-DD, or nullptr for an open or unknown side
    const char* latest;
    const char* precision;
    bool approximate;
    bool uncertain;
};

struct ValidSingle {
    const char* text;
    Side side;
};

void check_side(const tl::DatePoint& p, const Side& s) {
    CHECK(tl::to_string(p.precision) == std::string_view(s.precision));
    CHECK(p.approximate == s.approximate);
    CHECK(p.uncertain == s.uncertain);
    if (s.earliest) {
        REQUIRE(p.bounded());
        CHECK(tl::iso_date(p.earliest) == s.earliest);
        CHECK(tl::iso_date(p.latest) == s.latest);
        CHECK(p.sort_earliest() == p.earliest);
        CHECK(p.sort_latest() == p.latest);
    } else {
        CHECK_FALSE(p.bounded());
        CHECK(p.sort_earliest() == tl::kBeforeEveryDay);
        CHECK(p.sort_latest() == tl::kAfterEveryDay);
    }
}

void check_valid_single(const ValidSingle& v) {
    CAPTURE(v.text);
    const auto parsed = tl::parse_date(v.text);
    REQUIRE_MESSAGE(parsed, parsed.error);
    CHECK(parsed.error.empty());
    const tl::Date& d = *parsed.value;
    CHECK_FALSE(d.is_interval());
    CHECK(d.text() == v.text);
    CHECK(d.start.text == v.text);
    CHECK(&d.last() == &d.start);
    check_side(d.start, v.side);

    // The single-side parser agrees with the full parser.
    const auto point = tl::parse_date_point(v.text);
    REQUIRE(point);
    CHECK(point.value->earliest == d.start.earliest);
    CHECK(point.value->latest == d.start.latest);
    CHECK(point.value->precision == d.start.precision);
    CHECK(point.value->text == v.text);
}

void check_bad(std::string_view text, std::string_view rule = "bad-date") {
    CAPTURE(text);
    const auto parsed = tl::parse_date(text);
    CHECK_FALSE(parsed);
    CHECK_FALSE(parsed.value.has_value());
    CHECK(parsed.rule == rule);
    CHECK_FALSE(parsed.error.empty());
}

constexpr bool kNo = false;
constexpr bool kYes = true;

}  // namespace

TEST_CASE("to_string names every precision") {
    CHECK(tl::to_string(tl::Precision::day) == "day");
    CHECK(tl::to_string(tl::Precision::month) == "month");
    CHECK(tl::to_string(tl::Precision::season) == "season");
    CHECK(tl::to_string(tl::Precision::year) == "year");
    CHECK(tl::to_string(tl::Precision::decade) == "decade");
    CHECK(tl::to_string(tl::Precision::century) == "century");
    CHECK(tl::to_string(tl::Precision::open) == "open");
    CHECK(tl::to_string(tl::Precision::unknown) == "unknown");
}

TEST_CASE("a year, a month and a day") {
    const std::vector<ValidSingle> cases = {
        {"2024", {"2024-01-01", "2024-12-31", "year", kNo, kNo}},
        {"2023", {"2023-01-01", "2023-12-31", "year", kNo, kNo}},
        {"2024-09", {"2024-09-01", "2024-09-30", "month", kNo, kNo}},
        {"2024-01", {"2024-01-01", "2024-01-31", "month", kNo, kNo}},
        {"2024-12", {"2024-12-01", "2024-12-31", "month", kNo, kNo}},
        {"2024-04", {"2024-04-01", "2024-04-30", "month", kNo, kNo}},
        {"2024-02", {"2024-02-01", "2024-02-29", "month", kNo, kNo}},
        {"2023-02", {"2023-02-01", "2023-02-28", "month", kNo, kNo}},
        {"1900-02", {"1900-02-01", "1900-02-28", "month", kNo, kNo}},
        {"2000-02", {"2000-02-01", "2000-02-29", "month", kNo, kNo}},
        {"2024-09-16", {"2024-09-16", "2024-09-16", "day", kNo, kNo}},
        {"2024-01-01", {"2024-01-01", "2024-01-01", "day", kNo, kNo}},
        {"2024-12-31", {"2024-12-31", "2024-12-31", "day", kNo, kNo}},
        {"2024-04-30", {"2024-04-30", "2024-04-30", "day", kNo, kNo}},
        {"2022-02-24", {"2022-02-24", "2022-02-24", "day", kNo, kNo}},
    };
    for (const auto& c : cases)
        check_valid_single(c);
}

TEST_CASE("leap days") {
    check_valid_single({"2024-02-29", {"2024-02-29", "2024-02-29", "day", kNo, kNo}});
    check_valid_single({"2000-02-29", {"2000-02-29", "2000-02-29", "day", kNo, kNo}});
    check_valid_single({"1600-02-29", {"1600-02-29", "1600-02-29", "day", kNo, kNo}});
    check_valid_single({"2024-02-29~", {"2024-02-29", "2024-02-29", "day", kYes, kNo}});
    check_bad("2023-02-29");  // not a leap year
    check_bad("1900-02-29");  // divisible by 100, not by 400
    check_bad("2100-02-29");
    check_bad("2024-02-30");
    check_bad("2024-02-31");
}

TEST_CASE("days past the end of their month") {
    check_bad("2024-04-31");
    check_bad("2024-06-31");
    check_bad("2024-09-31");
    check_bad("2024-11-31");
    check_bad("2024-01-32");
    check_bad("2024-12-32");
    check_bad("2024-09-00");
    check_bad("2024-09-99");
}

TEST_CASE("seasons run by meteorological months, winter into the next year") {
    const std::vector<ValidSingle> cases = {
        {"2024-21", {"2024-03-01", "2024-05-31", "season", kNo, kNo}},
        {"2024-22", {"2024-06-01", "2024-08-31", "season", kNo, kNo}},
        {"2024-23", {"2024-09-01", "2024-11-30", "season", kNo, kNo}},
        {"2024-24", {"2024-12-01", "2025-02-28", "season", kNo, kNo}},
        // Winter 2023-24 ends on the leap day of 2024; winter 2024-25 does not.
        {"2023-24", {"2023-12-01", "2024-02-29", "season", kNo, kNo}},
        {"1999-24", {"1999-12-01", "2000-02-29", "season", kNo, kNo}},
        {"1899-24", {"1899-12-01", "1900-02-28", "season", kNo, kNo}},
        {"2024-22~", {"2024-06-01", "2024-08-31", "season", kYes, kNo}},
        {"2024-24?", {"2024-12-01", "2025-02-28", "season", kNo, kYes}},
        {"9999-23", {"9999-09-01", "9999-11-30", "season", kNo, kNo}},
        {"9998-24", {"9998-12-01", "9999-02-28", "season", kNo, kNo}},
        {"1400-21", {"1400-03-01", "1400-05-31", "season", kNo, kNo}},
    };
    for (const auto& c : cases)
        check_valid_single(c);
}

TEST_CASE("seasons: bad codes") {
    check_bad("2024-20");
    check_bad("2024-25");
    check_bad("2024-13");
    check_bad("2024-00");
    check_bad("2024-21-01");  // a season takes no day
    check_bad("2024-24-15");
    check_bad("2024-2X");
    check_bad("9999-24");  // would run into the year 10000
}

TEST_CASE("unspecified digits allow the whole range they cover") {
    const std::vector<ValidSingle> cases = {
        {"2024-09-XX", {"2024-09-01", "2024-09-30", "month", kNo, kNo}},
        {"2024-02-XX", {"2024-02-01", "2024-02-29", "month", kNo, kNo}},
        {"2023-02-XX", {"2023-02-01", "2023-02-28", "month", kNo, kNo}},
        {"2024-XX", {"2024-01-01", "2024-12-31", "year", kNo, kNo}},
        {"2024-XX-XX", {"2024-01-01", "2024-12-31", "year", kNo, kNo}},
        {"202X", {"2020-01-01", "2029-12-31", "decade", kNo, kNo}},
        {"199X", {"1990-01-01", "1999-12-31", "decade", kNo, kNo}},
        {"140X", {"1400-01-01", "1409-12-31", "decade", kNo, kNo}},
        {"999X", {"9990-01-01", "9999-12-31", "decade", kNo, kNo}},
        {"20XX", {"2000-01-01", "2099-12-31", "century", kNo, kNo}},
        {"14XX", {"1400-01-01", "1499-12-31", "century", kNo, kNo}},
        {"99XX", {"9900-01-01", "9999-12-31", "century", kNo, kNo}},
        {"202X~", {"2020-01-01", "2029-12-31", "decade", kYes, kNo}},
        {"20XX?", {"2000-01-01", "2099-12-31", "century", kNo, kYes}},
        {"2024-09-XX%", {"2024-09-01", "2024-09-30", "month", kYes, kYes}},
    };
    for (const auto& c : cases)
        check_valid_single(c);
}

TEST_CASE("unspecified digits: malformed") {
    check_bad("2X24");  // X only at the end
    check_bad("X024");
    check_bad("XXXX");  // no year at all
    check_bad("2XXX");  // millennia are not a precision
    check_bad("2024-X9");
    check_bad("2024-9X");  // half a month
    check_bad("2024-09-X1");
    check_bad("2024-09-1X");  // half a day
    check_bad("2024-XX-15");  // a day needs a known month
    check_bad("202X-09");     // a partial year takes no month
    check_bad("20XX-01-01");
    check_bad("2024-xx");  // lowercase x is not EDTF
    check_bad("13XX");     // 1300..1399 is before 1400
    check_bad("139X");
}

TEST_CASE("qualifiers are kept as flags and leave the range unchanged") {
    const std::vector<ValidSingle> cases = {
        {"2024?", {"2024-01-01", "2024-12-31", "year", kNo, kYes}},
        {"2024~", {"2024-01-01", "2024-12-31", "year", kYes, kNo}},
        {"2024%", {"2024-01-01", "2024-12-31", "year", kYes, kYes}},
        {"2024-09~", {"2024-09-01", "2024-09-30", "month", kYes, kNo}},
        {"2024-09?", {"2024-09-01", "2024-09-30", "month", kNo, kYes}},
        {"2024-09-16%", {"2024-09-16", "2024-09-16", "day", kYes, kYes}},
        {"2024-09-16?", {"2024-09-16", "2024-09-16", "day", kNo, kYes}},
    };
    for (const auto& c : cases)
        check_valid_single(c);

    check_bad("2024??");
    check_bad("2024~?");
    check_bad("2024?~");
    check_bad("?2024");
    check_bad("~2024");
    check_bad("2024-?09");
    check_bad("?");
    check_bad("~");
    check_bad("%");
}

TEST_CASE("the years 1400 to 9999") {
    check_valid_single({"1400", {"1400-01-01", "1400-12-31", "year", kNo, kNo}});
    check_valid_single({"1400-01-01", {"1400-01-01", "1400-01-01", "day", kNo, kNo}});
    check_valid_single({"9999", {"9999-01-01", "9999-12-31", "year", kNo, kNo}});
    check_valid_single({"9999-12-31", {"9999-12-31", "9999-12-31", "day", kNo, kNo}});
    check_valid_single({"9999-12", {"9999-12-01", "9999-12-31", "month", kNo, kNo}});
    check_bad("1399");
    check_bad("1399-12-31");
    check_bad("0000");
    check_bad("0001");
    check_bad("10000");
    check_bad("10000-01-01");
    check_bad("9999-24");
}

TEST_CASE("malformed dates fail with bad-date") {
    const std::vector<std::string_view> bad = {
        "2024-13",
        "24-09-01",
        "2024/09/01",
        "Sept 2024",
        "2024-9",
        "2024-09-1",
        "",
        " 2024",
        "2024 ",
        "2024-00",
        "2024-25",
        "2024-20",
        "2X24",
        "2024-X9",
        "2024-09-X1",
        "2024-XX-15",
        "2024-21-01",
        "2024??",
        "..",
        "/",
        "../..",
        "024",
        "2024-",
        "2024-09-",
        "-2024",
        "+2024",
        "2024-9-16",
        "2024-09-016",
        "20240916",
        "2024-09-16T10:00",
        "2024.09.16",
        "2024-09-16-01",
        "September",
        "2024-1",
        "2024--09",
        "abcd",
        "2024/2025/2026",
        "2024-02-30",
        "2024/..x",
        "../2024/2025",
        "2024/?",
        "\xEF\xBC\x92\xEF\xBC\x90\xEF\xBC\x92\xEF\xBC\x94",
    };
    for (std::string_view text : bad)
        check_bad(text);
}

TEST_CASE("rejected dates explain the problem") {
    CHECK(tl::parse_date("2024-02-30").error.find("2024-02-30") != std::string::npos);
    CHECK(tl::parse_date("1399").error.find("1399") != std::string::npos);
    CHECK(tl::date_forms_table().find("2024-09-16") != std::string_view::npos);
}

TEST_CASE("parse_date_point takes one side only") {
    CHECK_FALSE(tl::parse_date_point("2024/2025"));
    CHECK_FALSE(tl::parse_date_point(".."));
    CHECK_FALSE(tl::parse_date_point(""));
    CHECK(tl::parse_date_point("2024-09").value->text == "2024-09");
    CHECK(tl::parse_date_point("2024-13").rule == "bad-date");
}

TEST_CASE("intervals run from A's earliest to B's latest day") {
    struct Interval {
        const char* text;
        Side start;
        Side end;
    };
    const std::vector<Interval> cases = {
        {"2014-10-01/2024-10-01",
         {"2014-10-01", "2014-10-01", "day", kNo, kNo},
         {"2024-10-01", "2024-10-01", "day", kNo, kNo}},
        {"2024/2025",
         {"2024-01-01", "2024-12-31", "year", kNo, kNo},
         {"2025-01-01", "2025-12-31", "year", kNo, kNo}},
        {"2024-09/2024-09-30",
         {"2024-09-01", "2024-09-30", "month", kNo, kNo},
         {"2024-09-30", "2024-09-30", "day", kNo, kNo}},
        {"2024-09~/2025-22?",
         {"2024-09-01", "2024-09-30", "month", kYes, kNo},
         {"2025-06-01", "2025-08-31", "season", kNo, kYes}},
        {"202X/2024-09-16%",
         {"2020-01-01", "2029-12-31", "decade", kNo, kNo},
         {"2024-09-16", "2024-09-16", "day", kYes, kYes}},
        // The end's latest day is the test, so an end inside the start is fine.
        {"2024/2024-06",
         {"2024-01-01", "2024-12-31", "year", kNo, kNo},
         {"2024-06-01", "2024-06-30", "month", kNo, kNo}},
        {"2024-09-16/2024-09-16",
         {"2024-09-16", "2024-09-16", "day", kNo, kNo},
         {"2024-09-16", "2024-09-16", "day", kNo, kNo}},
        {"2024-24/2025-02",
         {"2024-12-01", "2025-02-28", "season", kNo, kNo},
         {"2025-02-01", "2025-02-28", "month", kNo, kNo}},
        {"2022-02-24/..",
         {"2022-02-24", "2022-02-24", "day", kNo, kNo},
         {nullptr, nullptr, "open", kNo, kNo}},
        {"../2024-09",
         {nullptr, nullptr, "open", kNo, kNo},
         {"2024-09-01", "2024-09-30", "month", kNo, kNo}},
        {"2022-02/",
         {"2022-02-01", "2022-02-28", "month", kNo, kNo},
         {nullptr, nullptr, "unknown", kNo, kNo}},
        {"/2024-09",
         {nullptr, nullptr, "unknown", kNo, kNo},
         {"2024-09-01", "2024-09-30", "month", kNo, kNo}},
        {"../2024",
         {nullptr, nullptr, "open", kNo, kNo},
         {"2024-01-01", "2024-12-31", "year", kNo, kNo}},
        {"2024~/..",
         {"2024-01-01", "2024-12-31", "year", kYes, kNo},
         {nullptr, nullptr, "open", kNo, kNo}},
    };
    for (const auto& c : cases) {
        CAPTURE(c.text);
        const std::string_view text = c.text;
        const auto parsed = tl::parse_date(text);
        REQUIRE_MESSAGE(parsed, parsed.error);
        const tl::Date& d = *parsed.value;
        REQUIRE(d.is_interval());
        CHECK(d.text() == text);
        CHECK(&d.last() == &*d.end);
        const std::size_t slash = text.find('/');
        CHECK(d.start.text == text.substr(0, slash));
        CHECK(d.end->text == text.substr(slash + 1));
        check_side(d.start, c.start);
        check_side(*d.end, c.end);
    }
}

TEST_CASE("an interval that ends before it starts") {
    check_bad("2024/2023", "interval-order");
    check_bad("2024-10/2024-09-30", "interval-order");
    check_bad("2024-09-16/2024-09-15", "interval-order");
    // Winter 2024-25 ends on 2025-02-28, before spring 2025 starts.
    check_bad("2025-21/2024-24", "interval-order");
    check_bad("203X/2029", "interval-order");
    CHECK(tl::parse_date("2025-01/2024-24"));  // January 2025 lies within winter 2024-25
    CHECK(tl::parse_date("2024-09-30/2024-09"));
    CHECK(tl::parse_date("2024-12-31/2024"));
}

TEST_CASE("intervals: both sides must parse, and one must be known") {
    check_bad("../..");
    check_bad("/");
    check_bad("../");
    check_bad("/..");
    check_bad("2024/13");
    check_bad("2024-13/2025");
    check_bad("2024/2025-02-30");
    check_bad(".../2024");
    check_bad("2024/.");
    check_bad("2024 /2025");
}

TEST_CASE("join_interval joins date and end") {
    const tl::Date a = *tl::parse_date("2024-09~").value;
    const tl::Date b = *tl::parse_date("2025-22?").value;

    const auto joined = tl::join_interval(a, b);
    REQUIRE(joined);
    CHECK(joined.value->is_interval());
    CHECK(joined.value->text() == "2024-09~/2025-22?");
    CHECK(tl::iso_date(joined.value->start.earliest) == "2024-09-01");
    CHECK(tl::iso_date(joined.value->end->latest) == "2025-08-31");
    CHECK(joined.value->start.approximate);
    CHECK(joined.value->end->uncertain);

    // The same as writing the interval in one string.
    const auto written = tl::parse_date("2024-09~/2025-22?");
    REQUIRE(written);
    CHECK(written.value->start.earliest == joined.value->start.earliest);
    CHECK(written.value->end->latest == joined.value->end->latest);

    SUBCASE("an end before the start") {
        const auto r = tl::join_interval(b, a);
        CHECK_FALSE(r);
        CHECK(r.rule == "interval-order");
    }
    SUBCASE("an interval with an end") {
        const tl::Date interval = *tl::parse_date("2024/2025").value;
        const auto r1 = tl::join_interval(interval, b);
        CHECK_FALSE(r1);
        CHECK(r1.rule == "end-with-interval");
        const auto r2 = tl::join_interval(a, interval);
        CHECK_FALSE(r2);
        CHECK(r2.rule == "end-with-interval");
        const tl::Date open = *tl::parse_date("2024/..").value;
        CHECK(tl::join_interval(open, b).rule == "end-with-interval");
    }
    SUBCASE("the same day twice") {
        const tl::Date day = *tl::parse_date("2024-09-16").value;
        const auto r = tl::join_interval(day, day);
        REQUIRE(r);
        CHECK(r.value->text() == "2024-09-16/2024-09-16");
    }
}

TEST_CASE("day_number and calendar_date round trip") {
    CHECK(tl::day_number(2024, 9, 17) - tl::day_number(2024, 9, 16) == 1);
    CHECK(tl::day_number(2024, 3, 1) - tl::day_number(2024, 2, 28) == 2);
    CHECK(tl::day_number(2023, 3, 1) - tl::day_number(2023, 2, 28) == 1);
    CHECK(tl::day_number(2025, 1, 1) - tl::day_number(2024, 1, 1) == 366);
    CHECK(tl::day_number(2024, 1, 1) - tl::day_number(2023, 1, 1) == 365);
    CHECK(tl::day_number(2000, 1, 1) < tl::day_number(2000, 1, 2));
    CHECK(tl::day_number(1400, 1, 1) > tl::kBeforeEveryDay);
    CHECK(tl::day_number(9999, 12, 31) < tl::kAfterEveryDay);

    // Every day from 1400 to 9999 in steps, and every day of a leap year.
    for (int year = 1400; year <= 9999; year += 37) {
        for (int month = 1; month <= 12; ++month) {
            const tl::DayNumber n = tl::day_number(year, month, 1);
            const tl::YearMonthDay ymd = tl::calendar_date(n);
            CHECK(ymd.year == year);
            CHECK(ymd.month == month);
            CHECK(ymd.day == 1);
        }
    }
    tl::DayNumber n = tl::day_number(2024, 1, 1);
    int count = 0;
    while (tl::calendar_date(n).year == 2024) {
        const tl::YearMonthDay ymd = tl::calendar_date(n);
        CHECK(tl::day_number(ymd.year, ymd.month, ymd.day) == n);
        ++n;
        ++count;
    }
    CHECK(count == 366);
    CHECK(tl::iso_date(n) == "2025-01-01");

    CHECK(tl::iso_date(tl::day_number(1400, 1, 1)) == "1400-01-01");
    CHECK(tl::iso_date(tl::day_number(9999, 12, 31)) == "9999-12-31");
    CHECK(tl::iso_date(tl::day_number(2024, 2, 29)) == "2024-02-29");
    CHECK(tl::iso_date(tl::day_number(2024, 9, 5)) == "2024-09-05");
}

TEST_CASE("the calendar's first and last days, and days past them, convert without throwing") {
    CHECK(tl::kFirstDay == tl::day_number(1400, 1, 1));
    CHECK(tl::kLastDay == tl::day_number(9999, 12, 31));
    CHECK(tl::iso_date(tl::kFirstDay) == "1400-01-01");
    CHECK(tl::iso_date(tl::kLastDay) == "9999-12-31");
    // A chart pads its axis past its first and last events, and steps ticks and bins to the
    // next month, year or decade: such days must convert, whatever the calendar's range.
    CHECK(tl::iso_date(tl::kFirstDay - 1) == "1399-12-31");
    CHECK(tl::iso_date(tl::kLastDay + 1) == "10000-01-01");
    CHECK(tl::day_number(10000, 1, 1) == tl::kLastDay + 1);
    CHECK(tl::day_number(1399, 12, 31) == tl::kFirstDay - 1);
    CHECK(tl::day_number(10100, 1, 1) - tl::day_number(10000, 1, 1) == 36524 + 1);
    for (tl::DayNumber d = tl::kFirstDay - 800; d < tl::kFirstDay + 800; ++d) {
        const tl::YearMonthDay ymd = tl::calendar_date(d);
        CHECK(tl::day_number(ymd.year, ymd.month, ymd.day) == d);
    }
    for (tl::DayNumber d = tl::kLastDay - 800; d < tl::kLastDay + 800; ++d) {
        const tl::YearMonthDay ymd = tl::calendar_date(d);
        CHECK(tl::day_number(ymd.year, ymd.month, ymd.day) == d);
    }
}

TEST_CASE("day numbers are Boost.DateTime's, so earlier outputs keep their meaning") {
    namespace greg = boost::gregorian;
    for (int year = 1400; year <= 9999; year += 13) {
        for (int month = 1; month <= 12; month += 5) {
            const greg::date d(static_cast<unsigned short>(year),
                               static_cast<unsigned short>(month), 28);
            CHECK(tl::day_number(year, month, 28) == static_cast<tl::DayNumber>(d.day_number()));
        }
    }
    CHECK(tl::day_number(2000, 1, 1) == 2451545);  // the Julian day number of 2000-01-01
}
