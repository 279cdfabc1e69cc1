#pragma once

// Internal to the layout stage: events of one lane drawn as one mark, because they fall on
// the same place (a burst of allocations on one day): what the group's label says.

#include <string>
#include <vector>

#include "model/model.hpp"

namespace tl {

/// A kind's name as a count of events: "arms transfers", "components", "humanitarian aid
/// events" (a mass noun takes "events"), from its label ("Arms transfer").
std::string plural_kind(const std::string& label);

/// "9 arms transfers, 4 Jan 2024" when every member has one kind, else "9 events, 4 Jan
/// 2024"; the dates of the first and last member when they differ ("3 Jan 2024 – 5 Jan
/// 2024"). `members` are in the order they are drawn, left to right.
std::string group_label_text(const std::vector<const Event*>& members, const Model& model);

}  // namespace tl
