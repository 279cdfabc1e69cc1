#pragma once

#include <string>

#include "layout/scene.hpp"
#include "layout/text_measurer.hpp"
#include "layout/theme.hpp"

namespace tl {

/// Puts measured text and shapes on a page: what the chart's blocks (header, legend,
/// references) share.
struct PageWriter {
    Scene& scene;
    const Theme& theme;
    const TextMeasurer& measurer;
    double width = 0;  ///< the page width, once known

    /// Adds `s` with its top left at (x, y), measured, and returns the item for adjustment.
    Item& text(double x, double y, std::string s, const FontSpec& font, Color color,
               std::string role, std::string event = {});
    /// `color` washed toward the page background, for fills that sit behind text: pale on a
    /// white page, dark on a dark one.
    Color tint(const Color& color, double amount) const {
        return color.mix(theme.background, amount);
    }
    /// The width between the margins.
    double inner_width() const { return width - 2 * theme.margin; }
};

}  // namespace tl
