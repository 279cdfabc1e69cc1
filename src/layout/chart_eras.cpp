#include "layout/chart_eras.hpp"

#include <algorithm>

#include "base/text.hpp"
#include "layout/date_label.hpp"
#include "layout/event_placement.hpp"
#include "layout/lane_packer.hpp"

namespace tl {

double draw_era_labels(ChartCanvas& c, double y) {
    if (c.timeline.eras.empty()) return y;
    const Theme& theme = c.theme;
    const FontSpec font = theme.font(theme.label_size, true);
    LaneRows rows;
    struct Pending {
        std::size_t item;
        LaneRows::RowIndex row;
    };
    std::vector<Pending> pending;
    for (const Era* era : c.timeline.eras) {
        const double x = c.columns.x_start(era->date.start);
        const std::string label = isolate(era->title) + " (" + human_date(era->date) + ")";
        const std::string fitted = c.measurer.fit(label, font, c.columns.scale.x1 - x);
        if (fitted.empty()) continue;
        const double w = c.measurer.measure(fitted, font).width;
        const LaneRows::Item item{x, x + w + kItemGap, x, x + w + kItemGap};
        const auto row = rows.choose(item, x, false, false);
        rows.take(row, item.x0, item.x1, LaneRows::npos);
        // Placed at the top for now: how far down is known once every row is.
        c.page.text(x + 2, 0, fitted, font, theme.era_text, "era-label");
        pending.push_back({c.scene.items.size() - 1, row});
    }
    const double line = c.measurer.measure("Ag", font).height + 2;
    for (const Pending& p : pending)
        c.scene.items[p.item].box.y = y + (p.row - rows.top()) * line;
    return y + static_cast<double>(rows.count()) * line + 4;
}

void draw_era_bands(ChartCanvas& c, double top, double bottom) {
    for (const Era* era : c.timeline.eras) {
        Item it;
        it.type = ItemType::band;
        it.role = "era";
        const double x0 = c.columns.x_start(era->date.start);
        const double x1 = c.columns.x_end(era->date.last());
        it.box = {x0, top, std::max(x1 - x0, 1.0), bottom - top};
        it.fill = c.theme.era_fill;
        it.fade_start = !era->date.start.bounded();
        it.fade_end = era->date.end && !era->date.end->bounded();
        c.scene.items.push_back(std::move(it));
    }
}

}  // namespace tl
