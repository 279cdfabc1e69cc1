#pragma once

// Internal to the layout stage: the one place that reads an event's quantities for sums and
// ranks, so that how several quantities of one unit count (a pledge and its delivery) is
// decided here alone.

#include <algorithm>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.hpp"
#include "timeline/totals.hpp"  // unit_key: units compare as `timeline totals` compares them

namespace tl {

/// The quantities an event states, in input order.
inline std::span<const Quantity> quantities_of(const Event& e) {
    return e.quantities;
}

/// The units of an event's quantities (as unit_key), each once, in input order.
inline std::vector<std::string> unit_keys(const Event& e) {
    std::vector<std::string> keys;
    for (const Quantity& q : quantities_of(e)) {
        std::string key = unit_key(q.unit);
        if (std::find(keys.begin(), keys.end(), key) == keys.end()) keys.push_back(std::move(key));
    }
    return keys;
}

/// An event's amount in a unit (given as unit_key): its largest quantity in that unit, so
/// that one event counts once in a sum however many of its quantities share the unit.
inline std::optional<double> amount_in(const Event& e, std::string_view key) {
    std::optional<double> amount;
    for (const Quantity& q : quantities_of(e))
        if (unit_key(q.unit) == key && (!amount || q.value > *amount)) amount = q.value;
    return amount;
}

}  // namespace tl
