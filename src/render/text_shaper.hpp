#pragma once

#include <cstddef>
#include <string_view>

#include "layout/measure_cache.hpp"
#include "layout/text_measurer.hpp"
#include "render/cairo_handles.hpp"
#include "render/simple_text.hpp"

namespace tl {

/// Lays text out with Pango exactly as the renderer will draw it: same font map, font
/// options with metric hinting off (so widths do not depend on the output's resolution),
/// 72 units per inch (so one unit is one point), plain text (never markup). Simple text is
/// measured from what SimpleText learned of the font; other text is shaped by Pango, and its
/// sizes are remembered (bounded), as layout measures many texts more than once and --watch
/// keeps its measurer from one render to the next.
class TextShaper : public TextMeasurer {
  public:
    /// Texts Pango lays out before SimpleText is used: what SimpleText learns of a font (a
    /// shaping for each character and each pair) costs more than a small chart's few hundred
    /// texts do, and pays for itself only after. The sizes and the PDF are the same either
    /// way.
    static constexpr std::size_t kWarmUpTexts = 1000;

    /// A shaper for measuring, on Pango's default font map.
    explicit TextShaper(std::size_t warm_up = kWarmUpTexts);
    /// A shaper for drawing on `cr`, which must outlive it.
    explicit TextShaper(cairo_t* cr, std::size_t warm_up = kWarmUpTexts);
    TextShaper(const TextShaper&) = delete;  // simple_ refers to this shaper
    TextShaper& operator=(const TextShaper&) = delete;
    TextSize measure(std::string_view text, const FontSpec& font) const override;
    /// Where Pango's own glyph positions put `width`: one shaping instead of a search.
    std::size_t prefix_within(std::string_view text, const FontSpec& font,
                              double width) const override;

    /// The runs Pango would draw for `text`, if it is simple text (SimpleText): drawn from
    /// them, it costs no shaping.
    bool simple_runs(std::string_view text, const FontSpec& font, SimpleRuns& out) const {
        return warm() && simple_.runs(text, font, out);
    }
    /// A layout of `text` in `font` on this shaper's context.
    gfx::LayoutPtr layout(std::string_view text, const FontSpec& font) const;
    /// The size Pango measures for `text` when it shapes it.
    TextSize pango_measure(std::string_view text, const FontSpec& font) const;
    /// Applies the shaper's font options and resolution to a context bound to a cairo_t.
    static void configure(PangoContext* context);

  private:
    /// Whether SimpleText is used for this text: past the warm-up.
    bool warm() const { return texts_ >= warm_up_ || ++texts_ >= warm_up_; }

    /// pango_measure() as a measurer, for the cache in front of it.
    class PangoSizes : public TextMeasurer {
      public:
        explicit PangoSizes(const TextShaper& shaper) : shaper_(shaper) {}
        TextSize measure(std::string_view text, const FontSpec& font) const override {
            return shaper_.pango_measure(text, font);
        }

      private:
        const TextShaper& shaper_;
    };

    gfx::PangoContextPtr context_;
    std::size_t warm_up_;
    mutable std::size_t texts_ = 0;  ///< asked for, up to the warm-up
    /// Simple text's sizes and glyphs from Pango's advances and kerning, learned once.
    SimpleText simple_{*this};
    /// The other text's sizes (simple text costs less to measure than to look up).
    CachedMeasurer pango_sizes_{std::make_unique<PangoSizes>(*this)};
};

}  // namespace tl
