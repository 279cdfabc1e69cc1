#pragma once

#include <cstddef>
#include <cstdio>
#include <string>

namespace tl {

/// An output written to a temporary file beside its destination and renamed into place
/// only by commit(), so that a reader never sees a half-written file and a failure leaves
/// the previous output untouched. Destroying it uncommitted removes the temporary file, and
/// so does SIGINT or SIGTERM once install_signal_cleanup() has run.
class AtomicFile {
  public:
    explicit AtomicFile(std::string path);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    /// Empty when the temporary file is open; else why it could not be created.
    const std::string& error() const { return error_; }
    bool write(const void* data, std::size_t size);
    /// Flushes, syncs and renames into place; returns "" or the reason it failed.
    std::string commit();
    const std::string& path() const { return path_; }

  private:
    void discard();

    std::string path_;
    std::string temp_;  ///< registered for the signal handlers while it exists
    int slot_ = -1;     ///< its place in that registry, or -1
    std::FILE* file_ = nullptr;
    std::string error_;
    bool committed_ = false;
};

/// Installs handlers for SIGINT, SIGTERM and SIGHUP that remove the temporary file of every
/// live AtomicFile, then end the process with the signal's default action, so that its exit
/// status says "killed by signal". A signal the process ignores stays ignored. Idempotent.
void install_signal_cleanup();

/// While `fd` >= 0, the handlers still remove temporary files but then write one byte (the
/// signal number) to `fd` and return instead of ending the process: `render --watch` sets it
/// while it waits, so that Ctrl-C ends the watch cleanly. -1 restores the default.
void set_signal_wake_fd(int fd);

/// How many temporary files are registered now (for tests).
std::size_t live_temporary_files();

}  // namespace tl
