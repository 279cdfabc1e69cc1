#pragma once

#include <string>

namespace tl {

/// `value` in fixed notation with `digits` decimals ("%.*f"), or with `digits` significant
/// digits ("%.*g"), however many characters it takes: never cut short by a buffer.
enum class Notation { fixed, significant };
std::string number_text(double value, int digits, Notation notation = Notation::fixed);

}  // namespace tl
