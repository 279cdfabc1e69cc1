#include "layout/chart_builder.hpp"

#include <algorithm>

#include "layout/chart_axis.hpp"
#include "layout/chart_breaks.hpp"
#include "layout/chart_eras.hpp"
#include "layout/chart_header.hpp"
#include "layout/event_marks.hpp"
#include "layout/page_marks.hpp"
#include "layout/paginate.hpp"
#include "layout/references.hpp"
#include "layout/revision_marks.hpp"
#include "layout/totals_block.hpp"

namespace tl {
namespace {

/// Draws the lanes from `y` with everything in them, in the order they stack up: lane
/// backgrounds, eras, grid, the axis's breaks (from `axis_top`), arrows, the today line,
/// the axis again where a tall stack needs it, then the events on top. Returns the bottom
/// of the last lane; `axis_below` says whether the axis is due under it too.
double draw_lanes(ChartCanvas& c, ChartView& view, const PlacedEvents& placed,
                  const std::vector<Tick>& ticks, double axis_top, double y,
                  const AxisRepeat& repeat, bool& axis_below) {
    // A group's lane has a second row for the names of its members under its own.
    std::vector<std::size_t> min_rows(placed.rows.size(), 1);
    for (std::size_t l = 0; l < min_rows.size() && l < c.timeline.lanes.size(); ++l)
        if (!c.timeline.lanes[l].members.empty()) min_rows[l] = 2;
    const LaneStack lanes(placed.rows, y, view.strip_height(), c.columns.pitch, repeat, min_rows);
    for (std::size_t l = 0; l < placed.rows.size(); ++l)
        view.draw_lane_extras(lanes, l, draw_lane_background(c, lanes, l));
    const double top = lanes.first_top();
    const double bottom = lanes.last_bottom();
    draw_era_bands(c, top, bottom);
    draw_grid(c, ticks, top, bottom);
    draw_axis_breaks(c, axis_top, top, bottom);
    draw_old_dates(c, placed, lanes);
    // Support arrows together (the painter draws a run of them as one), then links.
    for (const ArrowPlan& a : placed.arrows)
        if (!a.shared) draw_arrow(c, placed, lanes, a);
    for (const ArrowPlan& a : placed.arrows)
        if (a.shared) draw_shared_link(c, placed, lanes, a);
    if (today_shown(c)) draw_today_line(c, top, bottom);
    std::size_t l = 0;
    for (const double row : lanes.axis_rows()) {
        while (l + 1 < placed.rows.size() && lanes.bottom(l) <= row)
            ++l;
        const Color fill = lanes.top(l) <= row ? lane_fill(c.theme, l) : c.theme.background;
        draw_axis_labels(c, ticks, row + kAxisClear, &fill);
    }
    axis_below = lanes.axis_below();
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
    PageBreaks breaks{0, 0, 0, y, 0, 0};
    const double axis_top = y;
    y = draw_axis_labels(c, ticks, y);
    const double today_room = today_shown(c) ? today_label_room(c) : 0;
    // Repeated, the axis's labels (its height less the 4 points under them) have room
    // above and below them.
    const AxisRepeat repeat{kAxisRepeat, axis_top, y - axis_top - 4 + 2 * kAxisClear,
                            std::max(kAxisClear, today_room + 2)};
    if (!c.options.page_marks.empty())
        y = draw_page_marks(c.page, c.columns.scale, y, c.options.page_marks);
    breaks.lanes_top = y;
    PlacedEvents placed(c.timeline.lanes.size());
    view.place_events(placed);
    bool axis_below = false;
    y = breaks.lanes_bottom = draw_lanes(c, view, placed, ticks, axis_top, y, repeat, axis_below);
    y += today_room;
    if (axis_below) y = draw_axis_labels(c, ticks, y + 2);
    y = draw_totals_block(c, y);
    y = breaks.chart_bottom = draw_kind_legend(c, y + 14);
    breaks.chart_items = c.scene.items.size();
    if (theme.show_references) y = draw_references(c.page, y + 10, c.citations);
    y = draw_notes(c.page, y, c.notes);
    y = draw_group_key(c.page, y, c.groups);
    y = breaks.content_bottom = draw_revision_lists(c, y);
    mark_changed_items(c.scene, 0, c.options);
    c.scene.axis = axis_stops(c.columns.scale);
    Document doc{c.scene.title, c.scene.subject, {}, breaks.chart_bottom};
    if (theme.page_height > 0) {
        Pages pages = paginate(std::move(c.scene), breaks,
                               {theme.page_height, theme.margin, theme.min_font_size});
        doc.pages = std::move(pages.pages);
        doc.chart_pages = pages.chart_pages;
    } else {
        c.scene.height = y + theme.margin;
        doc.pages.push_back(std::move(c.scene));
    }
    return doc;
}

}  // namespace tl
