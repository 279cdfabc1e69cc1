#pragma once

// Whether each entry of a chart's legend stands for something drawn on the chart: shared by
// the layout tests (generated models) and the golden tests (the seed events).

#include <string>
#include <utility>
#include <vector>

#include "layout/scene.hpp"

namespace tl::testing {

/// A legend entry: its sample, its label and the heading of its row.
struct LegendEntry {
    const Item* sample;
    std::string label;
    std::string heading;
};

inline std::vector<LegendEntry> legend_entries(const Scene& scene) {
    std::vector<LegendEntry> out;
    std::string heading;
    for (std::size_t i = 0; i < scene.items.size(); ++i) {
        const Item& it = scene.items[i];
        if (it.role == "legend-heading") heading = it.text;
        if (it.role == "legend-sample" && i + 1 < scene.items.size() &&
            scene.items[i + 1].role == "legend")
            out.push_back({&it, scene.items[i + 1].text, heading});
    }
    return out;
}

/// An event's mark or one of its lines: what a legend entry can stand for. (The dots and
/// lines that link a shared event's lanes have an entry of their own.)
inline bool is_event_drawing(const Item& it) {
    return !it.event.empty() && it.type != ItemType::text && it.role != "shared-link" &&
           it.role != "shared-mark";
}

/// Whether `entry` stands for at least one item drawn on the chart.
inline bool legend_entry_is_drawn(const Scene& scene, const LegendEntry& entry) {
    const std::string& label = entry.label;
    const auto any = [&](auto&& pred) {
        for (const Item& it : scene.items)
            if (is_event_drawing(it) && pred(it)) return true;
        return false;
    };
    // A kind's entry shows its glyph: the chart draws that glyph before a label of the kind.
    if (entry.heading == "Kinds")
        return any([&](const Item& it) {
            return it.role == "kind-glyph" && it.kind == entry.sample->kind &&
                   it.shape == entry.sample->shape;
        });
    if (label == "exact day")
        return any([](const Item& it) {
            return it.type == ItemType::marker && it.shape == MarkerShape::circle && !it.hollow;
        });
    if (label.rfind("known only to the month", 0) == 0)
        return any([](const Item& it) {
            return it.type == ItemType::marker && it.shape == MarkerShape::bracket;
        });
    if (label.rfind("approximate", 0) == 0) return any([](const Item& it) { return it.hollow; });
    if (label == "interval")
        return any([](const Item& it) {
            return it.type == ItemType::bar && !it.fade_start && !it.fade_end && !it.dashed_start &&
                   !it.dashed_end;
        });
    if (label == "ongoing")
        return any([](const Item& it) {
            return it.type == ItemType::bar && (it.fade_start || it.fade_end);
        });
    if (label == "start or end unknown")
        return any([](const Item& it) {
            return it.type == ItemType::bar && (it.dashed_start || it.dashed_end);
        });
    if (label.rfind("support", 0) == 0)
        return any([](const Item& it) { return it.type == ItemType::arrow; });
    const auto any_role = [&](auto&&... roles) {
        for (const Item& it : scene.items)
            if (((it.role == roles) || ...)) return true;
        return false;
    };
    if (label.rfind("axis break", 0) == 0) return any_role("axis-break-mark");
    if (label == "goes on beyond the dates shown")
        return any_role("continues-before", "continues-after");
    if (label == "shared by several actors") {
        for (const Item& it : scene.items)
            if (it.role == "shared-link") return true;
        return false;
    }
    const std::pair<const char*, LineStyle> styles[] = {{"confirmed", LineStyle::solid},
                                                        {"reported", LineStyle::dashed},
                                                        {"alleged", LineStyle::dotted},
                                                        {"assessed", LineStyle::dash_dot}};
    for (const auto& [name, style] : styles)
        if (label == name)
            return any([&, style = style](const Item& it) { return it.style == style; });
    // An entry these tests do not know: the chart must draw an item of the sample's type
    // and shape.
    return any([&](const Item& it) {
        return it.type == entry.sample->type && it.shape == entry.sample->shape;
    });
}

}  // namespace tl::testing
