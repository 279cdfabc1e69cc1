#include "layout/color_vision.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace tl {
namespace {

double to_linear(double v) {
    return v <= 0.04045 ? v / 12.92 : std::pow((v + 0.055) / 1.055, 2.4);
}

double to_encoded(double v) {
    v = std::clamp(v, 0.0, 1.0);
    return v <= 0.0031308 ? v * 12.92 : 1.055 * std::pow(v, 1 / 2.4) - 0.055;
}

using Matrix = std::array<std::array<double, 3>, 3>;

/// Machado et al. (2009), severity 1.0, as published with the paper
/// (https://www.inf.ufrgs.br/~oliveira/pubs_files/CVD_Simulation/CVD_Simulation.html).
const Matrix& machado_matrix(ColorVision v) {
    static constexpr Matrix kProtanopia{{{0.152286, 1.052583, -0.204868},
                                         {0.114503, 0.786281, 0.099216},
                                         {-0.003882, -0.048116, 1.051998}}};
    static constexpr Matrix kDeuteranopia{{{0.367322, 0.860646, -0.227968},
                                           {0.280085, 0.672501, 0.047413},
                                           {-0.011820, 0.042940, 0.968881}}};
    static constexpr Matrix kTritanopia{{{1.255528, -0.076749, -0.178779},
                                         {-0.078411, 0.930809, 0.147602},
                                         {0.004733, 0.691367, 0.303900}}};
    switch (v) {
        case ColorVision::protanopia: return kProtanopia;
        case ColorVision::deuteranopia: return kDeuteranopia;
        default: return kTritanopia;
    }
}

double radians(double degrees) {
    return degrees * std::numbers::pi / 180;
}

/// A hue angle in degrees, 0..360.
double hue_angle(double b, double a) {
    if (a == 0 && b == 0) return 0;
    const double h = std::atan2(b, a) * 180 / std::numbers::pi;
    return h < 0 ? h + 360 : h;
}

}  // namespace

const char* to_string(ColorVision v) {
    switch (v) {
        case ColorVision::normal: return "normal vision";
        case ColorVision::protanopia: return "protanopia";
        case ColorVision::deuteranopia: return "deuteranopia";
        case ColorVision::tritanopia: return "tritanopia";
    }
    return "";
}

Color simulate(const Color& c, ColorVision v) {
    if (v == ColorVision::normal) return c;
    const Matrix& m = machado_matrix(v);
    const std::array<double, 3> rgb{to_linear(c.r), to_linear(c.g), to_linear(c.b)};
    std::array<double, 3> out{};
    for (std::size_t i = 0; i < 3; ++i)
        out[i] = to_encoded(m[i][0] * rgb[0] + m[i][1] * rgb[1] + m[i][2] * rgb[2]);
    return {out[0], out[1], out[2], c.a};
}

double ciede2000(const Color& a, const Color& b) {
    return ciede2000(to_lab(a), to_lab(b));
}

double ciede2000(const Lab& p, const Lab& q) {
    constexpr double k25To7 = 6103515625.0;  // 25^7
    const double mean_c = (std::hypot(p.a, p.b) + std::hypot(q.a, q.b)) / 2;
    const double g = 0.5 * (1 - std::sqrt(std::pow(mean_c, 7) / (std::pow(mean_c, 7) + k25To7)));
    const double a1 = (1 + g) * p.a, a2 = (1 + g) * q.a;
    const double c1 = std::hypot(a1, p.b), c2 = std::hypot(a2, q.b);
    const double h1 = hue_angle(p.b, a1), h2 = hue_angle(q.b, a2);
    const double delta_l = q.l - p.l;
    const double delta_c = c2 - c1;
    double delta_h = 0;
    if (c1 * c2 != 0) {
        delta_h = h2 - h1;
        if (delta_h > 180) delta_h -= 360;
        if (delta_h < -180) delta_h += 360;
    }
    const double delta_big_h = 2 * std::sqrt(c1 * c2) * std::sin(radians(delta_h / 2));
    const double mean_l = (p.l + q.l) / 2;
    const double mean_cp = (c1 + c2) / 2;
    double mean_h = h1 + h2;
    if (c1 * c2 != 0) {
        if (std::abs(h1 - h2) <= 180) {
            mean_h = (h1 + h2) / 2;
        } else {
            mean_h = h1 + h2 < 360 ? (h1 + h2 + 360) / 2 : (h1 + h2 - 360) / 2;
        }
    }
    const double t =
        1 - 0.17 * std::cos(radians(mean_h - 30)) + 0.24 * std::cos(radians(2 * mean_h)) +
        0.32 * std::cos(radians(3 * mean_h + 6)) - 0.20 * std::cos(radians(4 * mean_h - 63));
    const double delta_theta = 30 * std::exp(-std::pow((mean_h - 275) / 25, 2));
    const double r_c = 2 * std::sqrt(std::pow(mean_cp, 7) / (std::pow(mean_cp, 7) + k25To7));
    const double l50 = (mean_l - 50) * (mean_l - 50);
    const double s_l = 1 + 0.015 * l50 / std::sqrt(20 + l50);
    const double s_c = 1 + 0.045 * mean_cp;
    const double s_h = 1 + 0.015 * mean_cp * t;
    const double r_t = -std::sin(radians(2 * delta_theta)) * r_c;
    const double l = delta_l / s_l, c = delta_c / s_c, h = delta_big_h / s_h;
    return std::sqrt(l * l + c * c + h * h + r_t * c * h);
}

double min_difference(std::span<const Color> colors, ColorVision v) {
    double smallest = std::numeric_limits<double>::infinity();
    for (std::size_t i = 0; i < colors.size(); ++i)
        for (std::size_t k = i + 1; k < colors.size(); ++k)
            smallest =
                std::min(smallest, ciede2000(simulate(colors[i], v), simulate(colors[k], v)));
    return smallest;
}

double relative_luminance(const Color& c) {
    return 0.2126 * to_linear(c.r) + 0.7152 * to_linear(c.g) + 0.0722 * to_linear(c.b);
}

double contrast_ratio(const Color& a, const Color& b) {
    const double la = relative_luminance(a), lb = relative_luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

Color composite(const Color& top, const Color& below) {
    const double a = std::clamp(top.a, 0.0, 1.0);
    return {top.r * a + below.r * (1 - a), top.g * a + below.g * (1 - a),
            top.b * a + below.b * (1 - a), 1};
}

bool is_large_text(double size_pt, bool bold) {
    return size_pt >= 18 || (bold && size_pt >= 14);
}

Color readable_on(const Color& ink, const Color& paper, double ratio) {
    const Color opaque = ink.with_alpha(1);
    if (contrast_ratio(opaque, paper) >= ratio) return ink;
    // Toward black on a light paper, toward white on a dark one; the first mix that reads.
    const bool light_paper =
        contrast_ratio(paper, Color{0, 0, 0}) >= contrast_ratio(paper, {1, 1, 1});
    const Color target = light_paper ? Color{0, 0, 0} : Color{1, 1, 1};
    for (int step = 1; step <= 20; ++step) {
        const Color mixed = opaque.mix(target, step / 20.0);
        if (contrast_ratio(mixed, paper) >= ratio) return mixed.with_alpha(ink.a);
    }
    return target.with_alpha(ink.a);
}

}  // namespace tl
