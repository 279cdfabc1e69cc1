#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tl {

/// Checks on single values that the spec defines by shape. Each returns a message saying
/// what is wrong, or nothing when the value is fine. They are pure so that the YAML loader
/// and the template loader share them and tests need no YAML.
std::optional<std::string> check_id(std::string_view id);
std::optional<std::string> check_color(std::string_view color);
std::optional<std::string> check_tag(std::string_view tag);
std::optional<std::string> check_url(std::string_view url);
std::optional<std::string> check_grading(std::string_view grading);
/// Not empty, at most 200 characters; the characters themselves are check_text's.
std::optional<std::string> check_title(std::string_view title);

/// Whether a text field may span lines: `summary` and a source's `quote` may.
enum class TextLines { one, many };

/// The one rule of every text field of the format (title, name, label, unit, publisher,
/// summary, quote, ...; rule `bad-text`): no control character (C0, DEL, C1) and no line
/// or paragraph separator (U+2028, U+2029), which a chart cannot draw and a terminal may
/// obey; a field of many lines may hold line feeds and tabs. Bidi controls and zero-width
/// characters are allowed: right-to-left names need them, and labels isolate them.
std::optional<std::string> check_text(std::string_view text, TextLines lines);

inline constexpr std::size_t kMaxIdLength = 64;
inline constexpr std::size_t kMaxTitleLength = 200;
inline constexpr std::size_t kMaxSummaryLength = 2000;

/// A URL is one that a PDF link may point at: http or https only.
bool is_web_url(std::string_view s);

/// Parses a number exactly as YAML writes it (200, -3, 1.5e6); "200+" or "many" is nothing.
std::optional<double> parse_number(std::string_view s);

}  // namespace tl
