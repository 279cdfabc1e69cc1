#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/model.hpp"

namespace tl {

/// The actor a person most plausibly meant by `given`, or nullptr: by id (see tl::suggest),
/// else by name: the name in any case ("iran"), or its initials ("UK" for the United Kingdom,
/// whose id is GB). Only close matches: an unrelated code gets no suggestion.
const Actor* suggest_actor(std::string_view given, const std::vector<Actor>& actors);

/// "did you mean 'GB' (United Kingdom)? " or "", for a hint.
std::string did_you_mean_actor(std::string_view given, const std::vector<Actor>& actors);

}  // namespace tl
