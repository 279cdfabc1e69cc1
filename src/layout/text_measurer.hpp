#pragma once

#include <string>
#include <string_view>

#include "layout/theme.hpp"

namespace tl {

struct TextSize {
    double width = 0;
    double height = 0;
};

/// Measures text as it will be drawn. Pango does it in production; tests use a fixed-width
/// fake, so that layout tests do not depend on the fonts installed.
class TextMeasurer {
  public:
    virtual ~TextMeasurer() = default;
    virtual TextSize measure(std::string_view text, const FontSpec& font) const = 0;

    /// The longest start of `text`, ending in an ellipsis, that fits in `max_width`;
    /// `text` itself when it fits; empty when not even the ellipsis fits.
    std::string fit(std::string_view text, const FontSpec& font, double max_width) const;

    /// About how many bytes of `text`, cut at a code point, are drawn within `width`: a
    /// first guess for fit(), which then measures around it. A good guess saves fit() most
    /// of its measuring (a label cut in a binary search measured 8 candidates; from Pango's
    /// own glyph positions it measures 2); a bad one costs only time. By default, from the
    /// text's average advance.
    virtual std::size_t prefix_within(std::string_view text, const FontSpec& font,
                                      double width) const;
};

/// Every character is `advance` times the font size wide: a stand-in for tests.
class FixedWidthMeasurer : public TextMeasurer {
  public:
    explicit FixedWidthMeasurer(double advance = 0.55) : advance_(advance) {}
    TextSize measure(std::string_view text, const FontSpec& font) const override;

  private:
    double advance_;
};

}  // namespace tl
