#pragma once

#include <string>
#include <vector>

#include "base/diagnostics.hpp"

namespace tl {

/// What the inputs name: the files to read and the folders read to find them.
struct InputTree {
    /// Named files as given; then, for each folder, its *.yaml and *.yml files in byte order
    /// of the path.
    std::vector<std::string> files;
    /// Each folder named, followed by every folder below it that was read, in byte order.
    std::vector<std::string> folders;
};

/// Expands inputs into the files to read: a folder contributes its *.yaml and *.yml files,
/// recursively, skipping names that start with '.', in byte order of the path, so the result
/// never depends on the order the file system lists entries in. Named files are kept as given.
///
/// Links are followed. A folder (or file) reached twice, through links or by being named
/// twice, is read once, where it is first reached; a link back into a folder that holds it
/// is a `link-loop` warning, a link to nothing a `dangling-link` warning, and a *.yaml entry
/// that is not a regular file (a FIFO, a device) a `not-a-file` warning: none is dropped
/// without a word.
InputTree walk_inputs(const std::vector<std::string>& inputs, Diagnostics& diags);

/// walk_inputs(...).files.
std::vector<std::string> expand_inputs(const std::vector<std::string>& inputs, Diagnostics& diags);

}  // namespace tl
