#include "render/simple_text.hpp"

#include <glib.h>

#include "base/text.hpp"
#include "render/text_shaper.hpp"

namespace tl {
namespace {

constexpr std::uint32_t kPdi = 0x2069;  ///< closes an isolate

/// The isolates that open left-to-right content: `isolate()` puts FSI (and PDI) around each
/// piece of input. They draw nothing. RLI is not among them: what it holds runs right to
/// left.
bool opens_ltr_isolate(std::uint32_t c) {
    return c == 0x2066 || c == 0x2068;
}

/// Whether `c` can stand in a simple run: Latin or common script (letters, digits,
/// punctuation, spaces, symbols: left to right or neutral), never a mark, a control, a
/// format character or a line break, which Pango itemises, reorders or breaks on.
bool may_be_simple(std::uint32_t c) {
    const auto u = static_cast<gunichar>(c);
    const GUnicodeScript script = g_unichar_get_script(u);
    if (script != G_UNICODE_SCRIPT_LATIN && script != G_UNICODE_SCRIPT_COMMON) return false;
    switch (g_unichar_type(u)) {
        case G_UNICODE_CONTROL:
        case G_UNICODE_FORMAT:
        case G_UNICODE_UNASSIGNED:
        case G_UNICODE_PRIVATE_USE:
        case G_UNICODE_SURROGATE:
        case G_UNICODE_SPACING_MARK:
        case G_UNICODE_ENCLOSING_MARK:
        case G_UNICODE_NON_SPACING_MARK:
        case G_UNICODE_LINE_SEPARATOR:
        case G_UNICODE_PARAGRAPH_SEPARATOR: return false;
        default: return true;
    }
}

std::string utf8(std::uint32_t c) {
    char bytes[8];
    const gint n = g_unichar_to_utf8(static_cast<gunichar>(c), bytes);
    return {bytes, static_cast<std::size_t>(n)};
}

/// The glyphs of a layout of one line and one run, else null.
const PangoGlyphItem* single_run(PangoLayout* layout) {
    if (pango_layout_get_line_count(layout) != 1) return nullptr;
    const PangoLayoutLine* line = pango_layout_get_line_readonly(layout, 0);
    if (!line->runs || line->runs->next) return nullptr;
    return static_cast<const PangoGlyphItem*>(line->runs->data);
}

/// Whether Pango drew glyph `i` of `run` where its advance puts it, as a real glyph.
bool plain_glyph(const PangoGlyphItem* run, int i) {
    const PangoGlyphInfo& g = run->glyphs->glyphs[i];
    return g.glyph != PANGO_GLYPH_EMPTY && !(g.glyph & PANGO_GLYPH_UNKNOWN_FLAG) &&
           g.geometry.x_offset == 0 && g.geometry.y_offset == 0;
}

}  // namespace

gfx::LayoutPtr SimpleText::layout(const std::string& text, const FontSpec& font) const {
    return shaper_.layout(text, font);
}

SimpleText::FontTable* SimpleText::table_for(const FontSpec& font) const {
    if (last_table_ && font == last_font_) return last_table_;
    std::string key = font_key(font);
    auto it = tables_.find(key);
    if (it == tables_.end()) {
        if (tables_.size() >= kMaxFonts) tables_.clear();
        FontTable table;
        table.ascii_glyphs.assign(kAscii, Glyph{0, -2});
        table.ascii_kerning.assign(kAscii * kAscii, kUnknown);
        const auto a = layout("a", font);
        if (const PangoGlyphItem* run = single_run(a.get())) {
            table.primary = run->item->analysis.font;
            table.primary_ref.reset(PANGO_FONT(g_object_ref(table.primary)));
            PangoRectangle logical;
            pango_layout_get_extents(a.get(), nullptr, &logical);
            table.height = logical.height;
            table.baseline = pango_layout_get_baseline(a.get());
        }
        it = tables_.emplace(std::move(key), std::move(table)).first;
    }
    last_font_ = font;
    last_table_ = &it->second;
    return last_table_;
}

const SimpleText::Glyph& SimpleText::glyph(FontTable& table, std::uint32_t c,
                                           const FontSpec& font) const {
    if (c < kAscii) {
        Glyph& g = table.ascii_glyphs[c];
        if (g.advance == -2) g = learn_glyph(table, c, font);
        return g;
    }
    if (const auto it = table.glyphs.find(c); it != table.glyphs.end()) return it->second;
    if (table.glyphs.size() >= kMaxEntries) table.glyphs.clear();
    return table.glyphs.emplace(c, learn_glyph(table, c, font)).first->second;
}

SimpleText::Glyph SimpleText::learn_glyph(FontTable& table, std::uint32_t c,
                                          const FontSpec& font) const {
    Glyph g;
    if (!may_be_simple(c)) return g;
    // Drawn alone as one glyph of the font Latin text gets: no fallback font (whose height
    // would change the line's), no cluster of glyphs.
    const auto l = layout(utf8(c), font);
    const PangoGlyphItem* run = single_run(l.get());
    if (run && run->item->analysis.font == table.primary && run->glyphs->num_glyphs == 1 &&
        plain_glyph(run, 0)) {
        g.index = run->glyphs->glyphs[0].glyph;
        g.advance = run->glyphs->glyphs[0].geometry.width;
    }
    return g;
}

int SimpleText::kerning(FontTable& table, std::uint32_t a, std::uint32_t b,
                        const FontSpec& font) const {
    if (a < kAscii && b < kAscii) {
        int& k = table.ascii_kerning[a * kAscii + b];
        if (k == kUnknown) k = learn_kerning(table, a, b, font);
        return k;
    }
    const std::uint64_t key = (static_cast<std::uint64_t>(a) << 32) | b;
    if (const auto it = table.kerning.find(key); it != table.kerning.end()) return it->second;
    if (table.kerning.size() >= kMaxEntries) table.kerning.clear();
    return table.kerning.emplace(key, learn_kerning(table, a, b, font)).first->second;
}

int SimpleText::learn_kerning(FontTable& table, std::uint32_t a, std::uint32_t b,
                              const FontSpec& font) const {
    const Glyph first = glyph(table, a, font);
    const Glyph second = glyph(table, b, font);
    // The pair is plain when Pango draws it as the two glyphs, the first advanced by the
    // kerning: no ligature, no glyph swapped for another, no offset.
    const auto l = layout(utf8(a) + utf8(b), font);
    const PangoGlyphItem* run = single_run(l.get());
    if (run && run->item->analysis.font == table.primary && run->glyphs->num_glyphs == 2 &&
        plain_glyph(run, 0) && plain_glyph(run, 1) && run->glyphs->glyphs[0].glyph == first.index &&
        run->glyphs->glyphs[1].glyph == second.index &&
        run->glyphs->glyphs[1].geometry.width == second.advance)
        return run->glyphs->glyphs[0].geometry.width - first.advance;
    return kNotSimple;
}

template <class OnStep>
bool SimpleText::walk(std::string_view text, FontTable& table, const FontSpec& font,
                      const OnStep& on_step) const {
    if (!table.primary) return false;
    // Pango shapes each run of one bidi level on its own: an isolate's content is a level
    // above the text around it, and the isolates themselves are at the outer level. Two
    // neighbouring characters are kerned only within one run ("a\u2068\u2069b" is one run).
    int width = 0;
    int depth = 0;      // isolates open
    int level = -1;     // of the code point before
    int run = -1;       // the current run
    int last_run = -1;  // of the last glyph
    std::uint32_t last = 0;
    bool drawn = false;
    for (std::size_t i = 0; i < text.size();) {
        const CodePoint c = next_code_point(text, i);
        if (!c.valid) return false;
        int here = depth;
        if (c.value == kPdi) {
            // An isolate closed that was never opened is not one; what Pango makes of it is
            // not modelled.
            if (depth == 0) return false;
            here = --depth;
        } else if (opens_ltr_isolate(c.value)) {
            ++depth;
        }
        if (here != level) ++run;
        level = here;
        Step step{i, c.size, run, false, 0, width, width};
        if (!opens_ltr_isolate(c.value) && c.value != kPdi) {
            // A copy: learning a pair below may empty the table it came from.
            const Glyph g = glyph(table, c.value, font);
            if (g.advance < 0) return false;
            if (last_run == run) {
                const int k = kerning(table, last, c.value, font);
                if (k == kNotSimple) return false;
                width += k;  // on the glyph before, which Pango advances by it
            }
            step.drawn = true;
            step.glyph = g.index;
            step.x = width;
            width += g.advance;
            step.right = width;
            last = c.value;
            last_run = run;
            drawn = true;
        }
        if (on_step(step)) return true;
        i += c.size;
    }
    // A text of isolates alone has no glyph to take the font's height from.
    return drawn;
}

std::optional<TextSize> SimpleText::measure(std::string_view text, const FontSpec& font) const {
    FontTable& table = *table_for(font);
    int width = 0;
    if (!walk(text, table, font, [&](const Step& s) {
            width = s.right;
            return false;
        }))
        return std::nullopt;
    return TextSize{static_cast<double>(width) / PANGO_SCALE,
                    static_cast<double>(table.height) / PANGO_SCALE};
}

std::optional<std::size_t> SimpleText::prefix_within(std::string_view text, const FontSpec& font,
                                                     double width) const {
    FontTable& table = *table_for(font);
    const double limit = width * PANGO_SCALE;
    std::size_t first_out = text.size();
    if (!walk(text, table, font, [&](const Step& s) {
            if (!s.drawn || s.right <= limit) return false;
            first_out = s.offset;
            return true;
        }))
        return std::nullopt;
    return first_out;
}

bool SimpleText::runs(std::string_view text, const FontSpec& font, SimpleRuns& out) const {
    out.runs.clear();
    out.glyphs.clear();
    out.clusters.clear();
    FontTable& table = *table_for(font);
    const bool simple = walk(text, table, font, [&](const Step& s) {
        if (out.runs.empty() || static_cast<int>(out.runs.size()) <= s.run) {
            SimpleRuns::Run run;
            run.x = s.x;
            run.text_begin = static_cast<int>(s.offset);
            run.glyph_begin = run.glyph_end = out.glyphs.size();
            run.cluster_begin = run.cluster_end = out.clusters.size();
            out.runs.push_back(run);
        }
        SimpleRuns::Run& run = out.runs.back();
        run.text_length += static_cast<int>(s.size);
        if (s.drawn) out.glyphs.push_back({s.glyph, s.x - run.x});
        out.clusters.push_back({static_cast<int>(s.size), s.drawn ? 1 : 0});
        run.glyph_end = out.glyphs.size();
        run.cluster_end = out.clusters.size();
        return false;
    });
    if (!simple) return false;
    out.font = pango_cairo_font_get_scaled_font(PANGO_CAIRO_FONT(table.primary));
    out.baseline = table.baseline;
    return out.font != nullptr;
}

}  // namespace tl
