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

}  // namespace tl
