#include "layout/lane_accents.hpp"

#include <algorithm>
#include <limits>

#include "layout/color_vision.hpp"

namespace tl {
namespace {

/// How close `c` comes to the nearest kind colour.
double nearest_kind(const Color& c, const std::map<std::string, Color>& kind_colors) {
    double nearest = std::numeric_limits<double>::infinity();
    for (const auto& [kind, color] : kind_colors)
        nearest = std::min(nearest, color_distance(c, color));
    return nearest;
}

/// Whether `c` stands kMinKindDifference from every kind colour for every reader: normal
/// vision and each simulated dichromacy (a yellow lane beside orange components is one colour
/// to a deuteranope).
bool apart_for_every_reader(const Color& c, const std::map<std::string, Color>& kind_colors) {
    for (const ColorVision v : kColorVisions) {
        const Color seen = simulate(c, v);
        for (const auto& [kind, color] : kind_colors)
            if (ciede2000(seen, simulate(color, v)) < kMinKindDifference) return false;
    }
    return true;
}

/// The grey, from black to white, that stands farthest from every kind colour: a last
/// resort for a palette that has no colour apart from the kinds.
Color farthest_grey(const std::map<std::string, Color>& kind_colors) {
    Color best{0.5, 0.5, 0.5};
    double best_distance = -1;
    for (int step = 0; step <= 50; ++step) {
        const double v = step / 50.0;
        const Color grey{v, v, v};
        const double d = nearest_kind(grey, kind_colors);
        if (d > best_distance) {
            best = grey;
            best_distance = d;
        }
    }
    return best;
}

}  // namespace

std::vector<Color> lane_accents(const Timeline& t, const Theme& theme,
                                const std::map<std::string, Color>& kind_colors) {
    const auto apart = [&](const Color& c, double distance = kMinAccentDistance) {
        return nearest_kind(c, kind_colors) >= distance && apart_for_every_reader(c, kind_colors);
    };
    std::vector<Color> accents;
    accents.reserve(t.lanes.size());
    const std::vector<Color>& palette = theme.actor_palette;
    for (std::size_t lane = 0; lane < t.lanes.size(); ++lane) {
        const auto declared = Color::parse(t.lanes[lane].color);
        if (t.mode == LaneMode::kind) {
            const auto it = kind_colors.find(t.lanes[lane].id);
            accents.push_back(declared                  ? *declared
                              : it != kind_colors.end() ? it->second
                                                        : theme.muted);
            continue;
        }
        if (declared && apart(*declared, kMinDeclaredAccentDistance)) {
            accents.push_back(*declared);
            continue;
        }
        std::optional<Color> chosen;
        for (std::size_t k = 0; k < palette.size() && !chosen; ++k) {
            const Color& c = palette[(lane + k) % palette.size()];
            if (apart(c)) chosen = c;
        }
        accents.push_back(chosen ? *chosen : farthest_grey(kind_colors));
    }
    return accents;
}

}  // namespace tl
