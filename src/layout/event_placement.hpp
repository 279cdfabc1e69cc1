#pragma once

// Internal to the layout stage: where events sit in their lanes' rows, as the views decide
// it and the event marks draw it.

#include <optional>
#include <string>
#include <vector>

#include "layout/chart_columns.hpp"
#include "layout/citations.hpp"
#include "layout/lane_packer.hpp"
#include "layout/scene.hpp"

namespace tl {

// Sizes in points, relative to the label font where they belong to a label row.
inline constexpr double kMarkerRadius = 4;
inline constexpr double kLabelGap = 4;     // between a marker and its label
inline constexpr double kItemGap = 8;      // between neighbours in a row
inline constexpr double kQuantityGap = 5;  // between a label and its quantity
inline constexpr double kKindGlyph = 5.5;  // a kind's glyph before a label: its size
inline constexpr double kKindGlyphSlot = kKindGlyph + 2.5;  // and the room it takes
/// A span made for a callout number is exactly as wide as the number measured, but its ends
/// are sums in points: its width may come out a rounding error short of the number's.
inline constexpr double kFitSlack = 1e-6;
/// How far a knockout reaches past the sides of the callout number it lies under.
inline constexpr double kKnockoutHalo = 1.5;

/// Where one event sits and what its label says, decided before anything is drawn.
struct Placement {
    const Event* event = nullptr;  ///< the event, or a group's first
    /// Events of one lane drawn as one mark, left to right (two or more); empty for one
    /// event.
    std::vector<const Event*> members;
    std::size_t lane = 0;
    LaneRows::RowIndex row = 0;
    double x0 = 0, x1 = 0;  ///< marker or bar
    double anchor = 0;      ///< where its arrows leave
    std::string label;      ///< full text: date, title, citation marks
    std::string quantity;   ///< "200+ ballistic missiles", drawn after the label in bold
    /// Its kind's glyph, drawn before the label (in its span, kKindGlyphSlot wide): none for
    /// a group of several kinds, or a kind without one.
    std::optional<MarkerShape> glyph;
    std::size_t span = 0;  ///< index into spans
};

/// An arrow from a placed event to another lane at one x; y is known only once lane
/// heights are. Or, for an event shared by several lanes without a direction, a link: a dot
/// at the edge of one of its other lanes, and a thin line to it from the farthest each way.
struct ArrowPlan {
    std::size_t placement;
    std::size_t from_lane;
    std::size_t to_lane;
    bool shared = false;     ///< a link, not support
    bool draws_line = true;  ///< a link's line reaches this lane (the farthest its way)
};

/// What a view placed: every lane's rows, the events with a mark, their labels' spans and
/// the arrows between lanes.
struct PlacedEvents {
    explicit PlacedEvents(std::size_t lanes) : rows(lanes) {}

    std::vector<LaneRows> rows;  ///< one per lane
    std::vector<Placement> placements;
    std::vector<LabelSpan> spans;
    std::vector<ArrowPlan> arrows;
};

/// An event's label: its date, its title and its citation marks.
std::string event_label_text(const Event& e, const Citations& citations);

/// Sets where `p`'s marker or bar lies on the axis, and where its arrows leave.
void set_extent(const ChartColumns& columns, Placement& p);

/// Puts the label right of the marker when it fits, else left, else inside a bar long
/// enough to hold it, else on the roomier side (to be shortened with an ellipsis).
LabelSpan label_span(const TimeScale& scale, const Placement& p, double width);

}  // namespace tl
