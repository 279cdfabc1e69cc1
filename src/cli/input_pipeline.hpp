#pragma once

#include <iosfwd>
#include <string>
#include <vector>

#include "base/diagnostics.hpp"
#include "cli/options.hpp"
#include "load/loader.hpp"
#include "model/model.hpp"

namespace tl::cli {

/// Loads and validates the inputs, collecting every problem; with a `cache` (render
/// --watch), files whose bytes did not change since the last load are not parsed again.
Model load_and_validate(const Options& o, Diagnostics& diags, LoadCache* cache = nullptr);

/// Prints diagnostics to stderr: with source lines and colour on a terminal (never with
/// NO_COLOR), plain otherwise; a summary line ends the list. --quiet prints errors only;
/// unless --diagnostics all, a rule's first kShownPerRule diagnostics are shown in full and
/// the rest counted in one line, so that one frequent rule cannot hide the others.
void print_diagnostics(const Diagnostics& diags, const SourceFiles& files, const Options& o);

/// The folders among the inputs and every folder below them that is read (not hidden, links
/// followed, each once), as walk_inputs finds them: adding a file to one of them changes
/// what is rendered.
std::vector<std::string> input_folders(const std::vector<std::string>& inputs);

}  // namespace tl::cli
