#include "layout/quantity_label.hpp"

#include <algorithm>
#include <cmath>

#include "layout/event_quantities.hpp"
#include "layout/number_text.hpp"
#include "layout/title_amount.hpp"

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

/// Significant `digits` (no trailing zeros) whose first stands at 10^`lead`, as a decimal
/// with thousands separators: ("538", 5) is 538,000 and ("15", -3) is 0.0015. Built from
/// the digits rather than printed, so that no binary noise shows past them.
std::string decimal_text(const std::string& digits, int lead) {
    std::string whole = "0";
    std::string fraction;
    if (lead < 0) {
        fraction = std::string(static_cast<std::size_t>(-lead - 1), '0') + digits;
    } else {
        const auto places = static_cast<std::size_t>(lead) + 1;
        whole = digits.substr(0, places);
        whole.append(places - whole.size(), '0');
        if (digits.size() > places) fraction = digits.substr(places);
    }
    for (std::size_t i = whole.size(); i > 3; i -= 3)
        whole.insert(i - 3, ",");
    return fraction.empty() ? whole : whole + "." + fraction;
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

std::string amount_text(double value) {
    const double magnitude = std::fabs(value);
    if (magnitude == 0 || !std::isfinite(magnitude)) return readable_number(value);
    const std::string sign = value < 0 ? "-" : "";
    // Rounded once, to three significant digits ("2.91e+09"), before a scale word is chosen:
    // 999,999.9 is "1 million", never "1,000 thousand" or "1,000,000".
    const std::string e = number_text(magnitude, 2, Notation::scientific);
    std::string digits = e.substr(0, 1) + e.substr(2, 2);
    const int exponent = std::stoi(e.substr(e.find('e') + 1));
    while (digits.size() > 1 && digits.back() == '0')
        digits.pop_back();
    static constexpr struct {
        int power;
        const char* word;
    } kScales[] = {{12, " trillion"}, {9, " billion"}, {6, " million"}};
    for (const auto& [power, word] : kScales)
        if (exponent >= power) return sign + decimal_text(digits, exponent - power) + word;
    return sign + decimal_text(digits, exponent);
}

bool is_currency(std::string_view unit) {
    // ISO 4217's currencies in use (not its funds, metals or test codes), and XDR, in which
    // the IMF lends.
    static constexpr std::string_view kCodes =
        "AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD "
        "BTN BWP BYN BZD CAD CDF CHF CLP CNY COP CRC CUC CUP CVE CZK DJF DKK DOP DZD EGP ERN "
        "ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS INR IQD IRR "
        "ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL "
        "MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN "
        "PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SLE SLL SOS SRD "
        "SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VED VES "
        "VND VUV WST XAF XCD XDR XOF XPF YER ZAR ZMW ZWL";
    if (unit.size() != 3 ||
        !std::all_of(unit.begin(), unit.end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
        return false;
    const std::size_t at = kCodes.find(unit);
    return at != std::string_view::npos && at % 4 == 0;
}

namespace {

/// A quantity's label but for its unit: what goes before the unit (the qualifier and the
/// sign of a change), the amount, and what goes after it (its stage and total). A currency
/// code goes before the amount ("c. EUR 40 million"), any other unit after it ("c. 40
/// drones"); one unit at several stages is said once ("100 aircraft pledged, 60
/// delivered").
struct LabelParts {
    std::string before;
    std::string amount;
    std::string after;
};

LabelParts label_parts(const Quantity& q) {
    const bool money = is_currency(q.unit);
    LabelParts p{q.total && q.value > 0 ? "+" : "", amount_text(q.value), ""};  // a change
    switch (q.qualifier) {
        case QuantityQualifier::exact: break;
        case QuantityQualifier::about: p.before = "c. " + p.before; break;
        case QuantityQualifier::more_than:
            // "200+ missiles"; but "EUR 200+ million" and "2.5 million+ troops" read badly.
            if (money || p.amount.find(' ') != std::string::npos) {
                p.before = "more than " + p.before;
            } else {
                p.amount += "+";
            }
            break;
        case QuantityQualifier::less_than: p.before = "under " + p.before; break;
        case QuantityQualifier::up_to: p.before = "up to " + p.before; break;
    }
    if (q.stage) p.after += " " + std::string(to_string(*q.stage));
    if (q.total) {
        const std::string total = amount_text(*q.total);
        p.after += ", total " + (money ? isolate(q.unit) + " " + total : total);
    }
    return p;
}

}  // namespace

std::string quantity_label(const Quantity& q) {
    const LabelParts p = label_parts(q);
    const std::string unit = isolate(q.unit);  // input, so that it cannot reorder the rest
    return is_currency(q.unit) ? p.before + unit + " " + p.amount + p.after
                               : p.before + p.amount + " " + unit + p.after;
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
            s += ", " + p.before + p.amount + p.after;
            said[k] = true;
        }
    }
    return s;
}

std::string quantity_badge(const Event& e) {
    std::vector<Quantity> unsaid;
    for (const Quantity& q : quantities_of(e))
        if (!title_states_quantity(e.title, q)) unsaid.push_back(q);
    return quantities_label(unsaid);
}

}  // namespace tl
