#pragma once

// Events for the unit tests, shared so that each test file does not grow its own builder (and
// so that files compiled together in one unity batch do not define one name twice).

#include <optional>
#include <string>
#include <vector>

#include "model/model.hpp"

namespace tl::testing {

/// An event of `kind` from the actors `from` to the actors `to`, with no title or amount.
inline Event flow_event(const std::string& id, const std::string& date, const std::string& kind,
                        const std::vector<std::string>& from = {},
                        const std::vector<std::string>& to = {}) {
    Event e;
    e.id = id;
    e.date = *parse_date(date).value;
    e.kind = kind;
    for (const std::string& a : from)
        e.from.push_back({a, {}});
    for (const std::string& a : to)
        e.to.push_back({a, {}});
    return e;
}

/// Support from one actor to Ukraine ("UA"), with an amount (the density and totals tests).

inline Event support_event(std::string id, std::string date, std::string from,
                           std::optional<double> value = std::nullopt, std::string unit = "EUR",
                           Confidence confidence = Confidence::confirmed) {
    Event e;
    e.id = id;
    e.title = "Event " + id;
    e.date = *parse_date(date).value;
    e.kind = "arms-transfer";
    e.confidence = confidence;
    e.from.push_back({std::move(from), {}});
    e.to.push_back({"UA", {}});
    if (value) {
        Quantity q;
        q.value = *value;
        q.unit = std::move(unit);
        e.quantities.push_back(q);
    }
    return e;
}

}  // namespace tl::testing
