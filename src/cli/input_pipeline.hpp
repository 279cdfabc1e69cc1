#pragma once

#include <iosfwd>

#include "base/diagnostics.hpp"
#include "cli/options.hpp"
#include "model/model.hpp"

namespace tl::cli {

/// Loads and validates the inputs, collecting every problem.
Model load_and_validate(const Options& o, Diagnostics& diags);

/// Prints diagnostics to stderr: with source lines and colour on a terminal (never with
/// NO_COLOR), plain otherwise; a summary line ends the list.
void print_diagnostics(const Diagnostics& diags, const SourceFiles& files);

}  // namespace tl::cli
