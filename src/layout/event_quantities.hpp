#pragma once

// Internal to the layout stage: the one place that reads an event's quantities, so that the
// move from one `quantity` to a list of them (format 1.1) changes this file alone.

#include <span>

#include "model/model.hpp"

namespace tl {

/// The quantities an event states, in input order: none, or one.
inline std::span<const Quantity> quantities_of(const Event& e) {
    if (!e.quantity) return {};
    return {&*e.quantity, 1};
}

}  // namespace tl
