#include "base/html_text.hpp"

#include "base/text.hpp"

namespace tl {
namespace {

/// Whether HTML forbids `c` in a document (its "control" code points but for the spaces
/// tab, line feed and carriage return).
bool html_forbidden_control(char32_t c) {
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
}

std::string escaped_html(std::string_view s, bool attribute) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size();) {
        const CodePoint c = next_code_point(s, i);
        const char32_t v = c.valid ? c.value : 0xFFFD;
        switch (v) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += attribute ? "&quot;" : "\""; break;
            case '\'': out += attribute ? "&#39;" : "'"; break;
            case 0xFFFD: out += "\xEF\xBF\xBD"; break;
            default:
                if (!html_forbidden_control(v)) out.append(s.substr(i, c.size));
        }
        i += c.size;
    }
    return out;
}

}  // namespace

std::string html_text(std::string_view s) {
    return escaped_html(s, false);
}

std::string html_attribute(std::string_view s) {
    return escaped_html(s, true);
}

std::string script_json(std::string_view json) {
    std::string out;
    out.reserve(json.size());
    for (std::size_t i = 0; i < json.size(); ++i) {
        const char c = json[i];
        if (c == '<') {
            out += "\\u003c";
        } else if (c == '>') {
            out += "\\u003e";
        } else if (c == '&') {
            out += "\\u0026";
        } else if (json.substr(i, 3) == "\xE2\x80\xA8" || json.substr(i, 3) == "\xE2\x80\xA9") {
            out += json[i + 2] == '\xA8' ? "\\u2028" : "\\u2029";
            i += 2;
        } else {
            out += c;
        }
    }
    return out;
}

}  // namespace tl
