#include "layout/chart_lanes.hpp"

#include <algorithm>

#include "base/text.hpp"

namespace tl {

LaneStack::LaneStack(const std::vector<LaneRows>& rows, double y, double strip, double pitch)
    : strip_(strip), pitch_(pitch), first_top_(y) {
    tops_.resize(rows.size());
    bottoms_.resize(rows.size());
    first_rows_.resize(rows.size());
    for (std::size_t l = 0; l < rows.size(); ++l) {
        tops_[l] = y;
        first_rows_[l] = rows[l].top();
        // One row at least, for the lane's name and, in a density view, its count of
        // events (a recipient's lane may have a strip but no label of its own).
        const double count = static_cast<double>(std::max<std::size_t>(rows[l].count(), 1));
        y += 2 * kLanePad + strip + count * pitch;
        bottoms_[l] = y;
    }
    last_bottom_ = y;
}

double draw_lane_background(ChartCanvas& c, const LaneStack& lanes, std::size_t l) {
    const Theme& theme = c.theme;
    const double top = lanes.top(l);
    const double bottom = lanes.bottom(l);
    Item band;
    band.type = ItemType::band;
    band.role = "lane";
    band.box = {theme.margin, top, c.width - 2 * theme.margin, bottom - top};
    band.fill = l % 2 == 0 ? theme.lane_fill : theme.background;
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
    return y + h;
}

}  // namespace tl
