#pragma once

// Internal to the layout stage: how a chart drawn with `render --since` marks what changed
// since an old version of its inputs. A new event's label starts with a NEW badge, a revised
// one's with REVISED; a date refined, widened or moved keeps its old range drawn faintly
// behind the event; the blocks under the chart list each revision (old and new values) and
// each event withdrawn (with its old date and title). Every item of a changed event carries
// Item::change, so that tests read the marks off the Scene.

#include <string>
#include <string_view>

#include "layout/chart_canvas.hpp"
#include "layout/chart_lanes.hpp"
#include "layout/event_placement.hpp"

namespace tl {

/// What changed about a placement's event (for a group: about any of its members):
/// "added", "changed", or "" when nothing did or no old version was given. A group whose
/// changed members were all added is "added".
std::string_view placement_change(const LayoutOptions& o, const Placement& p);

/// What changed about one event: "added", "changed" or "".
std::string_view event_change(const LayoutOptions& o, const Event& e);

/// The badge a placement's label starts with: "NEW", "REVISED" or "".
std::string_view change_badge(std::string_view change);

/// Draws, in each row, the old range of every single event whose date was refined, widened
/// or moved, as a pale bar with a dotted outline, before the events so that they lie over it.
void draw_old_dates(ChartCanvas& c, const PlacedEvents& placed, const LaneStack& lanes);

/// Draws the badge of `change` as a filled box at `badge`, behind the label text it starts.
void draw_change_badge(ChartCanvas& c, std::string_view change, const Rect& badge,
                       const Placement& p);

/// Sets Item::change on the items from `first` on that belong to an event that changed.
void mark_changed_items(Scene& scene, std::size_t first, const LayoutOptions& o);

/// The blocks under the chart: "Revised since OLD" (each revised event drawn, what changed,
/// old and new) and "Withdrawn since OLD" (each event of the old version that is gone, its
/// old date and title). Returns the y below them.
double draw_revision_lists(ChartCanvas& c, double y);

}  // namespace tl
