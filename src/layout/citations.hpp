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

    /// " [1]" or " [1, 4]"; empty when the event cites nothing.
    std::string marks_for(const Event* e) const;
};

Citations number_citations(const std::vector<const Event*>& events);

}  // namespace tl
