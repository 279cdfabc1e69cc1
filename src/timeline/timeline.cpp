#include "timeline/timeline.hpp"

#include <algorithm>
#include <unordered_set>

#include "timeline/order.hpp"

namespace tl {
namespace {

const std::string kNoActorLaneName = "Other";

void widen(DaySpan& span, const DatePoint& p) {
    if (!p.bounded()) return;
    span.first = std::min(span.first, p.earliest);
    span.last = std::max(span.last, p.latest);
}

DaySpan span_of(const std::vector<const Event*>& events, const std::vector<const Era*>& eras) {
    DaySpan span{kAfterEveryDay, kBeforeEveryDay};
    for (const Event* e : events) {
        widen(span, e->date.start);
        widen(span, e->date.last());
    }
    // Eras widen the span only when there are no events to frame.
    if (span.empty()) {
        for (const Era* era : eras) {
            widen(span, era->date.start);
            widen(span, era->date.last());
        }
    }
    return span;
}

}  // namespace

std::optional<std::size_t> Timeline::lane_of(std::string_view actor_id) const {
    const auto it = lane_index.find(std::string(actor_id));
    if (it == lane_index.end()) return std::nullopt;
    return it->second;
}

std::vector<std::size_t> Timeline::event_lanes(const Event& e) const {
    std::vector<std::size_t> out;
    for (const Ref& r : !e.from.empty() ? e.from : e.actors) {
        const auto lane = lane_of(r.id);
        if (lane && std::find(out.begin(), out.end(), *lane) == out.end()) out.push_back(*lane);
    }
    if (out.empty())
        if (auto lane = lane_of("")) out.push_back(*lane);
    return out;
}

Timeline build_timeline(const Model& model, const EventFilter& filter) {
    Timeline t;
    t.events = filter_events(sorted_events(model.events), filter);
    for (const Era& era : model.eras)
        t.eras.push_back(&era);

    std::unordered_set<std::string> involved;
    bool any_without_actor = false;
    for (const Event* e : t.events) {
        const auto ids = e->involved_actor_ids();
        involved.insert(ids.begin(), ids.end());
        any_without_actor |= ids.empty();
    }
    for (const Actor& a : model.actors)
        if (involved.count(a.id)) t.lanes.push_back({a.id, a.name, a.color, a.group});
    if (any_without_actor) t.lanes.push_back({"", kNoActorLaneName, "", ""});
    for (std::size_t i = 0; i < t.lanes.size(); ++i)
        t.lane_index.emplace(t.lanes[i].id, i);
    t.span = span_of(t.events, t.eras);
    return t;
}

}  // namespace tl
