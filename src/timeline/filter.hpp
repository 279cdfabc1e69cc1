#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/model.hpp"

namespace tl {

/// Which events to keep. Values of one option are alternatives (any may match); different
/// options must all match. An empty filter keeps everything.
struct EventFilter {
    std::optional<DayNumber> from;  ///< keep events whose range reaches this day or later
    std::optional<DayNumber> to;    ///< keep events whose range starts by this day
    std::vector<std::string> actors;
    std::vector<std::string> kinds;
    std::vector<std::string> tags;
    std::vector<Confidence> confidences;
    /// When set, keep only events with these ids, sorted (`render --since --changed-only`);
    /// an empty list keeps none.
    std::optional<std::vector<std::string>> ids;

    bool keeps(const Event& e) const;
};

/// The events `filter` keeps, in the order given.
std::vector<const Event*> filter_events(const std::vector<const Event*>& events,
                                        const EventFilter& filter);

}  // namespace tl
