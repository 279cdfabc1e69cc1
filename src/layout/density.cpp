#include "layout/density.hpp"

#include <algorithm>
#include <cmath>

namespace tl {
namespace {

int months_since_epoch(DayNumber d) {
    const YearMonthDay ymd = calendar_date(d);
    return ymd.year * 12 + ymd.month - 1;
}

DayNumber first_of_month(int months) {
    return day_number(months / 12, months % 12 + 1, 1);
}

}  // namespace

Bins choose_bins(const TimeScale& scale, double min_width) {
    const double per_day = scale.points_per_day();
    static constexpr int kMonthSteps[] = {1, 3, 12, 120};
    Bins bins;
    if (per_day >= min_width || per_day * 7 >= min_width) {
        const int step = per_day >= min_width ? 1 : 7;
        DayNumber d = scale.first;
        if (step == 7) d -= ((d % 7) + 7) % 7;  // weeks start on Monday; Julian day 0 is one
        for (; d <= scale.last + step; d += step)
            bins.edges.push_back(d);
        return bins;
    }
    int step = kMonthSteps[3];
    for (int s : kMonthSteps) {
        if (per_day * 30.4 * s >= min_width) {
            step = s;
            break;
        }
    }
    int m = months_since_epoch(scale.first);
    m -= m % step;
    for (;; m += step) {
        if (m / 12 > 9999) break;
        const DayNumber d = first_of_month(m);
        bins.edges.push_back(d);
        if (d > scale.last) break;
    }
    return bins;
}

std::size_t bin_of(const Event& e, const Bins& bins) {
    const DatePoint& a = e.date.start;
    const DatePoint& b = e.date.last();
    DayNumber day;
    if (a.bounded() && b.bounded()) {
        // The middle of the part the bins show: an event that began long before a window
        // (--from) is counted where it is drawn, not piled into the window's first bin.
        const DayNumber lo =
            bins.edges.empty() ? a.earliest : std::max(a.earliest, bins.edges.front());
        const DayNumber hi =
            bins.edges.empty() ? b.latest : std::min(b.latest, bins.edges.back() - 1);
        day = lo <= hi ? lo + (hi - lo) / 2 : a.earliest + (b.latest - a.earliest) / 2;
    } else {
        day = a.bounded() ? a.earliest : b.latest;
    }
    const auto it = std::upper_bound(bins.edges.begin(), bins.edges.end(), day);
    const auto index =
        static_cast<std::size_t>(std::max<std::ptrdiff_t>(it - bins.edges.begin() - 1, 0));
    return std::min(index, bins.size() - 1);
}

std::vector<std::vector<int>> count_by_lane(const Timeline& t, const Bins& bins) {
    std::vector<std::vector<int>> counts(t.lanes.size(), std::vector<int>(bins.size(), 0));
    if (bins.size() == 0) return counts;
    for (const Event* e : t.events) {
        const std::size_t bin = bin_of(*e, bins);
        for (std::size_t lane : t.involved_lanes(*e))
            ++counts[lane][bin];
    }
    return counts;
}

double significance(const Event& e) {
    static constexpr double kConfidence[] = {3, 1, 0, 2};  // confirmed, reported, alleged, assessed
    double score = kConfidence[static_cast<int>(e.confidence)];
    // The largest figure of the event ("100 pledged, 60 delivered" weighs as 100).
    double largest = 0;
    for (const Quantity& q : e.quantities)
        largest = std::max(largest, std::fabs(q.value));
    if (!e.quantities.empty()) score += std::log10(1 + largest);
    if (e.priority) score += 100 * *e.priority;
    return score;
}

}  // namespace tl
