#include "render/svg_links.hpp"

#include <cstdio>

#include "render/link_uri.hpp"

namespace tl {
namespace {

/// Text as an XML attribute value between double quotes.
std::string xml_attribute(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
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
        links += "<a xlink:href=\"" + href + "\"><rect x=\"" + number(it.box.x) + "\" y=\"" +
                 number(it.box.y) + "\" width=\"" + number(it.box.width) + "\" height=\"" +
                 number(it.box.height) + "\" fill=\"#000\" fill-opacity=\"0\"/></a>\n";
    }
    svg.insert(end, links);
    return svg;
}

}  // namespace tl
