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
std::optional<std::string> check_title(std::string_view title);
std::optional<std::string> check_one_line(std::string_view text);

inline constexpr std::size_t kMaxIdLength = 64;
inline constexpr std::size_t kMaxTitleLength = 200;
inline constexpr std::size_t kMaxSummaryLength = 2000;
/// Bounds on an event's lists whose length multiplies the layout's work (docs/format.md,
/// "Bounds"): an event is drawn, label and citation marks included, in the lane of each of
/// its suppliers (or actors), with arrows to its recipients.
inline constexpr std::size_t kMaxActorsPerSide = 64;  ///< `from`, `to` and `actors` each
inline constexpr std::size_t kMaxSourcesPerEvent = 64;

/// A URL is one that a PDF link may point at: http or https only.
bool is_web_url(std::string_view s);

/// Parses a number exactly as YAML writes it (200, -3, 1.5e6); "200+" or "many" is nothing.
std::optional<double> parse_number(std::string_view s);

}  // namespace tl
