#pragma once

#include <string>
#include <utility>
#include <vector>

#include "layout/page_writer.hpp"

namespace tl {

/// A kind as the legend shows it: its label and colour.
struct LegendKind {
    std::string label;
    Color color;
};

/// Draws the legend at `y`: the kinds in use, how dates are drawn at each precision, and
/// which line style says which confidence, each with a sample drawn as the chart draws it;
/// with `marks.cut`, also the wedge that marks an event going on beyond the axis's ends;
/// with `marks.axis_breaks`, what a break in the axis means. Returns the y below it.
struct LegendMarks {
    bool cut = false;
    bool axis_breaks = false;
};
double draw_legend(PageWriter& page, double y, const std::vector<LegendKind>& kinds,
                   LegendMarks marks = {});

}  // namespace tl
