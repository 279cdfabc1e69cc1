#pragma once

#include <string>
#include <unordered_map>

#include "layout/text_measurer.hpp"

namespace tl {

/// Remembers what another measurer said: `pages` lays a slice out again when it does not
/// fit its page, and the header, lane names, legend and references repeat on every page, so
/// most of its texts are measured many times (and Pango's shaping is most of its cost).
class MeasureCache : public TextMeasurer {
  public:
    explicit MeasureCache(const TextMeasurer& inner) : inner_(inner) {}
    TextSize measure(std::string_view text, const FontSpec& font) const override;

  private:
    const TextMeasurer& inner_;
    mutable std::unordered_map<std::string, TextSize> sizes_;
};

}  // namespace tl
