#include "layout/references.hpp"

#include <algorithm>

#include "base/text.hpp"
#include "layout/date_label.hpp"

namespace tl {

namespace {

/// A source as a reader would cite it: publisher (or URL), title and date. Each piece of
/// input is isolated: a right-to-left override in a publisher must not reverse the rest of
/// the line.
std::string describe(const Source& s) {
    std::string line = isolate(s.publisher.empty() ? s.url : s.publisher);
    if (!s.title.empty()) line += ", \u201c" + isolate(s.title) + "\u201d";
    if (s.date) line += ", " + human_date(*s.date);
    return line + ".";
}

/// Draws `line` (in `role`) at `y` with the source's URL as a link after it; returns the y
/// below.
double draw_source(PageWriter& page, double y, const std::string& line, const Source& s,
                   const std::string& role) {
    const Theme& theme = page.theme;
    const FontSpec font = theme.font(theme.reference_size);
    const double width = page.inner_width();
    const Item& it =
        page.text(theme.margin, y, page.measurer.fit(line, font, width), font, theme.text, role);
    double x = theme.margin + it.box.width + 4;
    double h = it.box.height;
    if (!s.url.empty()) {
        // The URL follows on the same line when it fits, else on its own, indented.
        const bool wraps = x + page.measurer.measure(s.url, font).width > theme.margin + width;
        if (wraps) {
            x = theme.margin + 14;
            y += h;
        }
        Item& link = page.text(x, y, page.measurer.fit(s.url, font, width - 14), font, theme.arrow,
                               "reference-url");
        link.link = s.url;
        // On the same line, the taller of the two sets the line (Arabic runs taller).
        h = wraps ? link.box.height : std::max(h, link.box.height);
    }
    return y + h + 1;
}

}  // namespace

double draw_references(PageWriter& page, double y, const Citations& citations) {
    if (citations.sources.empty()) return y;
    const Theme& theme = page.theme;
    const Source& first = *citations.sources.front();
    if (citations.said_once)
        return draw_source(page, y, "Source: " + describe(first), first, "source-note");
    y += page.text(theme.margin, y, "Sources", theme.font(theme.legend_size, true), theme.text,
                   "references-heading")
             .box.height +
         2;
    for (std::size_t i = 0; i < citations.sources.size(); ++i) {
        const Source& s = *citations.sources[i];
        y = draw_source(page, y, "[" + std::to_string(i + 1) + "] " + describe(s), s, "reference");
    }
    return y;
}

double draw_notes(PageWriter& page, double y, const std::vector<ShortenedLabel>& notes) {
    if (notes.empty()) return y;
    const Theme& theme = page.theme;
    const FontSpec font = theme.font(theme.reference_size);
    y += 8;
    y += page.text(theme.margin, y, "Labels shortened on the chart, in full",
                   theme.font(theme.legend_size, true), theme.text, "notes-heading")
             .box.height +
         2;
    for (std::size_t i = 0; i < notes.size(); ++i) {
        const std::string line = "(" + std::to_string(i + 1) + ") " + notes[i].text + " \u2014 " +
                                 isolate(notes[i].lane);
        y += page.text(theme.margin, y, page.measurer.fit(line, font, page.inner_width()), font,
                       theme.text, "note")
                 .box.height +
             1;
    }
    return y;
}

double draw_group_key(PageWriter& page, double y, const std::vector<GroupNote>& groups) {
    if (groups.empty()) return y;
    const Theme& theme = page.theme;
    const FontSpec font = theme.font(theme.reference_size);
    constexpr double kIndent = 10;
    y += 8;
    y += page.text(theme.margin, y, "Events drawn as one mark", theme.font(theme.legend_size, true),
                   theme.text, "groups-heading")
             .box.height +
         2;
    for (const GroupNote& g : groups) {
        const std::string line = g.label + " \u2014 " + isolate(g.lane) + ":";
        Item& heading =
            page.text(theme.margin, y, page.measurer.fit(line, font, page.inner_width()), font,
                      theme.text, "group");
        for (const GroupNote::Member& m : g.members)
            heading.events.push_back(m.event);
        y += heading.box.height + 1;
        // Members that read alike (nine "military allocation" the same day) share a line.
        for (std::size_t i = 0, n = 1; i < g.members.size(); i += n) {
            const std::string& text = g.members[i].text;
            n = 1;
            while (i + n < g.members.size() && g.members[i + n].text == text)
                ++n;
            const std::string line = (n > 1 ? std::to_string(n) + " \u00d7 " : "") + text;
            Item& member =
                page.text(theme.margin + kIndent, y,
                          page.measurer.fit(line, font, page.inner_width() - kIndent), font,
                          theme.text, "group-member", n > 1 ? "" : g.members[i].event);
            for (std::size_t k = 0; n > 1 && k < n; ++k)
                member.events.push_back(g.members[i + k].event);
            y += member.box.height + 1;
        }
    }
    return y;
}

}  // namespace tl
