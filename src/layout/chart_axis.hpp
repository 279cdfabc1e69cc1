#pragma once

// Internal to the layout stage: the time axis as drawn: tick labels above the lanes, grid
// lines through them, and the "today" line.

#include <vector>

#include "layout/axis.hpp"
#include "layout/chart_canvas.hpp"

namespace tl {

/// The chart's ticks, at the finest step whose labels fit.
std::vector<Tick> chart_ticks(const ChartCanvas& c);

/// Draws the tick labels at `y`, leaving out one that would run past the axis's end;
/// returns the y below them.
double draw_axis_labels(ChartCanvas& c, const std::vector<Tick>& ticks, double y);

/// A grid line at each tick from `top` to `bottom`.
void draw_grid(ChartCanvas& c, const std::vector<Tick>& ticks, double top, double bottom);

/// --today is drawn where it falls on the axis: a window does not widen for it.
bool today_shown(const ChartCanvas& c);

/// A dashed line across the lanes at --today, labelled beneath them.
void draw_today_line(ChartCanvas& c, double top, double bottom);

/// The height draw_today_line()'s label takes below the lanes.
double today_label_room(const ChartCanvas& c);

}  // namespace tl
