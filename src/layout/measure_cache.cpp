#include "layout/measure_cache.hpp"

namespace tl {

TextSize CachedMeasurer::measure(std::string_view text, const FontSpec& font) const {
    std::string key = font_key(font);
    key.reserve(key.size() + text.size());
    key.append(text);
    if (const auto it = sizes_.find(key); it != sizes_.end()) return it->second;
    const TextSize measured = inner_->measure(text, font);
    if (sizes_.size() >= capacity_) sizes_.clear();
    sizes_.emplace(std::move(key), measured);
    return measured;
}

}  // namespace tl
