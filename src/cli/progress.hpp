#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace tl::cli {

/// A progress line on standard error for long renders: the current stage ("loading 12
/// files", "laying out 1200 events", "writing out/chart.pdf"), rewritten in place with \r.
/// Nothing is shown until `delay` has passed, so fast runs print nothing; nothing at all
/// when disabled (standard error is not a terminal, or --quiet).
class Progress {
  public:
    Progress(bool enabled, std::chrono::milliseconds delay);
    ~Progress();
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;

    bool enabled() const { return enabled_; }
    void stage(std::string text);
    /// Erases the line before other output on standard error; the next stage shows again.
    void clear();

  private:
    void run();
    void erase_locked();

    bool enabled_;
    std::chrono::steady_clock::time_point show_after_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::string current_;
    std::string shown_;
    bool on_screen_ = false;
    bool stopping_ = false;
    std::thread thread_;
};

/// Whether to show progress: standard error is a terminal and --quiet is not given.
bool progress_wanted(bool quiet);

/// How long a render runs before its progress shows: one second, or
/// $TIMELINE_PROGRESS_AFTER_MS (for tests).
std::chrono::milliseconds progress_delay();

}  // namespace tl::cli
