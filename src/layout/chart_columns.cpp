#include "layout/chart_columns.hpp"

#include <algorithm>

#include "layout/event_placement.hpp"

namespace tl {
namespace {

constexpr double kGrowthPerEvent = 9;   // points of page width per event, with `grow`
constexpr double kMaxPageSide = 14400;  // PDF's largest page side: 200 inches

}  // namespace

double ChartColumns::clamp_x(double x) const {
    return std::clamp(x, scale.x0, scale.x1);
}

double ChartColumns::x_start(const DatePoint& p) const {
    return p.bounded() ? clamp_x(scale.x(p.earliest)) : scale.x0;
}

double ChartColumns::x_end(const DatePoint& p) const {
    return p.bounded() ? clamp_x(scale.x_end(p.latest)) : scale.x1;
}

double chart_width(const Theme& theme, std::size_t events) {
    if (!theme.grow_width) return theme.page_width;
    // Wide enough that events do not crowd: a few points of axis per event.
    return std::clamp(static_cast<double>(events) * kGrowthPerEvent, theme.page_width,
                      kMaxPageSide);
}

ChartColumns lay_out_columns(const Timeline& timeline, const Theme& theme,
                             const TextMeasurer& measurer, const LayoutOptions& options,
                             double width) {
    ChartColumns c;
    const FontSpec lane_font = theme.font(theme.lane_name_size, true);
    double widest = 0;
    for (const Lane& l : timeline.lanes)
        widest = std::max(widest, measurer.measure(l.name, lane_font).width);
    const double usable = width - 2 * theme.margin;
    // At least 70 pt for the names, but never more than 22% of the chart: on a narrow
    // page the chart's share wins (std::clamp would be undefined with 70 above it).
    c.gutter = std::min(std::max(widest + 18, 70.0), usable * 0.22);
    c.scale.x0 = theme.margin + c.gutter;
    c.scale.x1 = width - theme.margin;
    DaySpan span = options.window ? *options.window : timeline.span;
    if (span.empty() && options.today) span = {*options.today, *options.today};
    if (span.empty()) span = {day_number(2000, 1, 1), day_number(2000, 12, 31)};
    if (options.today && !options.window) {  // a window is the days asked for
        span.first = std::min(span.first, *options.today);
        span.last = std::max(span.last, *options.today);
    }
    const double days = static_cast<double>(span.last - span.first) + 1;
    // A slice of `pages` shows exactly its days, so that neighbouring pages meet.
    const auto pad =
        options.window ? DayNumber{0} : static_cast<DayNumber>(std::max(days * 0.025, 10.0));
    // The padding stops at the calendar's ends: the axis names no year before 1400 or
    // after 9999, which no date can be.
    c.scale.first = std::max(span.first - pad, kFirstDay);
    c.scale.last = std::min(span.last + pad, kLastDay);
    c.label_font = theme.font(theme.label_size);
    c.quantity_font = theme.font(theme.label_size, true);
    // Rows are as tall as a label in any script we set: Arabic and CJK lines run taller
    // than Latin ones, and a label taller than its row would reach into the next.
    const double line = std::max(
        measurer.measure("Ag \u0627\u06cc\u0631\u0627\u0646 \u4e2d\u56fd", c.label_font).height,
        measurer.measure("Ag", c.quantity_font).height);
    c.pitch = std::max(line, 2 * kMarkerRadius) + 3;
    return c;
}

}  // namespace tl
