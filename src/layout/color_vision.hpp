#pragma once

// How colours look to readers with a colour-vision deficiency, how far apart two colours look,
// and whether text reads on what lies under it (docs/accessibility.md, "Colour").

#include <array>
#include <span>

#include "layout/color.hpp"

namespace tl {

/// Normal vision and the three dichromacies, each simulated at full severity.
enum class ColorVision { normal, protanopia, deuteranopia, tritanopia };
inline constexpr std::array<ColorVision, 4> kColorVisions{
    ColorVision::normal, ColorVision::protanopia, ColorVision::deuteranopia,
    ColorVision::tritanopia};
const char* to_string(ColorVision v);

/// `c` as a reader with `v` sees it: Machado, Oliveira & Fernandes (2009), "A
/// Physiologically-based Model for Simulation of Color Vision Deficiency", IEEE TVCG 15(6),
/// their matrices for severity 1.0 applied in linear RGB, the result clamped to the gamut.
Color simulate(const Color& c, ColorVision v);

/// The CIEDE2000 colour difference (CIE 142-2001; Sharma, Wu & Dalal 2005), D65, alpha
/// ignored. Unlike CIE76 it does not overstate differences of saturated colours, which is
/// where a palette's kinds sit.
double ciede2000(const Color& a, const Color& b);
double ciede2000(const Lab& p, const Lab& q);

/// Every pair of kind colours stands at least this far apart (CIEDE2000) in normal vision and
/// under each simulated dichromacy: about four times the just-noticeable difference of 2.3 for
/// patches side by side, since a chart's marks are small and seen apart.
inline constexpr double kMinKindDifference = 10;

/// The smallest CIEDE2000 difference between any two of `colors` as `v` sees them.
double min_difference(std::span<const Color> colors, ColorVision v);

/// WCAG 2.x relative luminance of an opaque colour.
double relative_luminance(const Color& c);
/// WCAG 2.x contrast ratio of two opaque colours, 1 to 21.
double contrast_ratio(const Color& a, const Color& b);
/// `top` painted over the opaque `below` with top's alpha (source-over); opaque.
Color composite(const Color& top, const Color& below);

/// WCAG 2.x minimum contrast of body text (1.4.3, level AA), and of large text: 18 pt, or
/// 14 pt bold.
inline constexpr double kMinTextContrast = 4.5;
inline constexpr double kMinLargeTextContrast = 3;
/// WCAG 2.x minimum contrast of graphical objects a reader needs (1.4.11, level AA): the
/// kinds' glyphs.
inline constexpr double kMinGraphicContrast = 3;
bool is_large_text(double size_pt, bool bold);

/// `ink` as text drawn on `paper` (opaque): itself when it reaches `ratio`, else the nearest
/// mix of it toward black or white (whichever reaches the ratio first), so that a kind's
/// coloured text keeps its hue where it can.
Color readable_on(const Color& ink, const Color& paper, double ratio = kMinTextContrast);

}  // namespace tl
