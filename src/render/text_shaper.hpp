#pragma once

#include <string_view>

#include "layout/text_measurer.hpp"
#include "render/cairo_handles.hpp"
#include "render/simple_text.hpp"

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
    TextShaper(const TextShaper&) = delete;  // simple_ refers to this shaper
    TextShaper& operator=(const TextShaper&) = delete;
    TextSize measure(std::string_view text, const FontSpec& font) const override;
    /// Where Pango's own glyph positions put `width`: one shaping instead of a search.
    std::size_t prefix_within(std::string_view text, const FontSpec& font,
                              double width) const override;

    /// The runs Pango would draw for `text`, if it is simple text (SimpleText): drawn from
    /// them, it costs no shaping.
    bool simple_runs(std::string_view text, const FontSpec& font, SimpleRuns& out) const {
        return simple_.runs(text, font, out);
    }
    /// A layout of `text` in `font` on this shaper's context.
    gfx::LayoutPtr layout(std::string_view text, const FontSpec& font) const;
    /// Applies the shaper's font options and resolution to a context bound to a cairo_t.
    static void configure(PangoContext* context);

  private:
    gfx::PangoContextPtr context_;
    /// Simple text's sizes and glyphs from Pango's advances and kerning, learned once.
    SimpleText simple_{*this};
};

}  // namespace tl
