#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "layout/page_writer.hpp"

namespace tl {

/// A kind as the legend shows it: its label, colour and glyph (none: a round swatch).
struct LegendKind {
    std::string label;
    Color color;
    std::optional<MarkerShape> glyph;
    std::string id;
};

/// Which of the symbols a legend explains a chart draws, so that it explains only those.
struct DrawnSymbols {
    bool exact_day = false;    ///< a round marker
    bool bracket = false;      ///< a month, season or year
    bool hollow = false;       ///< approximate or uncertain
    bool interval = false;     ///< a bar with both ends known
    bool ongoing = false;      ///< a bar with an open end
    bool unknown_end = false;  ///< a bar with an unknown end
    bool styles[4] = {};       ///< the line styles of events' marks and arrows, by LineStyle
    bool support = false;      ///< an arrow
    bool shared = false;       ///< an event's link to the other lanes it is shared with
    bool cut = false;          ///< an event cut at the axis's end, going on beyond it
    bool axis_breaks = false;  ///< a stretch left out of the axis
    /// `render --since`: the badges and old dates drawn, and the old version's name.
    bool new_badge = false;
    bool revised_badge = false;
    bool old_date = false;
    std::string since;
};

/// `render --since`: the colour of a NEW (added) or REVISED badge, before it is washed pale
/// enough for the label's ink to read on it.
inline constexpr double kBadgeWash = 0.6;
inline Color change_badge_color(bool added) {
    return added ? Color{0.95, 0.7, 0.0} : Color{0.35, 0.45, 0.85};
}

/// What the events' marks and lines among `items` draw.
DrawnSymbols drawn_symbols(const std::vector<Item>& items);

/// Draws the legend at `y`: the kinds in use, how dates are drawn at each precision, and
/// which line style says which confidence, each with a sample drawn as the chart draws it,
/// and only those the chart draws (among them the wedge of an event going on beyond the
/// axis's ends, and what a break in the axis means). Returns the y below it.
double draw_legend(PageWriter& page, double y, const std::vector<LegendKind>& kinds,
                   const DrawnSymbols& drawn);

}  // namespace tl
