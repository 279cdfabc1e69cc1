#pragma once

// Internal to the layout stage: the colours of a chart's kinds and lanes, and the kinds'
// glyphs.

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "layout/scene.hpp"
#include "layout/theme.hpp"
#include "model/model.hpp"
#include "timeline/timeline.hpp"

namespace tl {

/// The colour of each kind and each lane of one chart, and each kind's glyph, stated once
/// for every part that draws them.
class ChartColors {
  public:
    /// A kind's declared colour wins; the others take the theme's palette in turn, then the
    /// theme's colours for built-in kinds.
    ChartColors(const Timeline& timeline, const Model& model, const Theme& theme);

    /// A kind's colour; the theme's muted colour for a kind nobody coloured.
    Color kind(const std::string& kind) const;
    /// A kind's glyph: its second cue besides colour, for readers who cannot tell the
    /// colours apart (or read a grey print). A built-in kind always has the same glyph; a
    /// declared kind takes, in the order declared, a spare glyph (two), then one of a
    /// built-in kind that no event of the input has, and shares one only when the input
    /// uses more kinds than there are glyphs (13). The same input gives the same glyphs on
    /// every chart, page and filter. None for a kind that is neither.
    std::optional<MarkerShape> glyph(const std::string& kind) const;
    /// A lane's accent (see lane_accents: never to be read as a kind).
    Color lane(std::size_t lane) const { return lanes_[lane]; }

  private:
    void assign_glyphs(const Model& model);

    const Theme& theme_;
    std::map<std::string, Color> kinds_;
    std::map<std::string, MarkerShape> glyphs_;
    std::vector<Color> lanes_;
};

}  // namespace tl
