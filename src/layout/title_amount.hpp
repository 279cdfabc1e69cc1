#pragma once

// Internal to the layout stage: whether a title already states a quantity, so that a label
// does not say the same amount twice.

#include <string_view>

#include "model/model.hpp"

namespace tl {

/// Whether `title` writes `q`'s value (and its total, if any) with its unit next to it, as
/// the badge would or rounder but no less exact: "EUR 23.4 million", "€23.4m", "23.4 million
/// EUR" for 23,417,159.98 EUR; "180,000 troops"; "1 tank" for 1 tanks. Units match
/// case-insensitively; a title rounder than the badge ("EUR 2 million" for 2.4 million)
/// does not state it.
bool title_states_quantity(std::string_view title, const Quantity& q);

}  // namespace tl
