#pragma once

#include <vector>

#include "layout/scene.hpp"
#include "layout/time_scale.hpp"
#include "model/date.hpp"

namespace tl {

/// Where an event's dates reach beyond the time axis (a chart of a window, --from and
/// --to, or a page's slice of time), its mark stops at the axis's edge, which is no date of
/// the event's: there the mark is shortened by a wedge pointing out of the chart, returned
/// as a `continues-before` or `continues-after` item for each side cut. The wedge lies within
/// the mark's old extent, so that it needs no room of its own; a label inside a bar keeps
/// its gap to the ends. Day markers are never cut (a day inside the window is whole).
std::vector<Item> cut_at_axis_ends(Item& mark, const Date& date, const TimeScale& scale);

}  // namespace tl
