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

namespace {

/// Characters a reader cannot see (controls, format characters, see is_invisible; the rest
/// of Unicode's Default_Ignorable_Code_Point: fillers, variation selectors, the combining
/// grapheme joiner...; the Braille blank) or tell apart from a space: refused in a URL even
/// where RFC 3987 would allow them, since they serve only to make a link look like another.
bool invisible_or_space(char32_t c) {
    const bool default_ignorable = c == 0x034F || c == 0x115F || c == 0x1160 ||
                                   (c >= 0x17B4 && c <= 0x17B5) || (c >= 0x180B && c <= 0x180F) ||
                                   c == 0x3164 || (c >= 0xFE00 && c <= 0xFE0F) || c == 0xFFA0 ||
                                   (c >= 0x1D173 && c <= 0x1D17A) || (c >= 0xE0000 && c <= 0xE0FFF);
    return is_invisible(c) || default_ignorable || c == 0x2800 || c == 0xA0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x202F || c == 0x205F || c == 0x3000;
}

/// RFC 3987 `ucschar`, the non-ASCII characters an IRI may hold; `iprivate` in a query.
bool iri_character(char32_t c, bool in_query) {
    if (invisible_or_space(c)) return false;
    if ((c & 0xFFFE) == 0xFFFE) return false;  // U+xFFFE and U+xFFFF of every plane
    const bool ucschar = (c >= 0xA0 && c <= 0xD7FF) || (c >= 0xF900 && c <= 0xFDCF) ||
                         (c >= 0xFDF0 && c <= 0xFFEF) || (c >= 0x10000 && c <= 0xEFFFD);
    const bool iprivate = (c >= 0xE000 && c <= 0xF8FF) || c >= 0xF0000;
    return ucschar || (in_query && iprivate);
}

bool unreserved(char c) {
    return is_alnum(c) || c == '-' || c == '.' || c == '_' || c == '~';
}
bool sub_delim(char c) {
    return std::string_view("!$&'()*+,;=").find(c) != std::string_view::npos;
}

/// Names a character for a message: printable ASCII as itself, anything else as U+XXXX, so
/// that the message never carries the control or invisible character it complains about.
std::string character_name(char32_t c) {
    if (c > 0x20 && c < 0x7f) return "'" + std::string(1, static_cast<char>(c)) + "'";
    char buf[16];
    std::snprintf(buf, sizeof buf, "U+%04X", static_cast<unsigned>(c));
    return buf;
}

/// Checks one part of a URL against RFC 3986 (with RFC 3987's non-ASCII characters):
/// unreserved, sub-delims, %XX and the ASCII characters in `also`.
std::optional<std::string> check_url_part(std::string_view part, std::string_view also,
                                          bool in_query) {
    for (std::size_t i = 0; i < part.size();) {
        const char c = part[i];
        if (c == '%') {
            if (i + 2 >= part.size() || !is_hex(part[i + 1]) || !is_hex(part[i + 2]))
                return "'%' in a URL starts an escape of two hex digits; write a '%' itself as "
                       "%25";
            i += 3;
            continue;
        }
        const CodePoint cp = next_code_point(part, i);
        if (!cp.valid) return "a URL must be UTF-8 text";
        i += cp.size;
        if (cp.value < 0x80
                ? unreserved(c) || sub_delim(c) || also.find(c) != std::string_view::npos
                : iri_character(cp.value, in_query))
            continue;
        return "a URL may not hold " + character_name(cp.value) +
               "; percent-encode it (a space is %20)";
    }
    return std::nullopt;
}

std::optional<std::string> check_host_and_port(std::string_view authority) {
    if (authority.find('@') != std::string_view::npos)
        return "a URL may not hold a user name or password ('user@host'): it can make a link "
               "look like it leads elsewhere";
    std::string_view host = authority;
    std::string_view port;
    if (!host.empty() && host[0] == '[') {  // an IPv6 literal: [2001:db8::1]
        const std::size_t close = host.find(']');
        if (close == std::string_view::npos || close == 1)
            return "an IPv6 address in a URL is written [2001:db8::1]";
        for (char c : host.substr(1, close - 1))
            if (!is_hex(c) && c != ':' && c != '.')
                return "an IPv6 address in a URL is written [2001:db8::1]";
        const std::string_view after = host.substr(close + 1);
        if (!after.empty() && after[0] != ':') return "a URL's host ends at ']'";
        port = after.empty() ? after : after.substr(1);
        host = host.substr(0, close + 1);
    } else if (const std::size_t colon = host.find(':'); colon != std::string_view::npos) {
        port = host.substr(colon + 1);
        host = host.substr(0, colon);
        if (port.empty()) return "a ':' after a URL's host is followed by a port number";
    }
    if (host.empty()) return "a URL names a host after '//', as in https://example.org/";
    if (port.size() > 5 || port.find_first_not_of("0123456789") != std::string_view::npos ||
        (!port.empty() && std::stoul(std::string(port)) > 65535))
        return "a URL's port is a number from 0 to 65535";
    if (host[0] == '[') return std::nullopt;
    return check_url_part(host, "", false);
}

}  // namespace

std::optional<std::string> check_url(std::string_view url) {
    const std::size_t prefix = starts_with_ci(url, "https://")  ? 8
                               : starts_with_ci(url, "http://") ? 7
                                                                : 0;
    if (prefix == 0) return "a URL starts with http:// or https://";
    std::string_view rest = url.substr(prefix);
    const std::size_t authority_end = rest.find_first_of("/?#");
    if (auto problem = check_host_and_port(rest.substr(0, authority_end))) return problem;
    if (authority_end == std::string_view::npos) return std::nullopt;
    rest = rest.substr(authority_end);
    // path ["?" query] ["#" fragment]: each a run of pchar, the query and fragment also '/'
    // and '?'. A second '#' is not part of any URL.
    const std::size_t hash = rest.find('#');
    const std::string_view before_fragment = rest.substr(0, hash);
    const std::size_t question = before_fragment.find('?');
    if (auto problem = check_url_part(before_fragment.substr(0, question), ":@/", false))
        return problem;
    if (question != std::string_view::npos) {
        if (auto problem = check_url_part(before_fragment.substr(question + 1), ":@/?", true))
            return problem;
    }
    if (hash != std::string_view::npos) {
        if (auto problem = check_url_part(rest.substr(hash + 1), ":@/?", false)) return problem;
    }
    return std::nullopt;
}

std::optional<std::string> check_quantity_number(double value, bool zero_allowed) {
    if (value == 0 && !std::signbit(value) && zero_allowed) return std::nullopt;
    if (value == 0 && !std::signbit(value))
        return "0 is a quantity only when exact and without a total ('none delivered'): '0+', "
               "'under 0' or a total of 0 say nothing";
    if (!(value >= kMinQuantity && value <= kMaxQuantity))  // NaN fails both
        return "a quantity is 0 or a number from 0.001 to 1e15";
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
