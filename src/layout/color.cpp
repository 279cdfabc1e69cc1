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

Lab to_lab(const Color& c) {
    const auto linear = [](double v) {
        return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
    };
    const double r = linear(c.r), g = linear(c.g), b = linear(c.b);
    // sRGB to XYZ, relative to the D65 white point.
    const double x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
    const double y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
    const double z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
    const auto f = [](double t) {
        constexpr double kEpsilon = 216.0 / 24389.0;
        constexpr double kKappa = 24389.0 / 27.0;
        return t > kEpsilon ? std::cbrt(t) : (kKappa * t + 16) / 116;
    };
    const double fx = f(x), fy = f(y), fz = f(z);
    return {116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)};
}

double color_distance(const Color& a, const Color& b) {
    const Lab p = to_lab(a);
    const Lab q = to_lab(b);
    return std::hypot(p.l - q.l, p.a - q.a, p.b - q.b);
}

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
