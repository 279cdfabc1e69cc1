#pragma once

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "base/diagnostics.hpp"
#include "model/model.hpp"

namespace tl {

struct LoadOptions {
    std::size_t max_input_bytes = std::size_t{64} << 20;
    /// More events than this across all inputs is an error (`too-many-events`): no chart can
    /// show them, and each costs memory.
    std::size_t max_events = 1'000'000;
    /// Files are loaded on this many threads; by default one per core.
    unsigned threads = std::max(1u, std::thread::hardware_concurrency());
};

/// Reads every input (files, folders read recursively for *.yaml and *.yml, or "-" for
/// standard input) into one model. Problems go to `diags`; whatever could be read is kept.
Model load_inputs(const std::vector<std::string>& inputs, Diagnostics& diags,
                  const LoadOptions& options = {});

/// Reads the YAML text of one file (already registered as `file` in `into.files`). Text that
/// is not UTF-8, nests too deep, holds a huge scalar or uses YAML aliases is refused with a
/// diagnostic before it is parsed.
void load_text(std::string_view text, std::uint32_t file, Model& into, Diagnostics& diags,
               const LoadOptions& options = {});

/// The yaml-cpp version the loader was built with, for --version.
std::string_view yaml_library_version();

}  // namespace tl
