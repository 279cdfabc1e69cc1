#pragma once

// Stages read from tags: datasets that say "pledged" or "delivered" with a tag rather than with
// the format's `stage` (the Kiel tracker's `commitment` and `allocation` rows) can be summed
// and drawn pledged against delivered without editing the files.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.hpp"

namespace tl {

/// "Quantities without a stage, on events tagged `tag`, are at `stage`."
struct StageTag {
    QuantityStage stage = QuantityStage::pledged;
    std::string tag;
};

/// Reads "STAGE=TAG" (`pledged=commitment`); nothing when it is not of that form or STAGE is
/// not announced, pledged or delivered.
std::optional<StageTag> parse_stage_tag(std::string_view text);

/// Gives each quantity without a stage the stage of the first rule whose tag its event
/// carries. A quantity keeps no stage where its unit already has that stage on the event (one
/// figure per unit and stage, as the format requires). Returns how many quantities were staged.
std::size_t apply_stage_tags(std::vector<Event>& events, const std::vector<StageTag>& rules);

}  // namespace tl
