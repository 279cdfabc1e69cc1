#include "layout/color.hpp"

#include <cmath>
#include <cstdio>

namespace tl {
namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

std::optional<Color> Color::parse(std::string_view hex) {
    if (hex.empty() || hex[0] != '#') return std::nullopt;
    hex.remove_prefix(1);
    if (hex.size() != 3 && hex.size() != 6) return std::nullopt;
    const std::size_t width = hex.size() / 3;
    double channel[3];
    for (std::size_t i = 0; i < 3; ++i) {
        int v = 0;
        for (std::size_t k = 0; k < width; ++k) {
            const int d = hex_value(hex[i * width + k]);
            if (d < 0) return std::nullopt;
            v = v * 16 + d;
        }
        channel[i] = width == 1 ? v * 17 / 255.0 : v / 255.0;
    }
    return Color{channel[0], channel[1], channel[2], 1};
}

Color Color::mix(const Color& other, double amount) const {
    return {r + (other.r - r) * amount, g + (other.g - g) * amount, b + (other.b - b) * amount, a};
}

std::string Color::hex() const {
    const auto byte = [](double v) { return static_cast<int>(std::lround(v * 255)); };
    char buf[8];
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", byte(r), byte(g), byte(b));
    return buf;
}

}  // namespace tl
