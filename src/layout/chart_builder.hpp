#pragma once

// Internal to the layout stage: the skeleton of one chart, which every view shares, and the
// hooks by which a view (detail_view, density_view) makes it its own. layout_document()
// (chart_layout.cpp) decides which view lays out a timeline.

#include <cstddef>

#include "layout/chart_canvas.hpp"
#include "layout/chart_lanes.hpp"
#include "layout/event_placement.hpp"

namespace tl {

/// What one kind of chart adds to the skeleton: which events get a mark and where, and
/// anything it draws in or above the lanes besides them.
class ChartView {
  public:
    virtual ~ChartView() = default;

    /// Says what the view shows, under the header at `y`; returns the y below.
    virtual double draw_note(double y) { return y; }
    /// Numbers the sources that labels cite (into the canvas) and places the events that
    /// get a mark in their lanes' rows.
    virtual void place_events(PlacedEvents& placed) = 0;
    /// The height of what the view draws in each lane above its rows.
    virtual double strip_height() const { return 0; }
    /// Draws what the view adds to lane `l` after its name, which ends at `name_bottom`.
    virtual void draw_lane_extras(const LaneStack& /*lanes*/, std::size_t /*l*/,
                                  double /*name_bottom*/) {}
};

/// One chart on the canvas, as `view` lays it out: header, the view's note, eras, axis,
/// lanes with their events and arrows, legend, references and notes; on more than one page
/// only when a template's fixed page height needs it. Lanes are drawn as given: folding is
/// the caller's choice.
Document build_chart(ChartCanvas& c, ChartView& view);

/// build_chart() with a `View` made on a new canvas for the timeline.
template <class View>
Document build_chart_as(const Timeline& timeline, const Model& model, const Theme& theme,
                        const TextMeasurer& measurer, const LayoutOptions& options) {
    ChartCanvas canvas(timeline, model, theme, measurer, options);
    View view(canvas);
    return build_chart(canvas, view);
}

}  // namespace tl
