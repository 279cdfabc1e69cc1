#include "model/field_rules.hpp"

#include <cctype>
#include <charconv>
#include <cmath>

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

std::optional<std::string> check_one_line(std::string_view text) {
    static const std::string kProblem = "one line of text with no control characters";
    const auto byte = [&](std::size_t i) {
        return i < text.size() ? static_cast<unsigned char>(text[i]) : 0;
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const unsigned char u = byte(i);
        if (u < 0x20 || u == 0x7f) return kProblem;
        // C1 controls U+0080..U+009F (U+0085 is a line break) are C2 80..C2 9F in UTF-8.
        if (u == 0xC2 && byte(i + 1) >= 0x80 && byte(i + 1) <= 0x9F) return kProblem;
        // The line and paragraph separators U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
        if (u == 0xE2 && byte(i + 1) == 0x80 && (byte(i + 2) == 0xA8 || byte(i + 2) == 0xA9))
            return kProblem;
    }
    return std::nullopt;
}

std::optional<std::string> check_title(std::string_view title) {
    if (title.empty()) return "a title may not be empty";
    if (utf8_length(title) > kMaxTitleLength) return "a title has at most 200 characters";
    return check_one_line(title);
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
