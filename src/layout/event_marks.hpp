#pragma once

// Internal to the layout stage: placed events as drawn: markers, brackets and bars, their
// labels and quantities, and support arrows between lanes.

#include "layout/chart_canvas.hpp"
#include "layout/chart_lanes.hpp"
#include "layout/event_placement.hpp"

namespace tl {

/// How sure the sources are, as a line style: solid for confirmed.
LineStyle style_for(Confidence c);

/// Draws an event's marker (a day), bracket (a month, season or year) or bar (an interval),
/// then its label: whole when it fits, else shortened with a callout number that the notes
/// under the chart explain (added to `c.notes`).
void draw_event(ChartCanvas& c, const PlacedEvents& placed, const LaneStack& lanes,
                const Placement& p);

/// Draws a support arrow from its event's row to the edge of the lane it points into.
void draw_arrow(ChartCanvas& c, const PlacedEvents& placed, const LaneStack& lanes,
                const ArrowPlan& a);

/// Draws a shared event's link into another of its lanes: a dot at the lane's edge and,
/// from the farthest lane each way, a thin line from the event's row to it.
void draw_shared_link(ChartCanvas& c, const PlacedEvents& placed, const LaneStack& lanes,
                      const ArrowPlan& a);

}  // namespace tl
