#pragma once

#include <string_view>

namespace tl::cli {

/// Lines for a person on standard error. A message may quote input (a file name, a value
/// given on the command line); it is escaped by tl::visible here, as it is printed, so that
/// no input can drive the terminal or forge a line.

/// "timeline: error: MESSAGE", then "  hint: HINT" when there is a hint.
void print_error(std::string_view message, std::string_view hint = {});

/// "timeline: MESSAGE", such as what a render wrote.
void print_note(std::string_view message);

}  // namespace tl::cli
