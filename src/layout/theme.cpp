#include "layout/theme.hpp"

#include <cstring>

namespace tl {
namespace {

Color hex(const char* s) {
    return *Color::parse(s);
}

}  // namespace

std::string font_key(const FontSpec& font) {
    std::string key = std::to_string(font.family.size());
    key.reserve(key.size() + font.family.size() + sizeof font.size + 3);
    key.append(1, ':').append(font.family);
    char size[sizeof font.size];
    std::memcpy(size, &font.size, sizeof size);
    key.append(size, sizeof size);
    key.push_back(static_cast<char>(font.bold ? 1 : 0));
    key.push_back(static_cast<char>(font.italic ? 1 : 0));
    return key;
}

Theme default_theme() {
    Theme t;
    // Colour-blind-aware qualitative colours; related kinds share a hue family. Every pair
    // stands kMinKindDifference apart in normal vision and under simulated protanopia,
    // deuteranopia and tritanopia (docs/accessibility.md; tests/unit/color_access_test.cpp).
    t.kind_colors = {
        {"arms-transfer", hex("#b23c2d")},
        {"components", hex("#f38f3e")},
        {"technology-transfer", hex("#8a44cc")},
        {"economic-support", hex("#457a9d")},
        {"personnel", hex("#1e9d74")},
        {"force-change", hex("#9c7e0a")},
        {"military-action", hex("#7b241c")},
        {"diplomatic", hex("#185a87")},
        {"sanctions", hex("#566573")},
        {"office-term", hex("#364759")},
        {"other", hex("#7f8c8d")},
    };
    for (const char* c :
         {"#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#66a61e", "#e6ab02", "#a6761d", "#666666"})
        t.kind_palette.push_back(hex(c));
    // One neutral blue-grey for every lane: the lane's name says whose it is, and colour stays
    // the kind's alone (the old ten-colour palette gave Ukraine arms-transfer red).
    t.actor_palette.push_back(hex("#aab4bf"));
    return t;
}

}  // namespace tl
