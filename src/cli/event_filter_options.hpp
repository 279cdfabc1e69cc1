#pragma once

#include <optional>
#include <string>

#include "cli/options.hpp"
#include "model/model.hpp"
#include "timeline/filter.hpp"

namespace tl::cli {

/// Turns the filter options into an EventFilter, checking dates and that every actor, kind
/// and confidence named exists (a typo would silently give an empty chart). On a problem,
/// prints it and returns nothing.
std::optional<EventFilter> make_filter(const Options& o, const Model& model);

}  // namespace tl::cli
