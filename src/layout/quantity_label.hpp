#pragma once

#include <string>
#include <vector>

#include "model/model.hpp"

namespace tl {

/// A number as a reader writes it: 200, 180,000, 1.5 million, 2.25.
std::string readable_number(double value);

/// A quantity as a label: "200+ ballistic missiles", "c. 40 drones", "up to 10 tanks",
/// and with a total, a change toward it: "+180,000 troops, total 1.5 million".
std::string quantity_label(const Quantity& q);

/// All quantities of an event as one label, each unit said once: "100 aircraft pledged,
/// 60 delivered; EUR 2 billion announced". Empty when there is none.
std::string quantities_label(const std::vector<Quantity>& qs);

}  // namespace tl
