#include "layout/chart_colors.hpp"

namespace tl {

ChartColors::ChartColors(const Timeline& timeline, const Model& model, const Theme& theme)
    : timeline_(timeline), theme_(theme) {
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
}

Color ChartColors::kind(const std::string& kind) const {
    const auto it = kinds_.find(kind);
    return it != kinds_.end() ? it->second : theme_.muted;
}

Color ChartColors::lane(std::size_t lane) const {
    if (auto c = Color::parse(timeline_.lanes[lane].color)) return *c;
    if (timeline_.mode == LaneMode::kind) return kind(timeline_.lanes[lane].id);
    if (theme_.actor_palette.empty()) return theme_.muted;
    return theme_.actor_palette[lane % theme_.actor_palette.size()];
}

}  // namespace tl
