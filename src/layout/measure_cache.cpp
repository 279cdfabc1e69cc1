#include "layout/measure_cache.hpp"

#include <cstring>

namespace tl {

TextSize CachedMeasurer::measure(std::string_view text, const FontSpec& font) const {
    // The key holds the font exactly (the family after its length, the size's bytes rather
    // than a rounded print of it) and then the text, so that no two fonts share a key.
    std::string key = std::to_string(font.family.size());
    key.reserve(key.size() + font.family.size() + sizeof font.size + 3 + text.size());
    key.append(1, ':').append(font.family);
    char size[sizeof font.size];
    std::memcpy(size, &font.size, sizeof size);
    key.append(size, sizeof size);
    key.push_back(static_cast<char>(font.bold ? 1 : 0));
    key.push_back(static_cast<char>(font.italic ? 1 : 0));
    key.append(text);
    if (const auto it = sizes_.find(key); it != sizes_.end()) return it->second;
    const TextSize measured = inner_->measure(text, font);
    if (sizes_.size() >= capacity_) sizes_.clear();
    sizes_.emplace(std::move(key), measured);
    return measured;
}

}  // namespace tl
