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

/// A colour in CIELAB (D65): lightness 0..100 and the two opponent axes.
struct Lab {
    double l, a, b;
};
Lab to_lab(const Color& c);

/// How far apart two colours look: the CIE76 distance in CIELAB (D65), alpha ignored. About 2
/// is the smallest difference a reader notices side by side; black to white is 100.
double color_distance(const Color& a, const Color& b);

/// Lane accents stay at least this far from every kind colour, so that a lane's colour is
/// never read as a kind of event.
inline constexpr double kMinAccentDistance = 15;

/// An actor's declared colour is an accent only this far from every kind colour: it is any
/// hue, chosen without the kinds in mind, and a red lane beside red arms transfers still
/// reads as one at 20 (the template palettes are neutrals, held to kMinAccentDistance).
inline constexpr double kMinDeclaredAccentDistance = 25;

}  // namespace tl
