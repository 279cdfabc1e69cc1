#pragma once

// Internal to the layout stage: what a chart says about itself above its axis, and the
// legend of its kinds below its lanes.

#include <string>

#include "layout/chart_canvas.hpp"

namespace tl {

/// How a kind is called: its declared label, else the built-in kind's, else its id; `form`
/// (a plural, say) reworded before a declared label is isolated.
std::string kind_label(const Model& model, const std::string& id,
                       std::string (*form)(const std::string&) = nullptr);

/// Draws the scene's title and subtitle at `y`; returns the y below them.
double draw_header(PageWriter& page, double y);

/// Draws the legend at `y` (when the theme shows one) for the kinds and symbols the chart
/// draws, once its events are drawn; returns the y below it.
double draw_kind_legend(ChartCanvas& c, double y);

}  // namespace tl
