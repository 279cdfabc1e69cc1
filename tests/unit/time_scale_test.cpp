#include <doctest/doctest.h>

#include "layout/axis.hpp"
#include "layout/text_measurer.hpp"
#include "layout/time_scale.hpp"

namespace {

tl::DayNumber day(int y, int m, int d) {
    return tl::day_number(y, m, d);
}

/// A ten-year axis, 2014 to 2024, with something to show only in Oct 2014, 2022 and Sep 2024.
tl::TimeScale ten_years() {
    tl::TimeScale s;
    s.first = day(2014, 9, 1);
    s.last = day(2024, 10, 31);
    s.x0 = 100;
    s.x1 = 800;
    const std::vector<tl::DaySpan> kept{{day(2024, 9, 1), day(2024, 9, 30)},
                                        {day(2014, 10, 1), day(2014, 10, 1)},
                                        {day(2022, 1, 1), day(2022, 2, 24)},
                                        {day(2024, 10, 1), day(2024, 10, 1)}};
    s.breaks = tl::find_breaks(s.first, s.last, kept, 0.1);
    return s;
}

}  // namespace

TEST_CASE("time scale: stretches with nothing to show become breaks, short ones do not") {
    const tl::TimeScale s = ten_years();
    REQUIRE(s.breaks.size() == 2);
    CHECK(s.breaks[0].first == day(2014, 10, 2));
    CHECK(s.breaks[0].last == day(2021, 12, 31));
    CHECK(s.breaks[1].first == day(2022, 2, 25));
    CHECK(s.breaks[1].last == day(2024, 8, 31));
    // The gap between 30 Sep and 1 Oct 2024 is none; the margins at the ends are not breaks.
    tl::TimeScale short_gaps;
    short_gaps.first = day(2024, 1, 1);
    short_gaps.last = day(2024, 12, 31);
    CHECK(tl::find_breaks(short_gaps.first, short_gaps.last,
                          {{day(2024, 3, 1), day(2024, 3, 1)}, {day(2024, 4, 1), day(2024, 4, 1)}},
                          0.1)
              .empty());
    // An end beyond the axis (a bar running on past a window) is not a day kept at its edge.
    CHECK(tl::find_breaks(short_gaps.first, short_gaps.last,
                          {{day(2024, 3, 1), day(2024, 3, 1)}, {day(2025, 6, 1), day(2025, 6, 1)}},
                          0.1)
              .empty());
}

TEST_CASE("time scale: a broken axis stays monotonic and gives the kept days the width") {
    const tl::TimeScale s = ten_years();
    double previous = s.x(s.first);
    CHECK(previous == doctest::Approx(100));
    for (tl::DayNumber d = s.first + 1; d <= s.last; ++d) {
        const double x = s.x(d);
        REQUIRE(x > previous);
        CHECK(s.x_end(d - 1) == doctest::Approx(x));
        previous = x;
    }
    CHECK(s.x_end(s.last) == doctest::Approx(800));
    // Every break is kBreakWidth points, whatever it leaves out.
    CHECK(s.x(s.breaks[0].last + 1) - s.x(s.breaks[0].first) == doctest::Approx(tl::kBreakWidth));
    CHECK(s.x(s.breaks[1].last + 1) - s.x(s.breaks[1].first) == doctest::Approx(tl::kBreakWidth));
    // The kept days share one scale: September 2024 is as wide as 30 days anywhere else kept.
    const double sep = s.x_end(day(2024, 9, 30)) - s.x(day(2024, 9, 1));
    CHECK(sep == doctest::Approx(30 * s.points_per_day()));
    CHECK(sep > 100);  // unbroken, 700 points over ten years gave it 5
    CHECK(s.break_at(day(2018, 1, 1)) == &s.breaks[0]);
    CHECK(s.break_at(day(2022, 2, 24)) == nullptr);
}

TEST_CASE("time scale: no tick falls inside a break, and the first after one names its year") {
    const tl::TimeScale s = ten_years();
    const tl::FixedWidthMeasurer measurer;
    const auto ticks = tl::choose_ticks(s, measurer, tl::FontSpec{"Sans", 8, false});
    REQUIRE(ticks.size() >= 3);
    for (std::size_t i = 0; i < ticks.size(); ++i) {
        CAPTURE(ticks[i].label);
        CHECK(s.break_at(ticks[i].day) == nullptr);
        bool after_break = i == 0;
        for (const tl::AxisBreak& b : s.breaks)
            after_break = after_break || (ticks[i - 1].day < b.first && ticks[i].day > b.last);
        if (i > 0) CHECK(ticks[i - 1].day < ticks[i].day);
        const std::string year = std::to_string(tl::calendar_date(ticks[i].day).year);
        if (after_break) CHECK(ticks[i].label.find(year) != std::string::npos);
    }
}

TEST_CASE("time scale: a stretch too narrow for a tick label takes days from its breaks") {
    tl::TimeScale s = ten_years();
    s.first = day(2014, 9, 25);
    // 1 Oct 2014 and a week's margin before it: narrower than 48 points at this scale.
    CHECK(s.x(s.breaks[0].first) - s.x0 < 48);
    const tl::DayNumber first_break_ends = s.breaks[0].last;
    tl::widen_narrow_stretches(s, 48);
    REQUIRE(s.breaks.size() == 2);
    CHECK(s.x(s.breaks[0].first) - s.x0 >= 47);
    CHECK(s.breaks[0].last == first_break_ends);  // only the side that is kept grows
    CHECK(s.x(s.breaks[1].first) - s.x_end(s.breaks[0].last) >= 47);
    CHECK(s.x1 - s.x_end(s.breaks[1].last) >= 47);
}

TEST_CASE("time scale: a stretch after a break that no tick falls in is named by its first day") {
    tl::TimeScale s = ten_years();
    // Nothing after the second break but 20 to 30 Sep 2024: no month starts there.
    s.last = day(2024, 9, 30);
    s.breaks[1].last = day(2024, 9, 19);
    const tl::FixedWidthMeasurer measurer;
    const auto ticks = tl::choose_ticks(s, measurer, tl::FontSpec{"Sans", 8, false});
    bool named = false;
    for (const tl::Tick& t : ticks)
        named = named || (t.day == day(2024, 9, 20) && t.label == "20 Sep 2024");
    CHECK(named);
}

TEST_CASE("time scale: its stops place every day as the scale does, evenly between two") {
    const tl::TimeScale s = ten_years();
    const std::vector<tl::AxisStop> stops = tl::axis_stops(s);
    REQUIRE(stops.size() == 2 + 2 * s.breaks.size());
    CHECK(stops.front().day == s.first);
    CHECK(stops.back().day == s.last + 1);
    CHECK(stops.back().x == doctest::Approx(800));
    // Between two stops a day lies where a straight line through them puts it.
    for (std::size_t k = 0; k + 1 < stops.size(); ++k) {
        const tl::AxisStop& a = stops[k];
        const tl::AxisStop& b = stops[k + 1];
        for (tl::DayNumber d = a.day; d < b.day; d += 97)
            CHECK(s.x(d) == doctest::Approx(a.x + (b.x - a.x) * static_cast<double>(d - a.day) /
                                                      static_cast<double>(b.day - a.day)));
    }
}
