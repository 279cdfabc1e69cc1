#pragma once

#include "base/diagnostics.hpp"
#include "model/model.hpp"

namespace tl {

/// Rules over the whole model, across files: unique ids, references to actors, kinds and
/// other events, kinds that clash with built-ins, and events that cite no URL (a warning).
void validate(const Model& model, Diagnostics& diags);

}  // namespace tl
