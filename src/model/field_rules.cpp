#include "model/field_rules.hpp"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "base/text.hpp"

namespace tl {
namespace {

bool is_alnum(char c) {
    return std::isalnum(static_cast<unsigned char>(c)) != 0;
}
bool is_lower_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}
bool is_hex(char c) {
    return std::isxdigit(static_cast<unsigned char>(c)) != 0;
}

bool starts_with_ci(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
    return true;
}

}  // namespace

std::optional<std::string> check_id(std::string_view id) {
    if (id.empty()) return "an id may not be empty";
    if (id.size() > kMaxIdLength) return "an id has at most 64 characters";
    if (!is_alnum(id[0])) return "an id starts with a letter or digit";
    for (char c : id)
        if (!is_alnum(c) && c != '.' && c != '_' && c != '-')
            return "an id holds only letters, digits, '.', '_' and '-'";
    return std::nullopt;
}

std::optional<std::string> check_color(std::string_view color) {
    const bool shape =
        !color.empty() && color[0] == '#' && (color.size() == 4 || color.size() == 7);
    if (!shape) return "a colour is #rgb or #rrggbb";
    for (char c : color.substr(1))
        if (!is_hex(c)) return "a colour is #rgb or #rrggbb";
    return std::nullopt;
}

std::optional<std::string> check_tag(std::string_view tag) {
    if (tag.empty() || !is_lower_alnum(tag[0])) return "a tag starts with a-z or 0-9";
    for (char c : tag)
        if (!is_lower_alnum(c) && c != '-') return "a tag holds only a-z, 0-9 and '-'";
    return std::nullopt;
}

bool is_web_url(std::string_view s) {
    const std::size_t prefix = starts_with_ci(s, "https://")  ? 8
                               : starts_with_ci(s, "http://") ? 7
                                                              : 0;
    if (prefix == 0 || s.size() == prefix) return false;
    for (char c : s)
        if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) return false;
    return true;
}

std::optional<std::string> check_url(std::string_view url) {
    if (!is_web_url(url)) return "a URL starts with http:// or https:// and has no spaces";
    return std::nullopt;
}

std::optional<std::string> check_grading(std::string_view g) {
    if (g.size() == 2 && g[0] >= 'A' && g[0] <= 'F' && g[1] >= '1' && g[1] <= '6')
        return std::nullopt;
    return "a grading is an Admiralty code: a letter A-F then a digit 1-6, e.g. B2";
}

std::optional<std::string> check_text(std::string_view text, TextLines lines) {
    for (std::size_t i = 0; i < text.size();) {
        const CodePoint c = next_code_point(text, i);
        i += c.size;
        const char32_t v = c.value;
        if (lines == TextLines::many && (v == '\n' || v == '\t')) continue;
        const bool control = v < 0x20 || (v >= 0x7F && v <= 0x9F);
        if (!control && v != 0x2028 && v != 0x2029) continue;
        char code[16];
        std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(v));
        const bool line_break = v == '\n' || v == '\r' || v == 0x85 || !control;
        if (line_break && lines == TextLines::one)
            return "is one line, but holds the line break " + std::string(code);
        return (control ? "holds the control character " : "holds the separator ") +
               std::string(code);
    }
    return std::nullopt;
}

std::optional<std::string> check_title(std::string_view title) {
    if (title.empty()) return "a title may not be empty";
    if (utf8_length(title) > kMaxTitleLength) return "a title has at most 200 characters";
    return std::nullopt;
}

std::optional<double> parse_number(std::string_view s) {
    double value = 0;
    const char* first = s.data();
    const char* last = s.data() + s.size();
    if (first != last && *first == '+') {  // YAML allows a leading plus, but only one sign
        ++first;
        if (first != last && (*first == '-' || *first == '+')) return std::nullopt;
    }
    const auto [end, ec] = std::from_chars(first, last, value);
    if (ec != std::errc() || end != last || first == last || !std::isfinite(value))
        return std::nullopt;
    return value;
}

}  // namespace tl
