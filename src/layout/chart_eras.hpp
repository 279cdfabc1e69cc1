#pragma once

// Internal to the layout stage: a chart's eras, named above the axis and shaded behind the
// lanes.

#include "layout/chart_canvas.hpp"

namespace tl {

/// Names the eras above the axis at `y`, in as few rows as keep the names apart; returns the
/// y below them.
double draw_era_labels(ChartCanvas& c, double y);

/// Shades each era's days from `top` to `bottom`, fading an open side.
void draw_era_bands(ChartCanvas& c, double top, double bottom);

}  // namespace tl
