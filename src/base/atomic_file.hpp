#pragma once

#include <cstddef>
#include <cstdio>
#include <optional>
#include <span>
#include <string>

namespace tl {

/// An output that a reader sees either as it was or complete, never half-written.
///
/// A regular file, or a path that does not exist yet, is written to a temporary file
/// `.NAME.tmp.XXXXXX` beside it and renamed into place by install(); the replaced file's
/// permission bits are kept (its owner and hard links are not: the rename makes a new file).
/// A symlink is kept and the file at the end of its chain is replaced. A block device (a
/// disk) is refused. Anything else (a character device, a FIFO, a terminal, /dev/stdout and
/// other /proc/self/fd links) is never replaced: its bytes are kept in memory and written
/// into it in place by install(), so a failed render still writes nothing there.
///
/// A temporary file holds an flock while it is alive. Creating an AtomicFile removes the
/// temporary files of the same output whose lock can be taken: those a render killed by
/// SIGKILL left behind. Destroying it uncommitted removes its own, and so does every signal
/// that ends the process, once install_signal_cleanup() has run.
class AtomicFile {
  public:
    explicit AtomicFile(std::string path);
    struct ToStandardOutput {};
    /// Standard output: kept in memory, written by install() through write_standard_output().
    explicit AtomicFile(ToStandardOutput);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    /// Empty when the output is open; else why it could not be created or written.
    const std::string& error() const { return error_; }
    bool write(const void* data, std::size_t size);
    /// Flushes and syncs the temporary file: "" or why it failed. Only install() remains.
    std::string finish();
    /// Renames the temporary file into place, or writes the kept bytes in place: "" or why.
    std::string install();
    /// finish(), then install().
    std::string commit();
    const std::string& path() const { return path_; }
    /// True when install() renames a temporary file, false when it writes in place.
    bool replaces() const { return replaces_; }

  private:
    void open_temporary(const std::string& target, std::optional<unsigned> keep_mode);
    void discard();

    std::string path_;
    bool replaces_ = true;
    bool to_stdout_ = false;
    std::string target_;  ///< the file renamed over: path_, or the end of its symlinks
    std::string temp_;    ///< registered for the signal handlers while it exists
    int slot_ = -1;       ///< its place in that registry, or -1
    int lock_fd_ = -1;    ///< holds the flock that marks the temporary file as live
    std::FILE* file_ = nullptr;
    std::string bytes_;  ///< what an in-place output will receive
    std::string error_;
    bool finished_ = false;
    bool committed_ = false;
};

struct CommitFailure {
    std::size_t index;  ///< which output failed
    std::string why;
};

/// Installs several outputs so that they change together or not at all, as far as the system
/// allows: every temporary file is flushed first, then the in-place outputs are written (a
/// failure there leaves every replaced file as it was), then the temporary files are renamed
/// one after another with the cleanup signals blocked, so that a signal cannot split them.
std::optional<CommitFailure> commit_all(std::span<AtomicFile* const> files);

/// Installs a handler on every signal whose default action ends the process (all but
/// SIGKILL and SIGSTOP, which cannot be caught) that removes the temporary file of every
/// live AtomicFile, then ends the process with the signal's default action, so that its exit
/// status says "killed by signal". For a crash (SIGSEGV, SIGABRT, SIGBUS, SIGILL, SIGFPE,
/// SIGTRAP, SIGSYS) it first prints one line to standard error. A signal the process ignores
/// stays ignored. Idempotent.
void install_signal_cleanup();

/// Removes the temporary file of every live AtomicFile, at once and without allocating, for
/// a library's fatal error hook that is about to end the process (async-signal-safe).
void remove_temporary_files_now();

/// While `fd` >= 0, SIGINT, SIGTERM and SIGHUP still remove temporary files but then write
/// one byte (the signal number) to `fd` and return instead of ending the process:
/// `render --watch` sets it while it waits, so that Ctrl-C ends the watch cleanly. -1
/// restores the default.
void set_signal_wake_fd(int fd);

/// How many temporary files are registered now (for tests).
std::size_t live_temporary_files();

}  // namespace tl
