#pragma once

#include "model/date.hpp"

namespace tl {

/// Maps days onto the horizontal axis: day `first` starts at `x0`, day `last` ends at `x1`.
struct TimeScale {
    DayNumber first = 0;
    DayNumber last = 0;
    double x0 = 0;
    double x1 = 1;

    double points_per_day() const { return (x1 - x0) / (static_cast<double>(last - first) + 1); }
    /// The left edge of a day.
    double x(DayNumber day) const {
        return x0 + (static_cast<double>(day) - first) * points_per_day();
    }
    /// The right edge of a day.
    double x_end(DayNumber day) const { return x(day) + points_per_day(); }
};

}  // namespace tl
