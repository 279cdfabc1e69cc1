#include "timeline/lane_order.hpp"

#include <algorithm>
#include <numeric>
#include <utility>

namespace tl {
namespace {

/// What each lane does across the events: how many it takes part in, how many it receives
/// support in (`to`) and how many it gives (`from`).
struct LaneWeight {
    std::size_t events = 0;
    std::size_t received = 0;
    std::size_t supplied = 0;
    bool recipient() const { return received > supplied; }
};

std::vector<LaneWeight> weigh(const Timeline& t) {
    std::vector<LaneWeight> w(t.lanes.size());
    const auto count = [&](const std::vector<Ref>& refs, std::size_t LaneWeight::*field) {
        for (const Ref& r : refs)
            if (const auto lane = t.lane_of(r.id)) ++(w[*lane].*field);
    };
    for (const Event* e : t.events) {
        for (std::size_t lane : t.involved_lanes(*e))
            ++w[lane].events;
        count(e->to, &LaneWeight::received);
        count(e->from, &LaneWeight::supplied);
    }
    return w;
}

/// The lane of events without actors: the "Other" lane, which closes every order.
bool is_no_actor_lane(const Timeline& t, std::size_t lane) {
    return t.mode != LaneMode::kind && t.lanes[lane].id.empty();
}

}  // namespace

std::string_view to_string(LaneOrder order) {
    for (const auto& [name, value] : kLaneOrderNames)
        if (value == order) return name;
    return "role";
}

std::optional<LaneOrder> lane_order_from_string(std::string_view name) {
    for (const auto& [text, value] : kLaneOrderNames)
        if (text == name) return value;
    return std::nullopt;
}

void order_lanes(Timeline& t, LaneOrder order) {
    if (order == LaneOrder::input || t.lanes.size() < 2) return;
    const std::vector<LaneWeight> w = weigh(t);
    std::vector<std::size_t> by(t.lanes.size());
    std::iota(by.begin(), by.end(), 0);
    const auto by_name = [&](std::size_t a, std::size_t b) {
        if (t.lanes[a].name != t.lanes[b].name) return t.lanes[a].name < t.lanes[b].name;
        return t.lanes[a].id < t.lanes[b].id;
    };
    std::stable_sort(by.begin(), by.end(), [&](std::size_t a, std::size_t b) {
        if (is_no_actor_lane(t, a) != is_no_actor_lane(t, b)) return is_no_actor_lane(t, b);
        if (order == LaneOrder::role && w[a].recipient() != w[b].recipient())
            return w[a].recipient();
        if (order != LaneOrder::name && w[a].events != w[b].events)
            return w[a].events > w[b].events;
        return by_name(a, b);
    });
    std::vector<std::size_t> moved(t.lanes.size());
    std::vector<Lane> lanes;
    lanes.reserve(t.lanes.size());
    for (std::size_t i = 0; i < by.size(); ++i) {
        moved[by[i]] = i;
        lanes.push_back(std::move(t.lanes[by[i]]));
    }
    t.lanes = std::move(lanes);
    for (auto& [id, lane] : t.actor_lane)
        lane = moved[lane];
    for (auto& [id, lane] : t.kind_lane)
        lane = moved[lane];
}

}  // namespace tl
