#include "layout/chart_axis.hpp"

#include <algorithm>

#include "layout/date_label.hpp"

namespace tl {

std::vector<Tick> chart_ticks(const ChartCanvas& c) {
    return choose_ticks(c.columns.scale, c.measurer, c.theme.font(c.theme.axis_size));
}

double draw_axis_labels(ChartCanvas& c, const std::vector<Tick>& ticks, double y,
                        const Color* backdrop) {
    const FontSpec font = c.theme.font(c.theme.axis_size);
    const TimeScale& scale = c.columns.scale;
    double h = 0;
    for (const Tick& tick : ticks) {
        const double w = c.measurer.measure(tick.label, font).width;
        const double x = tick.label_left ? scale.x(tick.day) - 4 - w : scale.x(tick.day);
        if (x + 2 + w > scale.x1) continue;
        if (backdrop) {
            Item box;
            box.type = ItemType::band;
            box.role = "axis-backdrop";
            box.box = {x + 1, y, w + 2, c.measurer.measure(tick.label, font).height};
            box.fill = *backdrop;
            c.scene.items.push_back(std::move(box));
        }
        h = std::max(
            h, c.page.text(x + 2, y, tick.label, font, c.theme.muted, "axis-label").box.height);
    }
    return y + h + 4;
}

void draw_grid(ChartCanvas& c, const std::vector<Tick>& ticks, double top, double bottom) {
    for (const Tick& tick : ticks) {
        Item it;
        it.type = ItemType::line;
        it.role = "grid";
        const double x = c.columns.scale.x(tick.day);
        it.from = {x, top};
        it.to = {x, bottom};
        it.box = {x - 0.25, top, 0.5, bottom - top};
        it.stroke = c.theme.grid;
        it.stroke_width = 0.5;
        c.scene.items.push_back(std::move(it));
    }
}

bool today_shown(const ChartCanvas& c) {
    const TimeScale& scale = c.columns.scale;
    return c.options.today && *c.options.today >= scale.first && *c.options.today <= scale.last;
}

void draw_today_line(ChartCanvas& c, double top, double bottom) {
    const Theme& theme = c.theme;
    const DayNumber today = *c.options.today;
    const double x = (c.columns.scale.x(today) + c.columns.scale.x_end(today)) / 2;
    Item it;
    it.type = ItemType::line;
    it.role = "today";
    it.from = {x, top};
    it.to = {x, bottom};
    it.box = {x - 0.5, top, 1, bottom - top};
    it.stroke = theme.today;
    it.stroke_width = 1;
    it.style = LineStyle::dashed;
    c.scene.items.push_back(std::move(it));
    const FontSpec font = theme.font(theme.axis_size, true);
    DatePoint day{Precision::day, today, today, false, false, {}};
    const std::string label = "today, " + human_date(day);
    const double w = c.measurer.measure(label, font).width;
    // Centred on the line, kept inside the right margin, and the left margin wins when the
    // label is wider than the page.
    c.page.text(std::max(theme.margin, std::min(x - w / 2, c.width - theme.margin - w)), bottom + 2,
                label, font, theme.today, "today-label");
}

double today_label_room(const ChartCanvas& c) {
    return c.measurer.measure("Ag", c.theme.font(c.theme.axis_size, true)).height + 2;
}

}  // namespace tl
