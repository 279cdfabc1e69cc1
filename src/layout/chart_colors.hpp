#pragma once

// Internal to the layout stage: the colours of a chart's kinds and lanes.

#include <cstddef>
#include <map>
#include <string>

#include "layout/theme.hpp"
#include "model/model.hpp"
#include "timeline/timeline.hpp"

namespace tl {

/// The colour of each kind and each lane of one chart, stated once for every part that
/// draws them.
class ChartColors {
  public:
    /// A kind's declared colour wins; the others take the theme's palette in turn, then the
    /// theme's colours for built-in kinds.
    ChartColors(const Timeline& timeline, const Model& model, const Theme& theme);

    /// A kind's colour; the theme's muted colour for a kind nobody coloured.
    Color kind(const std::string& kind) const;
    /// A lane's declared colour, else its kind's (lanes by kind), else the actor palette's.
    Color lane(std::size_t lane) const;

  private:
    const Timeline& timeline_;
    const Theme& theme_;
    std::map<std::string, Color> kinds_;
};

}  // namespace tl
