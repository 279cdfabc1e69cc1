#include "layout/chart_lanes.hpp"

#include <algorithm>

#include "base/text.hpp"

namespace tl {

LaneStack::LaneStack(const std::vector<LaneRows>& rows, double y, double strip, double pitch,
                     const AxisRepeat& repeat, const std::vector<std::size_t>& min_rows)
    : strip_(strip), pitch_(pitch), first_top_(y) {
    tops_.resize(rows.size());
    bottoms_.resize(rows.size());
    first_rows_.resize(rows.size());
    breaks_.resize(rows.size());
    // One row at least, for the lane's name and, in a density view, its count of events (a
    // recipient's lane may have a strip but no label of its own).
    const auto row_count = [&](std::size_t l) {
        const std::size_t least = l < min_rows.size() ? std::max<std::size_t>(min_rows[l], 1) : 1;
        return static_cast<double>(std::max(rows[l].count(), least));
    };
    double natural = y;
    for (std::size_t l = 0; l < rows.size(); ++l)
        natural += 2 * kLanePad + strip + row_count(l) * pitch;
    // A stack the axis above reaches to its end needs no other; else every lane must end
    // within reach of an axis row above it, counting the room down to the next one. (An
    // axis row counts from its top, a little above its labels: never too far apart.)
    const double reach = repeat.every - repeat.below;
    axis_below_ = repeat.every > 0 && natural + repeat.below - repeat.first > repeat.every;
    double last_axis = repeat.first;
    for (std::size_t l = 0; l < rows.size(); ++l) {
        const double height = 2 * kLanePad + strip + row_count(l) * pitch;
        if (axis_below_ && l > 0 && y + height - last_axis > reach) {
            axis_rows_.push_back(y);
            last_axis = y;
            y += repeat.height;
        }
        tops_[l] = y;
        first_rows_[l] = rows[l].top();
        double extra = 0;
        if (axis_below_ && y + height - last_axis > reach) {
            // Taller than the reach by itself: the axis goes between its rows too.
            const double first_row = y + kLanePad + strip;
            for (std::size_t r = 1; r < rows[l].count(); ++r) {
                const double row_bottom = first_row + static_cast<double>(r + 1) * pitch + extra;
                if (row_bottom + kLanePad - last_axis <= reach) continue;
                const double at = first_row + static_cast<double>(r) * pitch + extra;
                axis_rows_.push_back(at);
                last_axis = at;
                extra += repeat.height;
                breaks_[l].push_back(
                    {first_rows_[l] + static_cast<LaneRows::RowIndex>(r), repeat.height});
            }
        }
        y += height + extra;
        bottoms_[l] = y;
    }
    last_bottom_ = y;
}

std::vector<LaneRows::RowIndex> LaneStack::rows_after_axis(std::size_t lane) const {
    std::vector<LaneRows::RowIndex> out;
    for (const RowBreak& b : breaks_[lane])
        out.push_back(b.row);
    return out;
}

Color lane_fill(const Theme& theme, std::size_t l) {
    return l % 2 == 0 ? theme.lane_fill : theme.background;
}

double draw_lane_background(ChartCanvas& c, const LaneStack& lanes, std::size_t l) {
    const Theme& theme = c.theme;
    const double top = lanes.top(l);
    const double bottom = lanes.bottom(l);
    Item band;
    band.type = ItemType::band;
    band.role = "lane";
    band.box = {theme.margin, top, c.width - 2 * theme.margin, bottom - top};
    band.fill = lane_fill(theme, l);
    band.lane = c.timeline.lanes[l].id;
    c.scene.items.push_back(band);
    Item accent;
    accent.type = ItemType::band;
    accent.role = "lane-accent";
    accent.box = {theme.margin, top, 3, bottom - top};
    accent.fill = c.colors.lane(l);
    c.scene.items.push_back(accent);
    const FontSpec font = theme.font(theme.lane_name_size, true);
    const std::string name =
        c.measurer.fit(isolate(c.timeline.lanes[l].name), font, c.columns.gutter - 14);
    const double h = c.measurer.measure(name, font).height;
    const double y = top + kLanePad + c.columns.pitch / 2 - h / 2;
    c.page.text(theme.margin + 8, y, name, font, theme.text, "lane-label");
    for (const LaneRows::RowIndex row : lanes.rows_after_axis(l))
        c.page.text(theme.margin + 8, lanes.row_y(l, row) - h / 2, name, font, theme.muted,
                    "lane-label-repeat");
    // A group's lane says who is in it, under its name, where the lane has the room.
    const std::vector<std::string>& members = c.timeline.lanes[l].members;
    if (members.empty()) return y + h;
    std::string who;
    for (const std::string& m : members)
        who += (who.empty() ? "" : ", ") + isolate(m);
    const FontSpec small = theme.font(theme.axis_size);
    who = c.measurer.fit(who, small, c.columns.gutter - 14);
    const double small_h = c.measurer.measure(who, small).height;
    if (y + h + small_h > bottom - kLanePad / 2) return y + h;
    c.page.text(theme.margin + 8, y + h, who, small, theme.muted, "lane-members").lane =
        c.timeline.lanes[l].id;
    return y + h + small_h;
}

}  // namespace tl
