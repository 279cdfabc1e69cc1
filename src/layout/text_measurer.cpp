#include "layout/text_measurer.hpp"

#include <vector>

#include "base/text.hpp"

namespace tl {

std::string TextMeasurer::fit(std::string_view text, const FontSpec& font, double max_width) const {
    if (measure(text, font).width <= max_width) return std::string(text);
    static constexpr std::string_view kEllipsis = "\u2026";
    // Cut only at code point boundaries; binary search on how many code points to keep.
    std::vector<std::size_t> boundaries;
    for (std::size_t i = 0; i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) boundaries.push_back(i);
    std::size_t lo = 0, hi = boundaries.size();  // keep boundaries[k] bytes for k in [lo, hi)
    std::string best;
    while (lo < hi) {
        const std::size_t mid = (lo + hi + 1) / 2;
        std::string candidate(
            text.substr(0, mid < boundaries.size() ? boundaries[mid] : text.size()));
        while (!candidate.empty() && candidate.back() == ' ')
            candidate.pop_back();
        // A cut inside an isolated piece of input closes it, so that the ellipsis (and a
        // callout number after it) is not drawn inside the piece's direction.
        candidate = close_isolates(candidate) + std::string(kEllipsis);
        if (measure(candidate, font).width <= max_width) {
            best = std::move(candidate);
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    if (best.empty() && measure(kEllipsis, font).width <= max_width) best = kEllipsis;
    return best;
}

TextSize FixedWidthMeasurer::measure(std::string_view text, const FontSpec& font) const {
    // Invisible characters (the isolates around every piece of input, zero-width joiners)
    // take no room when Pango draws them, so they take none here either: otherwise the
    // layout tests would see labels wider than the chart draws them.
    std::size_t drawn = 0;
    for (std::size_t i = 0; i < text.size();) {
        const CodePoint c = next_code_point(text, i);
        drawn += !(c.valid && is_invisible(c.value));
        i += c.size;
    }
    return {static_cast<double>(drawn) * font.size * advance_, font.size * 1.25};
}

}  // namespace tl
