#pragma once

// Internal to the layout stage: the time axis as drawn: tick labels above the lanes, grid
// lines through them, and the "today" line.

#include <vector>

#include "layout/axis.hpp"
#include "layout/chart_canvas.hpp"

namespace tl {

/// A tall chart repeats its axis at least this often, in points (20 cm), so that no event is
/// far from a date to read it against.
inline constexpr double kAxisRepeat = 567;
/// Room above and below the labels of an axis repeated between lanes: a support arrow's
/// head, which ends at a lane's edge, stays clear of them.
inline constexpr double kAxisClear = 6;

/// The chart's ticks, at the finest step whose labels fit.
std::vector<Tick> chart_ticks(const ChartCanvas& c);

/// Draws the tick labels at `y`, leaving out one that would run past the axis's end;
/// returns the y below them. With a `backdrop`, each label sits on a box of that colour,
/// which hides the grid and any arrow passing under it (an axis repeated over the lanes).
double draw_axis_labels(ChartCanvas& c, const std::vector<Tick>& ticks, double y,
                        const Color* backdrop = nullptr);

/// A grid line at each tick from `top` to `bottom`.
void draw_grid(ChartCanvas& c, const std::vector<Tick>& ticks, double top, double bottom);

/// --today is drawn where it falls on the axis: a window does not widen for it.
bool today_shown(const ChartCanvas& c);

/// A dashed line across the lanes at --today, labelled beneath them.
void draw_today_line(ChartCanvas& c, double top, double bottom);

/// The height draw_today_line()'s label takes below the lanes.
double today_label_room(const ChartCanvas& c);

}  // namespace tl
