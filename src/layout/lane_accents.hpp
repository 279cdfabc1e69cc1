#pragma once

#include <map>
#include <string>
#include <vector>

#include "layout/color.hpp"
#include "layout/theme.hpp"
#include "timeline/timeline.hpp"

namespace tl {

/// The accent of each lane: the strip at its left edge, and the bars of a density lane.
/// Colour encodes the kind of event everywhere else on the chart, so an accent must never be
/// read as a kind. An actor's declared colour is used when it stands kMinDeclaredAccentDistance
/// from every colour in `kind_colors` (and kMinKindDifference for every reader, under each
/// simulated colour-vision deficiency: color_vision.hpp); else the theme's actor palette, whose
/// colour for the lane, or the next one, must stand kMinAccentDistance apart; failing all, the grey
/// farthest from every kind. In kind lanes the lane is a kind, and its accent is that kind's
/// colour.
std::vector<Color> lane_accents(const Timeline& t, const Theme& theme,
                                const std::map<std::string, Color>& kind_colors);

}  // namespace tl
