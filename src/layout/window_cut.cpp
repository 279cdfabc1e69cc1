#include "layout/window_cut.hpp"

#include <algorithm>

namespace tl {
namespace {

// As wide as the gap kept between a bar's end and a label inside it, so that the wedge
// never reaches the label.
constexpr double kWedgeWidth = 4;
// Taller than a bar, so that it reads as an arrow head rather than as the bar's end.
constexpr double kWedgeMinHeight = 10;

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
    const double width = std::min(kWedgeWidth, mark.box.width / 2);
    const double height = std::max(mark.box.height, kWedgeMinHeight);
    const double cy = mark.box.y + mark.box.height / 2;
    const double x = before ? mark.box.x : mark.box.right() - width;
    it.box = {x, cy - height / 2, width, height};
    return it;
}

}  // namespace

std::vector<Item> cut_at_axis_ends(Item& mark, const Date& date, const TimeScale& scale) {
    if (mark.type == ItemType::marker && mark.shape == MarkerShape::circle) return {};
    // Only a known side can reach past the axis; an open or unknown one has its own end.
    const bool before = date.start.bounded() && date.start.earliest < scale.first;
    const bool after = date.last().bounded() && date.last().latest > scale.last;
    std::vector<Item> cuts;
    if (before) cuts.push_back(wedge(mark, true));
    if (after) cuts.push_back(wedge(mark, false));
    for (const Item& cut : cuts) {
        if (cut.shape == MarkerShape::wedge_before) mark.box.x += cut.box.width;
        mark.box.width -= cut.box.width;
    }
    return cuts;
}

}  // namespace tl
