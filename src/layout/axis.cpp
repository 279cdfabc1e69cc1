#include "layout/axis.hpp"

#include <algorithm>
#include <array>

#include "layout/date_label.hpp"

namespace tl {
namespace {

/// A tick step: a number of days (weekly and daily) or of months (everything coarser).
struct Step {
    int days;
    int months;
};

constexpr std::array<Step, 13> kSteps{{{1, 0},
                                       {7, 0},
                                       {0, 1},
                                       {0, 3},
                                       {0, 6},
                                       {0, 12},
                                       {0, 24},
                                       {0, 60},
                                       {0, 120},
                                       {0, 240},
                                       {0, 600},
                                       {0, 1200},
                                       {0, 6000}}};

std::string label_for(DayNumber day, const Step& step, bool first) {
    const YearMonthDay ymd = calendar_date(day);
    if (step.days > 0) {
        std::string s = std::to_string(ymd.day) + " " + month_abbreviation(ymd.month);
        if (first || (ymd.month == 1 && ymd.day <= step.days)) s += " " + std::to_string(ymd.year);
        return s;
    }
    if (step.months < 12) {
        std::string s = month_abbreviation(ymd.month);
        if (first || ymd.month <= step.months) s += " " + std::to_string(ymd.year);
        return s;
    }
    return std::to_string(ymd.year);
}

std::vector<DayNumber> tick_days(const TimeScale& scale, const Step& step) {
    std::vector<DayNumber> days;
    if (step.days > 0) {
        DayNumber d = scale.first;
        if (step.days == 7) {  // weeks start on Monday; Julian day 0 is a Monday
            d += (7 - ((d % 7) + 7) % 7) % 7;
        }
        for (; d <= scale.last; d += step.days)
            days.push_back(d);
        return days;
    }
    const YearMonthDay start = calendar_date(scale.first);
    int months = start.year * 12 + (start.month - 1);
    months += (step.months - months % step.months) % step.months;  // align to the step
    for (;; months += step.months) {
        const int year = months / 12;
        if (year > 9999) break;
        const DayNumber d = day_number(year, months % 12 + 1, 1);
        if (d > scale.last) break;
        if (d >= scale.first) days.push_back(d);
    }
    return days;
}

}  // namespace

std::vector<Tick> choose_ticks(const TimeScale& scale, const TextMeasurer& measurer,
                               const FontSpec& font) {
    const double gap = font.size;
    for (const Step& step : kSteps) {
        const double spacing =
            scale.points_per_day() * (step.days > 0 ? step.days : step.months * 28.0);
        if (spacing < 2 * font.size) continue;
        const auto days = tick_days(scale, step);
        if (days.size() > 400) continue;
        std::vector<Tick> ticks;
        bool fits = true;
        for (std::size_t i = 0; i < days.size() && fits; ++i) {
            Tick t{days[i], label_for(days[i], step, i == 0)};
            const double width = measurer.measure(t.label, font).width;
            const double room = i + 1 < days.size() ? scale.x(days[i + 1]) - scale.x(days[i])
                                                    : scale.x1 - scale.x(days[i]);
            fits = width + gap <= room || i + 1 == days.size();
            ticks.push_back(std::move(t));
        }
        if (fits && !ticks.empty()) return ticks;
    }
    return {};
}

}  // namespace tl
