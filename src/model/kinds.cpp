#include "model/kinds.hpp"

#include <algorithm>
#include <array>

namespace tl {

std::span<const BuiltinKind> builtin_kinds() {
    static constexpr std::array<BuiltinKind, 11> kKinds{{
        {"arms-transfer", "Arms transfer"},
        {"components", "Components"},
        {"technology-transfer", "Technology transfer"},
        {"economic-support", "Economic support"},
        {"personnel", "Personnel"},
        {"force-change", "Force change"},
        {"military-action", "Military action"},
        {"diplomatic", "Diplomatic"},
        {"sanctions", "Sanctions"},
        {"office-term", "Office term"},
        {"other", "Other"},
    }};
    return kKinds;
}

bool is_builtin_kind(std::string_view id) {
    const auto kinds = builtin_kinds();
    return std::any_of(kinds.begin(), kinds.end(),
                       [&](const BuiltinKind& k) { return k.id == id; });
}

}  // namespace tl
