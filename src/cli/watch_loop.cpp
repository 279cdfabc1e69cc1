#include "cli/watch_loop.hpp"

#include <cerrno>
#include <cstring>

#include "cli/messages.hpp"
#include "cli/options.hpp"

namespace tl::cli {

int run_watch_loop(FileWatcher& watcher, const WatchSteps& steps) {
    for (;;) {
        if (!steps.watch_inputs(watcher)) {
            steps.set_signal_wake_fd(-1);
            return kOutputFailed;
        }
        // While rendering, SIGINT and SIGTERM remove the temporary files and end the process
        // (killed by the signal); while waiting, they end the watch and exit 0.
        steps.set_signal_wake_fd(-1);
        steps.render();
        steps.set_signal_wake_fd(steps.wake_fd);

        FileWatcher::Wake w = watcher.wait(std::chrono::milliseconds(-1));
        // Debounce: an editor's save is often several writes, and a checkout many files.
        const auto first_change = std::chrono::steady_clock::now();
        while (w == FileWatcher::Wake::changed &&
               std::chrono::steady_clock::now() - first_change < steps.longest)
            w = watcher.wait(steps.settle);
        if (w == FileWatcher::Wake::interrupted) break;
        if (w == FileWatcher::Wake::failed) {
            print_error(std::string("watching stopped: ") + std::strerror(errno));
            steps.set_signal_wake_fd(-1);
            return kOutputFailed;
        }
    }
    steps.set_signal_wake_fd(-1);
    return kOk;
}

}  // namespace tl::cli
