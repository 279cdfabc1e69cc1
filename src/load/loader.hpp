#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <thread>
#include <unordered_map>
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

/// What `render --watch` keeps between renders: each file's bytes and what they gave (its
/// events and the rest, and its diagnostics), so that a file whose bytes did not change is
/// not parsed again. Memory: the inputs' bytes once more, and their model.
struct LoadCache {
    struct Entry {
        std::uint32_t file = 0;  ///< the file's number then: positions in `model` carry it
        std::string bytes;
        Model model;
        Diagnostics diags;
    };
    std::unordered_map<std::string, Entry> by_path;
    std::size_t parsed = 0;  ///< files parsed by the last load
    std::size_t reused = 0;  ///< files taken from the cache by the last load
};

/// Reads every input (files, folders read recursively for *.yaml and *.yml, or "-" for
/// standard input) into one model. Problems go to `diags`; whatever could be read is kept.
/// With a `cache`, a file whose bytes and number are those of the last load is taken from
/// it rather than parsed (standard input never is), and the cache then holds this load.
Model load_inputs(const std::vector<std::string>& inputs, Diagnostics& diags,
                  const LoadOptions& options = {}, LoadCache* cache = nullptr);

/// Reads the YAML text of one file (already registered as `file` in `into.files`). Text that
/// is not UTF-8, nests too deep, holds a huge scalar or uses YAML aliases is refused with a
/// diagnostic before it is parsed.
void load_text(std::string_view text, std::uint32_t file, Model& into, Diagnostics& diags,
               const LoadOptions& options = {});

/// The yaml-cpp version the loader was built with, for --version.
std::string_view yaml_library_version();

}  // namespace tl
