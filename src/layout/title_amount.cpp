#include "layout/title_amount.hpp"

#include <cmath>
#include <cstdlib>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "layout/number_text.hpp"

namespace tl {
namespace {

bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
char lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
}

/// Whether `text` at `at` starts with `word`, ignoring ASCII case.
bool starts_with_word(std::string_view text, std::size_t at, std::string_view word) {
    if (word.empty() || text.size() - at < word.size()) return false;
    for (std::size_t i = 0; i < word.size(); ++i)
        if (lower(text[at + i]) != lower(word[i])) return false;
    return true;
}

/// A number written in a title: "23.4 million", "180,000", "€2.5bn".
struct WrittenNumber {
    double value = 0;
    double half_step = 0;   ///< half of its last digit's place: how exact it claims to be
    int significant = 0;    ///< digits written, less leading zeros
    std::size_t begin = 0;  ///< where its digits start
    std::size_t end = 0;    ///< past its scale word, if any
};

/// The scale word after a number at `at` ("million", " bn", "m"): its factor and the end
/// of the word, or none. A short form of one letter must touch the number ("23.4m").
std::optional<std::pair<double, std::size_t>> scale_word(std::string_view t, std::size_t at) {
    static constexpr struct {
        std::string_view word;
        double factor;
    } kWords[] = {{"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9}, {"trillion", 1e12},
                  {"mln", 1e6},      {"mn", 1e6},      {"bn", 1e9},      {"tn", 1e12},
                  {"k", 1e3},        {"m", 1e6}};
    const bool spaced = at < t.size() && t[at] == ' ';
    const std::size_t from = spaced ? at + 1 : at;
    for (const auto& [word, factor] : kWords) {
        if (spaced && word.size() == 1) continue;
        if (!starts_with_word(t, from, word)) continue;
        const std::size_t end = from + word.size();
        if (end < t.size() && is_letter(t[end])) continue;  // "millionaires", "km"
        return std::pair{factor, end};
    }
    return std::nullopt;
}

/// Every number in a title that is not part of a word ("A400M", "F16"), with its scale.
std::vector<WrittenNumber> written_numbers(std::string_view t) {
    std::vector<WrittenNumber> out;
    for (std::size_t i = 0; i < t.size(); ++i) {
        if (!is_digit(t[i]) || (i > 0 && (is_letter(t[i - 1]) || is_digit(t[i - 1]) ||
                                          t[i - 1] == '.' || t[i - 1] == ',')))
            continue;
        WrittenNumber n;
        n.begin = i;
        std::string digits;
        std::size_t j = i;
        while (j < t.size()) {
            if (is_digit(t[j])) {
                digits += t[j++];
            } else if (t[j] == ',' && j + 3 < t.size() && is_digit(t[j + 1]) &&
                       is_digit(t[j + 2]) && is_digit(t[j + 3]) &&
                       (j + 4 >= t.size() || !is_digit(t[j + 4]))) {
                ++j;  // a thousands separator: exactly three digits follow
            } else {
                break;
            }
        }
        int decimals = 0;
        if (j + 1 < t.size() && t[j] == '.' && is_digit(t[j + 1])) {
            digits += t[j++];
            for (; j < t.size() && is_digit(t[j]); ++j, ++decimals)
                digits += t[j];
        }
        if (j < t.size() && is_letter(t[j]) && !scale_word(t, j)) {
            i = j;  // "16th", "3D": not an amount
            continue;
        }
        double factor = 1;
        n.end = j;
        if (const auto scale = scale_word(t, j)) std::tie(factor, n.end) = *scale;
        n.value = std::strtod(digits.c_str(), nullptr) * factor;
        n.half_step = 0.5 * std::pow(10.0, -decimals) * factor;
        const std::size_t first = digits.find_first_not_of("0.");
        for (std::size_t k = first; k < digits.size() && first != std::string::npos; ++k)
            n.significant += is_digit(digits[k]);
        out.push_back(n);
        i = j;
    }
    return out;
}

/// Whether a written number is `value` as the badge rounds it (three significant figures),
/// or as exact as written when it has three significant figures or more.
bool same_amount(const WrittenNumber& n, double value) {
    const double rounded =
        std::strtod(number_text(value, 2, Notation::scientific).c_str(), nullptr);
    if (std::fabs(n.value - rounded) <= 1e-9 * std::fabs(rounded)) return true;
    return n.significant >= 3 && std::fabs(n.value - value) <= n.half_step * (1 + 1e-9);
}

/// The currency a symbol just before `at` stands for ("€23.4m"), or "".
std::string_view currency_symbol_before(std::string_view t, std::size_t at) {
    static constexpr struct {
        std::string_view symbol, code;
    } kSymbols[] = {
        {"\u20ac", "EUR"}, {"$", "USD"}, {"\u00a3", "GBP"}, {"\u20b4", "UAH"}, {"\u00a5", "JPY"}};
    for (const auto& [symbol, code] : kSymbols)
        if (at >= symbol.size() && t.substr(at - symbol.size(), symbol.size()) == symbol)
            return code;
    return {};
}

/// Whether the unit is written right before the number ("EUR 23.4 million") or right after
/// it ("180,000 troops", "200+ ballistic missiles", "1 tank" for tanks).
bool unit_beside(std::string_view t, const WrittenNumber& n, std::string_view unit) {
    if (unit.empty()) return false;
    const std::string_view symbol = currency_symbol_before(t, n.begin);
    if (!symbol.empty()) return starts_with_word(symbol, 0, unit) && symbol.size() == unit.size();
    std::size_t before = n.begin;
    while (before > 0 && t[before - 1] == ' ')
        --before;
    if (before >= unit.size() && starts_with_word(t, before - unit.size(), unit) &&
        (before == unit.size() || !is_letter(t[before - unit.size() - 1])))
        return true;
    std::size_t after = n.end;
    if (after < t.size() && t[after] == '+') ++after;
    if (after < t.size() && t[after] == ' ') ++after;
    // The unit as written, or in the singular: "1 tank" for tanks.
    std::vector<std::string_view> forms{unit};
    if (unit.size() > 1 && lower(unit.back()) == 's')
        forms.push_back(unit.substr(0, unit.size() - 1));
    for (const std::string_view form : forms) {
        const std::size_t end = after + form.size();
        if (starts_with_word(t, after, form) && (end == t.size() || !is_letter(t[end])))
            return true;
    }
    return false;
}

}  // namespace

bool title_states_quantity(std::string_view title, const Quantity& q) {
    // The unit stands beside the value, or beside the total when there is one: "enlarged by
    // 180,000 to 1.5 million troops".
    bool value = false, value_unit = false;
    bool total = !q.total, total_unit = false;
    for (const WrittenNumber& n : written_numbers(title)) {
        if (same_amount(n, q.value)) {
            value = true;
            value_unit = value_unit || unit_beside(title, n, q.unit);
        }
        if (q.total && same_amount(n, *q.total)) {
            total = true;
            total_unit = total_unit || unit_beside(title, n, q.unit);
        }
    }
    return value && total && (value_unit || total_unit);
}

}  // namespace tl
