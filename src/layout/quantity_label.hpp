#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/model.hpp"

namespace tl {

/// A number as a reader writes it, exactly: 200, 180,000, 1.5 million, 2.25. For counts.
std::string readable_number(double value);

/// An amount as a newsroom writes it: three significant figures, written out with commas
/// below a million (538,000; 180,000; 1,230), with a scale word from a million (23.4 million,
/// 2.91 billion).
std::string amount_text(double value);

/// Whether a unit is an ISO 4217 currency code as written (EUR, USD, UAH), which goes before
/// its amount: "EUR 2.91 billion".
bool is_currency(std::string_view unit);

/// A quantity as a label: "200+ ballistic missiles", "c. 40 drones", "up to 10 tanks",
/// "EUR 2.91 billion", "more than EUR 200 million", and with a total, a change toward it:
/// "+180,000 troops, total 1.5 million".
std::string quantity_label(const Quantity& q);

/// All quantities of an event as one label, each unit said once: "100 aircraft pledged,
/// 60 delivered; EUR 2 billion announced". Empty when there is none.
std::string quantities_label(const std::vector<Quantity>& qs);

/// The badge drawn beside an event's label: its quantities, but none that its title states
/// already ("..., EUR 23.4 million" needs no badge saying it again); empty when none is left.
std::string quantity_badge(const Event& e);

}  // namespace tl
