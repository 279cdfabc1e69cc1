#pragma once

#include <string>
#include <string_view>

namespace tl {

// The one place input text is escaped for an HTML page (render -o chart.html): as an
// element's text, as an attribute's value, and as JSON inside a <script> element.

/// `s` as the text of an HTML element: & < > as references; the controls HTML forbids (C0
/// but tab, line feed and carriage return; DEL; C1) dropped; a byte that is not UTF-8 becomes
/// U+FFFD.
std::string html_text(std::string_view s);

/// `s` as an attribute value between double quotes: html_text, and " ' as references.
std::string html_attribute(std::string_view s);

/// A JSON text made safe inside <script type="application/json">: every < > & (which
/// could write "</script>" or "<!--") and U+2028, U+2029 (line ends to older JavaScript)
/// as \u escapes, which JSON reads back as the same characters. Outside strings JSON holds
/// none of them, so the text stays the same JSON.
std::string script_json(std::string_view json);

}  // namespace tl
