#pragma once

#include <string>

namespace tl {

/// `value` in fixed notation with `digits` decimals ("%.*f"), with `digits` significant
/// digits ("%.*g"), or in scientific notation with `digits` decimals ("%.*e"), however many
/// characters it takes: never cut short by a buffer.
enum class Notation { fixed, significant, scientific };
std::string number_text(double value, int digits, Notation notation = Notation::fixed);

}  // namespace tl
