#include "layout/time_scale.hpp"

#include <algorithm>
#include <cmath>

namespace tl {

double TimeScale::points_per_day() const {
    const double days = static_cast<double>(last - first) + 1;
    if (breaks.empty()) return (x1 - x0) / days;
    double left_out = 0;
    for (const AxisBreak& b : breaks)
        left_out += static_cast<double>(b.last - b.first) + 1;
    return (x1 - x0 - kBreakWidth * static_cast<double>(breaks.size())) / (days - left_out);
}

double TimeScale::x(DayNumber day) const {
    const double per_day = points_per_day();
    if (breaks.empty()) return x0 + (static_cast<double>(day) - first) * per_day;
    // Kept days before `day` at the scale, each break before it at its fixed width.
    double x = x0;
    DayNumber from = first;
    for (const AxisBreak& b : breaks) {
        if (day < b.first) break;
        x += static_cast<double>(b.first - from) * per_day;
        if (day <= b.last)  // inside: spread over the break, so that x still grows with days
            return x + kBreakWidth * static_cast<double>(day - b.first) /
                           (static_cast<double>(b.last - b.first) + 1);
        x += kBreakWidth;
        from = b.last + 1;
    }
    return x + (static_cast<double>(day) - from) * per_day;
}

double TimeScale::x_end(DayNumber day) const {
    return breaks.empty() ? x(day) + points_per_day() : x(day + 1);
}

const AxisBreak* TimeScale::break_at(DayNumber day) const {
    for (const AxisBreak& b : breaks)
        if (day >= b.first && day <= b.last) return &b;
    return nullptr;
}

std::vector<AxisStop> axis_stops(const TimeScale& scale) {
    std::vector<AxisStop> stops{{scale.first, scale.x(scale.first)}};
    for (const AxisBreak& b : scale.breaks) {
        stops.push_back({b.first, scale.x(b.first)});
        stops.push_back({b.last + 1, scale.x_end(b.last)});
    }
    stops.push_back({scale.last + 1, scale.x_end(scale.last)});
    return stops;
}

std::vector<AxisBreak> find_breaks(DayNumber first, DayNumber last, std::vector<DaySpan> kept,
                                   double min_share) {
    std::vector<AxisBreak> out;
    const double min_days = std::max(1.0, (static_cast<double>(last - first) + 1) * min_share);
    std::sort(kept.begin(), kept.end(),
              [](const DaySpan& a, const DaySpan& b) { return a.first < b.first; });
    DayNumber reached = kBeforeEveryDay;  // the last day kept so far
    for (const DaySpan& k : kept) {
        // Days outside the axis do not count: a bar running on past its end draws nothing
        // at the end that would make the margin before it a break.
        if (k.empty() || k.last < first || k.first > last) continue;
        const DayNumber from = std::max(k.first, first);
        const DayNumber to = std::min(k.last, last);
        if (reached != kBeforeEveryDay &&
            static_cast<double>(from) - static_cast<double>(reached) - 1 >= min_days)
            out.push_back({reached + 1, from - 1});
        reached = std::max(reached, to);
    }
    return out;
}

void widen_narrow_stretches(TimeScale& scale, double min_width) {
    auto& breaks = scale.breaks;
    // Twice: each widening shows more days, which narrows every day a little.
    for (int pass = 0; pass < 2 && !breaks.empty(); ++pass) {
        for (std::size_t i = 0; i <= breaks.size(); ++i) {
            const DayNumber from = i == 0 ? scale.first : breaks[i - 1].last + 1;
            const DayNumber to = i == breaks.size() ? scale.last : breaks[i].first - 1;
            const double per_day = scale.points_per_day();
            const double width = (static_cast<double>(to - from) + 1) * per_day;
            if (width >= min_width) continue;
            const auto missing = static_cast<DayNumber>(std::ceil((min_width - width) / per_day));
            // From the break on each side, half each where there are two.
            const DayNumber left = i == 0 ? 0 : i == breaks.size() ? missing : missing / 2;
            const DayNumber right = missing - left;
            if (left > 0)
                breaks[i - 1].last -= std::min(left, breaks[i - 1].last - breaks[i - 1].first);
            if (right > 0) breaks[i].first += std::min(right, breaks[i].last - breaks[i].first);
        }
        std::erase_if(breaks, [](const AxisBreak& b) { return b.last <= b.first; });
    }
}

}  // namespace tl
