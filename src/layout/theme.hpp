#pragma once

#include <map>
#include <string>
#include <vector>

#include "layout/color.hpp"
#include "timeline/timeline.hpp"

namespace tl {

/// A font as Pango understands it: a comma-separated family list and a size in points.
struct FontSpec {
    std::string family;
    double size = 10;
    bool bold = false;
    bool italic = false;
    friend bool operator==(const FontSpec&, const FontSpec&) = default;
};

/// Bytes that name `font` exactly, for keys of caches: the family after its length, the
/// size's own bytes rather than a rounded print of it, then bold and italic, so that no two
/// fonts share a key.
std::string font_key(const FontSpec& font);

/// The most suppliers a totals block shows (`totals-block`, `--totals-block`).
inline constexpr double kMaxTotalsBlock = 40;

/// Everything about how a chart looks, read from a template; no drawing code.
struct Theme {
    std::string name = "default";
    /// The document's language (BCP 47), for the PDF's /Lang: what a screen reader reads
    /// the text in.
    std::string language = "en";
    std::string title = "Conflict support timeline";

    double page_width = 1190.55;  ///< points; A3 landscape
    double page_height = 0;       ///< 0: as tall as the content needs
    bool grow_width = false;      ///< widen the page with the number of events
    LaneMode lanes = LaneMode::actor;
    LaneOrder lane_order = LaneOrder::role;
    std::string measure;           ///< what density strips measure (LayoutOptions::measure)
    std::size_t totals_block = 0;  ///< top suppliers in the totals block; 0: none
    double margin = 36;
    double png_dpi = 150;

    std::string font_family = "Noto Sans, Noto Sans Arabic, Noto Sans CJK SC";
    SourceLoc font_family_loc;  ///< where a template set it; none for the built-in value
    SourceLoc page_loc;         ///< where a template set the page's size; none: built in
    double title_size = 20;
    double subtitle_size = 10;
    double lane_name_size = 10.5;
    double label_size = 8;
    double axis_size = 8;
    double legend_size = 8;
    double reference_size = 7.5;
    /// On a fixed page, no text is shrunk below this size (points): a chart that would need
    /// it goes on over more pages instead. 0: shrink to fit, however small.
    double min_font_size = 6;

    Color background{1, 1, 1};
    Color text{0.13, 0.13, 0.16};
    Color muted{0.42, 0.44, 0.48};
    Color grid{0.86, 0.87, 0.89};
    Color lane_fill{0.965, 0.97, 0.975};
    Color era_fill{0.93, 0.88, 0.80, 0.45};
    Color era_text{0.50, 0.36, 0.16};
    Color arrow{0.25, 0.27, 0.32};
    Color today{0.80, 0.15, 0.15};

    std::vector<Color> actor_palette;  ///< lane accents: neutral, apart from the kind colours
    std::vector<Color> kind_palette;
    std::map<std::string, Color> kind_colors;
    std::map<std::string, SourceLoc> kind_color_locs;  ///< where each of kind_colors is named

    bool show_title = true;
    bool show_legend = true;
    bool show_references = true;

    FontSpec font(double size, bool bold = false) const { return {font_family, size, bold, false}; }
};

/// The theme used when no template says otherwise.
Theme default_theme();

}  // namespace tl
