#include "layout/chart_columns.hpp"

#include <algorithm>

#include "layout/event_placement.hpp"

namespace tl {
namespace {

constexpr double kGrowthPerEvent = 9;   // points of page width per event, with `grow`
constexpr double kMaxPageSide = 14400;  // PDF's largest page side: 200 inches
// A stretch with nothing drawn in it is broken out of the axis when it is at least this
// share of the span: shorter ones would give the events little width back for the mark.
constexpr double kMinBreakShare = 0.1;
// The narrowest stretch of kept days between breaks, in points: room for a tick label
// such as "14 Nov 2025".
constexpr double kMinStretch = 64;

/// The days the axis must show: the window, or the events' span, reaching --today.
DaySpan axis_span(const Timeline& timeline, const LayoutOptions& options) {
    DaySpan span = options.window ? *options.window : timeline.span;
    if (span.empty() && options.today) span = {*options.today, *options.today};
    if (span.empty()) span = {day_number(2000, 1, 1), day_number(2000, 12, 31)};
    if (options.today && !options.window) {  // a window is the days asked for
        span.first = std::min(span.first, *options.today);
        span.last = std::max(span.last, *options.today);
    }
    return span;
}

/// Sets the scale's days to `span` with a margin each side of 2.5% of the `shown` days (ten
/// at least); none for a window.
void set_days(TimeScale& scale, const DaySpan& span, double shown, bool window) {
    // A slice of `pages` shows exactly its days, so that neighbouring pages meet.
    const auto pad = window ? DayNumber{0} : static_cast<DayNumber>(std::max(shown * 0.025, 10.0));
    // The padding stops at the calendar's ends: the axis names no year before 1400 or
    // after 9999, which no date can be.
    scale.first = std::max(span.first - pad, kFirstDay);
    scale.last = std::min(span.last + pad, kLastDay);
}

/// The days where a chart draws something: each event's mark, a bar's ends and the day its
/// arrows leave from, each era's ends, --today.
std::vector<DaySpan> drawn_days(const Timeline& timeline, const LayoutOptions& options) {
    std::vector<DaySpan> days;
    const auto add = [&](DayNumber first, DayNumber last) { days.push_back({first, last}); };
    for (const Event* e : timeline.events) {
        const DatePoint& start = e->date.start;
        const DatePoint& end = e->date.last();
        if (!e->date.is_interval()) {
            if (start.bounded()) add(start.earliest, start.latest);  // a bracket spans it all
            continue;
        }
        if (start.bounded()) add(start.earliest, start.earliest);
        if (start.bounded() && !e->to.empty()) {
            const DayNumber middle = start.earliest + (start.latest - start.earliest) / 2;
            add(middle, middle);
        }
        if (end.bounded()) add(end.latest, end.latest);
    }
    for (const Era* era : timeline.eras) {
        if (era->date.start.bounded()) add(era->date.start.earliest, era->date.start.earliest);
        if (era->date.last().bounded()) add(era->date.last().latest, era->date.last().latest);
    }
    if (options.today) add(*options.today, *options.today);
    return days;
}

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
    const DaySpan span = axis_span(timeline, options);
    set_days(c.scale, span, static_cast<double>(span.last - span.first) + 1,
             options.window.has_value());
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

void break_empty_stretches(ChartColumns& columns, const Timeline& timeline,
                           const LayoutOptions& options) {
    const DaySpan span = axis_span(timeline, options);
    auto breaks = find_breaks(span.first, span.last, drawn_days(timeline, options), kMinBreakShare);
    // Only a stretch that a bar runs through is left out: there the axis holds nothing but
    // bars going on. A stretch where nothing at all happens is the story's own pause, and
    // the reader sees its length.
    std::erase_if(breaks, [&](const AxisBreak& b) {
        return std::none_of(timeline.events.begin(), timeline.events.end(), [&](const Event* e) {
            if (!e->date.is_interval()) return false;
            const DatePoint& start = e->date.start;
            const DatePoint& end = e->date.last();
            const DayNumber from = start.bounded() ? start.earliest : span.first;
            const DayNumber to = end.bounded() ? end.latest : span.last;
            return from < b.first && to > b.last;
        });
    });
    if (breaks.empty()) return;
    double shown = static_cast<double>(span.last - span.first) + 1;
    for (const AxisBreak& b : breaks)
        shown -= static_cast<double>(b.last - b.first) + 1;
    // The margins are a share of the days shown, not of the years left out.
    set_days(columns.scale, span, shown, options.window.has_value());
    columns.scale.breaks = std::move(breaks);
    widen_narrow_stretches(columns.scale, kMinStretch);
}

}  // namespace tl
