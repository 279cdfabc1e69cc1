#pragma once

// Events for the density tests: support from one actor to Ukraine ("UA"), with an amount.

#include <optional>
#include <string>

#include "model/model.hpp"

namespace tl::testing {

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
