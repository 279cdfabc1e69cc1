#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace tl::importer {

/// FNV-1a, 64 bits: a fixed hash (std::hash may differ between library versions), so that
/// an id made from it is the same on every machine and in every release.
std::uint64_t stable_hash(std::string_view bytes);

/// The low `digits` hex digits of `hash`.
std::string hex_digits(std::uint64_t hash, int digits);

/// A name as an id's words: ASCII letters and digits in lower case, the Latin-1 letters
/// without their accents (Türkiye is turkiye, Côte d'Ivoire is cote-d-ivoire), every other
/// run of characters one '-', none at either end; at most `max_size` bytes, cut at a '-'
/// where one is near. Empty when the name has no letter or digit of those.
std::string slug(std::string_view utf8, std::size_t max_size = 48);

/// Actor ids for names: each name's slug; names whose slugs clash (Syria rebels and Syria
/// rebels*) are told apart by the plainest name (the fewest characters that are not letters,
/// digits or blanks, then byte order) keeping the slug and the others getting '-' and six
/// hex digits of their name's hash. A name without a slug is "actor-" and that hash.
std::map<std::string, std::string> actor_ids(const std::vector<std::string>& names);

}  // namespace tl::importer
