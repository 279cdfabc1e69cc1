#pragma once

// Internal to the layout stage: the one place that reads an event's quantities, so that the
// move from one `quantity` to a list of them (format 1.1) changes this file alone.

#include <span>
#include <string>
#include <string_view>

#include "model/model.hpp"

namespace tl {

/// The quantities an event states, in input order.
inline std::span<const Quantity> quantities_of(const Event& e) {
    return e.quantities;
}

/// A unit as units are compared: ignoring ASCII case, so that EUR and eur are one unit.
inline std::string unit_key(std::string_view unit) {
    std::string key(unit);
    for (char& c : key)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return key;
}

}  // namespace tl
