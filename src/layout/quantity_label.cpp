#include "layout/quantity_label.hpp"

#include <cmath>
#include <cstdio>

#include "base/text.hpp"

namespace tl {
namespace {

std::string trimmed(double v, int decimals) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
    std::string s = buf;
    if (s.find('.') != std::string::npos) {
        while (s.back() == '0')
            s.pop_back();
        if (s.back() == '.') s.pop_back();
    }
    return s;
}

std::string with_separators(double v) {
    const auto whole = static_cast<long long>(std::llround(std::fabs(v)));
    std::string digits = std::to_string(whole);
    for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3)
        digits.insert(static_cast<std::size_t>(i), ",");
    return (v < 0 ? "-" : "") + digits;
}

}  // namespace

std::string readable_number(double value) {
    const double magnitude = std::fabs(value);
    if (magnitude >= 1e9 && std::fmod(magnitude, 1e7) == 0)
        return trimmed(value / 1e9, 2) + " billion";
    if (magnitude >= 1e6 && std::fmod(magnitude, 1e4) == 0)
        return trimmed(value / 1e6, 2) + " million";
    if (magnitude >= 1000 && magnitude < 1e15 && std::floor(magnitude) == magnitude)
        return with_separators(value);
    return trimmed(value, 2);
}

std::string quantity_label(const Quantity& q) {
    std::string n = readable_number(q.value);
    if (q.total && q.value > 0) n = "+" + n;  // a change toward a total
    switch (q.qualifier) {
        case QuantityQualifier::exact: break;
        case QuantityQualifier::about: n = "c. " + n; break;
        case QuantityQualifier::more_than: n += "+"; break;
        case QuantityQualifier::less_than: n = "under " + n; break;
        case QuantityQualifier::up_to: n = "up to " + n; break;
    }
    std::string s = n + " " + isolate(q.unit);  // input, so that it cannot reorder the rest
    if (q.total) s += ", total " + readable_number(*q.total);
    return s;
}

}  // namespace tl
