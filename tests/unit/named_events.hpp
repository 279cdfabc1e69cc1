#pragma once

// The reader's check that every event drawn is named: each marker, bracket or bar has, on its
// page, an event label carrying its id (its own label, a callout number or a group's label),
// and every callout number the notes under a chart explain is drawn on that chart, and the
// other way round.

#include <algorithm>
#include <map>
#include <regex>
#include <set>
#include <string>
#include <vector>

#include "layout/scene.hpp"

namespace tl::testing {

/// The events an item belongs to: its own, or its group's.
inline std::vector<std::string> item_events(const Item& it) {
    if (!it.events.empty()) return it.events;
    if (!it.event.empty()) return {it.event};
    return {};
}

inline bool is_event_mark(const Item& it) {
    return (it.type == ItemType::marker || it.type == ItemType::bar) && !item_events(it).empty();
}

/// What a reader would find wrong in `doc`, one line each: marks with no label carrying their
/// event (when `marks`), callout numbers on a chart that its notes do not list, notes whose
/// numbers are drawn nowhere, and notes on a page before the one their number is drawn on. A
/// chart starts on a page with its title; the pages after it without one continue it (a chart
/// too tall for a fixed page goes on over pages) and then carry its references and notes.
inline std::vector<std::string> naming_problems(const Document& doc, bool marks = true) {
    std::vector<std::string> problems;
    static const std::regex callout(R"(\((\d+)\)$)");
    static const std::regex note(R"(^\((\d+)\) )");
    std::map<std::string, std::size_t> drawn, listed;  // number: the first page it is on
    const auto close_chart = [&](std::size_t page) {
        const std::string chart = "chart ending on page " + std::to_string(page) + ": ";
        for (const auto& [n, on] : listed)
            if (!drawn.count(n)) {
                problems.push_back(chart + "note (" + n + ") is drawn nowhere");
            } else if (on < drawn[n]) {
                problems.push_back(chart + "note (" + n + ") on page " + std::to_string(on) +
                                   " comes before its number on page " + std::to_string(drawn[n]));
            }
        for (const auto& [n, on] : drawn)
            if (!listed.count(n))
                problems.push_back(chart + "callout (" + n + ") is not in the notes");
        drawn.clear();
        listed.clear();
    };
    for (std::size_t p = 0; p < doc.pages.size(); ++p) {
        const Scene& page = doc.pages[p];
        const bool starts_chart = std::any_of(page.items.begin(), page.items.end(),
                                              [](const Item& it) { return it.role == "title"; });
        if (starts_chart && p > 0) close_chart(p - 1);
        std::set<std::string> named;
        for (const Item& it : page.items) {
            std::smatch m;
            if (it.type == ItemType::text && it.role == "event-label") {
                for (const std::string& e : item_events(it))
                    named.insert(e);
                if (std::regex_search(it.text, m, callout)) drawn.emplace(m[1], p);
            }
            if (it.type == ItemType::text && it.role == "note" &&
                std::regex_search(it.text, m, note))
                listed.emplace(m[1], p);
        }
        for (const Item& it : page.items)
            if (marks && is_event_mark(it))
                for (const std::string& e : item_events(it))
                    if (!named.count(e))
                        problems.push_back("page " + std::to_string(p) + ": the " + it.role +
                                           " of " + e + " has no label");
    }
    close_chart(doc.pages.empty() ? 0 : doc.pages.size() - 1);
    return problems;
}

}  // namespace tl::testing
