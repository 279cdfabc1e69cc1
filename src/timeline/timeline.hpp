#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "model/model.hpp"
#include "timeline/filter.hpp"

namespace tl {

/// One horizontal band of the chart: the events of one actor.
struct Lane {
    std::string id;  ///< actor id; empty for the lane of events that name no actor
    std::string name;
    std::string color;
    std::string group;
};

/// The range of days that the chart must show.
struct DaySpan {
    DayNumber first = 0;
    DayNumber last = 0;
    bool empty() const { return last < first; }
};

/// A model made ready to draw: events in order, the lanes they fall in, the eras behind them.
/// It points into the Model, which must outlive it.
struct Timeline {
    std::vector<const Event*> events;
    std::vector<Lane> lanes;
    std::vector<const Era*> eras;
    DaySpan span;
    std::unordered_map<std::string, std::size_t> lane_index;  ///< actor id to lane

    std::optional<std::size_t> lane_of(std::string_view actor_id) const;
    /// The lanes an event is drawn in: those of its suppliers (`from`), else of its `actors`,
    /// else the lane of events without actors. Support arrows leave each of them.
    std::vector<std::size_t> event_lanes(const Event& e) const;
};

/// Sorts the events `filter` keeps and forms one lane per actor that takes part in them,
/// in declaration order.
Timeline build_timeline(const Model& model, const EventFilter& filter = {});

}  // namespace tl
