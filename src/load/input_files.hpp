#pragma once

#include <string>
#include <vector>

#include "base/diagnostics.hpp"

namespace tl {

/// Expands inputs into the files to read: a folder contributes its *.yaml and *.yml files,
/// recursively, skipping names that start with '.', in byte order of the path, so the result
/// never depends on the order the file system lists entries in. Named files are kept as given.
std::vector<std::string> expand_inputs(const std::vector<std::string>& inputs, Diagnostics& diags);

}  // namespace tl
