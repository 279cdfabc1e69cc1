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
    /// Files are loaded on this many threads; by default one per core.
    unsigned threads = std::max(1u, std::thread::hardware_concurrency());
};

/// Reads every input (files, folders read recursively for *.yaml and *.yml, or "-" for
/// standard input) into one model. Problems go to `diags`; whatever could be read is kept.
Model load_inputs(const std::vector<std::string>& inputs, Diagnostics& diags,
                  const LoadOptions& options = {});

/// Reads the YAML text of one file (already registered as `file` in `into.files`).
void load_text(std::string_view text, std::uint32_t file, Model& into, Diagnostics& diags);

/// The yaml-cpp version the loader was built with, for --version.
std::string_view yaml_library_version();

}  // namespace tl
