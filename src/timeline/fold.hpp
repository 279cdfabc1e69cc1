#pragma once

#include <cstddef>

#include "timeline/timeline.hpp"

namespace tl {

/// Keeps the `max_lanes - 1` lanes whose actors take part in the most events (supplying,
/// receiving or acting), in their order, and folds the rest
/// into one last lane, "Other (N actors)", so that a chart of 250 actors stays legible. The
/// lanes of the actors the filter names (`--actor`) are always kept.
/// Nothing changes when there are `max_lanes` lanes or fewer.
void fold_lanes(Timeline& t, std::size_t max_lanes);

}  // namespace tl
