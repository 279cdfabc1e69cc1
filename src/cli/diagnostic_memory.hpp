#pragma once

#include <cstddef>
#include <set>
#include <string>

#include "base/diagnostics.hpp"
#include "model/model.hpp"

namespace tl::cli {

/// What `render --watch` printed at its last render, so that each render prints only what
/// is new: reprinting hundreds of unchanged warnings at every save buries the one the save
/// caused. A diagnostic is the same when its file, place, rule and message are.
class DiagnosticMemory {
  public:
    /// The diagnostics of `all` that the last call did not see; `unchanged` counts the rest.
    /// Remembers `all` for the next call.
    Diagnostics new_since_last(const Diagnostics& all, const SourceFiles& files,
                               std::size_t& unchanged);

  private:
    std::set<std::string> last_;
};

}  // namespace tl::cli
