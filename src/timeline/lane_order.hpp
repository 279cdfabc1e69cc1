#pragma once

#include <array>
#include <optional>
#include <string_view>
#include <utility>

#include "timeline/timeline.hpp"

namespace tl {

/// The names of the orders, for --lane-order and the template key `lane-order`.
inline constexpr std::array<std::pair<std::string_view, LaneOrder>, 4> kLaneOrderNames{{
    {"role", LaneOrder::role},
    {"events", LaneOrder::events},
    {"name", LaneOrder::name},
    {"input", LaneOrder::input},
}};

std::string_view to_string(LaneOrder order);
std::optional<LaneOrder> lane_order_from_string(std::string_view name);

/// Puts the lanes of `t` in `order` and renumbers its lane indexes. The lane of events that
/// name no actor ("Other") stays last in every order.
void order_lanes(Timeline& t, LaneOrder order);

}  // namespace tl
