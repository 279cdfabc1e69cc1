#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <map>
#include <set>

#include "watch/file_watcher.hpp"

namespace tl {
namespace {

// Every watch is on a folder: a file is watched through its folder, by name, so that a file
// replaced by a rename (a new inode) is still seen, and a file not yet created is too.
constexpr std::uint32_t kMask = IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO |
                                IN_CLOSE_WRITE | IN_MODIFY | IN_ATTRIB | IN_DELETE_SELF |
                                IN_MOVE_SELF | IN_ONLYDIR;

class InotifyWatcher final : public FileWatcher {
  public:
    InotifyWatcher(int fd, int interrupt_fd, FolderEntryFilter filter)
        : fd_(fd), interrupt_fd_(interrupt_fd), filter_(std::move(filter)) {}
    ~InotifyWatcher() override { close(fd_); }
    InotifyWatcher(const InotifyWatcher&) = delete;
    InotifyWatcher& operator=(const InotifyWatcher&) = delete;

    std::string watch_file(const std::string& path) override {
        const std::filesystem::path p(path);
        const std::string folder = p.has_parent_path() ? p.parent_path().string() : ".";
        int wd = -1;
        if (std::string why = add(folder, wd); !why.empty()) return why;
        folders_[wd].names.insert(p.filename().string());
        return {};
    }

    std::string watch_folder(const std::string& path) override {
        int wd = -1;
        if (std::string why = add(path, wd); !why.empty()) return why;
        Folder& f = folders_[wd];
        f.whole = true;
        f.path = path;
        // Links to folders are read as folders, but inotify reports a link as a plain entry
        // (no IN_ISDIR), and once it is removed nothing says what it led to: note them now.
        std::error_code ec;
        for (std::filesystem::directory_iterator it(path, ec), end; !ec && it != end;
             it.increment(ec)) {
            if (it->is_symlink(ec) && it->is_directory(ec))
                f.linked_folders.insert(it->path().filename().string());
        }
        return {};
    }

    Wake wait(std::chrono::milliseconds timeout) override {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        for (;;) {
            int ms = -1;
            if (timeout.count() >= 0) {
                const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
                    deadline - std::chrono::steady_clock::now());
                ms = static_cast<int>(std::max<std::chrono::milliseconds::rep>(0, left.count()));
            }
            pollfd fds[2] = {{fd_, POLLIN, 0}, {interrupt_fd_, POLLIN, 0}};
            const int n = poll(fds, interrupt_fd_ >= 0 ? 2 : 1, ms);
            if (n < 0 && errno != EINTR) return Wake::failed;
            if (n > 0 && interrupt_fd_ >= 0 && (fds[1].revents & (POLLIN | POLLHUP)))
                return Wake::interrupted;
            if (n > 0 && (fds[0].revents & POLLIN) && read_events()) return Wake::changed;
            if (n == 0) return Wake::timeout;
        }
    }

  private:
    struct Folder {
        bool whole = false;                    ///< every entry the filter accepts counts
        std::set<std::string> names;           ///< these entries count
        std::string path;                      ///< for whole folders: where it is
        std::set<std::string> linked_folders;  ///< entries that are links to folders
    };

    /// Whether an entry of a whole folder is a folder, or a link to one (now, or before it
    /// was removed or renamed).
    static bool leads_to_folder(Folder& f, const inotify_event& event, std::string_view name) {
        if (event.mask & IN_ISDIR) return true;
        const std::string entry(name);
        std::error_code ec;
        if (std::filesystem::is_directory(std::filesystem::path(f.path) / entry, ec)) {
            f.linked_folders.insert(entry);
            return true;
        }
        return f.linked_folders.erase(entry) > 0;
    }

    std::string add(const std::string& folder, int& wd) {
        wd = inotify_add_watch(fd_, folder.c_str(), kMask);
        if (wd < 0) {
            if (errno == ENOSPC)
                return "too many watches (raise fs.inotify.max_user_watches with sysctl)";
            return std::strerror(errno);
        }
        return {};
    }

    /// Reads every queued event; true when one of them matters.
    bool read_events() {
        alignas(inotify_event) char buf[16384];
        bool relevant = false;
        for (;;) {
            const ssize_t len = read(fd_, buf, sizeof buf);
            if (len <= 0) break;  // EAGAIN: the queue is empty
            for (ssize_t at = 0; at < len;) {
                inotify_event event;
                std::memcpy(&event, buf + at, sizeof event);
                const char* name = buf + at + sizeof(inotify_event);
                at += static_cast<ssize_t>(sizeof(inotify_event) + event.len);
                relevant |= matters(event, event.len > 0 ? std::string_view(name) : "");
            }
        }
        return relevant;
    }

    bool matters(const inotify_event& event, std::string_view name) {
        if (event.mask & IN_Q_OVERFLOW) return true;  // events were lost: assume a change
        const auto it = folders_.find(event.wd);
        if (it == folders_.end()) return false;
        if (event.mask & IN_IGNORED) {  // the folder is gone; the caller watches again
            folders_.erase(it);
            return true;
        }
        if (event.mask & (IN_DELETE_SELF | IN_MOVE_SELF)) return true;
        if (name.empty()) return false;
        Folder& f = it->second;
        if (f.names.count(std::string(name))) return true;
        return f.whole && (!filter_ || filter_(name, leads_to_folder(f, event, name)));
    }

    int fd_;
    int interrupt_fd_;
    FolderEntryFilter filter_;
    std::map<int, Folder> folders_;
};

}  // namespace

std::unique_ptr<FileWatcher> make_inotify_watcher(int interrupt_fd, FolderEntryFilter filter,
                                                  std::string& error) {
    const int fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (fd < 0) {
        error = std::strerror(errno);
        return nullptr;
    }
    return std::make_unique<InotifyWatcher>(fd, interrupt_fd, std::move(filter));
}

}  // namespace tl
