#include "timeline/fold.hpp"

#include <algorithm>
#include <numeric>
#include <string>

namespace tl {

void fold_lanes(Timeline& t, std::size_t max_lanes) {
    if (max_lanes < 2 || t.lanes.size() <= max_lanes) return;
    std::vector<std::size_t> events(t.lanes.size(), 0);
    for (const Event* e : t.events)
        for (std::size_t lane : t.involved_lanes(*e))  // a recipient of much support stays
            ++events[lane];
    std::vector<std::size_t> by_size(t.lanes.size());
    std::iota(by_size.begin(), by_size.end(), 0);
    std::stable_sort(by_size.begin(), by_size.end(),
                     [&](std::size_t a, std::size_t b) { return events[a] > events[b]; });
    std::vector<bool> keep(t.lanes.size(), false);
    // The actors the user named are what the chart is about: their lanes stay, even past
    // `max_lanes`; the rest of the room goes to the most involved.
    std::size_t kept = 0;
    for (const std::string& actor : t.filter.actors) {
        const auto lane = t.lane_of(actor);
        if (lane && !keep[*lane]) {
            keep[*lane] = true;
            ++kept;
        }
    }
    for (std::size_t i = 0; i < by_size.size() && kept + 1 < max_lanes; ++i) {
        if (keep[by_size[i]]) continue;
        keep[by_size[i]] = true;
        ++kept;
    }
    if (kept == t.lanes.size()) return;

    std::vector<std::size_t> moved(t.lanes.size());
    std::vector<Lane> lanes;
    for (std::size_t i = 0; i < t.lanes.size(); ++i) {
        if (!keep[i]) continue;
        moved[i] = lanes.size();
        lanes.push_back(t.lanes[i]);
    }
    const std::size_t other = lanes.size();
    const std::size_t folded = t.lanes.size() - other;
    const char* what = t.mode == LaneMode::kind    ? " kinds)"
                       : t.mode == LaneMode::group ? " groups)"
                                                   : " actors)";
    lanes.push_back({"", "Other (" + std::to_string(folded) + what, "", "", {}});
    for (std::size_t i = 0; i < t.lanes.size(); ++i)
        if (!keep[i]) moved[i] = other;
    for (auto& [id, lane] : t.actor_lane)
        lane = moved[lane];
    for (auto& [id, lane] : t.kind_lane)
        lane = moved[lane];
    t.lanes = std::move(lanes);
}

}  // namespace tl
