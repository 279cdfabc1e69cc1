#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

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
///
/// In double-quoted text it also finds the escapes of UTF-16 surrogates, which yaml-cpp
/// refuses as "invalid unicode": a pair (`\ud83d\ude80`, as JSON and Python's json.dumps
/// write a character beyond U+FFFF) is one character, which parse_yaml joins; half of one,
/// like a code point beyond U+10FFFF, is an error.
struct PrescanFindings {
    std::optional<TextPosition> too_deep;
    std::optional<TextPosition> too_long;
    std::optional<TextPosition> unclosed_quote;
    /// A `\\u` or `\\U` escape of no character: half a surrogate pair, or beyond U+10FFFF.
    struct BadEscape {
        TextPosition at;
        char32_t value;
    };
    std::optional<BadEscape> bad_escape;
    std::vector<std::size_t> surrogate_pairs;  ///< byte offsets of each pair's first '\'
};
PrescanFindings prescan_yaml(std::string_view text, int max_depth,
                             std::size_t max_run = kMaxRunBytes);

/// Runs prescan_yaml and checks that the text is UTF-8 with LF or CR LF line ends; reports
/// what it finds (rules `invalid-utf8`, `control-character`, `line-ending`, `too-deep`,
/// `too-long`, `yaml-syntax`, `bad-escape`). Returns nothing when the text may not be given
/// to yaml-cpp, else the surrogate pairs parse_yaml must join. Shared by event files and
/// templates.
std::optional<std::vector<std::size_t>> prescan_checks(std::string_view text, std::uint32_t file,
                                                       Diagnostics& diags);

}  // namespace tl
