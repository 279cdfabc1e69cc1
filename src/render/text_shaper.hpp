#pragma once

#include <string_view>

#include "layout/text_measurer.hpp"
#include "render/cairo_handles.hpp"

namespace tl {

/// Lays text out with Pango exactly as the renderer will draw it: same font map, font
/// options with metric hinting off (so widths do not depend on the output's resolution),
/// 72 units per inch (so one unit is one point), plain text (never markup).
class TextShaper : public TextMeasurer {
  public:
    /// A shaper for measuring, on Pango's default font map.
    TextShaper();
    /// A shaper for drawing on `cr`, which must outlive it.
    explicit TextShaper(cairo_t* cr);
    TextSize measure(std::string_view text, const FontSpec& font) const override;
    /// Where Pango's own glyph positions put `width`: one shaping instead of a search.
    std::size_t prefix_within(std::string_view text, const FontSpec& font,
                              double width) const override;

    /// A layout of `text` in `font` on this shaper's context.
    gfx::LayoutPtr layout(std::string_view text, const FontSpec& font) const;
    /// Applies the shaper's font options and resolution to a context bound to a cairo_t.
    static void configure(PangoContext* context);

  private:
    gfx::PangoContextPtr context_;
};

}  // namespace tl
