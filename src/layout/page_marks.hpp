#pragma once

#include <vector>

#include "layout/page_writer.hpp"
#include "layout/time_scale.hpp"
#include "timeline/timeline.hpp"

namespace tl {

/// `pages`: the period one detail page covers, and its page number (from 1), for the
/// overview's key of pages.
struct PageMark {
    DaySpan days;
    int page = 0;
};

/// Draws a row of bands under the axis at `y`, one per detail page across the days it
/// covers (pages that share a day share its width), each labelled "p. N", or "N", where the
/// band has room. Returns the y below the row.
double draw_page_marks(PageWriter& page, const TimeScale& scale, double y,
                       const std::vector<PageMark>& marks);

}  // namespace tl
