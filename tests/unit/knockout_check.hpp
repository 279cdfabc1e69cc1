#pragma once

// The reader's check of callout numbers drawn over arrows on a knockout (a box in the lane's
// colour that hides the arrows under the number): each knockout lies right under its number,
// beside its own marker, over arrows only, never over other text, a mark or another knockout.

#include <cmath>
#include <sstream>
#include <string>
#include <vector>

#include "layout/scene.hpp"

namespace tl::testing {

inline bool contains(const Rect& outer, const Rect& inner) {
    constexpr double kSlack = 1e-6;
    return inner.x >= outer.x - kSlack && inner.right() <= outer.right() + kSlack &&
           inner.y >= outer.y - kSlack && inner.bottom() <= outer.bottom() + kSlack;
}

/// The knockout `text` is drawn on: the item right before it, when that is a knockout of
/// its event holding its box; else none.
inline const Item* knockout_under(const Scene& scene, const Item& text) {
    const auto i = static_cast<std::size_t>(&text - scene.items.data());
    if (i == 0 || i >= scene.items.size()) return nullptr;
    const Item& k = scene.items[i - 1];
    if (k.role != "knockout" || k.event != text.event || k.events != text.events ||
        !contains(k.box, text.box))
        return nullptr;
    return &k;
}

/// What is wrong with the knockouts on `scene`, one line each.
inline std::vector<std::string> knockout_problems(const Scene& scene) {
    std::vector<std::string> problems;
    const std::vector<Item>& items = scene.items;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const Item& k = items[i];
        if (k.role != "knockout") continue;
        std::ostringstream name;
        name << "knockout of " << k.event << " at " << k.box.x << "," << k.box.y;
        if (k.type != ItemType::band || k.fill.a != 1)
            problems.push_back(name.str() + " is no box");
        if (i + 1 == items.size() || items[i + 1].type != ItemType::text ||
            items[i + 1].role != "event-label" || knockout_under(scene, items[i + 1]) != &k) {
            problems.push_back(name.str() + " lies under no number of its event");
            continue;
        }
        const Item& number = items[i + 1];
        if (number.text.empty() || number.text.front() != '(' || number.text.back() != ')')
            problems.push_back(name.str() + " holds '" + number.text + "', not a number");
        bool beside = false;
        for (std::size_t j = 0; j < items.size(); ++j) {
            const Item& it = items[j];
            if (j == i || j == i + 1 || !it.box.intersects(k.box)) continue;
            const bool mark = it.type == ItemType::marker || it.type == ItemType::bar;
            if (it.type == ItemType::text || mark || it.role == "knockout")
                problems.push_back(name.str() + " covers the " + it.role + " '" + it.text +
                                   "' of " + it.event);
            if (it.type == ItemType::arrow && j > i)
                problems.push_back(name.str() + " lies under an arrow");
        }
        // Beside its own mark, in its row: at most a label's gap from it, centred on it.
        for (const Item& it : items)
            if ((it.type == ItemType::marker || it.type == ItemType::bar) && it.event == k.event &&
                it.events == k.events && it.role != "shared-mark") {
                const double gap = std::max(it.box.x - k.box.right(), k.box.x - it.box.right());
                const double dy = (it.box.y + it.box.height / 2) - (k.box.y + k.box.height / 2);
                beside |= gap <= 4 && std::abs(dy) < 1e-6;
            }
        if (!beside) problems.push_back(name.str() + " is not beside its marker");
    }
    return problems;
}

}  // namespace tl::testing
