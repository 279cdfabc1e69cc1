#pragma once

#include <cstddef>
#include <functional>

namespace tl {

/// Runs body(0) on this thread and body(1) ... body(threads - 1) on helper threads, and
/// returns when all have. A helper the system cannot start (no room for its stack, a limit
/// on processes) is left out: the bodies must share one queue of work, so that fewer threads
/// do the same work, only slower, where an exception would have failed the whole run. What
/// body(0) throws is rethrown once the helpers are done.
void run_on_threads(std::size_t threads, const std::function<void(std::size_t)>& body);

}  // namespace tl
