#pragma once

#include <string>

#include "layout/scene.hpp"

namespace tl {

/// What runs off its page, as "the title runs 90 points past the right edge of page 1", or
/// "" when everything drawn fits. A page too small for its chart is otherwise silent: the
/// renderer clips whatever lies beyond the page, and the reader sees half a title.
std::string page_overflow(const Document& doc);

}  // namespace tl
