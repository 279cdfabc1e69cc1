#pragma once

#include <cstddef>
#include <string_view>

#include "base/diagnostics.hpp"

namespace tl {

/// Names the YAML slip behind the diagnostics from `first` on, all of one file whose text
/// is `text`, and how to fix it, by looking at the raw line each points at: an unquoted `#`
/// that began a comment and left a value empty, a number written with thousands commas in
/// { } (read as a number and a key), a plain text holding ": " (read as another key).
/// YAML's own words ("illegal map value") say what the parser saw, not what the person did.
void explain_yaml_slips(std::string_view text, std::size_t first, Diagnostics& diags);

}  // namespace tl
