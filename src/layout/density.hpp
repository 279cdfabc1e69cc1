#pragma once

#include <vector>

#include "layout/time_scale.hpp"
#include "model/model.hpp"
#include "timeline/timeline.hpp"

namespace tl {

/// Calendar-aligned time bins: bin i covers days [edges[i], edges[i + 1]).
struct Bins {
    std::vector<DayNumber> edges;
    std::size_t size() const { return edges.empty() ? 0 : edges.size() - 1; }
};

/// The finest calendar bins (day, week, month, quarter, year, decade) at least `min_width`
/// points wide on `scale`.
Bins choose_bins(const TimeScale& scale, double min_width);

/// The bin an event is counted in: that of the middle of its range within the bins, or of
/// its known side.
std::size_t bin_of(const Event& e, const Bins& bins);

/// Events per lane and bin: an event counts once in the lane of each actor taking part in
/// it (Timeline::involved_lanes), so a recipient's lane shows the support it receives.
std::vector<std::vector<int>> count_by_lane(const Timeline& t, const Bins& bins);

/// How much an event deserves a label when not every event can have one, as a key that
/// sorts from least to most: its explicit `priority` first (none counts as 0), then how
/// large its amount is within its unit, then its confidence.
struct Significance {
    double priority = 0;
    /// The share of the chart's amounts in its unit that are no larger than its own: 1 for
    /// the largest, 0 without an amount. Amounts of different units never meet: 30
    /// aircraft, the most of their unit, rank with 34,000 missiles, the most of theirs.
    double amount_rank = 0;
    int confidence = 0;  ///< confirmed 3, assessed 2, reported 1, alleged 0

    auto operator<=>(const Significance&) const = default;
};

/// The significance of each of `events`, in their order; amounts rank among those of
/// `events` in the same unit (ignoring case). Ties (same key) go to the earlier event.
std::vector<Significance> significance(const std::vector<const Event*>& events);

}  // namespace tl
