#pragma once

#include <span>
#include <string_view>

namespace tl {

/// A kind every event file may use without declaring it.
struct BuiltinKind {
    std::string_view id;
    std::string_view label;
};

std::span<const BuiltinKind> builtin_kinds();
bool is_builtin_kind(std::string_view id);

}  // namespace tl
