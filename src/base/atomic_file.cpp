#include "base/atomic_file.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <vector>

namespace tl {
namespace {

// The temporary files alive now, for the signal handlers. A handler may only call
// async-signal-safe functions and touch lock-free atomics, so this is a fixed table of
// pointers to the AtomicFiles' own path strings, not a container. A path is registered
// right after mkstemp creates it and unregistered only after it is renamed or removed, so a
// handler may unlink a path that is already gone (harmless), never miss one that exists.
// More live files than slots (never the case here) are still removed normally, only not
// on a signal.
constexpr std::size_t kSlots = 64;
std::array<std::atomic<const char*>, kSlots> g_temporaries{};
std::atomic<int> g_wake_fd{-1};
static_assert(std::atomic<const char*>::is_always_lock_free);
static_assert(std::atomic<int>::is_always_lock_free);

constexpr std::array<int, 3> kCleanupSignals{SIGINT, SIGTERM, SIGHUP};

int register_temporary(const char* path) {
    for (std::size_t i = 0; i < kSlots; ++i) {
        const char* expected = nullptr;
        if (g_temporaries[i].compare_exchange_strong(expected, path)) return static_cast<int>(i);
    }
    return -1;
}

void unregister_temporary(int slot) {
    if (slot >= 0) g_temporaries[static_cast<std::size_t>(slot)].store(nullptr);
}

extern "C" void remove_temporaries_and_die(int sig) {
    const int saved_errno = errno;
    for (const auto& slot : g_temporaries) {
        if (const char* path = slot.load()) unlink(path);
    }
    if (const int fd = g_wake_fd.load(); fd >= 0) {
        const char byte = static_cast<char>(sig);
        [[maybe_unused]] const ssize_t n = write(fd, &byte, 1);
        errno = saved_errno;
        return;
    }
    // The default action, delivered as soon as this handler returns, ends the process so
    // that its parent sees "killed by signal", as without the handler.
    std::signal(sig, SIG_DFL);
    std::raise(sig);
    errno = saved_errno;
}

/// Blocks the cleanup signals in this thread for its lifetime, so that a temporary file is
/// never created without being registered.
class BlockCleanupSignals {
  public:
    BlockCleanupSignals() {
        sigset_t block;
        sigemptyset(&block);
        for (const int sig : kCleanupSignals)
            sigaddset(&block, sig);
        pthread_sigmask(SIG_BLOCK, &block, &old_);
    }
    ~BlockCleanupSignals() { pthread_sigmask(SIG_SETMASK, &old_, nullptr); }
    BlockCleanupSignals(const BlockCleanupSignals&) = delete;
    BlockCleanupSignals& operator=(const BlockCleanupSignals&) = delete;

  private:
    sigset_t old_;
};

}  // namespace

void install_signal_cleanup() {
    static std::once_flag once;
    std::call_once(once, [] {
        struct sigaction action {};
        action.sa_handler = remove_temporaries_and_die;
        sigemptyset(&action.sa_mask);
        for (const int sig : kCleanupSignals)
            sigaddset(&action.sa_mask, sig);
        action.sa_flags = SA_RESTART;
        for (const int sig : kCleanupSignals) {
            struct sigaction old {};
            if (sigaction(sig, nullptr, &old) == 0 && old.sa_handler == SIG_IGN) continue;
            sigaction(sig, &action, nullptr);
        }
    });
}

void set_signal_wake_fd(int fd) {
    g_wake_fd.store(fd);
}

std::size_t live_temporary_files() {
    std::size_t n = 0;
    for (const auto& slot : g_temporaries)
        n += slot.load() != nullptr;
    return n;
}

AtomicFile::AtomicFile(std::string path) : path_(std::move(path)) {
    const std::filesystem::path target(path_);
    const std::filesystem::path dir = target.has_parent_path() ? target.parent_path() : ".";
    std::string pattern = (dir / ("." + target.filename().string() + ".tmp.XXXXXX")).string();
    std::vector<char> buf(pattern.begin(), pattern.end());
    buf.push_back('\0');
    int fd = -1;
    {
        const BlockCleanupSignals blocked;
        fd = mkstemp(buf.data());
        if (fd < 0) {
            error_ = std::strerror(errno);
            return;
        }
        temp_ = buf.data();
        slot_ = register_temporary(temp_.c_str());
    }
    // mkstemp makes the file private; outputs get the usual permissions under the umask.
    const mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    file_ = fdopen(fd, "wb");
    if (!file_) {
        error_ = std::strerror(errno);
        close(fd);
        discard();
    }
}

AtomicFile::~AtomicFile() {
    if (!committed_) discard();
}

void AtomicFile::discard() {
    if (file_) std::fclose(file_);
    file_ = nullptr;
    if (!temp_.empty()) std::remove(temp_.c_str());
    unregister_temporary(slot_);  // only now: the handler must never see a freed string
    slot_ = -1;
    temp_.clear();
}

bool AtomicFile::write(const void* data, std::size_t size) {
    if (!file_) return false;
    if (size == 0) return true;
    if (std::fwrite(data, 1, size, file_) == size) return true;
    error_ = std::strerror(errno);
    return false;
}

std::string AtomicFile::commit() {
    if (!file_) return error_.empty() ? "the output is not open" : error_;
    if (!error_.empty()) {  // a write failed: never rename a partial file into place
        discard();
        return error_;
    }
    const bool flushed = std::fflush(file_) == 0 && fsync(fileno(file_)) == 0;
    const int saved = errno;
    const bool closed = std::fclose(file_) == 0;
    file_ = nullptr;
    if (!flushed || !closed) {
        std::string why = std::strerror(flushed ? errno : saved);
        discard();
        return why;
    }
    if (std::rename(temp_.c_str(), path_.c_str()) != 0) {
        std::string why = std::strerror(errno);
        discard();
        return why;
    }
    unregister_temporary(slot_);
    slot_ = -1;
    committed_ = true;
    return {};
}

}  // namespace tl
