#include "layout/chart_colors.hpp"

#include <algorithm>
#include <array>

#include "layout/lane_accents.hpp"
#include "model/kinds.hpp"

namespace tl {
namespace {

/// The built-in kinds' glyphs, in builtin_kinds()' order, then the spare ones. Solid shapes
/// whose outlines differ at 5 points across, as a map's point symbols do; none is round,
/// as the chart's mark of an exact day is. Declared kinds take the free ones in this order,
/// so the pentagon, the nearest to round, comes last.
constexpr std::array<MarkerShape, 13> kGlyphs{
    MarkerShape::glyph_triangle_up,     // arms transfer
    MarkerShape::glyph_diamond,         // components
    MarkerShape::glyph_triangle_right,  // technology transfer
    MarkerShape::glyph_square,          // economic support
    MarkerShape::glyph_plus,            // personnel
    MarkerShape::glyph_triangle_down,   // force change
    MarkerShape::glyph_star,            // military action
    MarkerShape::glyph_bowtie,          // diplomatic
    MarkerShape::glyph_cross,           // sanctions
    MarkerShape::glyph_hourglass,       // office term
    MarkerShape::glyph_bar,             // other
    MarkerShape::glyph_triangle_left,   // spare, for declared kinds
    MarkerShape::glyph_pentagon,
};
}  // namespace

ChartColors::ChartColors(const Timeline& timeline, const Model& model, const Theme& theme)
    : theme_(theme) {
    std::size_t next = 0;
    for (const Kind& k : model.kinds) {
        if (auto c = Color::parse(k.color)) {
            kinds_[k.id] = *c;
        } else if (!theme.kind_palette.empty()) {
            kinds_[k.id] = theme.kind_palette[next++ % theme.kind_palette.size()];
        }
    }
    for (const auto& [id, color] : theme.kind_colors)
        kinds_.emplace(id, color);
    lanes_ = lane_accents(timeline, theme, kinds_);

    assign_glyphs(model);
}

void ChartColors::assign_glyphs(const Model& model) {
    const auto builtins = builtin_kinds();
    static_assert(kGlyphs.size() >= 11);
    for (std::size_t i = 0; i < builtins.size(); ++i)
        glyphs_[std::string(builtins[i].id)] = kGlyphs[i];
    // Declared kinds take the spare glyphs, then those of built-in kinds no event of the
    // input has: from the Model, not this chart's events, so that a kind keeps its glyph on
    // every page and whatever the filters. Most inputs declare one or two kinds, which need
    // no look at the events.
    std::vector<MarkerShape> free(kGlyphs.begin() + static_cast<std::ptrdiff_t>(builtins.size()),
                                  kGlyphs.end());
    std::vector<const Kind*> declared;
    for (const Kind& k : model.kinds)
        if (!glyphs_.count(k.id)) declared.push_back(&k);
    if (declared.size() > free.size()) {
        std::vector<bool> used(builtins.size(), false);
        std::size_t unseen = builtins.size();
        for (const Event& e : model.events) {
            for (std::size_t i = 0; i < builtins.size(); ++i)
                if (!used[i] && e.kind == builtins[i].id) {
                    used[i] = true;
                    --unseen;
                }
            if (unseen == 0) break;
        }
        for (std::size_t i = 0; i < builtins.size(); ++i)
            if (!used[i]) free.push_back(kGlyphs[i]);
    }
    for (std::size_t i = 0; i < declared.size(); ++i)
        glyphs_[declared[i]->id] = free[i % free.size()];
}

std::optional<MarkerShape> ChartColors::glyph(const std::string& kind) const {
    const auto it = glyphs_.find(kind);
    if (it == glyphs_.end()) return std::nullopt;
    return it->second;
}

Color ChartColors::kind(const std::string& kind) const {
    const auto it = kinds_.find(kind);
    return it != kinds_.end() ? it->second : theme_.muted;
}

}  // namespace tl
