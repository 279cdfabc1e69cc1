#include "layout/window_cut.hpp"

namespace tl {
namespace {

// A little taller than a bar, so that it reads as an arrow head rather than as the bar's
// end; the same on a bar tall enough to hold its label, a head on its middle.
constexpr double kWedgeHeight = 10;

Item wedge(const Item& mark, bool before) {
    Item it;
    it.type = ItemType::marker;
    it.role = before ? "continues-before" : "continues-after";
    it.shape = before ? MarkerShape::wedge_before : MarkerShape::wedge_after;
    it.event = mark.event;
    it.lane = mark.lane;
    it.fill = mark.stroke;
    it.stroke = mark.stroke;
    it.stroke_width = 0;
    const double cy = mark.box.y + mark.box.height / 2;
    const double x = before ? mark.box.x - kCutWedgeWidth : mark.box.right();
    it.box = {x, cy - kWedgeHeight / 2, kCutWedgeWidth, kWedgeHeight};
    return it;
}

}  // namespace

std::vector<Item> cut_at_axis_ends(const Item& mark, const Date& date, const TimeScale& scale) {
    if (mark.type == ItemType::marker && mark.shape == MarkerShape::circle) return {};
    // Only a known side can reach past the axis; an open or unknown one has its own end.
    const bool before = date.start.bounded() && date.start.earliest < scale.first;
    const bool after = date.last().bounded() && date.last().latest > scale.last;
    std::vector<Item> cuts;
    if (before) cuts.push_back(wedge(mark, true));
    if (after) cuts.push_back(wedge(mark, false));
    return cuts;
}

}  // namespace tl
