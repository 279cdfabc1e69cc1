#include "layout/number_text.hpp"

#include <cstdio>

namespace tl {

std::string number_text(double value, int digits, Notation notation) {
    const char* format = notation == Notation::fixed         ? "%.*f"
                         : notation == Notation::significant ? "%.*g"
                                                             : "%.*e";
    const int length = std::snprintf(nullptr, 0, format, digits, value);
    if (length <= 0) return {};
    std::string out(static_cast<std::size_t>(length), '\0');
    std::snprintf(out.data(), out.size() + 1, format, digits, value);
    return out;
}

}  // namespace tl
