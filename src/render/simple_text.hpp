#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "layout/text_measurer.hpp"
#include "render/cairo_handles.hpp"

namespace tl {

class TextShaper;

/// Simple text as Pango's cairo renderer draws it: runs of glyphs of one font on one
/// baseline, in Pango units from the text's top left, with the text clusters cairo writes
/// into a PDF for copying and searching.
struct SimpleRuns {
    struct Glyph {
        unsigned long index = 0;
        int x = 0;  ///< from its run's start
    };
    struct Run {
        int x = 0;                            ///< from the text's start
        int text_begin = 0, text_length = 0;  ///< the bytes the run shows
        std::size_t glyph_begin = 0, glyph_end = 0;
        std::size_t cluster_begin = 0, cluster_end = 0;
    };
    cairo_scaled_font_t* font = nullptr;  ///< Pango's, alive as long as its font map
    int baseline = 0;
    std::vector<Run> runs;
    std::vector<Glyph> glyphs;
    std::vector<cairo_text_cluster_t> clusters;
};

/// What Pango would make of simple text, without shaping it. In one left-to-right run of one
/// font with no marks (Latin letters, digits and common punctuation), Pango's glyphs are the
/// characters' own, each advanced by its width plus a kerning adjustment for the pair it
/// starts, and the line's height is the font's. All of it is learned from Pango itself, each
/// character and each pair shaped once (a pair that shapes to anything else, a ligature or
/// a mark's offset, is not simple), so the numbers are Pango's own in its own units and the
/// sums are exact: tests compare sizes, cuts and PDF bytes with Pango's on every kind of text
/// the layout draws. The isolates around each piece of input start runs of their own bidi
/// level, across which nothing is kerned. Any other text (another script, a mark, a control,
/// a character the font lacks) is left to Pango. Layout measures about 140,000 texts for
/// 30,000 events in pages, and the PDF draws about 190,000: Pango took about 30 us for
/// each, this takes about 2.
class SimpleText {
  public:
    explicit SimpleText(const TextShaper& shaper) : shaper_(shaper) {}

    /// The size Pango would measure, or nothing if the text is not simple.
    std::optional<TextSize> measure(std::string_view text, const FontSpec& font) const;
    /// The byte offset of the first character that ends past `width`; the text's size if
    /// all fit; nothing if the text is not simple.
    std::optional<std::size_t> prefix_within(std::string_view text, const FontSpec& font,
                                             double width) const;
    /// The runs Pango would draw for `text` into `out` (emptied first); false if the text is
    /// not simple.
    bool runs(std::string_view text, const FontSpec& font, SimpleRuns& out) const;

  private:
    /// One character as the font draws it alone: its glyph and advance, in Pango units.
    struct Glyph {
        unsigned long index = 0;
        int advance = -1;  ///< -1: not simple
    };
    /// What is known of one font. Bounded: a map past kMaxEntries starts again empty.
    /// ASCII, most of what is drawn, is looked up in arrays rather than hashed.
    struct FontTable {
        PangoFont* primary = nullptr;  ///< the font Pango picks for Latin text
        gfx::FontPtr primary_ref;      ///< keeps it alive
        int height = 0, baseline = 0;
        std::vector<Glyph> ascii_glyphs;  ///< by code point; advance -2: not known yet
        std::vector<int> ascii_kerning;   ///< by pair; kUnknown: not known yet
        std::unordered_map<std::uint32_t, Glyph> glyphs;  ///< the other code points
        std::unordered_map<std::uint64_t, int> kerning;   ///< kNotSimple: not a plain pair
    };
    static constexpr std::size_t kMaxEntries = 1 << 16;
    static constexpr std::size_t kMaxFonts = 64;
    static constexpr int kNotSimple = -(1 << 30);
    static constexpr int kUnknown = -(1 << 29);
    static constexpr std::size_t kAscii = 128;

    /// One code point of simple text, as walk() reports it.
    struct Step {
        std::size_t offset = 0, size = 0;  ///< its bytes
        int run = 0;                       ///< the bidi run it is in, counted from 0
        bool drawn = false;                ///< false for an isolate, which draws nothing
        unsigned long glyph = 0;           ///< its glyph, if drawn
        int x = 0;                         ///< its glyph's left edge from the text's start
        int right = 0;                     ///< the text's width up to and with it
    };
    /// Calls step(const Step&) for each code point of `text`, in order, until it returns
    /// true; false (at any point) if the text is not simple.
    template <class OnStep>
    bool walk(std::string_view text, FontTable& table, const FontSpec& font,
              const OnStep& step) const;
    FontTable* table_for(const FontSpec& font) const;
    const Glyph& glyph(FontTable& table, std::uint32_t c, const FontSpec& font) const;
    Glyph learn_glyph(FontTable& table, std::uint32_t c, const FontSpec& font) const;
    int kerning(FontTable& table, std::uint32_t a, std::uint32_t b, const FontSpec& font) const;
    int learn_kerning(FontTable& table, std::uint32_t a, std::uint32_t b,
                      const FontSpec& font) const;
    gfx::LayoutPtr layout(const std::string& text, const FontSpec& font) const;

    const TextShaper& shaper_;
    mutable std::unordered_map<std::string, FontTable> tables_;
    /// The table of the font asked for last: most texts in a row share one.
    mutable FontSpec last_font_;
    mutable FontTable* last_table_ = nullptr;
};

}  // namespace tl
