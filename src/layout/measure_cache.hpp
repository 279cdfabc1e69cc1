#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <unordered_map>

#include "layout/text_measurer.hpp"

namespace tl {

/// At most this many measurements are remembered (about 100 bytes each, plus the text):
/// past it the cache starts again empty, so that memory stays bounded however many
/// distinct labels a corpus has.
inline constexpr std::size_t kMeasureCacheEntries = 1 << 16;

/// Remembers what another measurer said. Layout measures most texts more than once (a label
/// when it is fitted, again when it is placed; a reference line, then its URL twice), and
/// shaping is most of a large layout's time; under --watch the cache also lives from one
/// render to the next, so an edit re-measures only the texts it changed. Not thread-safe,
/// as layout is single-threaded.
class CachedMeasurer : public TextMeasurer {
  public:
    explicit CachedMeasurer(std::unique_ptr<TextMeasurer> inner,
                            std::size_t capacity = kMeasureCacheEntries)
        : inner_(std::move(inner)), capacity_(capacity) {}

    TextSize measure(std::string_view text, const FontSpec& font) const override;
    std::size_t prefix_within(std::string_view text, const FontSpec& font,
                              double width) const override {
        return inner_->prefix_within(text, font, width);
    }
    std::size_t size() const { return sizes_.size(); }

  private:
    std::unique_ptr<TextMeasurer> inner_;
    std::size_t capacity_;
    mutable std::unordered_map<std::string, TextSize> sizes_;
};

}  // namespace tl
