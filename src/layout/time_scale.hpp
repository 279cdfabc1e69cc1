#pragma once

#include <vector>

#include "model/date.hpp"
#include "timeline/timeline.hpp"

namespace tl {

/// A day's place on a page's time axis: its left edge (Scene::axis).
struct AxisStop {
    DayNumber day = 0;
    double x = 0;
};

/// The width in points that a break takes on the axis, whatever it leaves out.
inline constexpr double kBreakWidth = 20;

/// Days left out of the axis: a stretch where nothing starts, ends or is marked, only long
/// bars run on. It is drawn kBreakWidth wide with a break mark, so that the days around it
/// get the width.
struct AxisBreak {
    DayNumber first = 0;
    DayNumber last = 0;
};

/// Maps days onto the horizontal axis: day `first` starts at `x0`, day `last` ends at `x1`.
/// Every day outside the breaks has the same width (the scale stays honest between breaks);
/// each break takes kBreakWidth.
struct TimeScale {
    DayNumber first = 0;
    DayNumber last = 0;
    double x0 = 0;
    double x1 = 1;
    std::vector<AxisBreak> breaks;  ///< in order, within first..last, none touching another

    /// The width of a day outside the breaks.
    double points_per_day() const;
    /// The left edge of a day.
    double x(DayNumber day) const;
    /// The right edge of a day.
    double x_end(DayNumber day) const;
    /// The break that leaves out `day`, or null.
    const AxisBreak* break_at(DayNumber day) const;
};

/// The stops of `scale` (Scene::axis): its first day, each break's first day and the day after
/// it, and the day after its last.
std::vector<AxisStop> axis_stops(const TimeScale& scale);

/// The stretches of first..last between the `kept` day spans (where something is drawn)
/// that are at least `min_share` of the whole span long: the axis's breaks. The stretches
/// before the first kept span and after the last are margins, never breaks.
std::vector<AxisBreak> find_breaks(DayNumber first, DayNumber last, std::vector<DaySpan> kept,
                                   double min_share);

/// Narrows the breaks beside any stretch of kept days narrower than `min_width` points, so
/// that each stretch is wide enough for a tick label: a stretch at an end of the axis may be
/// only its margin and one day.
void widen_narrow_stretches(TimeScale& scale, double min_width);

}  // namespace tl
