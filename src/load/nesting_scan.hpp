#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace tl {

/// Where YAML text first nests deeper than `max_depth` (block indentation levels, sequence
/// dashes and flow brackets together), as a 1-based line and column; nothing when it never
/// does. One pass over the bytes, run before yaml-cpp, which recurses per level and stops
/// at about 500 with the misleading message "bad file".
struct TextPosition {
    std::uint32_t line;
    std::uint32_t column;
};
std::optional<TextPosition> find_excessive_nesting(std::string_view text, int max_depth);

inline constexpr int kMaxNestingDepth = 64;

}  // namespace tl
