#pragma once

// Internal to the layout stage: the axis's breaks as drawn (see TimeScale::breaks): a gap
// across the lanes, a double slash on the axis, and a cut through each bar that runs on
// across one.

#include "layout/chart_canvas.hpp"

namespace tl {

/// For each break, a gap in the page's background from `axis_top` (the tick labels' row)
/// to `bottom` (the last lane's), with a double slash beside the tick labels above `top`
/// (the first lane's).
void draw_axis_breaks(ChartCanvas& c, double axis_top, double top, double bottom);

/// Cuts a bar crossing a break with a slanted gap between two slashes in `color`.
void draw_bar_breaks(ChartCanvas& c, const Rect& bar, Color color);

}  // namespace tl
