#include "render/text_shaper.hpp"

#include <algorithm>
#include <string>

namespace tl {
namespace {

gfx::FontDescription describe(const FontSpec& font) {
    gfx::FontDescription d(pango_font_description_new());
    pango_font_description_set_family(d.get(), font.family.c_str());
    pango_font_description_set_absolute_size(d.get(), font.size * PANGO_SCALE);
    pango_font_description_set_weight(d.get(), font.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
    pango_font_description_set_style(d.get(),
                                     font.italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
    return d;
}

}  // namespace

TextShaper::TextShaper(std::size_t warm_up) : warm_up_(warm_up) {
    PangoFontMap* map = pango_cairo_font_map_get_default();  // owned by Pango
    context_.reset(pango_font_map_create_context(map));
    configure(context_.get());
}

TextShaper::TextShaper(cairo_t* cr, std::size_t warm_up)
    : context_(pango_cairo_create_context(cr)), warm_up_(warm_up) {
    configure(context_.get());
}

void TextShaper::configure(PangoContext* context) {
    gfx::FontOptions options(cairo_font_options_create());
    cairo_font_options_set_hint_metrics(options.get(), CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options.get(), CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_antialias(options.get(), CAIRO_ANTIALIAS_GRAY);
    pango_cairo_context_set_font_options(context, options.get());
    pango_cairo_context_set_resolution(context, 72);
    // Glyphs placed where the font puts them, not on whole points: rounded, a label's width
    // did not scale with its size, so that a page shrunk to fit drew text wider than the
    // Scene measured it ("[12]" ran into the quantity after it), and small text was spaced
    // unevenly.
    pango_context_set_round_glyph_positions(context, FALSE);
}

gfx::LayoutPtr TextShaper::layout(std::string_view text, const FontSpec& font) const {
    gfx::LayoutPtr layout(pango_layout_new(context_.get()));
    pango_layout_set_text(layout.get(), text.data(), static_cast<int>(text.size()));
    const auto desc = describe(font);
    pango_layout_set_font_description(layout.get(), desc.get());
    return layout;
}

TextSize TextShaper::measure(std::string_view text, const FontSpec& font) const {
    if (warm())
        if (const auto simple = simple_.measure(text, font)) return *simple;
    return pango_sizes_.measure(text, font);
}

TextSize TextShaper::pango_measure(std::string_view text, const FontSpec& font) const {
    const auto l = layout(text, font);
    PangoRectangle logical;
    pango_layout_get_extents(l.get(), nullptr, &logical);
    return {static_cast<double>(logical.width) / PANGO_SCALE,
            static_cast<double>(logical.height) / PANGO_SCALE};
}

std::size_t TextShaper::prefix_within(std::string_view text, const FontSpec& font,
                                      double width) const {
    if (width <= 0) return 0;
    if (warm())
        if (const auto simple = simple_.prefix_within(text, font, width)) return *simple;
    const auto l = layout(text, font);
    int index = 0;
    int trailing = 0;
    // The character under x = width is the first that does not fit (in left-to-right text;
    // in other text the guess is poorer and fit() measures more). Past the end, all fit.
    const bool inside = pango_layout_xy_to_index(l.get(), static_cast<int>(width * PANGO_SCALE), 0,
                                                 &index, &trailing);
    if (!inside && trailing > 0) return text.size();
    return static_cast<std::size_t>(std::clamp(index, 0, static_cast<int>(text.size())));
}

}  // namespace tl
