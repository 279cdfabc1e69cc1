#pragma once

#include <chrono>
#include <functional>

#include "watch/file_watcher.hpp"

namespace tl::cli {

/// What the watch loop does at each turn, given by the caller so that the loop can be run
/// on a fake FileWatcher in tests (as ninja fakes its disk).
struct WatchSteps {
    /// Watches what the next render reads; false (having said why) ends the loop.
    std::function<bool(FileWatcher&)> watch_inputs;
    /// One render, with its report; it may not end the loop.
    std::function<void()> render;
    /// Where signals write while the loop waits (-1: nowhere, during a render, so that a
    /// signal then ends the process the usual way).
    std::function<void(int)> set_signal_wake_fd = [](int) {};
    int wake_fd = -1;
    /// A save is over once nothing has changed for `settle` (an editor's write and rename
    /// come within milliseconds); a stream of changes (a checkout) waits at most `longest`.
    std::chrono::milliseconds settle{20};
    std::chrono::milliseconds longest{2000};
};

/// Renders, then waits for a change and renders again, until a signal wakes the wait
/// (returns kOk) or watching fails (kOutputFailed, said on stderr).
int run_watch_loop(FileWatcher& watcher, const WatchSteps& steps);

}  // namespace tl::cli
