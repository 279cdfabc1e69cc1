#include "layout/chart_builder.hpp"

#include "layout/chart_axis.hpp"
#include "layout/chart_eras.hpp"
#include "layout/chart_header.hpp"
#include "layout/event_marks.hpp"
#include "layout/paginate.hpp"
#include "layout/references.hpp"

namespace tl {
namespace {

/// Draws the lanes from `y` with everything in them, in the order they stack up: lane
/// backgrounds, eras, grid, arrows, the today line, then the events on top. Returns the
/// bottom of the last lane.
double draw_lanes(ChartCanvas& c, ChartView& view, const PlacedEvents& placed,
                  const std::vector<Tick>& ticks, double y) {
    const LaneStack lanes(placed.rows, y, view.strip_height(), c.columns.pitch);
    for (std::size_t l = 0; l < placed.rows.size(); ++l)
        view.draw_lane_extras(lanes, l, draw_lane_background(c, lanes, l));
    const double top = lanes.first_top();
    const double bottom = lanes.last_bottom();
    draw_era_bands(c, top, bottom);
    draw_grid(c, ticks, top, bottom);
    for (const ArrowPlan& a : placed.arrows)
        draw_arrow(c, placed, lanes, a);
    if (c.options.today) draw_today_line(c, top, bottom);
    for (const Placement& p : placed.placements)
        draw_event(c, placed, lanes, p);
    return bottom;
}

}  // namespace

Document build_chart(ChartCanvas& c, ChartView& view) {
    const Theme& theme = c.theme;
    double y = theme.margin;
    if (theme.show_title) y = draw_header(c.page, y);
    y = view.draw_note(y);
    y = draw_era_labels(c, y);
    const std::vector<Tick> ticks = chart_ticks(c);
    y = draw_axis_labels(c, ticks, y);
    PlacedEvents placed(c.timeline.lanes.size());
    view.place_events(placed);
    y = draw_lanes(c, view, placed, ticks, y);
    if (c.options.today) y += today_label_room(c);
    y = draw_kind_legend(c, y + 14);
    const PageBreaks breaks{c.scene.items.size(), y, 0};
    if (theme.show_references) y = draw_references(c.page, y + 10, c.citations);
    y = draw_notes(c.page, y, c.notes);
    y = draw_group_key(c.page, y, c.groups);
    Document doc{c.scene.title, c.scene.subject, {}};
    if (theme.page_height > 0) {
        doc.pages = paginate(std::move(c.scene), {breaks.chart_items, breaks.chart_bottom, y},
                             theme.page_height, theme.margin);
    } else {
        c.scene.height = y + theme.margin;
        doc.pages.push_back(std::move(c.scene));
    }
    return doc;
}

}  // namespace tl
