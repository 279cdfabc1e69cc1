#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tl {

/// The families of a Pango family list ("Noto Sans, Noto Sans CJK SC") that no installed
/// font provides. fontconfig never fails to find a font: it silently draws a missing family
/// in a substitute, so a template that names one must be told. Generic names (sans-serif,
/// serif, monospace, ...) always resolve and are never reported.
std::vector<std::string> unavailable_font_families(std::string_view family_list);

}  // namespace tl
