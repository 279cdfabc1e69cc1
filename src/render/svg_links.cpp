#include "render/svg_links.hpp"

#include <cstdio>

#include "render/link_uri.hpp"

namespace tl {
namespace {

/// Text as an XML attribute value between double quotes, or as an element's text. The
/// controls XML 1.0 does not allow are dropped (the loader refuses them; this is the last
/// guard before a file no parser would open).
std::string xml_attribute(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        if (static_cast<unsigned char>(c) < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string number(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}

}  // namespace

std::string add_svg_links(std::string svg, const Scene& page) {
    const std::size_t end = svg.rfind("</svg>");
    if (end == std::string::npos) return svg;
    std::string links;
    for (const Item& it : page.items) {
        if (it.link.empty()) continue;
        const std::string href = xml_attribute(pdf_link_uri(it.link));
        const std::string name = xml_attribute(it.text);  // what the link says, for its name
        links += "<a xlink:href=\"" + href + "\" aria-label=\"" + name + "\"><title>" + name +
                 "</title><rect x=\"" + number(it.box.x) + "\" y=\"" + number(it.box.y) +
                 "\" width=\"" + number(it.box.width) + "\" height=\"" + number(it.box.height) +
                 "\" fill=\"#000\" fill-opacity=\"0\"/></a>\n";
    }
    svg.insert(end, links);
    return svg;
}

std::string add_svg_descriptions(std::string svg, const Scene& page, bool event_names) {
    const std::size_t open = svg.find("<svg");
    const std::size_t open_end = open == std::string::npos ? open : svg.find('>', open);
    const std::size_t end = svg.rfind("</svg>");
    if (open_end == std::string::npos || end == std::string::npos || end < open_end) return svg;
    std::string labels;
    for (const Item& it : page.items) {
        if (it.alt.empty() || !event_names) continue;
        const std::string alt = xml_attribute(it.alt);
        labels += "<g role=\"graphics-symbol\" aria-label=\"" + alt + "\"><title>" + alt +
                  "</title><rect x=\"" + number(it.box.x) + "\" y=\"" + number(it.box.y) +
                  "\" width=\"" + number(it.box.width) + "\" height=\"" + number(it.box.height) +
                  "\" fill=\"#000\" fill-opacity=\"0\"/></g>\n";
    }
    svg.insert(end, labels);
    std::string head = "\n<title id=\"chart-title\">" + xml_attribute(page.title) + "</title>";
    std::string labelled = "chart-title";
    if (!page.description.empty()) {
        head += "\n<desc id=\"chart-desc\">" + xml_attribute(page.description) + "</desc>";
        labelled += " chart-desc";
    }
    svg.insert(open_end + 1, head);
    // Before the tag's end (a self-closing <svg/> holds no chart to describe anyway).
    svg.insert(open_end,
               " role=\"graphics-document document\" aria-labelledby=\"" + labelled + "\"");
    return svg;
}

}  // namespace tl
