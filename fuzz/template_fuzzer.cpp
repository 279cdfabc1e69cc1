// libFuzzer target: the template loader on arbitrary bytes as one template file.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    tl::fuzz::load_template_file(std::string_view(reinterpret_cast<const char*>(data), size));
    return 0;
}
