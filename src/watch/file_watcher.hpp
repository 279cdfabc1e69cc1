#pragma once

#include <chrono>
#include <functional>
#include <memory>
#include <string>
#include <string_view>

namespace tl {

/// Tells when files change, for `render --watch`. The interface keeps inotify (Linux) out of
/// the command line code and lets another implementation take its place.
class FileWatcher {
  public:
    enum class Wake {
        changed,      ///< something watched changed
        interrupted,  ///< the interrupt descriptor became readable (a signal arrived)
        timeout,      ///< the time ran out with no change
        failed,       ///< waiting failed (see errno); watching cannot go on
    };

    virtual ~FileWatcher() = default;

    /// Watches one file for writes, and for its creation, deletion or replacement by a rename
    /// (the way many editors save). The file need not exist; its folder must. Watching the
    /// same path again is harmless. Returns "" or why the file cannot be watched.
    virtual std::string watch_file(const std::string& path) = 0;

    /// Watches a folder (not its subfolders: watch those too) for entries added, removed,
    /// renamed or written whose name the watcher's filter accepts, and for the folder's own
    /// deletion. Returns "" or why it cannot be watched.
    virtual std::string watch_folder(const std::string& path) = 0;

    /// Waits up to `timeout` (forever when negative) for a change to anything watched.
    virtual Wake wait(std::chrono::milliseconds timeout) = 0;
};

/// Which entries of a watched folder count: the name, and whether it is a folder.
using FolderEntryFilter = std::function<bool(std::string_view name, bool is_folder)>;

/// A FileWatcher on Linux inotify. `wait` also returns `interrupted` once `interrupt_fd`
/// (when >= 0) is readable. Returns nullptr and sets `error` when inotify is not available.
std::unique_ptr<FileWatcher> make_inotify_watcher(int interrupt_fd, FolderEntryFilter filter,
                                                  std::string& error);

}  // namespace tl
