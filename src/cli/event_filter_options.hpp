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

/// Applies --stage-tag to the model's events, checking each rule's form and that its tag is
/// in the inputs. On a problem, prints it and returns false.
bool apply_stage_tag_options(const Options& o, Model& model);

/// What `list` and `totals` read: the inputs loaded and checked, their diagnostics printed,
/// and the events the filter options keep (stages read from tags as --stage-tag says), in timeline
/// order. `exit_code` is kOk, or why there are no events: kInvalidInput or kUsage.
struct FilteredInput {
    Model model;
    std::vector<const Event*> events;
    int exit_code = kOk;
};
FilteredInput load_filtered(const Options& o);

}  // namespace tl::cli
