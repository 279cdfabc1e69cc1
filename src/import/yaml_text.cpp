#include "import/yaml_text.hpp"

#include "base/text.hpp"

namespace tl::importer {
namespace {

void append_escape(std::string& out, char32_t c) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    if (c <= 0xFF) {
        out += "\\x";
        out += kHex[(c >> 4) & 0xF];
        out += kHex[c & 0xF];
        return;
    }
    out += "\\u";
    for (int shift = 12; shift >= 0; shift -= 4)
        out += kHex[(c >> shift) & 0xF];
}

bool is_control(char32_t c) {
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029 || c == 0xFEFF;
}

}  // namespace

std::string yaml_quoted(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 2);
    out += '"';
    for (std::size_t at = 0; at < s.size();) {
        const CodePoint cp = next_code_point(s, at);
        if (!cp.valid) {
            out += "\xEF\xBF\xBD";
            at += cp.size;
            continue;
        }
        const char32_t c = cp.value;
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\t') {
            out += "\\t";
        } else if (is_control(c)) {
            append_escape(out, c);
        } else {
            out.append(s.substr(at, cp.size));
        }
        at += cp.size;
    }
    out += '"';
    return out;
}

std::string one_line(std::string_view s) {
    std::string out;
    bool blank = false;
    for (std::size_t at = 0; at < s.size();) {
        const CodePoint cp = next_code_point(s, at);
        const bool space = !cp.valid || cp.value == ' ' || is_control(cp.value);
        if (space) {
            blank = !out.empty();
        } else {
            if (blank) out += ' ';
            blank = false;
            out.append(s.substr(at, cp.size));
        }
        at += cp.size;
    }
    return out;
}

std::string cut_text(std::string_view s, std::size_t max_chars) {
    if (utf8_length(s) <= max_chars) return std::string(s);
    std::size_t at = 0;
    for (std::size_t n = 0; n + 1 < max_chars && at < s.size(); ++n)
        at += next_code_point(s, at).size;
    return std::string(s.substr(0, at)) + "\u2026";
}

}  // namespace tl::importer
