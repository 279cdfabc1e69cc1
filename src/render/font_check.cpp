#include "render/font_check.hpp"

#include <pango/pangocairo.h>

#include <algorithm>
#include <array>
#include <cctype>

namespace tl {
namespace {

std::string folded(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

std::string_view trimmed(std::string_view s) {
    const auto first = s.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

/// Families installed in the default font map, case-folded as fontconfig compares them.
std::vector<std::string> installed_families() {
    PangoFontFamily** families = nullptr;
    int count = 0;
    pango_font_map_list_families(pango_cairo_font_map_get_default(), &families, &count);
    std::vector<std::string> names;
    names.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i)
        names.push_back(folded(pango_font_family_get_name(families[i])));
    g_free(families);
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace

std::vector<std::string> unavailable_font_families(std::string_view family_list) {
    // fontconfig's standard aliases: they name whatever the system prefers, so always exist.
    static constexpr std::array<std::string_view, 10> kGeneric{
        "sans",      "sans-serif", "serif",   "monospace", "mono",
        "system-ui", "cursive",    "fantasy", "emoji",     "math"};
    const std::vector<std::string> installed = installed_families();
    std::vector<std::string> missing;
    std::size_t start = 0;
    while (start <= family_list.size()) {
        std::size_t end = family_list.find(',', start);
        if (end == std::string_view::npos) end = family_list.size();
        const std::string_view name = trimmed(family_list.substr(start, end - start));
        const std::string key = folded(name);
        if (!name.empty() && std::find(kGeneric.begin(), kGeneric.end(), key) == kGeneric.end() &&
            !std::binary_search(installed.begin(), installed.end(), key))
            missing.emplace_back(name);
        start = end + 1;
    }
    return missing;
}

}  // namespace tl
