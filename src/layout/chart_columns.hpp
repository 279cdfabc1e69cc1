#pragma once

// Internal to the layout stage: the horizontal geometry every part of a chart shares.

#include <cstddef>

#include "layout/chart_layout.hpp"
#include "layout/time_scale.hpp"

namespace tl {

/// Where a chart's columns are: the gutter of lane names on the left, the time axis right of
/// it, and the label fonts and row pitch that every lane's rows use.
struct ChartColumns {
    double gutter = 0;  ///< the width of the lane names' column
    TimeScale scale;
    FontSpec label_font;
    FontSpec quantity_font;
    double pitch = 16;  ///< the height of one row of labels

    double clamp_x(double x) const;
    /// Where a date point starts, or the axis's left end when it has no known start.
    double x_start(const DatePoint& p) const;
    /// Where a date point ends, or the axis's right end when it has no known end.
    double x_end(const DatePoint& p) const;
};

/// The page width: the template's, or wider for many events when the template grows.
double chart_width(const Theme& theme, std::size_t events);

/// The columns of a chart `width` points wide.
ChartColumns lay_out_columns(const Timeline& timeline, const Theme& theme,
                             const TextMeasurer& measurer, const LayoutOptions& options,
                             double width);

/// Breaks out of the axis each long stretch where nothing is drawn, only bars run on (see
/// find_breaks()), and narrows the margins to the days still shown.
void break_empty_stretches(ChartColumns& columns, const Timeline& timeline,
                           const LayoutOptions& options);

}  // namespace tl
