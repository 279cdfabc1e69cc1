#pragma once

// Text as a reader sees it, shared by the unit tests (one definition for a unity batch).

#include <string>

namespace tl::testing {

/// `text` without its invisible directional isolates (U+2068, U+2069), which keep names
/// apart from the text around them.
inline std::string seen(std::string text) {
    for (const std::string mark : {"\u2068", "\u2069"})
        for (std::size_t at; (at = text.find(mark)) != std::string::npos;)
            text.erase(at, mark.size());
    return text;
}

}  // namespace tl::testing
