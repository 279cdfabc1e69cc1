#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/model.hpp"
#include "timeline/filter.hpp"

namespace tl {

/// How events are grouped into lanes.
enum class LaneMode {
    actor,   ///< one lane per actor; support arrows between them
    group,   ///< one lane per actor `group` (ungrouped actors keep their own); arrows between
    kind,    ///< one lane per kind of event
    single,  ///< every event in one lane
};

/// How lanes are ordered from the top of the chart.
enum class LaneOrder {
    role,    ///< recipients first (actors that receive more than they supply), then the others;
             ///< each by events (most first), ties by name
    events,  ///< by the number of events a lane takes part in, most first; ties by name
    name,    ///< by display name
    input,   ///< as the actors (or kinds) are declared in the inputs
};

/// One horizontal band of the chart: the events of one actor, group or kind.
struct Lane {
    std::string id;  ///< actor, group or kind id; empty for events that name no actor
    std::string name;
    std::string color;
    std::string group;
    /// A group's lane: the names of its actors that take part, in declaration order.
    std::vector<std::string> members;
};

/// The range of days that the chart must show.
struct DaySpan {
    DayNumber first = 0;
    DayNumber last = 0;
    bool empty() const { return last < first; }
};

/// The days a chart shows when the filter names a window (--from, --to): exactly those,
/// with a side it leaves open taken from `events` (the span of the events kept), however
/// far events that began before or go on after reach. Nothing when it names neither.
std::optional<DaySpan> window_of(const EventFilter& filter, const DaySpan& events);

/// A model made ready to draw: events in order, the lanes they fall in, the eras behind them.
/// It points into the Model, which must outlive it.
struct Timeline {
    std::vector<const Event*> events;
    std::vector<Lane> lanes;
    std::vector<const Era*> eras;
    DaySpan span;
    LaneMode mode = LaneMode::actor;
    EventFilter filter;  ///< what was asked for: the subtitle states it; named actors never fold
    std::unordered_map<std::string, std::size_t> actor_lane;  ///< actor and group modes
    std::unordered_map<std::string, std::size_t> kind_lane;   ///< kind mode

    /// The lane an actor's events are in, when lanes follow actors (so arrows can be drawn).
    std::optional<std::size_t> lane_of(std::string_view actor_id) const;
    /// The lanes an event is drawn in: those of its suppliers (`from`), else of its `actors`,
    /// else the lane of events without actors; its kind's lane; or the single lane. Support
    /// arrows leave each of them.
    std::vector<std::size_t> event_lanes(const Event& e) const;
    /// The lanes of every actor that takes part in an event, supplying (`from`), receiving
    /// (`to`) or acting (`actors`), in that order; else as event_lanes. What a lane's count
    /// of events means, so that a recipient's lane counts the support it receives.
    std::vector<std::size_t> involved_lanes(const Event& e) const;
};

/// Sorts the events `filter` keeps and forms their lanes: per actor (or group) that takes
/// part, per kind, or one lane; then puts the lanes in `order` (lane_order.hpp; by default
/// recipients first, then by events).
Timeline build_timeline(const Model& model, const EventFilter& filter = {},
                        LaneMode mode = LaneMode::actor, LaneOrder order = LaneOrder::role);

}  // namespace tl
