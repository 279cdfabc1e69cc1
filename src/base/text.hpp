#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>

namespace tl {

/// Levenshtein distance, for "did you mean" hints.
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate nearest to `word` when it is close enough to be a plausible typo, else "".
std::string nearest_word(std::string_view word, std::span<const std::string_view> candidates);

/// Byte offset of the first invalid UTF-8 sequence, or npos when `s` is valid UTF-8.
std::size_t find_invalid_utf8(std::string_view s);

/// Number of Unicode code points in valid UTF-8.
std::size_t utf8_length(std::string_view s);

/// `s` as a JSON string literal, quotes included.
std::string json_quote(std::string_view s);

/// Wraps text in Unicode first-strong isolates (U+2068 ... U+2069) so that a right-to-left
/// name does not reorder the neutral text around it.
std::string isolate(std::string_view s);

}  // namespace tl
