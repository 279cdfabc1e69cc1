#pragma once

#include <string>

#include "model/model.hpp"
#include "timeline/filter.hpp"
#include "timeline/timeline.hpp"

namespace tl {

/// The --from/--to window as a reader says it, at the precision its ends fall on: "2024",
/// "Jan – Jun 2024", "15 Jan – 10 Mar 2024", "from Mar 2024", "until 2024"; empty when the
/// filter has no window.
std::string window_text(const EventFilter& filter);

/// What a chart shows, for its subtitle: the filter asked for (the actors named, by their
/// display names, the first five of more than six, and the window), then how many events and how
/// many actors take part in them (actors, not lanes, which may be folded): "Germany, France, Poland
/// · 2024 · 187 events, 4 actors". Without a window the events' span is given instead.
std::string chart_subtitle(const Timeline& t, const Model& model);

}  // namespace tl
