#include "base/suggest.hpp"

#include <cctype>
#include <vector>

#include "base/text.hpp"

namespace tl {

std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string same_but_case(std::string_view given, std::span<const std::string_view> candidates) {
    const std::string want = ascii_lower(given);
    std::string_view found;
    for (std::string_view c : candidates) {
        if (ascii_lower(c) != want) continue;
        if (!found.empty()) return {};  // ambiguous
        found = c;
    }
    return std::string(found);
}

std::string suggest(std::string_view given, std::span<const std::string_view> candidates) {
    if (given.empty()) return {};
    if (std::string same = same_but_case(given, candidates); !same.empty()) return same;
    const std::string want = ascii_lower(given);
    if (want.size() >= 3) {
        std::string_view found;
        int count = 0;
        for (std::string_view c : candidates)
            if (ascii_lower(c).starts_with(want)) found = c, ++count;
        if (count == 1) return std::string(found);
    }
    if (given.size() >= 4) return nearest_word(given, candidates);
    // A short code: only a letter added or dropped.
    for (std::string_view c : candidates) {
        const std::string lower = ascii_lower(c);
        if (lower.size() != want.size() && edit_distance(lower, want) == 1) return std::string(c);
    }
    return {};
}

std::string initials(std::string_view name) {
    std::string out;
    std::size_t i = 0;
    while (i < name.size()) {
        while (i < name.size() && (name[i] == ' ' || name[i] == '-' || name[i] == ','))
            ++i;
        const std::size_t start = i;
        while (i < name.size() && name[i] != ' ' && name[i] != '-' && name[i] != ',')
            ++i;
        const std::string_view word = name.substr(start, i - start);
        if (word.empty()) continue;
        const auto first = static_cast<unsigned char>(word[0]);
        // "of", "the", "and": small words a name's initials leave out.
        if (std::islower(first) && word.size() <= 3) continue;
        out += static_cast<char>(std::toupper(first));
    }
    return out;
}

}  // namespace tl
