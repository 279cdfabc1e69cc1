#pragma once

#include <string>
#include <string_view>

namespace tl {

/// A URL as it may be written into a PDF link: every byte that is not an RFC 3986
/// unreserved or reserved character (or a '%' that starts a %XX escape) is percent-encoded,
/// so the result is printable ASCII with no space, quote, backslash or parenthesis. cairo
/// 1.16 copies a link's URI into the PDF string `(...)` unescaped, so a ')' or '\' there
/// would end the string and let the rest of the URL write PDF objects (actions such as
/// /JavaScript or /Launch). Validation refuses such URLs already; this holds whatever
/// reaches the painter.
std::string pdf_link_uri(std::string_view url);

/// The attributes of a cairo link tag to `url`: "uri='...'" with pdf_link_uri's encoding.
std::string link_tag_attributes(std::string_view url);

}  // namespace tl
