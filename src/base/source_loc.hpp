#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <vector>

namespace tl {

/// A position in an input: an index into SourceFiles plus a 1-based line and column.
/// Line 0 means "the file as a whole" (for example an unreadable or empty file), and
/// kNoFile a problem with no file at all (an empty folder, a bad option).
inline constexpr std::uint32_t kNoFile = 0xFFFFFFFFu;

struct SourceLoc {
    std::uint32_t file = kNoFile;
    std::uint32_t line = 0;
    std::uint32_t column = 0;

    friend auto operator<=>(const SourceLoc&, const SourceLoc&) = default;
};

/// The paths of every input, in the order they were given ids. Values keep only
/// the small SourceLoc, so 100,000 events do not each carry a copy of their path.
struct SourceFiles {
    std::vector<std::string> paths;

    std::uint32_t add(std::string path) {
        paths.push_back(std::move(path));
        return static_cast<std::uint32_t>(paths.size() - 1);
    }
    const std::string& path(std::uint32_t id) const { return paths.at(id); }
};

}  // namespace tl
