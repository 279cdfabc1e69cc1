#pragma once

#include <string>
#include <string_view>
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

/// What density strips measure: the sum of one unit's amounts, or a count of events.
struct StripMeasure {
    std::string unit;         ///< as first written in the events; empty: events are counted
    std::size_t without = 0;  ///< events with no amount in the unit, left out of the sums
};

/// `requested` (LayoutOptions::measure) must say "events" to count them.
inline constexpr std::string_view kCountMeasure = "events";

/// The measure of `t`'s strips: the unit `requested` (ignoring case), a count of events for
/// "events", and when `requested` is empty the unit that most events carry if at least half
/// of them carry it, else a count.
StripMeasure choose_measure(const Timeline& t, std::string_view requested);

/// One lane's bin: the sum of its events' amounts in the measured unit (or, counting, the
/// number of events), and how many events fall in it.
struct BinValue {
    double value = 0;
    int count = 0;
};

/// The strips' values per lane and bin: an event counts in the lane of each actor taking
/// part in it (Timeline::involved_lanes), so a recipient's lane shows the support it
/// receives; with a unit, its amount in that unit (see amount_in) adds to the bin's value.
std::vector<std::vector<BinValue>> measure_by_lane(const Timeline& t, const Bins& bins,
                                                   const StripMeasure& measure);

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
