#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "base/diagnostics.hpp"

namespace tl {

/// A 1-based line and column.
struct TextPosition {
    std::uint32_t line;
    std::uint32_t column;
};

inline constexpr int kMaxNestingDepth = 64;
/// No field of the format comes near this; yaml-cpp takes about 7 s over a 50 MB scalar.
inline constexpr std::size_t kMaxRunBytes = std::size_t{1} << 20;

/// What one pass over the bytes finds before yaml-cpp sees them: where the text first nests
/// deeper than `max_depth` (block indentation, sequence dashes and flow brackets together;
/// yaml-cpp recurses per level and stops at about 500 with the misleading "bad file"); where
/// a stretch of more than `max_run` bytes begins that holds no key, list item, flow
/// separator or document marker (a huge scalar, quoted, plain or block, or a huge comment);
/// and a quoted scalar that is never closed (yaml-cpp 0.7 silently takes the rest of the
/// file into it, losing every event after it).
struct PrescanFindings {
    std::optional<TextPosition> too_deep;
    std::optional<TextPosition> too_long;
    std::optional<TextPosition> unclosed_quote;
};
PrescanFindings prescan_yaml(std::string_view text, int max_depth,
                             std::size_t max_run = kMaxRunBytes);

/// Runs prescan_yaml and checks that the text is UTF-8; reports what it finds (rules
/// `invalid-utf8`, `too-deep`, `too-long`, `yaml-syntax`) and returns whether the text may
/// be given to yaml-cpp. Shared by event files and templates.
bool prescan_checks(std::string_view text, std::uint32_t file, Diagnostics& diags);

}  // namespace tl
