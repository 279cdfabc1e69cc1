#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cli/options.hpp"
#include "model/model.hpp"
#include "timeline/filter.hpp"

namespace tl::cli {

/// Turns the filter options into an EventFilter, checking dates and that every actor, kind
/// and confidence named exists (a typo would silently give an empty chart). On a problem,
/// prints it and returns nothing.
std::optional<EventFilter> make_filter(const Options& o, const Model& model);

/// What `list` and `totals` read: the inputs loaded and checked, their diagnostics printed,
/// and the events the filter options keep, in timeline order. `exit_code` is kOk, or why
/// there are no events: kInvalidInput or kUsage.
struct FilteredInput {
    Model model;
    std::vector<const Event*> events;
    int exit_code = kOk;
};
FilteredInput load_filtered(const Options& o);

}  // namespace tl::cli
