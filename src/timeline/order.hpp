#pragma once

#include <vector>

#include "model/model.hpp"

namespace tl {

/// The spec's total order: earliest day of the start, latest day of the start, latest day
/// of the end, then id. Open or unknown starts sort before every day, ends after.
bool timeline_less(const Event& a, const Event& b);

/// The events in timeline order (stable for equal keys, which the id already breaks).
std::vector<const Event*> sorted_events(const std::vector<Event>& events);

}  // namespace tl
