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
/// A well-formed http or https URL (RFC 3986, with RFC 3987's non-ASCII characters outside
/// the scheme): a host, no user name, no spaces, controls, quotes, backslashes, invisible
/// characters or stray '%'. Every URL read from input goes through here.
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
/// Bounds on an event's lists whose length multiplies the layout's work (docs/format.md,
/// "Bounds"): an event is drawn, label and citation marks included, in the lane of each of
/// its suppliers (or actors), with arrows to its recipients.
inline constexpr std::size_t kMaxActorsPerSide = 64;  ///< `from`, `to` and `actors` each
inline constexpr std::size_t kMaxSourcesPerEvent = 64;

/// A quantity's value or total: a count or an amount, so positive; at most 10^15 (more
/// than any count of arms, troops or dollars) and at least 0.001, so that what is drawn
/// with a few digits is the number written. 0 only where `zero_allowed`: an exact value
/// may report none ("0 aircraft delivered"), but "0+" or "under 0" says nothing.
inline constexpr double kMinQuantity = 0.001;
inline constexpr double kMaxQuantity = 1e15;
std::optional<std::string> check_quantity_number(double value, bool zero_allowed);

/// Parses a number exactly as YAML writes it (200, -3, 1.5e6); "200+" or "many" is nothing.
std::optional<double> parse_number(std::string_view s);

}  // namespace tl
