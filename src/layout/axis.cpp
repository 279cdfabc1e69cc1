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

/// Gives each stretch after a break that no tick of the step falls in a tick at its first
/// day, named to the day ("14 Nov 2025": a month's name would claim its first), when the
/// label fits in the stretch: else the reader would not know which days it shows.
void label_bare_stretches(const TimeScale& scale, const TextMeasurer& measurer,
                          const FontSpec& font, std::vector<Tick>& ticks) {
    for (std::size_t b = 0; b < scale.breaks.size(); ++b) {
        const DayNumber from = scale.breaks[b].last + 1;
        const DayNumber to =
            b + 1 < scale.breaks.size() ? scale.breaks[b + 1].first - 1 : scale.last;
        if (std::any_of(ticks.begin(), ticks.end(),
                        [&](const Tick& t) { return t.day >= from && t.day <= to; }))
            continue;
        Tick t{from, label_for(from, Step{1, 0}, true)};
        if (measurer.measure(t.label, font).width + font.size > scale.x_end(to) - scale.x(from))
            continue;
        ticks.insert(std::upper_bound(ticks.begin(), ticks.end(), from,
                                      [](DayNumber d, const Tick& x) { return d < x.day; }),
                     std::move(t));
    }
}

}  // namespace

std::vector<Tick> choose_ticks(const TimeScale& scale, const TextMeasurer& measurer,
                               const FontSpec& font) {
    const double gap = font.size;
    for (const Step& step : kSteps) {
        const double spacing =
            scale.points_per_day() * (step.days > 0 ? step.days : step.months * 28.0);
        if (spacing < 2 * font.size) continue;
        auto days = tick_days(scale, step);
        if (days.size() > 400) continue;
        // A break leaves its days out: no tick there, and the first tick after one names its
        // year again, as the first tick of the axis does.
        std::erase_if(days, [&](DayNumber d) { return scale.break_at(d) != nullptr; });
        std::vector<Tick> ticks;
        bool fits = true;
        double taken = scale.x0;  // where the labels so far end
        for (std::size_t i = 0; i < days.size() && fits; ++i) {
            const AxisBreak* next_break = nullptr;
            for (const AxisBreak& b : scale.breaks)
                if (!next_break && b.first > days[i]) next_break = &b;
            const bool after_break =
                i > 0 &&
                std::any_of(scale.breaks.begin(), scale.breaks.end(), [&](const AxisBreak& b) {
                    return days[i - 1] < b.first && b.last < days[i];
                });
            Tick t{days[i], label_for(days[i], step, i == 0 || after_break)};
            const double width = measurer.measure(t.label, font).width;
            const bool last_before_break =
                next_break && (i + 1 == days.size() || days[i + 1] > next_break->last);
            const double x = scale.x(days[i]);
            if (last_before_break) {
                // The label must stop short of the break's mark: after the tick, else before
                // it, else the stretch before the break goes without it.
                t.label_left = width + gap > scale.x(next_break->first) - x;
                if (!t.label_left || x - width - gap >= taken) {
                    taken = t.label_left ? x : x + width;
                    ticks.push_back(std::move(t));
                }
                continue;
            }
            taken = x + width;
            const double room = i + 1 < days.size() ? scale.x(days[i + 1]) - scale.x(days[i])
                                                    : scale.x1 - scale.x(days[i]);
            fits = width + gap <= room || i + 1 == days.size();
            ticks.push_back(std::move(t));
        }
        if (fits && !ticks.empty()) {
            label_bare_stretches(scale, measurer, font, ticks);
            return ticks;
        }
    }
    return {};
}

}  // namespace tl
