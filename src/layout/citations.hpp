#pragma once

#include <string>
#include <unordered_map>
#include <vector>

#include "model/model.hpp"

namespace tl {

/// Numbers the distinct sources in the order events cite them, so that a label can carry
/// "[3]" and a references block can list source 3 once however many events cite it.
struct Citations {
    std::vector<const Source*> sources;  ///< sources[n - 1] is reference n
    std::unordered_map<const Event*, std::vector<int>> numbers;
    /// Every event cites the one source and nothing else (as a tracker's do): it is said
    /// once under the chart, and no label carries "[1]".
    bool said_once = false;

    /// " [1]" or " [1, 4]"; empty when the event cites nothing, or when the source is said
    /// once.
    std::string marks_for(const Event* e) const;
};

Citations number_citations(const std::vector<const Event*>& events);

}  // namespace tl
