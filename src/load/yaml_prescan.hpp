#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace tl {

/// A 1-based line and column.
struct TextPosition {
    std::uint32_t line;
    std::uint32_t column;
};

/// What one pass over the bytes finds before yaml-cpp sees them: where the text first nests
/// deeper than `max_depth` (block indentation, sequence dashes and flow brackets together;
/// yaml-cpp recurses per level and stops at about 500 with the misleading "bad file"), and a
/// quoted scalar that is never closed (yaml-cpp 0.7 silently takes the rest of the file
/// into it, losing every event after it).
struct PrescanFindings {
    std::optional<TextPosition> too_deep;
    std::optional<TextPosition> unclosed_quote;
};
PrescanFindings prescan_yaml(std::string_view text, int max_depth);

inline constexpr int kMaxNestingDepth = 64;

}  // namespace tl
