#include "layout/legend.hpp"

#include <algorithm>

#include "layout/window_cut.hpp"

namespace tl {
namespace {

constexpr double kMarkerRadius = 4;  // as in the chart
constexpr double kBarHeight = 8;

/// Lays legend entries out left to right, wrapping at the margin: a sample, then its meaning.
class LegendRow {
  public:
    LegendRow(PageWriter& page, double y, const std::string& heading) : page_(page), y_(y) {
        const Theme& theme = page_.theme;
        font_ = theme.font(theme.legend_size);
        line_ = page_.measurer.measure("Ag", font_).height + 4;
        x_ = theme.margin;
        const Item& h = page_.text(x_, y_, heading, theme.font(theme.legend_size, true), theme.text,
                                   "legend-heading");
        x_ = std::max(x_ + 90, h.box.right() + 10);
        indent_ = x_;
    }

    /// Adds `sample` (its box relative to the entry's left middle, `width` wide) and `label`.
    void add(Item sample, double width, const std::string& label) {
        add(std::vector<Item>{std::move(sample)}, width, label);
    }

    /// Adds a sample drawn as several items, and `label`.
    void add(std::vector<Item> samples, double width, const std::string& label) {
        const double total = width + 5 + page_.measurer.measure(label, font_).width;
        if (x_ + total > page_.width - page_.theme.margin && x_ > indent_) {
            x_ = indent_;
            y_ += line_;
        }
        const double cy = y_ + line_ / 2 - 2;
        for (Item& sample : samples) {
            sample.box.x += x_;
            sample.box.y += cy;
            sample.from = {sample.from.x + x_, sample.from.y + cy};
            sample.to = {sample.to.x + x_, sample.to.y + cy};
            sample.role = "legend-sample";
            page_.scene.items.push_back(std::move(sample));
        }
        page_.text(x_ + width + 5, y_, label, font_, page_.theme.text, "legend");
        x_ += total + 16;
    }

    double bottom() const { return y_ + line_; }

  private:
    PageWriter& page_;
    FontSpec font_;
    double x_ = 0, y_ = 0, line_ = 0, indent_ = 0;
};

Item sample_marker(const PageWriter& page, MarkerShape shape, double width, bool hollow,
                   Color color) {
    Item it;
    it.type = ItemType::marker;
    it.shape = shape;
    it.box = {0, -kMarkerRadius, width, 2 * kMarkerRadius};
    it.stroke = color;
    it.fill = hollow                          ? page.theme.background
              : shape == MarkerShape::bracket ? page.tint(color, 0.6)
                                              : color;
    it.hollow = hollow;
    it.stroke_width = 1.2;
    return it;
}

Item sample_bar(const PageWriter& page, double width, bool open_end, bool unknown_end,
                Color color) {
    Item it;
    it.type = ItemType::bar;
    it.box = {0, -kBarHeight / 2, width, kBarHeight};
    it.stroke = color;
    it.fill = page.tint(color, 0.55);
    it.fade_end = open_end;
    it.dashed_end = unknown_end;
    it.stroke_width = 1.2;
    return it;
}

Item sample_line(const PageWriter& page, LineStyle style, bool arrow) {
    Item it;
    it.type = arrow ? ItemType::arrow : ItemType::line;
    it.from = {0, 0};
    it.to = {24, 0};
    it.box = {0, -3, 24, 6};
    it.stroke = page.theme.arrow;
    it.stroke_width = 1.4;
    it.style = style;
    return it;
}

/// A bar that runs past the axis's end: cut there, with the wedge the chart draws.
std::vector<Item> sample_cut_bar(const PageWriter& page, double width, Color color) {
    const double bar_width = width - kCutWedgeWidth;
    Item bar = sample_bar(page, bar_width, false, false, color);
    Date date;
    date.start = {Precision::day, 0, 0, false, false, {}};
    date.end = DatePoint{Precision::day, 2, 2, false, false, {}};
    std::vector<Item> items = cut_at_axis_ends(bar, date, {0, 1, 0, bar_width, {}});
    items.insert(items.begin(), std::move(bar));
    return items;
}

}  // namespace

double draw_legend(PageWriter& page, double y, const std::vector<LegendKind>& kinds,
                   LegendMarks marks) {
    LegendRow kind_row(page, y, "Kinds");
    for (const LegendKind& kind : kinds)
        kind_row.add(sample_marker(page, MarkerShape::circle, 2 * kMarkerRadius, false, kind.color),
                     2 * kMarkerRadius, kind.label);
    const Color ink = page.theme.muted;
    LegendRow dates(page, kind_row.bottom() + 2, "Dates");
    dates.add(sample_marker(page, MarkerShape::circle, 8, false, ink), 8, "exact day");
    dates.add(sample_marker(page, MarkerShape::bracket, 22, false, ink), 22,
              "known only to the month, season or year: drawn across it");
    dates.add(sample_marker(page, MarkerShape::circle, 8, true, ink), 8,
              "approximate (c.) or uncertain (?)");
    dates.add(sample_bar(page, 30, false, false, ink), 30, "interval");
    dates.add(sample_bar(page, 30, true, false, ink), 30, "ongoing");
    dates.add(sample_bar(page, 30, false, true, ink), 30, "start or end unknown");
    if (marks.cut) dates.add(sample_cut_bar(page, 30, ink), 30, "goes on beyond the dates shown");
    if (marks.axis_breaks) {
        Item slash = sample_line(page, LineStyle::solid, false);
        slash.from = {2, 4};
        slash.to = {6, -4};
        slash.box = {1, -4, 6, 8};
        slash.stroke = ink;
        slash.stroke_width = 1;
        dates.add(slash, 8, "axis break: a stretch where bars only run on, left out");
    }
    LegendRow lines(page, dates.bottom() + 2, "Confidence");
    lines.add(sample_line(page, LineStyle::solid, false), 24, "confirmed");
    lines.add(sample_line(page, LineStyle::dashed, false), 24, "reported");
    lines.add(sample_line(page, LineStyle::dotted, false), 24, "alleged");
    lines.add(sample_line(page, LineStyle::dash_dot, false), 24, "assessed");
    lines.add(sample_line(page, LineStyle::solid, true), 24, "support, from supplier to recipient");
    return lines.bottom();
}

}  // namespace tl
