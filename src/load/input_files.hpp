#pragma once

#include <string>
#include <string_view>
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

/// Whether a folder's entry named `name` is read as an event file: it ends in .yaml or
/// .yml, in any case (iran.YAML too, so that its events do not vanish), and is not hidden.
bool is_event_file_name(std::string_view name);

/// Whether a name that is not read looks like an event file left aside: a backup or an
/// editor's copy such as iran.yaml~, iran.yaml.bak or iran.yml.orig. Such a file is skipped
/// with a `skipped-file` warning, since its events may be the ones a person expects.
bool looks_like_event_file(std::string_view name);

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
