#include "layout/chart_colors.hpp"

#include "layout/lane_accents.hpp"

namespace tl {

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
}

Color ChartColors::kind(const std::string& kind) const {
    const auto it = kinds_.find(kind);
    return it != kinds_.end() ? it->second : theme_.muted;
}

}  // namespace tl
