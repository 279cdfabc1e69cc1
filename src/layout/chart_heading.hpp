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

/// The chart in words, for readers who cannot see it: the PDF's Figure gets it as its
/// alternative text, the SVG as its <desc>. What a sighted reader takes in first: how many
/// events over what span, in which lanes (the first few named, then how many more), and the
/// largest flows of support, supplier to recipient by number of events (the three largest).
/// "12 events from Oct 2014 to Oct 2024 in 6 lanes: Iran, Russia, China, NATO, North Korea,
/// Ukraine. Largest flows of support: Iran to Russia, 3 events; Russia to China, 2 events;
/// North Korea to Russia, 1 event."
std::string chart_summary(const Timeline& t, const Model& model);

/// One event in words, as its label's alternative text: its date as the chart writes it, its
/// title, its kind (which the chart says only by colour), its quantities and how sure the
/// sources are. "Sep 2024 · Iran delivers more than 200 ballistic missiles to Russia · Arms
/// transfer · 200+ ballistic missiles · reported".
std::string event_summary(const Event& e, const Model& model);

}  // namespace tl
