#pragma once

#include <span>
#include <string>
#include <string_view>

namespace tl {

/// The one candidate that is `given` but for case ("kp" for "KP"), else "" (also when two
/// candidates differ only in case, as a guess between them would be).
std::string same_but_case(std::string_view given, std::span<const std::string_view> candidates);

/// The candidate a person most plausibly meant by `given`, for a "did you mean" hint, or "":
/// the same but for case; else the one candidate that begins with `given` (3 characters or
/// more: `arms` for `arms-transfer`); else a typo within nearest_word's reach. For a short
/// code (under 4 characters) a letter added or dropped is a typo (RUS, RU) but a letter
/// changed is not: UK and UA are one letter apart and two different countries.
std::string suggest(std::string_view given, std::span<const std::string_view> candidates);

/// The initials of a name's words, upper case: "UK" for "United Kingdom", "NK" for
/// "North Korea", "DRC" for "Democratic Republic of the Congo" (short lower-case words such
/// as "of" and "the" are skipped).
std::string initials(std::string_view name);

/// Lower case ASCII letters of `s`; other bytes unchanged.
std::string ascii_lower(std::string_view s);

}  // namespace tl
