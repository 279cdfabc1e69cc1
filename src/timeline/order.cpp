#include "timeline/order.hpp"

#include <algorithm>
#include <tuple>

namespace tl {
namespace {

auto sort_key(const Event& e) {
    const DatePoint& start = e.date.start;
    // An open or unknown start sorts before every day on both of its keys.
    const DayNumber start_latest = start.bounded() ? start.latest : kBeforeEveryDay;
    return std::make_tuple(start.sort_earliest(), start_latest, e.date.last().sort_latest());
}

}  // namespace

bool timeline_less(const Event& a, const Event& b) {
    const auto ka = sort_key(a);
    const auto kb = sort_key(b);
    if (ka != kb) return ka < kb;
    return a.id < b.id;
}

std::vector<const Event*> sorted_events(const std::vector<Event>& events) {
    std::vector<const Event*> out;
    out.reserve(events.size());
    for (const Event& e : events)
        out.push_back(&e);
    std::sort(out.begin(), out.end(),
              [](const Event* a, const Event* b) { return timeline_less(*a, *b); });
    return out;
}

}  // namespace tl
