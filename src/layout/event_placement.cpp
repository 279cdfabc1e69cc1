#include "layout/event_placement.hpp"

#include <algorithm>

#include "base/text.hpp"
#include "layout/date_label.hpp"

namespace tl {
namespace {

constexpr double kUnknownStub = 28;  // the dashed stub drawn for an unknown side

}  // namespace

std::string event_label_text(const Event& e, const Citations& citations) {
    // The title is isolated so that a right-to-left title cannot reorder the date and the
    // citation marks around it.
    return human_date(e.date) + " \u00b7 " + isolate(e.title) + citations.marks_for(&e);
}

void set_extent(const ChartColumns& columns, Placement& p) {
    const TimeScale& scale = columns.scale;
    const Date& d = p.event->date;
    if (!d.is_interval() && d.start.precision == Precision::day) {
        const double c = (scale.x(d.start.earliest) + scale.x_end(d.start.earliest)) / 2;
        p.x0 = c - kMarkerRadius;
        p.x1 = c + kMarkerRadius;
        p.anchor = c;
        return;
    }
    p.x0 = columns.x_start(d.start);
    p.x1 = columns.x_end(d.last());
    // An unknown side is not drawn to the chart's edge, which would claim a date: it is
    // a short stub beyond the side that is known.
    if (d.start.precision == Precision::unknown) p.x0 = std::max(scale.x0, p.x1 - kUnknownStub);
    if (d.is_interval() && d.end->precision == Precision::unknown)
        p.x1 = std::min(scale.x1, std::max(columns.x_end(d.start), p.x0 + kUnknownStub));
    if (p.x1 - p.x0 < 2 * kMarkerRadius) {
        // Widened about its middle, but not past the axis's ends, where it may be cut.
        const double c =
            std::clamp((p.x0 + p.x1) / 2, scale.x0 + kMarkerRadius, scale.x1 - kMarkerRadius);
        p.x0 = c - kMarkerRadius;
        p.x1 = c + kMarkerRadius;
    }
    // Arrows leave where the support began: the middle of the start's range.
    p.anchor =
        d.start.bounded()
            ? std::clamp((columns.x_start(d.start) + scale.x_end(d.start.latest)) / 2, p.x0, p.x1)
            : (p.x0 + p.x1) / 2;
}

LabelSpan label_span(const TimeScale& scale, const Placement& p, double width) {
    const double right_room = scale.x1 - (p.x1 + kLabelGap);
    const double left_room = (p.x0 - kLabelGap) - scale.x0;
    const double inside_room = p.x1 - p.x0 - 2 * kLabelGap;
    if (width > right_room && width > left_room && width <= inside_room) {
        // A long interval carries its label inside its light bar.
        return {p.x0 + kLabelGap, p.x0 + kLabelGap + width, false, false};
    }
    if (width <= right_room || right_room >= left_room) {
        const double w = std::min(width, std::max(right_room, 0.0));
        return {p.x1 + kLabelGap, p.x1 + kLabelGap + w, false, w < width};
    }
    const double w = std::min(width, std::max(left_room, 0.0));
    return {p.x0 - kLabelGap - w, p.x0 - kLabelGap, true, w < width};
}

}  // namespace tl
