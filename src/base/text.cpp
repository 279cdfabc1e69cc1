#include "base/text.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <vector>

namespace tl {

bool equal_ignoring_case(std::string_view a, std::string_view b) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                              [&](char x, char y) { return lower(x) == lower(y); });
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j)
        row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            const std::size_t substitute = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
            row[j] = std::min({above + 1, row[j - 1] + 1, substitute});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::string nearest_word(std::string_view word, std::span<const std::string_view> candidates) {
    // A typo is plausible when it changes at most a third of the word (and at least one letter).
    const std::size_t limit = std::max<std::size_t>(1, (word.size() + 2) / 3);
    std::string_view best;
    std::size_t best_distance = limit + 1;
    for (std::string_view candidate : candidates) {
        const std::size_t d = edit_distance(word, candidate);
        if (d < best_distance) {
            best_distance = d;
            best = candidate;
        }
    }
    return std::string(best);
}

CodePoint next_code_point(std::string_view s, std::size_t at) {
    const auto byte = [&](std::size_t k) { return static_cast<std::uint8_t>(s[k]); };
    const std::uint8_t c = byte(at);
    std::size_t len = 0;
    char32_t min = 0;
    char32_t cp = 0;
    if (c < 0x80) {
        return {c, 1, true};
    } else if ((c & 0xE0) == 0xC0) {
        len = 2, min = 0x80, cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
        len = 3, min = 0x800, cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
        len = 4, min = 0x10000, cp = c & 0x07;
    } else {
        return {c, 1, false};
    }
    if (at + len > s.size()) return {c, 1, false};
    for (std::size_t k = 1; k < len; ++k) {
        if ((byte(at + k) & 0xC0) != 0x80) return {c, 1, false};
        cp = (cp << 6) | (byte(at + k) & 0x3F);
    }
    // Overlong forms, UTF-16 surrogates and values past U+10FFFF are not UTF-8.
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {c, 1, false};
    return {cp, len, true};
}

std::size_t find_invalid_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const CodePoint c = next_code_point(s, i);
        if (!c.valid) return i;
        i += c.size;
    }
    return std::string_view::npos;
}

bool is_invisible(char32_t c) {
    if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) return true;  // Cc
    // Cf, Zl and Zp of Unicode 15.0, first and last of each run.
    static constexpr std::pair<char32_t, char32_t> kInvisible[] = {
        {0xAD, 0xAD},       {0x600, 0x605},     {0x61C, 0x61C},     {0x6DD, 0x6DD},
        {0x70F, 0x70F},     {0x890, 0x891},     {0x8E2, 0x8E2},     {0x180E, 0x180E},
        {0x200B, 0x200F},   {0x2028, 0x202E},   {0x2060, 0x206F},   {0xFEFF, 0xFEFF},
        {0xFFF9, 0xFFFB},   {0x110BD, 0x110BD}, {0x110CD, 0x110CD}, {0x13430, 0x1343F},
        {0x1BCA0, 0x1BCA3}, {0x1D173, 0x1D17A}, {0xE0000, 0xE007F},
    };
    for (const auto& [first, last] : kInvisible) {
        if (c < first) return false;
        if (c <= last) return true;
    }
    return false;
}

std::string visible(std::string_view s, bool keep_tab) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const CodePoint c = next_code_point(s, i);
        char buf[16];
        if (!c.valid) {
            std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned>(c.value));
            out += buf;
        } else if (!is_invisible(c.value) || (keep_tab && c.value == '\t')) {
            out.append(s.substr(i, c.size));
        } else if (c.value == '\n' || c.value == '\r' || c.value == '\t') {
            out += c.value == '\n' ? "\\n" : c.value == '\r' ? "\\r" : "\\t";
        } else {
            const auto v = static_cast<unsigned long>(c.value);
            if (v < 0x80) {
                std::snprintf(buf, sizeof buf, "\\x%02lx", v);
            } else if (v <= 0xFFFF) {
                std::snprintf(buf, sizeof buf, "\\u%04lx", v);
            } else {
                std::snprintf(buf, sizeof buf, "\\U%08lx", v);
            }
            out += buf;
        }
        i += c.size;
    }
    return out;
}

std::size_t utf8_length(std::string_view s) {
    return static_cast<std::size_t>(
        std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

std::string markdown_text(std::string_view s) {
    const std::string text = visible(s);
    std::string out;
    out.reserve(text.size() + 8);
    // A list item's marker: digits, then '.' or ')'.
    const std::size_t digits = text.find_first_not_of("0123456789");
    const bool numbered =
        digits != 0 && digits != std::string::npos && (text[digits] == '.' || text[digits] == ')');
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        const bool special = std::string_view("\\`*_[]<>#|~&!").find(c) != std::string_view::npos;
        const bool starts_block =
            (i == 0 && std::string_view("+-=").find(c) != std::string_view::npos) ||
            (numbered && i == digits);
        if (special || starts_block) out += '\\';
        out += c;
    }
    return out;
}

std::string json_quote(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 2);
    out += '"';
    for (std::size_t i = 0; i < s.size();) {
        const CodePoint c = next_code_point(s, i);
        switch (c.valid ? c.value : 0xFFFD) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            case 0xFFFD: out += "\\ufffd"; break;
            default:
                if (!is_invisible(c.value)) {
                    out.append(s.substr(i, c.size));
                    break;
                }
                // JSON escapes UTF-16 code units: past the BMP, a surrogate pair.
                char buf[16];
                const auto v = static_cast<unsigned long>(c.value);
                if (v <= 0xFFFF) {
                    std::snprintf(buf, sizeof buf, "\\u%04lx", v);
                } else {
                    std::snprintf(buf, sizeof buf, "\\u%04lx\\u%04lx",
                                  0xD800 + ((v - 0x10000) >> 10), 0xDC00 + ((v - 0x10000) & 0x3FF));
                }
                out += buf;
        }
        i += c.size;
    }
    out += '"';
    return out;
}

namespace {

/// Appends `s` to `out`, dropping each PDI (U+2069) that would close an isolate opened
/// before `s`, then a PDI for each isolate that `s` leaves open (LRI, RLI, FSI: U+2066..8).
void append_balanced(std::string_view s, std::string& out) {
    std::size_t open = 0;
    for (std::size_t i = 0; i < s.size();) {
        const CodePoint c = next_code_point(s, i);
        const bool pops = c.valid && c.value == 0x2069;
        if (c.valid && c.value >= 0x2066 && c.value <= 0x2068) ++open;
        if (!pops || open > 0) out.append(s.substr(i, c.size));
        if (pops && open > 0) --open;
        i += c.size;
    }
    for (; open > 0; --open)
        out += "\u2069";
}

}  // namespace

std::string isolate(std::string_view s) {
    std::string out = "\u2068";
    append_balanced(s, out);
    out += "\u2069";
    return out;
}

std::string close_isolates(std::string_view s) {
    std::string out;
    append_balanced(s, out);
    return out;
}

std::string plural(std::size_t n, std::string_view word) {
    std::string out = std::to_string(n) + " ";
    out += word;
    if (n != 1) out += 's';
    return out;
}

}  // namespace tl
