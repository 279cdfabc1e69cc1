#include "layout/paginate.hpp"

#include <algorithm>
#include <array>
#include <iterator>
#include <optional>
#include <string_view>
#include <utility>

namespace tl {
namespace {

constexpr double kEpsilon = 1e-6;

using ItemIter = std::vector<Item>::const_iterator;

/// Whether a page break may cut through the item: what runs down the lanes (their bands, the
/// eras, the grid, the gaps of the axis's breaks, the today line, support arrows and the
/// links of shared events). Text, marks and the legend stay whole.
bool cuttable(const Item& it) {
    static constexpr std::array<std::string_view, 8> kRoles{
        "lane", "lane-accent", "era", "grid", "axis-break", "today", "support", "shared-link"};
    return std::find(kRoles.begin(), kRoles.end(), it.role) != kRoles.end();
}

/// The smallest text size among the items; 0 when there is no text.
double smallest_text(ItemIter begin, ItemIter end) {
    double smallest = 0;
    for (auto it = begin; it != end; ++it)
        if (it->type == ItemType::text && (smallest == 0 || it->font.size < smallest))
            smallest = it->font.size;
    return smallest;
}

/// The stretches down the page of the items that must stay whole, merged where they touch or
/// overlap, top to bottom: a page may break only between two of them.
std::vector<std::pair<double, double>> whole_blocks(ItemIter begin, ItemIter end) {
    std::vector<std::pair<double, double>> spans;
    for (auto it = begin; it != end; ++it)
        if (!cuttable(*it)) spans.emplace_back(it->box.y, it->box.bottom());
    std::sort(spans.begin(), spans.end());
    std::vector<std::pair<double, double>> blocks;
    for (const auto& s : spans) {
        if (!blocks.empty() && s.first < blocks.back().second + kEpsilon) {
            blocks.back().second = std::max(blocks.back().second, s.second);
        } else {
            blocks.push_back(s);
        }
    }
    return blocks;
}

/// The part of a cuttable item between `top` and `bottom`, if any of it lies there. A support
/// arrow whose head lies on another page is drawn here as a plain line.
std::optional<Item> clip(const Item& it, double top, double bottom) {
    const double y0 = std::max(it.box.y, top);
    const double y1 = std::min(it.box.bottom(), bottom);
    if (y1 <= y0) return std::nullopt;
    Item out = it;
    out.box.y = y0;
    out.box.height = y1 - y0;
    if (it.type == ItemType::line || it.type == ItemType::arrow) {
        out.from.y = std::clamp(it.from.y, top, bottom);
        out.to.y = std::clamp(it.to.y, top, bottom);
        if (it.type == ItemType::arrow && (it.to.y < top || it.to.y > bottom))
            out.type = ItemType::line;
    }
    return out;
}

/// Moves an item up by `dy`.
Item raised(Item it, double dy) {
    it.box.y -= dy;
    it.from.y -= dy;
    it.to.y -= dy;
    for (Point& p : it.points)
        p.y -= dy;
    return it;
}

/// The name of the lane that `top` cuts through, placed as at the lane's top but at `top`:
/// so that a reader of the page it continues on knows whose events these are.
std::optional<Item> continued_lane_name(ItemIter begin, ItemIter end, double top) {
    for (auto band = begin; band != end; ++band) {
        if (band->role != "lane" || band->box.y >= top - kEpsilon ||
            band->box.bottom() <= top + kEpsilon)
            continue;
        for (auto name = begin; name != end; ++name) {
            if (name->role != "lane-label" || name->box.y < band->box.y ||
                name->box.y >= band->box.bottom())
                continue;
            Item copy = *name;
            copy.box.y = top + (name->box.y - band->box.y);
            return copy;
        }
    }
    return std::nullopt;
}

/// The chart (items [begin, end)) at its own scale on as many pages as it takes, each
/// `usable` tall below the margin; pages after the first repeat the date axis while they
/// show lanes.
std::vector<Scene> flow_chart(const Scene& blank, ItemIter begin, ItemIter end, const PageBreaks& b,
                              const PageFormat& format) {
    const double usable = format.height - 2 * format.margin;
    const auto blocks = whole_blocks(begin, end);
    std::vector<Item> axis;
    // The axis at the top only: a tall chart also repeats it among and under its lanes, and
    // those rows go on their pages like any other row.
    for (auto it = begin; it != end; ++it)
        if (it->role == "axis-label" && it->box.y >= b.axis_top - kEpsilon &&
            it->box.y < b.lanes_top - kEpsilon)
            axis.push_back(raised(*it, b.axis_top - format.margin));
    // An axis as tall as half a page is not repeated: the rows need the room more.
    const double axis_height = b.lanes_top - b.axis_top;
    const bool repeat_axis = !axis.empty() && axis_height < usable / 2;
    std::vector<Scene> pages;
    double top = format.margin;
    while (pages.empty() || top < b.chart_bottom - kEpsilon) {
        const bool in_lanes = !pages.empty() && repeat_axis && top >= b.lanes_top - kEpsilon &&
                              top < b.lanes_bottom - kEpsilon;
        const double head = in_lanes ? axis_height : 0;
        const double limit = top + usable - head;
        double cut = limit;
        if (b.chart_bottom <= limit + kEpsilon) {
            cut = b.chart_bottom + kEpsilon;
        } else {
            // Before the first block that does not fit, unless it starts the page (taller
            // than a page: the chart's scale was chosen so that none is).
            const auto next = std::find_if(blocks.begin(), blocks.end(),
                                           [&](const auto& s) { return s.second > limit; });
            if (next != blocks.end() && next->first > top + kEpsilon)
                cut = std::min(next->first, limit);
        }
        Scene page = blank;
        const double dy = top - format.margin - head;
        if (in_lanes) page.items = axis;
        for (auto it = begin; it != end; ++it) {
            if (cuttable(*it)) {
                if (auto part = clip(*it, top, cut)) page.items.push_back(raised(*part, dy));
                continue;
            }
            const double centre = it->box.y + it->box.height / 2;
            if (centre >= top && centre < cut) page.items.push_back(raised(*it, dy));
        }
        if (in_lanes) {
            if (auto name = continued_lane_name(begin, end, top)) {
                const Item placed = raised(*name, dy);
                const bool free =
                    std::none_of(page.items.begin(), page.items.end(), [&](const Item& other) {
                        return other.type == ItemType::text && other.box.intersects(placed.box);
                    });
                if (free) page.items.push_back(placed);
            }
        }
        pages.push_back(std::move(page));
        top = cut;
    }
    return pages;
}

/// Items [begin, end) (references and notes) flowing down pages after `pages`: an item that
/// would cross a page's bottom starts the next page, and the items on its line go with it.
void flow_rest(const Scene& blank, ItemIter begin, ItemIter end, double margin,
               std::vector<Scene>& pages) {
    Scene page = blank;
    double offset = 0;  // how far up this page's items move
    double top = -1;    // y of the first item on this page
    for (auto it = begin; it != end; ++it) {
        if (top < 0) {
            top = it->box.y;
            offset = top - margin;
        }
        if (it->box.bottom() - offset > blank.height - margin && !page.items.empty() &&
            it->box.y - offset > margin) {
            pages.push_back(std::move(page));
            page = blank;
            offset = it->box.y - margin;
        }
        page.items.push_back(raised(*it, offset));
    }
    if (!page.items.empty()) pages.push_back(std::move(page));
}

}  // namespace

void scale_items(std::vector<Item>& items, double origin, double factor, double dx) {
    const auto map = [&](double v) { return origin + (v - origin) * factor; };
    for (Item& it : items) {
        it.box = {map(it.box.x) + dx, map(it.box.y), it.box.width * factor, it.box.height * factor};
        it.from = {map(it.from.x) + dx, map(it.from.y)};
        it.to = {map(it.to.x) + dx, map(it.to.y)};
        for (Point& p : it.points)
            p = {map(p.x) + dx, map(p.y)};
        it.font.size *= factor;
        it.stroke_width *= factor;
    }
}

Pages paginate(Scene whole, const PageBreaks& breaks, const PageFormat& format) {
    const double margin = format.margin;
    whole.height = format.height;
    if (breaks.content_bottom + margin <= format.height) return {{std::move(whole)}, 1};

    // `whole` keeps what every page shares; each page gets its own items.
    const std::vector<Item> items = std::exchange(whole.items, {});
    const Scene& blank = whole;
    const auto chart_end = items.begin() + static_cast<std::ptrdiff_t>(breaks.chart_items);
    const double usable = format.height - 2 * margin;
    const double chart_height = breaks.chart_bottom - margin;
    const double factor = usable / chart_height;
    const double smallest = smallest_text(items.begin(), chart_end);
    Pages out;
    if (factor >= 1 || format.min_font_size <= 0 || smallest * factor >= format.min_font_size) {
        // The chart on one page, shrunk when it must be: labels measured at their size stay
        // apart at any scale, and the shrinking stops short of the smallest text's floor.
        Scene first = blank;
        first.items.assign(items.begin(), chart_end);
        if (factor < 1) {
            const double dx = (blank.width - 2 * margin) * (1 - factor) / 2;
            scale_items(first.items, margin, factor, dx);
            for (AxisStop& stop : first.axis)
                stop.x = margin + (stop.x - margin) * factor + dx;
        }
        out.pages.push_back(std::move(first));
    } else {
        // More pages, not smaller text: at the template's own scale, unless a part that cannot
        // be broken (a title, a row of text) is taller than a page, when the chart shrinks
        // just enough for it to fit.
        PageBreaks b = breaks;
        std::vector<Item> chart(items.begin(), chart_end);
        double tallest = 0;
        for (const auto& [y0, y1] : whole_blocks(chart.cbegin(), chart.cend()))
            tallest = std::max(tallest, y1 - y0);
        if (tallest > usable) {
            const double shrink = usable / tallest;
            scale_items(chart, margin, shrink, (blank.width - 2 * margin) * (1 - shrink) / 2);
            for (double* y : {&b.chart_bottom, &b.axis_top, &b.lanes_top, &b.lanes_bottom})
                *y = margin + (*y - margin) * shrink;
        }
        out.pages = flow_chart(blank, chart.cbegin(), chart.cend(), b, format);
    }
    out.chart_pages = out.pages.size();
    flow_rest(blank, chart_end, items.end(), margin, out.pages);
    return out;
}

}  // namespace tl
