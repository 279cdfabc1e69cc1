#pragma once

#include <string>
#include <vector>

#include "layout/text_measurer.hpp"
#include "layout/time_scale.hpp"

namespace tl {

struct Tick {
    DayNumber day;
    std::string label;
    /// The label ends at the tick instead of starting there: the last tick before a break,
    /// when the break leaves no room after it.
    bool label_left = false;
};

/// Ticks at the finest step among days, weeks, months, quarters, years and decades whose
/// labels fit between neighbouring ticks without touching.
std::vector<Tick> choose_ticks(const TimeScale& scale, const TextMeasurer& measurer,
                               const FontSpec& font);

}  // namespace tl
