#include "layout/quantity_label.hpp"

#include <algorithm>
#include <cmath>

#include "layout/number_text.hpp"

#include "base/text.hpp"

namespace tl {
namespace {

/// A non-negative number with at most `decimals` decimals (trailing zeros dropped) and
/// thousands separators: 1,234.5.
std::string grouped(double magnitude, int decimals) {
    std::string s = number_text(magnitude, decimals);
    std::size_t point = s.find('.');
    if (point != std::string::npos) {
        while (s.back() == '0')
            s.pop_back();
        if (s.back() == '.') s.pop_back();
    } else {
        point = s.size();
    }
    for (std::size_t i = std::min(point, s.size()); i > 3; i -= 3)
        s.insert(i - 3, ",");
    return s;
}

/// Digits before the point of a magnitude of at least 1.
int integer_digits(double magnitude) {
    return static_cast<int>(std::floor(std::log10(magnitude))) + 1;
}

}  // namespace

std::string readable_number(double value) {
    const double magnitude = std::fabs(value);
    const std::string sign = value < 0 ? "-" : "";
    // Round millions and more read best in words: 1.5 million, 2.25 billion, 1,000 trillion.
    static constexpr struct {
        double scale;
        const char* word;
    } kScales[] = {{1e12, " trillion"}, {1e9, " billion"}, {1e6, " million"}};
    for (const auto& [scale, word] : kScales) {
        if (magnitude >= scale && std::fmod(magnitude, scale / 100) == 0)
            return sign + grouped(magnitude / scale, 2) + word;
    }
    if (magnitude < 1) {
        // Two significant digits, so that no small amount is drawn as 0.
        return magnitude == 0 ? "0" : sign + number_text(magnitude, 2, Notation::significant);
    }
    // At most two decimals, and no more digits than a double holds (15): 123,456,789,012,346.
    const int decimals = std::clamp(15 - integer_digits(magnitude), 0, 2);
    return sign + grouped(magnitude, decimals);
}

namespace {

/// The number with its qualifier and stage, and the total it changes toward: the label
/// without its unit, which goes after the number ("200+ missiles") and is said once for a
/// unit at several stages ("100 aircraft pledged, 60 delivered").
struct LabelParts {
    std::string number;
    std::string after_unit;
};

LabelParts label_parts(const Quantity& q) {
    std::string n = readable_number(q.value);
    if (q.total && q.value > 0) n = "+" + n;  // a change toward a total
    switch (q.qualifier) {
        case QuantityQualifier::exact: break;
        case QuantityQualifier::about: n = "c. " + n; break;
        case QuantityQualifier::more_than: n += "+"; break;
        case QuantityQualifier::less_than: n = "under " + n; break;
        case QuantityQualifier::up_to: n = "up to " + n; break;
    }
    std::string after;
    if (q.stage) after += " " + std::string(to_string(*q.stage));
    if (q.total) after += ", total " + readable_number(*q.total);
    return {n, after};
}

}  // namespace

std::string quantity_label(const Quantity& q) {
    const LabelParts p = label_parts(q);
    return p.number + " " + isolate(q.unit) + p.after_unit;  // input: it cannot reorder the rest
}

std::string quantities_label(const std::vector<Quantity>& qs) {
    std::string s;
    std::vector<bool> said(qs.size(), false);
    for (std::size_t i = 0; i < qs.size(); ++i) {
        if (said[i]) continue;
        s += (s.empty() ? "" : "; ") + quantity_label(qs[i]);
        for (std::size_t k = i + 1; k < qs.size(); ++k) {
            if (qs[k].unit != qs[i].unit) continue;
            const LabelParts p = label_parts(qs[k]);
            s += ", " + p.number + p.after_unit;
            said[k] = true;
        }
    }
    return s;
}

}  // namespace tl
