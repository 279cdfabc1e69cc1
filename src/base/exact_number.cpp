#include "base/exact_number.hpp"

#include <array>
#include <charconv>

namespace tl {

std::string exact_number(double value) {
    // Fixed notation of the smallest double, 5e-324, needs 327 characters.
    std::array<char, 400> buf;
    const auto result =
        std::to_chars(buf.data(), buf.data() + buf.size(), value, std::chars_format::fixed);
    return std::string(buf.data(), result.ptr);
}

}  // namespace tl
