#include "layout/chart_breaks.hpp"

namespace tl {
namespace {

constexpr double kGapWidth = 6;  // the gap across the lanes, in the middle of a break
constexpr double kSlant = 1.5;   // half the horizontal run of a slash

/// The middle of a break on the axis.
double middle(const TimeScale& scale, const AxisBreak& b) {
    return (scale.x(b.first) + scale.x_end(b.last)) / 2;
}

void slash(ChartCanvas& c, double x, double top, double bottom, Color color, double width,
           const char* role) {
    Item it;
    it.type = ItemType::line;
    it.role = role;
    it.from = {x - kSlant, bottom};
    it.to = {x + kSlant, top};
    it.box = {x - kSlant - width / 2, top, 2 * kSlant + width, bottom - top};
    it.stroke = color;
    it.stroke_width = width;
    c.scene.items.push_back(std::move(it));
}

}  // namespace

void draw_axis_breaks(ChartCanvas& c, double axis_top, double top, double bottom) {
    const TimeScale& scale = c.columns.scale;
    for (const AxisBreak& b : scale.breaks) {
        const double x = middle(scale, b);
        Item gap;
        gap.type = ItemType::band;
        gap.role = "axis-break";
        gap.box = {x - kGapWidth / 2, axis_top, kGapWidth, bottom - axis_top};
        gap.fill = c.theme.background;
        c.scene.items.push_back(std::move(gap));
        for (const double side : {-kGapWidth / 2, kGapWidth / 2})
            slash(c, x + side, axis_top, top - 4, c.theme.muted, 1, "axis-break-mark");
    }
}

void draw_bar_breaks(ChartCanvas& c, const Rect& bar, Color color) {
    const TimeScale& scale = c.columns.scale;
    for (const AxisBreak& b : scale.breaks) {
        const double x = middle(scale, b);
        if (x - kGapWidth / 2 <= bar.x || x + kGapWidth / 2 >= bar.right()) continue;
        const double top = bar.y - 1.5;
        const double bottom = bar.bottom() + 1.5;
        slash(c, x, top, bottom, c.theme.background, kGapWidth - 2, "break-mark");
        for (const double side : {-kGapWidth / 2, kGapWidth / 2})
            slash(c, x + side, top, bottom, color, 0.8, "break-mark");
    }
}

}  // namespace tl
