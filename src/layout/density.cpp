#include "layout/density.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <unordered_map>

#include "layout/event_quantities.hpp"

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

StripMeasure choose_measure(const Timeline& t, std::string_view requested) {
    StripMeasure m;
    if (requested == kCountMeasure) return m;
    std::string key = unit_key(requested);
    if (key.empty()) {
        // The unit most events carry (each event once per unit), ties to the first seen.
        std::unordered_map<std::string, std::size_t> events_with;
        std::vector<std::string> order;
        for (const Event* e : t.events)
            for (const std::string& k : unit_keys(*e))
                if (events_with[k]++ == 0) order.push_back(k);
        std::size_t most = 0;
        for (const std::string& k : order) {
            if (events_with[k] <= most) continue;
            most = events_with[k];
            key = k;
        }
        if (most == 0 || 2 * most < t.events.size()) return m;
    }
    m.unit = std::string(requested);  // as asked, unless the events write it otherwise
    bool spelled = false;
    for (const Event* e : t.events) {
        if (!amount_in(*e, key)) {
            ++m.without;
            continue;
        }
        for (const Quantity& q : quantities_of(*e)) {
            if (spelled || unit_key(q.unit) != key) continue;
            m.unit = q.unit;  // "EUR" for --measure eur
            spelled = true;
        }
    }
    return m;
}

std::vector<std::vector<BinValue>> measure_by_lane(const Timeline& t, const Bins& bins,
                                                   const StripMeasure& measure) {
    std::vector<std::vector<BinValue>> values(t.lanes.size(), std::vector<BinValue>(bins.size()));
    if (bins.size() == 0) return values;
    const std::string key = unit_key(measure.unit);
    for (const Event* e : t.events) {
        const std::size_t bin = bin_of(*e, bins);
        const std::optional<double> amount =
            key.empty() ? std::optional<double>(1) : amount_in(*e, key);
        for (std::size_t lane : t.involved_lanes(*e)) {
            BinValue& v = values[lane][bin];
            ++v.count;
            if (amount) v.value += *amount;
        }
    }
    return values;
}

std::vector<Significance> significance(const std::vector<const Event*>& events) {
    // Every amount of each unit, sorted, so that an amount's rank is a binary search.
    // One amount per event and unit (see amount_in): a pledge and its delivery are one.
    std::unordered_map<std::string, std::vector<double>> amounts;
    for (const Event* e : events)
        for (const std::string& key : unit_keys(*e))
            amounts[key].push_back(*amount_in(*e, key));
    for (auto& [unit, values] : amounts)
        std::sort(values.begin(), values.end());
    static constexpr int kConfidence[] = {3, 1, 0, 2};  // confirmed, reported, alleged, assessed
    std::vector<Significance> out;
    out.reserve(events.size());
    for (const Event* e : events) {
        Significance s;
        s.priority = e->priority.value_or(0);
        s.confidence = kConfidence[static_cast<int>(e->confidence)];
        for (const std::string& key : unit_keys(*e)) {
            const std::vector<double>& values = amounts[key];
            const auto at = std::upper_bound(values.begin(), values.end(), *amount_in(*e, key));
            s.amount_rank = std::max(s.amount_rank, double(at - values.begin()) / values.size());
        }
        out.push_back(s);
    }
    return out;
}

}  // namespace tl
