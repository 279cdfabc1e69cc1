#include "layout/measure_cache.hpp"

#include <cstring>

namespace tl {

TextSize MeasureCache::measure(std::string_view text, const FontSpec& font) const {
    // The font in front of the text, which may hold any byte: family, size and style, then
    // a separator no family name contains.
    std::string key = font.family;
    key += '\x1f';
    char size[sizeof font.size];
    std::memcpy(size, &font.size, sizeof size);
    key.append(size, sizeof size);
    key += font.bold ? 'b' : '-';
    key += font.italic ? 'i' : '-';
    key += '\x1f';
    key += text;
    const auto [at, added] = sizes_.try_emplace(std::move(key));
    if (added) at->second = inner_.measure(text, font);
    return at->second;
}

}  // namespace tl
