#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tl {

/// An sRGB colour with alpha, each channel 0..1.
struct Color {
    double r = 0, g = 0, b = 0, a = 1;

    static std::optional<Color> parse(std::string_view hex);  ///< "#rgb" or "#rrggbb"
    Color with_alpha(double alpha) const { return {r, g, b, alpha}; }
    /// Mixes toward `other` by `amount` (0 keeps this colour, 1 gives `other`).
    Color mix(const Color& other, double amount) const;
    std::string hex() const;  ///< "#rrggbb"
    friend bool operator==(const Color&, const Color&) = default;
};

}  // namespace tl
