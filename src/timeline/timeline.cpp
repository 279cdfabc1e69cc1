#include "timeline/timeline.hpp"

#include <algorithm>
#include <initializer_list>
#include <unordered_map>
#include <unordered_set>

#include "model/kinds.hpp"
#include "timeline/lane_order.hpp"
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

std::optional<DaySpan> window_of(const EventFilter& filter, const DaySpan& events) {
    if (!filter.from && !filter.to) return std::nullopt;
    // With one side named and no event kept, the window is that day. The events' span can
    // end before --from (or start after --to) when the only events reaching the window do
    // so through an open side, which no span counts: the window never runs backwards.
    const DayNumber first = filter.from ? *filter.from : events.empty() ? *filter.to : events.first;
    const DayNumber last = filter.to ? *filter.to : events.empty() ? *filter.from : events.last;
    return DaySpan{std::min(first, last), std::max(first, last)};
}

std::optional<std::size_t> Timeline::lane_of(std::string_view actor_id) const {
    const auto it = actor_lane.find(std::string(actor_id));
    if (it == actor_lane.end()) return std::nullopt;
    return it->second;
}

namespace {

/// Removes repeated values, keeping the first of each in place: by sorting positions, so
/// that an event naming 128 actors costs 128 log 128 steps, not 128 squared.
void keep_first_of_each(std::vector<std::size_t>& values) {
    if (values.size() < 2) return;
    std::vector<std::size_t> order(values.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return values[a] < values[b]; });
    std::vector<bool> repeated(values.size(), false);
    for (std::size_t i = 1; i < order.size(); ++i)
        repeated[order[i]] = values[order[i]] == values[order[i - 1]];
    std::size_t kept = 0;
    for (std::size_t i = 0; i < values.size(); ++i)
        if (!repeated[i]) values[kept++] = values[i];
    values.resize(kept);
}

/// The lanes of the actors named in `groups`, each once, in order; else the lane of events
/// without actors, if there is one.
std::vector<std::size_t> lanes_of_actors(const Timeline& t,
                                         std::initializer_list<const std::vector<Ref>*> groups) {
    std::vector<std::size_t> out;
    for (const std::vector<Ref>* refs : groups) {
        for (const Ref& r : *refs) {
            if (const auto lane = t.lane_of(r.id)) out.push_back(*lane);
        }
    }
    keep_first_of_each(out);
    if (out.empty())
        if (auto lane = t.lane_of("")) out.push_back(*lane);
    return out;
}

}  // namespace

std::vector<std::size_t> Timeline::event_lanes(const Event& e) const {
    if (mode == LaneMode::single) return {0};
    if (mode == LaneMode::kind) {
        const auto it = kind_lane.find(e.kind);
        return {it == kind_lane.end() ? 0 : it->second};
    }
    return lanes_of_actors(*this, {!e.from.empty() ? &e.from : &e.actors});
}

std::vector<std::size_t> Timeline::involved_lanes(const Event& e) const {
    if (mode == LaneMode::single || mode == LaneMode::kind) return event_lanes(e);
    return lanes_of_actors(*this, {&e.from, &e.to, &e.actors});
}

namespace {

/// A group as a lane names it: a slug ("authoritarian-alignment") as words ("Authoritarian
/// alignment"); anything else ("Western partners", "NATO") as written.
std::string group_name(const std::string& group) {
    const bool slug = std::all_of(group.begin(), group.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
    });
    if (!slug || group.empty()) return group;
    std::string name = group;
    std::replace_if(
        name.begin(), name.end(), [](char c) { return c == '-' || c == '_'; }, ' ');
    if (name[0] >= 'a' && name[0] <= 'z') name[0] = static_cast<char>(name[0] - 'a' + 'A');
    return name;
}

/// Lanes per actor, or per group with ungrouped actors on their own, in declaration order.
void actor_lanes(const Model& model, Timeline& t, bool by_group) {
    std::unordered_set<std::string> involved;
    bool any_without_actor = false;
    for (const Event* e : t.events) {
        const auto ids = e->involved_actor_ids();
        involved.insert(ids.begin(), ids.end());
        any_without_actor |= ids.empty();
    }
    std::unordered_map<std::string, std::size_t> group_lane;
    for (const Actor& a : model.actors) {
        if (!involved.count(a.id) || t.actor_lane.count(a.id)) continue;
        if (by_group && !a.group.empty()) {
            const auto [it, added] = group_lane.emplace(a.group, t.lanes.size());
            if (added) t.lanes.push_back({a.group, group_name(a.group), a.color, a.group, {}});
            t.lanes[it->second].members.push_back(a.name.empty() ? a.id : a.name);
            t.actor_lane.emplace(a.id, it->second);
            continue;
        }
        t.actor_lane.emplace(a.id, t.lanes.size());
        t.lanes.push_back({a.id, a.name, a.color, a.group, {}});
    }
    if (any_without_actor) {
        t.actor_lane.emplace("", t.lanes.size());
        t.lanes.push_back({"", kNoActorLaneName, "", "", {}});
    }
}

/// One lane per kind that occurs: built-in kinds in their order, then declared ones.
void kind_lanes(const Model& model, Timeline& t) {
    std::unordered_set<std::string> used;
    for (const Event* e : t.events)
        used.insert(e->kind);
    const auto add = [&](const std::string& id, const std::string& label,
                         const std::string& color) {
        if (!used.count(id) || t.kind_lane.count(id)) return;
        t.kind_lane.emplace(id, t.lanes.size());
        t.lanes.push_back({id, label, color, "", {}});
    };
    for (const BuiltinKind& k : builtin_kinds())
        add(std::string(k.id), std::string(k.label), "");
    for (const Kind& k : model.kinds)
        add(k.id, k.label, k.color);
}

}  // namespace

Timeline build_timeline(const Model& model, const EventFilter& filter, LaneMode mode,
                        LaneOrder order) {
    Timeline t;
    t.mode = mode;
    t.filter = filter;
    t.events = filter_events(sorted_events(model.events), filter);
    for (const Era& era : model.eras)
        t.eras.push_back(&era);
    switch (mode) {
        case LaneMode::actor: actor_lanes(model, t, false); break;
        case LaneMode::group: actor_lanes(model, t, true); break;
        case LaneMode::kind: kind_lanes(model, t); break;
        case LaneMode::single:
            if (!t.events.empty()) t.lanes.push_back({"", "All events", "", "", {}});
            break;
    }
    order_lanes(t, order);
    t.span = span_of(t.events, t.eras);
    return t;
}

}  // namespace tl
