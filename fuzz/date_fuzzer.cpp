// libFuzzer target: the EDTF date parser on arbitrary text.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    tl::fuzz::parse_one_date(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
