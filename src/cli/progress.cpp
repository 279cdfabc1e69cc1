#include "cli/progress.hpp"

#include <unistd.h>

#include <cstdlib>
#include <system_error>

#include "base/text.hpp"

namespace tl::cli {
namespace {

constexpr std::size_t kMaxWidth = 78;

void write_stderr(const std::string& s) {
    std::size_t done = 0;
    while (done < s.size()) {
        const ssize_t n = ::write(STDERR_FILENO, s.data() + done, s.size() - done);
        if (n <= 0) return;
        done += static_cast<std::size_t>(n);
    }
}

}  // namespace

Progress::Progress(bool enabled, std::chrono::milliseconds delay)
    : enabled_(enabled), show_after_(std::chrono::steady_clock::now() + delay) {
    if (!enabled_) return;
    try {
        thread_ = std::thread([this] { run(); });
    } catch (const std::system_error&) {
        enabled_ = false;  // no thread to spare: the run goes on without a progress line
    }
}

Progress::~Progress() {
    if (!enabled_) return;
    {
        const std::lock_guard lock(mutex_);
        stopping_ = true;
        erase_locked();
    }
    wake_.notify_all();
    thread_.join();
}

void Progress::stage(std::string text) {
    if (!enabled_) return;
    {
        const std::lock_guard lock(mutex_);
        current_ = std::move(text);
    }
    wake_.notify_all();
}

void Progress::clear() {
    if (!enabled_) return;
    const std::lock_guard lock(mutex_);
    erase_locked();
    current_.clear();
    shown_.clear();
}

void Progress::erase_locked() {
    if (on_screen_) write_stderr("\r\033[K");
    on_screen_ = false;
}

void Progress::run() {
    std::unique_lock lock(mutex_);
    if (wake_.wait_until(lock, show_after_, [this] { return stopping_; })) return;
    while (!stopping_) {
        if (!current_.empty() && current_ != shown_) {
            std::string line = "timeline: " + visible(current_);
            if (line.size() > kMaxWidth) {
                std::size_t cut = kMaxWidth - 3;  // not inside a UTF-8 sequence
                while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80)
                    --cut;
                line = line.substr(0, cut) + "...";
            }
            write_stderr("\r\033[K" + line);
            shown_ = current_;
            on_screen_ = true;
        }
        wake_.wait(lock, [this] { return stopping_ || (!current_.empty() && current_ != shown_); });
    }
}

bool progress_wanted(bool quiet) {
    return !quiet && isatty(STDERR_FILENO) != 0;
}

std::chrono::milliseconds progress_delay() {
    if (const char* env = std::getenv("TIMELINE_PROGRESS_AFTER_MS"); env && *env)
        return std::chrono::milliseconds(std::strtol(env, nullptr, 10));
    return std::chrono::milliseconds(1000);
}

}  // namespace tl::cli
