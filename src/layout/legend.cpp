#include "layout/legend.hpp"

#include <algorithm>
#include <utility>

#include "base/text.hpp"
#include "layout/color_vision.hpp"
#include "layout/window_cut.hpp"

namespace tl {
namespace {

constexpr double kMarkerRadius = 4;  // as in the chart
constexpr double kBarHeight = 8;
constexpr double kSharedLinkWidth = 0.8;

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

DrawnSymbols drawn_symbols(const std::vector<Item>& items) {
    DrawnSymbols d;
    for (const Item& it : items) {
        if (it.role == "axis-break-mark") d.axis_breaks = true;
        if (it.role == "change-badge") {
            (it.change == "added" ? d.new_badge : d.revised_badge) = true;
            continue;
        }
        if (it.role == "old-date") {
            d.old_date = true;
            continue;
        }
        if (it.role == "continues-before" || it.role == "continues-after") {
            d.cut = true;
            continue;
        }
        if (it.event.empty() || it.type == ItemType::text || it.role == "kind-glyph") continue;
        if (it.role == "shared-link") {
            d.shared = true;
            continue;
        }
        if (it.role == "shared-mark") continue;
        d.styles[static_cast<int>(it.style)] = true;
        d.hollow |= it.hollow;
        if (it.type == ItemType::arrow) d.support = true;
        if (it.type == ItemType::marker) {
            if (it.shape == MarkerShape::bracket) {
                d.bracket = true;
            } else if (!it.hollow) {
                d.exact_day = true;
            }
        }
        if (it.type == ItemType::bar) {
            const bool open = it.fade_start || it.fade_end;
            const bool unknown = it.dashed_start || it.dashed_end;
            d.ongoing |= open;
            d.unknown_end |= unknown;
            d.interval |= !open && !unknown;
        }
    }
    return d;
}

double draw_legend(PageWriter& page, double y, const std::vector<LegendKind>& kinds,
                   const DrawnSymbols& drawn) {
    double bottom = y;  // of the last row drawn
    if (!kinds.empty()) {
        LegendRow kind_row(page, y, "Kinds");
        for (const LegendKind& kind : kinds) {
            // The glyph drawn before the kind's labels, a little larger, in the same colour.
            Item sample = sample_marker(
                page, kind.glyph.value_or(MarkerShape::circle), 2 * kMarkerRadius, false,
                kind.glyph ? readable_on(kind.color, page.theme.background, kMinGraphicContrast)
                           : kind.color);
            sample.kind = kind.id;
            if (kind.glyph) sample.stroke_width = 0;
            kind_row.add(std::move(sample), 2 * kMarkerRadius, kind.label);
        }
        bottom = kind_row.bottom();
        y = bottom + 2;
    }
    const Color ink = page.theme.muted;
    if (drawn.exact_day || drawn.bracket || drawn.hollow || drawn.interval || drawn.ongoing ||
        drawn.unknown_end || drawn.cut || drawn.axis_breaks) {
        LegendRow dates(page, y, "Dates");
        if (drawn.exact_day)
            dates.add(sample_marker(page, MarkerShape::circle, 8, false, ink), 8, "exact day");
        if (drawn.bracket)
            dates.add(sample_marker(page, MarkerShape::bracket, 22, false, ink), 22,
                      "known only to the month, season or year: drawn across it");
        if (drawn.hollow)
            dates.add(sample_marker(page, MarkerShape::circle, 8, true, ink), 8,
                      "approximate (c.) or uncertain (?)");
        if (drawn.interval) dates.add(sample_bar(page, 30, false, false, ink), 30, "interval");
        if (drawn.ongoing) dates.add(sample_bar(page, 30, true, false, ink), 30, "ongoing");
        if (drawn.unknown_end)
            dates.add(sample_bar(page, 30, false, true, ink), 30, "start or end unknown");
        if (drawn.cut)
            dates.add(sample_cut_bar(page, 30, ink), 30, "goes on beyond the dates shown");
        if (drawn.axis_breaks) {
            Item slash = sample_line(page, LineStyle::solid, false);
            slash.from = {2, 4};
            slash.to = {6, -4};
            slash.box = {1, -4, 6, 8};
            slash.stroke = ink;
            slash.stroke_width = 1;
            dates.add(slash, 8, "axis break: a stretch where bars only run on, left out");
        }
        bottom = dates.bottom();
        y = bottom + 2;
    }
    static const std::pair<LineStyle, const char*> kStyles[] = {{LineStyle::solid, "confirmed"},
                                                                {LineStyle::dashed, "reported"},
                                                                {LineStyle::dotted, "alleged"},
                                                                {LineStyle::dash_dot, "assessed"}};
    bool any_style = false;
    for (const bool used : drawn.styles)
        any_style |= used;
    if (any_style || drawn.support || drawn.shared) {
        LegendRow lines(page, y, "Confidence");
        for (const auto& [style, name] : kStyles)
            if (drawn.styles[static_cast<int>(style)])
                lines.add(sample_line(page, style, false), 24, name);
        if (drawn.support)
            lines.add(sample_line(page, LineStyle::solid, true), 24,
                      "support, from supplier to recipient");
        if (drawn.shared) {
            Item link = sample_line(page, LineStyle::solid, false);
            link.stroke_width = kSharedLinkWidth;
            lines.add(link, 24, "shared by several actors");
        }
        bottom = lines.bottom();
        y = bottom + 2;
    }
    if (drawn.new_badge || drawn.revised_badge || drawn.old_date) {
        LegendRow changes(page, y, "Changes");
        const std::string since = isolate(drawn.since);
        const auto badge = [&](const char* word, Color fill) {
            const FontSpec font = page.theme.font(page.theme.legend_size);
            const TextSize size = page.measurer.measure(word, font);
            Item band;
            band.type = ItemType::band;
            band.box = {-1.5, -size.height / 2, size.width + 3, size.height};
            band.fill = page.tint(fill, kBadgeWash);
            Item text;
            text.type = ItemType::text;
            text.text = word;
            text.font = font;
            text.fill = page.theme.text;
            text.box = {0, -size.height / 2, size.width, size.height};
            return std::pair{std::vector<Item>{band, text}, size.width};
        };
        if (drawn.new_badge) {
            auto [items, width] = badge("NEW", change_badge_color(true));
            changes.add(std::move(items), width, "added since " + since);
        }
        if (drawn.revised_badge) {
            auto [items, width] = badge("REVISED", change_badge_color(false));
            changes.add(std::move(items), width, "changed since " + since + ", listed below");
        }
        if (drawn.old_date) {
            Item old = sample_bar(page, 30, false, false, ink);
            old.fill = page.tint(ink, 0.9);
            old.stroke = page.tint(ink, 0.4);
            old.stroke_width = 0.6;
            old.style = LineStyle::dotted;
            changes.add(old, 30, "the date as it was");
        }
        bottom = changes.bottom();
    }
    return bottom;
}

}  // namespace tl
