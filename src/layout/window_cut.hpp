#pragma once

#include <vector>

#include "layout/scene.hpp"
#include "layout/time_scale.hpp"
#include "model/date.hpp"

namespace tl {

/// How far a cut mark's wedge reaches out of the axis: less than the gap between the
/// axis's start and the lane names, which end 6 points before it.
inline constexpr double kCutWedgeWidth = 4;

/// Where an event's dates reach beyond the time axis (a chart of a window, --from and
/// --to, or a page's slice of time), its mark stops at the axis's edge, which is no date of
/// the event's: there a solid wedge points on out of the chart, its base on the mark's end,
/// returned as a `continues-before` or `continues-after` item for each side cut. It lies
/// just outside the axis (in the lane names' gap or the margin), so that it takes no room
/// from labels. Day markers are never cut (a day inside the window is whole).
std::vector<Item> cut_at_axis_ends(const Item& mark, const Date& date, const TimeScale& scale);

}  // namespace tl
