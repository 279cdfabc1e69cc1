#include "layout/text_measurer.hpp"

#include <algorithm>
#include <vector>

#include "base/text.hpp"

namespace tl {

std::string TextMeasurer::fit(std::string_view text, const FontSpec& font, double max_width) const {
    if (measure(text, font).width <= max_width) return std::string(text);
    static constexpr std::string_view kEllipsis = "\u2026";
    const double ellipsis = measure(kEllipsis, font).width;
    if (ellipsis > max_width) return {};
    // Cut only at code point boundaries: candidate(k) keeps the first k code points.
    std::vector<std::size_t> boundaries;
    for (std::size_t i = 0; i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) boundaries.push_back(i);
    const std::size_t n = boundaries.size();
    const auto candidate = [&](std::size_t k) {
        std::string c(text.substr(0, k < n ? boundaries[k] : text.size()));
        while (!c.empty() && c.back() == ' ')
            c.pop_back();
        // A cut inside an isolated piece of input closes it, so that the ellipsis (and a
        // callout number after it) is not drawn inside the piece's direction.
        return close_isolates(c) + std::string(kEllipsis);
    };
    const auto fits = [&](std::size_t k) { return measure(candidate(k), font).width <= max_width; };
    // The answer is the largest k whose candidate fits (0: the ellipsis alone). Widths grow
    // with k, so it is found from the guess by steps that double, then by halving: two
    // measurements when the guess is right, about twice a binary search's when it is wrong.
    std::size_t lo = 0;  // fits (the ellipsis alone does)
    std::size_t hi = n;  // nothing above it fits
    const std::size_t bytes = prefix_within(text, font, max_width - ellipsis);
    const std::size_t guess = std::clamp<std::size_t>(
        static_cast<std::size_t>(std::lower_bound(boundaries.begin(), boundaries.end(), bytes) -
                                 boundaries.begin()),
        1, std::max<std::size_t>(n, 1));
    if (n > 0 && fits(guess)) {
        lo = guess;
        for (std::size_t step = 1; lo < hi; step *= 2) {
            const std::size_t k = std::min(hi, guess + step);
            if (!fits(k)) {
                hi = k - 1;
                break;
            }
            lo = k;
        }
    } else if (n > 0) {
        hi = guess - 1;
        for (std::size_t step = 1; lo < hi; step *= 2) {
            const std::size_t k = guess > step + lo ? guess - step : lo + 1;
            if (k > hi) break;
            if (fits(k)) {
                lo = k;
                break;
            }
            hi = k - 1;
        }
    }
    while (lo < hi) {
        const std::size_t mid = (lo + hi + 1) / 2;
        if (fits(mid)) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    return lo == 0 ? std::string(kEllipsis) : candidate(lo);
}

std::size_t TextMeasurer::prefix_within(std::string_view text, const FontSpec& font,
                                        double width) const {
    const double whole = measure(text, font).width;
    if (whole <= width) return text.size();
    if (whole <= 0 || width <= 0) return 0;
    return static_cast<std::size_t>(static_cast<double>(text.size()) * width / whole);
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
