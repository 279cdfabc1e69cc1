#pragma once

// Internal to the layout stage: what a chart says about itself above its axis, and the
// legend of its kinds below its lanes.

#include <string>

#include "layout/chart_canvas.hpp"

namespace tl {

/// Draws the scene's title and subtitle at `y`; returns the y below them.
double draw_header(PageWriter& page, double y);

/// Draws the legend at `y` (when the theme shows one) for the kinds and symbols the chart
/// draws, once its events are drawn; returns the y below it.
double draw_kind_legend(ChartCanvas& c, double y);

}  // namespace tl
