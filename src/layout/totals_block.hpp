#pragma once

// Internal to the layout stage: the totals block under the lanes, where the top suppliers'
// cumulative amounts (or counts of events) step up over the chart's time axis.

#include <cstddef>
#include <string>
#include <vector>

#include "model/date.hpp"
#include "model/model.hpp"

namespace tl {

struct ChartCanvas;

/// One supplier's cumulative measure in one stage, step by step.
struct TotalsLine {
    std::string supplier;  ///< actor id
    std::string stage;     ///< "pledged", "delivered", or "" when the data has no stages
    /// The day of each step (the first day of the events it adds, or of their end when
    /// only that is known; else kBeforeEveryDay) and the running total after it, rising.
    std::vector<std::pair<DayNumber, double>> steps;
    double total = 0;   ///< the last step's: the sum `timeline totals` gives
    std::string words;  ///< what the sum is, from its qualifiers: "", "about", "at least", ...
};

/// The lines of the `top` suppliers with the largest totals of `unit` (matched as
/// `timeline totals --unit` does), or with `unit` empty of events, largest first: when some
/// amount in the unit has a pledged or delivered stage, one line per supplier and stage
/// (amounts with another stage or none are then in neither, and a stage with no amount has
/// no line), else one per supplier. Sums
/// come from compute_totals(), day by day, so that each line ends on its supplier's total.
std::vector<TotalsLine> totals_lines(const std::vector<const Event*>& events,
                                     const std::string& unit, std::size_t top);

/// Draws the block at `y` when the options ask for it (LayoutOptions::totals_block), one
/// row per supplier on one value scale; returns the y below it.
double draw_totals_block(ChartCanvas& c, double y);

}  // namespace tl
