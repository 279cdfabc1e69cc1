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

/// How much an event deserves a label when not every event can have one: an explicit
/// `priority` first, then confidence, then the size of its quantity.
double significance(const Event& e);

}  // namespace tl
