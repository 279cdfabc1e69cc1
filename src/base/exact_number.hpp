#pragma once

#include <string>

namespace tl {

/// The shortest decimal that reads back as exactly `value`, without an exponent, for data
/// that others compute with: 23417159.98 (not 2.34172e+07), 1000000000000000, 0.001, -12.5.
std::string exact_number(double value);

}  // namespace tl
