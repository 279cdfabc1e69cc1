#include "render/link_uri.hpp"

namespace tl {
namespace {

bool is_hex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/// RFC 3986 unreserved and reserved characters, but for the sub-delims ' ( ) that PDF
/// strings or cairo's attribute syntax would read as syntax.
bool kept(char c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
    return std::string_view("-._~:/?#[]@!$&*+,;=").find(c) != std::string_view::npos;
}

}  // namespace

std::string pdf_link_uri(std::string_view url) {
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(url.size());
    for (std::size_t i = 0; i < url.size(); ++i) {
        const char c = url[i];
        const bool escape =
            c == '%' && i + 2 < url.size() && is_hex(url[i + 1]) && is_hex(url[i + 2]);
        if (kept(c) || escape) {
            out += c;
            continue;
        }
        const auto byte = static_cast<unsigned char>(c);
        out += '%';
        out += kHex[byte >> 4];
        out += kHex[byte & 0xF];
    }
    return out;
}

std::string link_tag_attributes(std::string_view url) {
    return "uri='" + pdf_link_uri(url) + "'";
}

}  // namespace tl
