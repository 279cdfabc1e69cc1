// libFuzzer target: the whole loader and validator on arbitrary bytes as one event file.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    tl::fuzz::load_and_validate(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
