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
    /// The diagnostics of `part` that the last render did not print. A render may report in
    /// parts (its input's problems, then the layout's), each remembered for the next render.
    Diagnostics fresh(const Diagnostics& part, const SourceFiles& files);
    /// Ends a render: returns how many of its diagnostics the last render printed too, and
    /// remembers this render's for the next.
    std::size_t finish();
    /// fresh() and finish() for a render that reports in one part.
    Diagnostics new_since_last(const Diagnostics& all, const SourceFiles& files,
                               std::size_t& unchanged);

  private:
    std::set<std::string> last_;
    std::set<std::string> now_;
    std::size_t unchanged_ = 0;
};

}  // namespace tl::cli
