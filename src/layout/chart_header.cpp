#include "layout/chart_header.hpp"

#include <algorithm>
#include <unordered_set>

#include "base/text.hpp"
#include "layout/legend.hpp"
#include "model/kinds.hpp"

namespace tl {
std::string kind_label(const Model& model, const std::string& id,
                       std::string (*form)(const std::string&)) {
    const auto formed = [&](const std::string& s) { return form ? form(s) : s; };
    // A declared kind's label is input, isolated like every piece of input in a label.
    for (const Kind& k : model.kinds)
        if (k.id == id) return isolate(formed(k.label));
    for (const BuiltinKind& k : builtin_kinds())
        if (k.id == id) return formed(std::string(k.label));
    return formed(id);
}

double draw_header(PageWriter& page, double y) {
    const Theme& theme = page.theme;
    const FontSpec title_font = theme.font(theme.title_size, true);
    y += page.text(theme.margin, y, page.scene.title, title_font, theme.text, "title").box.height;
    const FontSpec sub = theme.font(theme.subtitle_size);
    y +=
        page.text(theme.margin, y + 2, page.scene.subject, sub, theme.muted, "subtitle").box.height;
    return y + 14;
}

double draw_kind_legend(ChartCanvas& c, double y) {
    if (!c.theme.show_legend) return y;
    // The kinds of the events that have a mark: a density view marks only some. The
    // overview of `--layout pages` keys its detail pages too, which have no key and draw
    // every event of its lanes.
    const bool keys_pages = !c.options.page_marks.empty();
    std::unordered_set<std::string> marked;
    for (const Item& it : c.scene.items)
        if (!it.event.empty() && it.type != ItemType::text) marked.insert(it.event);
    std::vector<std::string> kinds;
    for (const Event* e : c.timeline.events)
        if ((keys_pages || marked.count(e->id)) &&
            std::find(kinds.begin(), kinds.end(), e->kind) == kinds.end())
            kinds.push_back(e->kind);
    std::sort(kinds.begin(), kinds.end());
    std::vector<LegendKind> entries;
    for (const std::string& kind : kinds)
        entries.push_back(
            {kind_label(c.model, kind), c.colors.kind(kind), c.colors.glyph(kind), kind});
    DrawnSymbols drawn = drawn_symbols(c.scene.items);
    drawn.since = c.options.since;
    return draw_legend(c.page, y, entries, drawn);
}

}  // namespace tl
