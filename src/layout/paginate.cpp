#include "layout/paginate.hpp"

#include <algorithm>
#include <iterator>

namespace tl {

void scale_items(std::vector<Item>& items, double origin, double factor, double dx) {
    const auto map = [&](double v) { return origin + (v - origin) * factor; };
    for (Item& it : items) {
        it.box = {map(it.box.x) + dx, map(it.box.y), it.box.width * factor, it.box.height * factor};
        it.from = {map(it.from.x) + dx, map(it.from.y)};
        it.to = {map(it.to.x) + dx, map(it.to.y)};
        it.font.size *= factor;
        it.stroke_width *= factor;
    }
}

std::vector<Scene> paginate(Scene whole, const PageBreaks& breaks, double page_height,
                            double margin) {
    whole.height = page_height;
    if (breaks.content_bottom + margin <= page_height) return {std::move(whole)};

    Scene first = whole;
    first.items.assign(whole.items.begin(),
                       whole.items.begin() + static_cast<std::ptrdiff_t>(breaks.chart_items));
    const double usable = page_height - 2 * margin;
    const double chart_height = breaks.chart_bottom - margin;
    if (chart_height > usable) {
        // A vector page can be shrunk without losing anything: labels measured at their size
        // stay apart at any scale.
        const double factor = usable / chart_height;
        const double dx = (whole.width - 2 * margin) * (1 - factor) / 2;
        scale_items(first.items, margin, factor, dx);
    }
    std::vector<Scene> pages{std::move(first)};

    // The rest flows down the following pages; an item that would cross a page's bottom
    // starts the next page, and the items on its line go with it.
    Scene page = whole;
    page.items.clear();
    double offset = 0;  // how far up this page's items move
    double top = -1;    // y of the first item on this page
    for (auto it = whole.items.begin() + static_cast<std::ptrdiff_t>(breaks.chart_items);
         it != whole.items.end(); ++it) {
        if (top < 0) {
            top = it->box.y;
            offset = top - margin;
        }
        if (it->box.bottom() - offset > page_height - margin && !page.items.empty() &&
            it->box.y - offset > margin) {
            pages.push_back(std::move(page));
            page = whole;
            page.items.clear();
            offset = it->box.y - margin;
        }
        Item moved = *it;
        moved.box.y -= offset;
        moved.from.y -= offset;
        moved.to.y -= offset;
        page.items.push_back(std::move(moved));
    }
    if (!page.items.empty()) pages.push_back(std::move(page));
    return pages;
}

}  // namespace tl
