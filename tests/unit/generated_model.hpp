#pragma once

// A deterministic generator of models for layout tests: many actors, dates of every
// precision, support pairs, long and short titles, crowded months.

#include <random>
#include <string>

#include "model/model.hpp"

namespace tl::testing {

inline Model generated_model(int events, int actors, unsigned seed = 7) {
    Model m;
    std::mt19937 rng(seed);
    const auto pick = [&](int n) { return static_cast<int>(rng() % static_cast<unsigned>(n)); };
    for (int a = 0; a < actors; ++a)
        m.actors.push_back({"A" + std::to_string(a), "Actor " + std::to_string(a), "", "", {}});
    static const char* const kKinds[] = {"arms-transfer", "components",   "economic-support",
                                         "personnel",     "force-change", "diplomatic"};
    static const char* const kWords[] = {
        "shipment", "of",        "drones", "delivered", "to",       "port", "missiles",  "reported",
        "by",       "officials", "credit", "line",      "advisers", "sent", "components"};
    for (int i = 0; i < events; ++i) {
        Event e;
        e.id = "e" + std::to_string(i);
        const int year = 2015 + pick(10);
        const int month = 1 + pick(12);
        const int day = 1 + pick(28);
        char buf[64];
        switch (pick(10)) {
            case 0: std::snprintf(buf, sizeof buf, "%04d-%02d~", year, month); break;
            case 1: std::snprintf(buf, sizeof buf, "%04d", year); break;
            case 2: std::snprintf(buf, sizeof buf, "%04d-%02d/%04d", year, month, year + 1); break;
            case 3: std::snprintf(buf, sizeof buf, "%04d-%02d-%02d/..", year, month, day); break;
            case 4: std::snprintf(buf, sizeof buf, "/%04d-%02d", year, month); break;
            case 5: std::snprintf(buf, sizeof buf, "%04d-%02d", year, month); break;
            default: std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
        }
        e.date = *parse_date(buf).value;
        std::string title;
        for (int w = 0, n = 3 + pick(10); w < n; ++w)
            title += std::string(w ? " " : "") + kWords[pick(15)];
        e.title = title;
        e.kind = kKinds[pick(6)];
        e.confidence = static_cast<Confidence>(pick(4));
        const int a = pick(actors);
        if (pick(10) < 7 && actors > 1) {
            int b = pick(actors - 1);
            if (b >= a) ++b;
            e.from.push_back({"A" + std::to_string(a), {}});
            e.to.push_back({"A" + std::to_string(b), {}});
        } else {
            e.actors.push_back({"A" + std::to_string(a), {}});
        }
        e.sources.push_back({"Publisher " + std::to_string(pick(20)),
                             "",
                             "https://example.org/" + std::to_string(i),
                             std::nullopt,
                             "",
                             {},
                             {}});
        m.events.push_back(std::move(e));
    }
    return m;
}

}  // namespace tl::testing
