#pragma once

#include <cstddef>
#include <vector>

#include "layout/scene.hpp"

namespace tl {

/// Where the parts of a laid-out chart lie, for putting it on pages of a fixed size.
struct PageBreaks {
    std::size_t chart_items;  ///< items before this index are the chart (through the legend)
    double chart_bottom;      ///< where the chart ends
    double content_bottom;    ///< where everything (references, notes) ends
    double axis_top = 0;      ///< the date axis's labels lie from here to lanes_top
    double lanes_top = 0;     ///< where the lanes begin
    double lanes_bottom = 0;  ///< and where they end
};

/// The page a fixed-page template prints on.
struct PageFormat {
    double height;
    double margin;
    double min_font_size;  ///< no text is shrunk below this; 0: shrink as far as it takes
};

/// The pages of a chart: first those of the chart itself, then its references and notes.
struct Pages {
    std::vector<Scene> pages;
    std::size_t chart_pages = 1;
};

/// Puts a chart laid out at its natural height on pages `format.height` tall: all on one page
/// when it fits. Else the chart comes first, then the references and notes flow over the pages
/// after it, never splitting a line. A chart too tall for its page is scaled down about its
/// top-left margin corner and centred when that keeps every text at format.min_font_size or
/// more; otherwise it goes on over more pages at its own scale, broken between rows, with the
/// date axis and the name of a lane cut in two repeated at the top of each page it continues on.
Pages paginate(Scene whole, const PageBreaks& breaks, const PageFormat& format);

/// Scales every item about (origin, origin) by `factor`, then shifts it right by `dx`.
void scale_items(std::vector<Item>& items, double origin, double factor, double dx);

}  // namespace tl
