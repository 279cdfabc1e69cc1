#pragma once

#include <cstddef>
#include <vector>

#include "layout/scene.hpp"

namespace tl {

/// Where the parts of a laid-out chart end, for putting it on pages of a fixed size.
struct PageBreaks {
    std::size_t chart_items;  ///< items before this index are the chart (through the legend)
    double chart_bottom;      ///< where the chart ends
    double content_bottom;    ///< where everything (references, notes) ends
};

/// Puts a chart laid out at its natural height on pages `page_height` tall: all on one page
/// when it fits; else the chart alone on the first page, scaled down about its top-left
/// margin corner and centred when even it is too tall, and the references and notes flowing
/// over the pages after it, never splitting a line.
std::vector<Scene> paginate(Scene whole, const PageBreaks& breaks, double page_height,
                            double margin);

/// Scales every item about (origin, origin) by `factor`, then shifts it right by `dx`.
void scale_items(std::vector<Item>& items, double origin, double factor, double dx);

}  // namespace tl
