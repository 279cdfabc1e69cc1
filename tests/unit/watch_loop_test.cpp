#include <doctest/doctest.h>

#include <deque>
#include <string>
#include <vector>

#include "cli/options.hpp"
#include "cli/watch_loop.hpp"

namespace {

/// A FileWatcher that plays a script of wakes, recording what it was asked (ninja tests its
/// build loop on a fake disk the same way).
class FakeWatcher : public tl::FileWatcher {
  public:
    explicit FakeWatcher(std::deque<Wake> script) : script_(std::move(script)) {}
    std::string watch_file(const std::string& path) override {
        watched.push_back(path);
        return {};
    }
    std::string watch_folder(const std::string& path) override {
        watched.push_back(path + "/");
        return {};
    }
    Wake wait(std::chrono::milliseconds timeout) override {
        waits.push_back(timeout);
        if (script_.empty()) return Wake::interrupted;
        const Wake w = script_.front();
        script_.pop_front();
        return w;
    }
    std::vector<std::string> watched;
    std::vector<std::chrono::milliseconds> waits;

  private:
    std::deque<Wake> script_;
};

using Wake = tl::FileWatcher::Wake;

}  // namespace

TEST_CASE("the watch loop renders once per settled change and ends on a signal") {
    // Two saves: the first a write and a rename (two changes, then quiet), the second one
    // change; then Ctrl-C.
    FakeWatcher watcher({Wake::changed, Wake::changed, Wake::timeout, Wake::changed, Wake::timeout,
                         Wake::interrupted});
    int renders = 0;
    std::vector<int> wake_fds;
    tl::cli::WatchSteps steps;
    steps.watch_inputs = [](tl::FileWatcher& w) { return w.watch_file("events/a.yaml").empty(); };
    steps.render = [&] { ++renders; };
    steps.set_signal_wake_fd = [&](int fd) { wake_fds.push_back(fd); };
    steps.wake_fd = 7;
    CHECK(tl::cli::run_watch_loop(watcher, steps) == tl::cli::kOk);
    CHECK(renders == 3);                 // the first render, then one per save
    CHECK(watcher.watched.size() == 3);  // watched again before each render
    // Waits: forever for a change, then `settle` until quiet.
    using ms = std::chrono::milliseconds;
    CHECK(watcher.waits == std::vector<ms>{ms(-1), ms(20), ms(20), ms(-1), ms(20), ms(-1)});
    // Signals wake the wait, never a render: the fd is withdrawn before each render.
    CHECK(wake_fds == std::vector<int>{-1, 7, -1, 7, -1, 7, -1});
}

TEST_CASE("the watch loop stops with exit 3 when watching fails or an input cannot be watched") {
    FakeWatcher failing({Wake::failed});
    tl::cli::WatchSteps steps;
    int renders = 0;
    steps.watch_inputs = [](tl::FileWatcher&) { return true; };
    steps.render = [&] { ++renders; };
    CHECK(tl::cli::run_watch_loop(failing, steps) == tl::cli::kOutputFailed);
    CHECK(renders == 1);
    FakeWatcher fine({});
    steps.watch_inputs = [](tl::FileWatcher&) { return false; };
    CHECK(tl::cli::run_watch_loop(fine, steps) == tl::cli::kOutputFailed);
    CHECK(renders == 1);  // nothing rendered without the inputs watched
}
