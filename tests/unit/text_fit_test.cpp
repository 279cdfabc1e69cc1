// fit() finds the longest start of a text that fits, measuring as little as it can; the
// cache in front of Pango remembers measurements within a bound.

#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

#include "base/text.hpp"
#include "layout/measure_cache.hpp"
#include "layout/text_measurer.hpp"

namespace {

/// Proportional widths (a wide W, a narrow i), counting every measurement.
class CountingMeasurer : public tl::TextMeasurer {
  public:
    tl::TextSize measure(std::string_view text, const tl::FontSpec& font) const override {
        ++calls;
        double w = 0;
        for (std::size_t i = 0; i < text.size();) {
            const tl::CodePoint c = tl::next_code_point(text, i);
            const double advance = c.value == 'W' ? 1.0 : c.value == 'i' ? 0.25 : 0.55;
            if (!(c.valid && tl::is_invisible(c.value))) w += advance * font.size;
            i += c.size;
        }
        return {w, font.size * 1.25};
    }
    mutable std::size_t calls = 0;
};

/// The answer fit() gave before it searched from a guess: a plain binary search over every
/// code point boundary, kept here as the reference.
std::string reference_fit(const tl::TextMeasurer& m, std::string_view text,
                          const tl::FontSpec& font, double max_width) {
    if (m.measure(text, font).width <= max_width) return std::string(text);
    std::vector<std::size_t> b;
    for (std::size_t i = 0; i < text.size(); ++i)
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) b.push_back(i);
    std::size_t lo = 0, hi = b.size();
    std::string best;
    while (lo < hi) {
        const std::size_t mid = (lo + hi + 1) / 2;
        std::string c(text.substr(0, mid < b.size() ? b[mid] : text.size()));
        while (!c.empty() && c.back() == ' ')
            c.pop_back();
        c = tl::close_isolates(c) + "\u2026";
        if (m.measure(c, font).width <= max_width) {
            best = std::move(c);
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    if (best.empty() && m.measure("\u2026", font).width <= max_width) best = "\u2026";
    return best;
}

}  // namespace

TEST_CASE("fit gives the longest start that fits, as a full search does, for any width") {
    const CountingMeasurer m;
    const tl::FontSpec font{"Sans", 10, false, false};
    const std::vector<std::string> texts = {
        "Iran delivers Shahed-136 drones to Russia",
        "WWWWWWWWWWiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiii WWWW",
        "iiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiiWWWWWWWWWWWWWWWWW",
        "   spaces   between   words   ",
        "\u2068Pr\u00e9sident \u00e9lu\u2069 \u2068\u0627\u0644\u0631\u0626\u064a\u0633\u2069 x",
        "W",
        ""};
    for (const std::string& text : texts) {
        for (double width = 0; width <= 320; width += 1.5) {
            CAPTURE(text);
            CAPTURE(width);
            CHECK(m.fit(text, font, width) == reference_fit(m, text, font, width));
        }
    }
}

TEST_CASE("fit measures a few candidates around a good guess, not a whole search") {
    // A measurer whose guess is exact: fit measures the text, the ellipsis, the guess and
    // the one after it. The binary search measured about log2(length) candidates more.
    const CountingMeasurer m;
    const tl::FontSpec font{"Sans", 10, false, false};
    const std::string text(400, 'x');
    m.calls = 0;
    const std::string cut = m.fit(text, font, 1000);
    CHECK(cut.size() == 180 + 3);  // 180 x of 5.5 pt and the ellipsis: 181 would reach 1001
    const std::size_t guided = m.calls;
    m.calls = 0;
    CHECK(reference_fit(m, text, font, 1000) == cut);
    CHECK(guided <= 6);
    CHECK(m.calls >= 9);
}

TEST_CASE("the measurement cache answers repeats without measuring, within its bound") {
    auto counting = std::make_unique<CountingMeasurer>();
    const CountingMeasurer& inner = *counting;
    const tl::CachedMeasurer cache(std::move(counting), 3);
    const tl::FontSpec regular{"Sans", 10, false, false};
    const tl::FontSpec bold{"Sans", 10, true, false};
    const tl::FontSpec larger{"Sans", 10.5, false, false};
    CHECK(cache.measure("Iran", regular).width == doctest::Approx(22));
    CHECK(cache.measure("Iran", regular).width == doctest::Approx(22));
    CHECK(inner.calls == 1);
    // A different font is a different measurement, however close.
    cache.measure("Iran", bold);
    cache.measure("Iran", larger);
    CHECK(inner.calls == 3);
    CHECK(cache.size() == 3);
    // Full: it starts again rather than grow.
    cache.measure("Russia", regular);
    CHECK(cache.size() == 1);
    CHECK(inner.calls == 4);
    CHECK(cache.measure("Russia", regular).width == doctest::Approx(30));
    CHECK(inner.calls == 4);
}
