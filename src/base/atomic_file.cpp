#include "base/atomic_file.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <new>
#include <vector>

#include "base/out_of_memory.hpp"
#include "base/standard_output.hpp"

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
// A signal sent to the process lands on any thread that does not block it (Pango's font
// threads, the loader's), so blocking it in the thread that makes a temporary file is not
// enough: the handler may run elsewhere between mkstemp and the registration, and the file
// outlived the process (about 1 run in 10 of the signal tests). So the stretches that make,
// register or rename temporary files count themselves here, and a handler that will end
// the process first says so in g_dying, then waits for them (Dekker's handshake: one of the
// two sees the other).
std::atomic<int> g_in_critical{0};
std::atomic<bool> g_dying{false};
static_assert(std::atomic<const char*>::is_always_lock_free);
static_assert(std::atomic<int>::is_always_lock_free);

/// Signals that report a crash of this process rather than a request from outside: the
/// handler says so on standard error.
constexpr std::array<std::pair<int, const char*>, 7> kCrashSignals{{
    {SIGSEGV, "SIGSEGV"},
    {SIGABRT, "SIGABRT"},
    {SIGBUS, "SIGBUS"},
    {SIGILL, "SIGILL"},
    {SIGFPE, "SIGFPE"},
    {SIGTRAP, "SIGTRAP"},
    {SIGSYS, "SIGSYS"},
}};

/// Every other signal whose default action ends the process; SIGKILL cannot be caught.
/// The real-time signals SIGRTMIN..SIGRTMAX are added where they are used.
constexpr std::array<int, 15> kRequestSignals{
    SIGHUP,  SIGINT,  SIGQUIT,   SIGTERM, SIGPIPE,   SIGALRM, SIGUSR1, SIGUSR2,
    SIGXCPU, SIGXFSZ, SIGVTALRM, SIGPROF, SIGSTKFLT, SIGPOLL, SIGPWR,
};

/// The signals that end `render --watch` cleanly while it waits.
bool ends_watch(int sig) {
    return sig == SIGINT || sig == SIGTERM || sig == SIGHUP;
}

template <typename F>
void for_each_request_signal(F f) {
    for (const int sig : kRequestSignals)
        f(sig);
    for (int sig = SIGRTMIN; sig <= SIGRTMAX; ++sig)
        f(sig);
}

}  // namespace

void remove_temporary_files_now() {
    for (const auto& slot : g_temporaries) {
        if (const char* path = slot.load()) unlink(path);
    }
}

namespace {

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

void write_stderr(const char* s) {
    [[maybe_unused]] const ssize_t n = ::write(STDERR_FILENO, s, std::strlen(s));
}

/// Waits, at most 100 ms, for the stretches that make or rename temporary files in other
/// threads to end. Bounded: a fault raised inside such a stretch runs this handler in that
/// very thread, which would wait for itself.
void wait_for_critical_stretches() {
    for (int i = 0; i < 1000 && g_in_critical.load() > 0; ++i) {
        const timespec pause{0, 100000};
        nanosleep(&pause, nullptr);
    }
}

extern "C" void remove_temporaries_and_die(int sig) {
    const int saved_errno = errno;
    const bool watch_ends = g_wake_fd.load() >= 0 && ends_watch(sig);
    if (!watch_ends) g_dying.store(true);  // no new temporary file from here on
    wait_for_critical_stretches();
    remove_temporary_files_now();
    if (const int fd = g_wake_fd.load(); fd >= 0 && ends_watch(sig)) {
        const char byte = static_cast<char>(sig);
        [[maybe_unused]] const ssize_t n = write(fd, &byte, 1);
        errno = saved_errno;
        return;
    }
    for (const auto& [s, name] : kCrashSignals) {
        if (s != sig) continue;
        // Most often memory ran out inside a library that cannot report it (fontconfig,
        // GLib): say so in one line, as the default action says nothing useful.
        write_stderr("timeline: error: crashed with ");
        write_stderr(name);
        write_stderr(
            " (often memory running out inside fontconfig or GLib: check ulimit -v); "
            "its temporary files are removed\n");
    }
    // The default action, delivered as soon as this handler returns (the signal is blocked
    // while it runs), ends the process so that its parent sees "killed by signal", as
    // without the handler. A fault raised by an instruction happens again and does the same.
    std::signal(sig, SIG_DFL);
    std::raise(sig);
    errno = saved_errno;
}

/// Blocks the handled signals in this thread for its lifetime, so that a temporary file is
/// never created without being registered, and several renames are not split.
class BlockCleanupSignals {
  public:
    BlockCleanupSignals() {
        sigset_t block;
        sigemptyset(&block);
        for_each_request_signal([&block](int sig) { sigaddset(&block, sig); });
        // A crash signal sent with kill() waits too; one the code between raises itself
        // (mkstemp, rename) is delivered anyway, as the kernel does not hold faults back.
        for (const auto& [sig, name] : kCrashSignals)
            sigaddset(&block, sig);
        pthread_sigmask(SIG_BLOCK, &block, &old_);
    }
    ~BlockCleanupSignals() { pthread_sigmask(SIG_SETMASK, &old_, nullptr); }
    BlockCleanupSignals(const BlockCleanupSignals&) = delete;
    BlockCleanupSignals& operator=(const BlockCleanupSignals&) = delete;

  private:
    sigset_t old_;
};

/// A stretch that makes, registers or renames temporary files: the handled signals wait in
/// this thread, and a handler that runs in another thread waits for the stretch to end
/// before it removes the files (see g_in_critical). Once a handler has decided to end the
/// process, no stretch starts: this thread waits to be ended with it.
class CleanupCriticalSection {
  public:
    CleanupCriticalSection() {
        g_in_critical.fetch_add(1);
        if (g_dying.load()) {
            g_in_critical.fetch_sub(1);
            for (;;)
                pause();
        }
    }
    ~CleanupCriticalSection() { g_in_critical.fetch_sub(1); }
    CleanupCriticalSection(const CleanupCriticalSection&) = delete;
    CleanupCriticalSection& operator=(const CleanupCriticalSection&) = delete;

  private:
    BlockCleanupSignals blocked_;  // first: no signal of this thread's lands in the stretch
};

// The stack the handlers run on, so that a crash from a stack overflow still cleans up.
alignas(16) std::array<char, std::size_t{64} * 1024> g_signal_stack;

/// Where a write to `path` lands.
struct Destination {
    bool replace = true;           ///< by rename; else written in place
    std::string target;            ///< what is renamed over: path, or the end of its links
    std::optional<unsigned> mode;  ///< the permission bits of the file replaced
    std::string error;
};

bool under_proc(const std::string& p) {
    return p.starts_with("/proc/");
}

/// Follows `path`'s symlinks to the file they name. A regular file, or nothing yet, is
/// replaced; a block device is refused; anything else is written in place. A link into /proc (such
/// as /dev/stdout or /dev/fd/N) names an open file rather than a place in a folder, so it is
/// written in place through its own name, whatever it is.
Destination find_destination(const std::string& path) {
    namespace fs = std::filesystem;
    Destination d;
    std::string current = path;
    for (int hops = 0;; ++hops) {
        // The folders on the way may be links too (/dev/fd is /proc/self/fd).
        std::error_code ec;
        const fs::path here(current);
        if (here.has_parent_path()) {
            const fs::path folder = fs::canonical(here.parent_path(), ec);
            if (!ec) current = (folder / here.filename()).string();
        }
        struct stat st {};
        if (lstat(current.c_str(), &st) != 0) {
            if (errno != ENOENT) d.error = std::strerror(errno);
            d.target = current;
            return d;
        }
        if (!S_ISLNK(st.st_mode)) {
            if (S_ISREG(st.st_mode)) {
                d.target = current;
                // Only the permission bits: set-user-ID and the like are not carried over
                // to a file that someone else, perhaps root, now writes.
                d.mode = static_cast<unsigned>(st.st_mode & 0777);
            } else if (S_ISDIR(st.st_mode)) {
                d.error = std::strerror(EISDIR);
            } else if (S_ISBLK(st.st_mode)) {
                // A disk: writing a chart over it in place is never what was meant.
                d.error = "it is a block device (a disk), which is never written";
            } else {
                d.replace = false;
            }
            return d;
        }
        if (hops == 40) {
            d.error = std::strerror(ELOOP);
            return d;
        }
        std::vector<char> buf(static_cast<std::size_t>(st.st_size > 0 ? st.st_size : 255) + 2);
        const ssize_t n = readlink(current.c_str(), buf.data(), buf.size() - 1);
        if (n < 0) {
            d.error = std::strerror(errno);
            return d;
        }
        const fs::path link(std::string(buf.data(), static_cast<std::size_t>(n)));
        std::string next =
            link.is_absolute() ? link.string() : (here.parent_path() / link).string();
        if (next.empty()) next = link.string();
        if (under_proc(current) || under_proc(next)) {
            d.replace = false;
            return d;
        }
        current = std::move(next);
    }
}

/// Removes the temporary files of `target` that no live AtomicFile holds locked: those
/// left by a render that was killed with SIGKILL (or lost its machine).
void remove_stale_temporaries(const std::string& target) {
    namespace fs = std::filesystem;
    const fs::path t(target);
    const fs::path dir = t.has_parent_path() ? t.parent_path() : ".";
    const std::string prefix = "." + t.filename().string() + ".tmp.";
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.size() != prefix.size() + 6 || !name.starts_with(prefix)) continue;
        const std::string p = it->path().string();
        const int fd = ::open(p.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
        if (fd < 0) continue;
        struct stat held {
        }, named{};
        // The lock proves no render is writing it; the same inode under the name proves
        // that what is unlinked is the file that was locked.
        if (flock(fd, LOCK_EX | LOCK_NB) == 0 && fstat(fd, &held) == 0 && S_ISREG(held.st_mode) &&
            lstat(p.c_str(), &named) == 0 && named.st_ino == held.st_ino &&
            named.st_dev == held.st_dev)
            unlink(p.c_str());
        ::close(fd);
    }
}

}  // namespace

void install_signal_cleanup() {
    // Installed again on every call (not once): a handler someone else set since, such as a
    // test framework's crash handler, is replaced.
    stack_t stack{};
    stack.ss_sp = g_signal_stack.data();
    stack.ss_size = g_signal_stack.size();
    sigaltstack(&stack, nullptr);
    struct sigaction action {};
    action.sa_handler = remove_temporaries_and_die;
    sigemptyset(&action.sa_mask);
    for_each_request_signal([&action](int sig) { sigaddset(&action.sa_mask, sig); });
    action.sa_flags = SA_RESTART | SA_ONSTACK;
    const auto install = [&action](int sig) {
        struct sigaction old {};
        if (sigaction(sig, nullptr, &old) == 0 && old.sa_handler == SIG_IGN) return;
        sigaction(sig, &action, nullptr);
    };
    for_each_request_signal(install);
    for (const auto& [sig, name] : kCrashSignals)
        install(sig);
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
    Destination d = find_destination(path_);
    if (!d.error.empty()) {
        error_ = std::move(d.error);
        return;
    }
    replaces_ = d.replace;
    if (!replaces_) return;  // kept in bytes_ until install()
    target_ = std::move(d.target);
    remove_stale_temporaries(target_);
    open_temporary(target_, d.mode);
}

AtomicFile::AtomicFile(ToStandardOutput) : path_("-"), replaces_(false), to_stdout_(true) {}

void AtomicFile::open_temporary(const std::string& target, std::optional<unsigned> keep_mode) {
    const std::filesystem::path t(target);
    const std::filesystem::path dir = t.has_parent_path() ? t.parent_path() : ".";
    const std::string pattern = (dir / ("." + t.filename().string() + ".tmp.XXXXXX")).string();
    int fd = -1;
    for (;;) {
        std::vector<char> buf(pattern.begin(), pattern.end());
        buf.push_back('\0');
        {
            const CleanupCriticalSection critical;
            fd = mkostemp(buf.data(), O_CLOEXEC);
            if (fd < 0) {
                error_ = std::strerror(errno);
                return;
            }
            temp_ = buf.data();
            slot_ = register_temporary(temp_.c_str());
        }
        // Another render's stale-file sweep may have taken the lock first, between mkstemp
        // and here, and removed the file: then it has no links left, and a new one is made.
        // A file system without flock cannot mark the file live; it is used all the same.
        struct stat st {};
        if (flock(fd, LOCK_EX) != 0 || fstat(fd, &st) != 0 || st.st_nlink > 0) break;
        ::close(fd);
        unregister_temporary(slot_);
        slot_ = -1;
        temp_.clear();
    }
    lock_fd_ = fd;
    // mkstemp makes the file private; a replaced file keeps its mode, a new one gets the
    // usual permissions under the umask.
    mode_t mode = 0;
    if (keep_mode) {
        mode = static_cast<mode_t>(*keep_mode);
    } else {
        const mode_t mask = umask(0);
        umask(mask);
        mode = 0666 & ~mask;
    }
    fchmod(fd, mode);
    const int write_fd = fcntl(fd, F_DUPFD_CLOEXEC, 3);
    file_ = write_fd >= 0 ? fdopen(write_fd, "wb") : nullptr;
    if (!file_) {
        error_ = std::strerror(errno);
        if (write_fd >= 0) ::close(write_fd);
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
    if (lock_fd_ >= 0) ::close(lock_fd_);
    lock_fd_ = -1;
    unregister_temporary(slot_);  // only now: the handler must never see a freed string
    slot_ = -1;
    temp_.clear();
    bytes_.clear();
}

bool AtomicFile::write(const void* data, std::size_t size) {
    if (!error_.empty()) return false;
    if (size == 0) return true;
    if (!replaces_) {
        try {
            bytes_.append(static_cast<const char*>(data), size);
            return true;
        } catch (const std::bad_alloc&) {
            // This runs inside cairo's write callback, which an exception must not cross.
            error_ = kOutOfMemory;
            return false;
        }
    }
    if (!file_) return false;
    if (std::fwrite(data, 1, size, file_) == size) return true;
    error_ = errno == ENOMEM ? kOutOfMemory : std::strerror(errno);
    return false;
}

std::string AtomicFile::finish() {
    if (!error_.empty()) {  // never install a partial output
        discard();
        return error_;
    }
    if (finished_ || !replaces_) {
        finished_ = true;
        return {};
    }
    if (!file_) return "the output is not open";
    const bool flushed = std::fflush(file_) == 0 && fsync(fileno(file_)) == 0;
    const int saved = errno;
    const bool closed = std::fclose(file_) == 0;  // the lock stays held through lock_fd_
    file_ = nullptr;
    if (!flushed || !closed) {
        error_ = std::strerror(flushed ? errno : saved);
        discard();
        return error_;
    }
    finished_ = true;
    return {};
}

std::string AtomicFile::install() {
    if (!finished_) return error_.empty() ? "the output is not finished" : error_;
    if (committed_) return {};
    if (to_stdout_) {
        error_ = write_standard_output(bytes_);
    } else if (!replaces_) {
        // O_TRUNC is ignored by FIFOs and devices, and empties a regular file reached
        // through /dev/stdout as `cat > /dev/stdout` would.
        const int fd = ::open(path_.c_str(), O_WRONLY | O_TRUNC | O_NOCTTY | O_CLOEXEC);
        if (fd < 0) {
            error_ = std::strerror(errno);
        } else {
            error_ = write_all(fd, bytes_);
            if (::close(fd) != 0 && error_.empty() && errno != EINTR) error_ = std::strerror(errno);
        }
    } else if (std::rename(temp_.c_str(), target_.c_str()) != 0) {
        error_ = std::strerror(errno);
    } else {
        unregister_temporary(slot_);
        slot_ = -1;
        temp_.clear();
    }
    if (!error_.empty()) {
        discard();
        return error_;
    }
    discard();  // releases the lock and the kept bytes; the temporary file is renamed
    committed_ = true;
    return {};
}

std::string AtomicFile::commit() {
    if (std::string why = finish(); !why.empty()) return why;
    return install();
}

std::optional<CommitFailure> commit_all(std::span<AtomicFile* const> files) {
    for (std::size_t i = 0; i < files.size(); ++i)
        if (std::string why = files[i]->finish(); !why.empty()) return CommitFailure{i, why};
    // In-place outputs first: writing them may fail (a full disk, a reader gone) or wait (a
    // FIFO with no reader yet), and until the renames nothing else has changed.
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (files[i]->replaces()) continue;
        if (std::string why = files[i]->install(); !why.empty()) return CommitFailure{i, why};
    }
    const CleanupCriticalSection critical;
    for (std::size_t i = 0; i < files.size(); ++i) {
        if (!files[i]->replaces()) continue;
        if (std::string why = files[i]->install(); !why.empty()) return CommitFailure{i, why};
    }
    return std::nullopt;
}

}  // namespace tl
