#include "layout/scene.hpp"

#include "base/text.hpp"
#include "layout/number_text.hpp"
#include "model/date.hpp"

namespace tl {
namespace {

/// Fixed precision keeps the JSON byte-identical across runs and readable in diffs.
std::string num(double v) {
    return number_text(v, 2);
}

std::string_view style_name(LineStyle s) {
    switch (s) {
        case LineStyle::solid: return "solid";
        case LineStyle::dashed: return "dashed";
        case LineStyle::dotted: return "dotted";
        case LineStyle::dash_dot: return "dash-dot";
    }
    return "solid";
}

}  // namespace

std::string_view to_string(ItemType t) {
    switch (t) {
        case ItemType::band: return "band";
        case ItemType::line: return "line";
        case ItemType::bar: return "bar";
        case ItemType::marker: return "marker";
        case ItemType::arrow: return "arrow";
        case ItemType::text: return "text";
        case ItemType::polyline: return "polyline";
    }
    return "line";
}

std::string_view to_string(MarkerShape s) {
    switch (s) {
        case MarkerShape::circle: return "circle";
        case MarkerShape::bracket: return "bracket";
        case MarkerShape::wedge_before: return "wedge-before";
        case MarkerShape::wedge_after: return "wedge-after";
        case MarkerShape::glyph_triangle_up: return "triangle-up";
        case MarkerShape::glyph_diamond: return "diamond";
        case MarkerShape::glyph_bowtie: return "bowtie";
        case MarkerShape::glyph_square: return "square";
        case MarkerShape::glyph_plus: return "plus";
        case MarkerShape::glyph_triangle_down: return "triangle-down";
        case MarkerShape::glyph_star: return "star";
        case MarkerShape::glyph_pentagon: return "pentagon";
        case MarkerShape::glyph_cross: return "cross";
        case MarkerShape::glyph_hourglass: return "hourglass";
        case MarkerShape::glyph_bar: return "bar";
        case MarkerShape::glyph_triangle_right: return "triangle-right";
        case MarkerShape::glyph_triangle_left: return "triangle-left";
    }
    return "circle";
}

namespace {

std::string items_json(const std::vector<Item>& items) {
    std::string out = "[";
    for (std::size_t i = 0; i < items.size(); ++i) {
        const Item& it = items[i];
        out += i ? ",\n  " : "\n  ";
        out += "{\"type\": \"" + std::string(to_string(it.type)) +
               "\", \"role\": " + json_quote(it.role) + ", \"x\": " + num(it.box.x) +
               ", \"y\": " + num(it.box.y) + ", \"width\": " + num(it.box.width) +
               ", \"height\": " + num(it.box.height);
        if (!it.event.empty()) out += ", \"event\": " + json_quote(it.event);
        if (!it.events.empty()) {
            out += ", \"events\": [";
            for (std::size_t e = 0; e < it.events.size(); ++e)
                out += (e ? ", " : "") + json_quote(it.events[e]);
            out += "]";
        }
        if (!it.lane.empty()) out += ", \"lane\": " + json_quote(it.lane);
        if (!it.to_lane.empty()) out += ", \"to_lane\": " + json_quote(it.to_lane);
        if (it.type == ItemType::text)
            out += ", \"text\": " + json_quote(it.text) + ", \"font_size\": " + num(it.font.size);
        if (it.type == ItemType::line || it.type == ItemType::arrow) {
            out += ", \"x1\": " + num(it.from.x) + ", \"y1\": " + num(it.from.y) +
                   ", \"x2\": " + num(it.to.x) + ", \"y2\": " + num(it.to.y);
        }
        if (it.type == ItemType::polyline) {
            out += ", \"points\": [";
            for (std::size_t p = 0; p < it.points.size(); ++p)
                out += (p ? ", [" : "[") + num(it.points[p].x) + ", " + num(it.points[p].y) + "]";
            out += "]";
        }
        if (it.role == "totals-line" || it.role == "totals-figure") {
            out += ", \"value\": " + num(it.value) + ", \"unit\": " + json_quote(it.unit) +
                   ", \"stage\": " + json_quote(it.stage);
        }
        if (it.type == ItemType::marker || it.type == ItemType::arrow || it.type == ItemType::bar ||
            it.type == ItemType::polyline)
            out += ", \"style\": \"" + std::string(style_name(it.style)) + "\"";
        if (it.type == ItemType::marker)
            out += ", \"shape\": \"" + std::string(to_string(it.shape)) + "\"";
        if (!it.kind.empty()) out += ", \"kind\": " + json_quote(it.kind);
        if (it.role == "density-bin") {
            out += ", \"value\": " + num(it.value) + ", \"unit\": " + json_quote(it.unit) +
                   ", \"count\": " + std::to_string(it.count);
        }
        if (it.hollow) out += ", \"hollow\": true";
        if (!it.change.empty()) out += ", \"change\": " + json_quote(it.change);
        if (!it.alt.empty()) out += ", \"alt\": " + json_quote(it.alt);
        if (!it.link.empty()) out += ", \"link\": " + json_quote(it.link);
        out += "}";
    }
    return out + "\n]";
}

std::string page_json(const Scene& page) {
    std::string out = "\"width\": " + num(page.width) + ", \"height\": " + num(page.height);
    if (!page.range.empty()) {
        out += ", \"range\": {\"from\": \"" + iso_date(page.range.first) + "\", \"to\": \"" +
               iso_date(page.range.last) + "\"}";
    }
    if (!page.outline.empty()) out += ", \"outline\": " + json_quote(page.outline);
    if (!page.description.empty()) out += ", \"description\": " + json_quote(page.description);
    return out + ", \"items\": " + items_json(page.items);
}

}  // namespace

std::string document_to_json(const Document& doc) {
    if (doc.pages.empty()) return "{}\n";
    std::string out = "{\"title\": " + json_quote(doc.title) + ", " + page_json(doc.pages[0]);
    if (doc.pages.size() > 1) {
        out += ",\n\"pages\": [";
        for (std::size_t i = 1; i < doc.pages.size(); ++i)
            out += std::string(i > 1 ? ",\n" : "\n") + "{" + page_json(doc.pages[i]) + "}";
        out += "\n]";
    }
    return out + "}\n";
}

std::string scene_to_json(const Scene& scene) {
    return document_to_json({scene.title, scene.subject, {scene}});
}

}  // namespace tl
