#include "load/input_files.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <set>
#include <system_error>
#include <utility>

namespace tl {
namespace fs = std::filesystem;
namespace {

std::string lower_name(std::string_view name) {
    std::string out(name);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

bool is_hidden(const fs::path& p) {
    const std::string name = p.filename().string();
    return !name.empty() && name[0] == '.';
}

/// What a file or folder is, whichever path or link it was reached by.
struct FileId {
    dev_t device;
    ino_t inode;
    friend auto operator<=>(const FileId&, const FileId&) = default;
};

const char* kind_of(mode_t mode) {
    if (S_ISFIFO(mode)) return "a FIFO";
    if (S_ISSOCK(mode)) return "a socket";
    if (S_ISCHR(mode)) return "a character device";
    if (S_ISBLK(mode)) return "a block device";
    return "something other than a file";
}

/// Walks input folders depth first, in byte order of the names in each folder, so which of
/// two paths to one folder is "first reached" never depends on the file system's order.
class FolderWalk {
  public:
    explicit FolderWalk(Diagnostics& diags) : diags_(diags) {}

    /// Adds the files and folders of one named folder to `tree`; false when it holds no
    /// event file (a folder already read through another input holds what it held there).
    bool walk_input(const std::string& folder, InputTree& tree) {
        struct stat st {};
        if (::stat(folder.c_str(), &st) != 0) {
            diags_.error({}, "unreadable-input",
                         "cannot read folder '" + folder + "': " + std::strerror(errno));
            return true;
        }
        const std::size_t first_file = tree.files.size();
        const std::size_t first_folder = tree.folders.size();
        const FileId id{st.st_dev, st.st_ino};
        if (!folders_seen_.insert(id).second) return true;
        tree.folders.push_back(folder);
        walk(folder, id, tree);
        std::sort(tree.files.begin() + static_cast<std::ptrdiff_t>(first_file), tree.files.end());
        if (tree.folders.size() > first_folder + 1) {
            std::sort(tree.folders.begin() + static_cast<std::ptrdiff_t>(first_folder) + 1,
                      tree.folders.end());
        }
        return tree.files.size() > first_file;
    }

  private:
    void walk(const fs::path& folder, FileId id, InputTree& tree) {
        std::error_code ec;
        std::vector<fs::path> entries;
        for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
            if (!is_hidden(it->path())) entries.push_back(it->path());
        }
        if (ec) {
            diags_.error({}, "unreadable-input",
                         "cannot read folder '" + folder.string() + "': " + ec.message());
            return;
        }
        std::sort(entries.begin(), entries.end(),
                  [](const fs::path& a, const fs::path& b) { return a.native() < b.native(); });
        open_.push_back({id, folder.string()});
        for (const fs::path& entry : entries)
            visit(entry, tree);
        open_.pop_back();
    }

    void visit(const fs::path& entry, InputTree& tree) {
        const std::string path = entry.string();
        struct stat st {};
        if (::stat(path.c_str(), &st) != 0) {
            report_unfollowable(path, errno);
            return;
        }
        const FileId id{st.st_dev, st.st_ino};
        if (S_ISDIR(st.st_mode)) {
            const auto holder =
                std::find_if(open_.begin(), open_.end(), [&](const Open& o) { return o.id == id; });
            if (holder != open_.end()) {
                diags_.warning({}, "link-loop",
                               "'" + path + "' leads back to '" + holder->path +
                                   "', which holds it; it is not read again",
                               "remove the link, or point it outside the folder");
            } else if (folders_seen_.insert(id).second) {
                tree.folders.push_back(path);
                walk(entry, id, tree);
            }
            return;
        }
        const std::string name = entry.filename().string();
        if (!is_event_file_name(name)) {
            if (looks_like_event_file(name) && S_ISREG(st.st_mode)) {
                diags_.warning({}, "skipped-file",
                               "'" + path + "' is not read: only files ending in .yaml or .yml are",
                               "rename it to end in .yaml to read its events, or move it out of "
                               "the folder");
            }
            return;
        }
        if (!S_ISREG(st.st_mode)) {
            // Reading a FIFO found in a folder would wait for a writer that may never come.
            diags_.warning(
                {}, "not-a-file",
                "'" + path + "' is " + kind_of(st.st_mode) + ", not a regular file; it is skipped",
                "name it on the command line to read it as a stream");
            return;
        }
        if (files_seen_.insert(id).second) tree.files.push_back(path);
    }

    void report_unfollowable(const std::string& path, int error) {
        std::error_code ec;
        const fs::path target = fs::read_symlink(path, ec);
        if (ec) {  // not a link: it went away, or cannot be looked at
            diags_.warning({}, "unreadable-input",
                           "cannot read '" + path + "': " + std::strerror(error));
        } else if (error == ELOOP) {
            diags_.warning({}, "link-loop",
                           "the link '" + path + "' leads back to itself through '" +
                               target.string() + "'; it is skipped",
                           "fix or remove the link");
        } else {
            diags_.warning({}, "dangling-link",
                           "the link '" + path + "' points to '" + target.string() +
                               "', which cannot be read (" + std::strerror(error) +
                               "); it is skipped",
                           "fix or remove the link");
        }
    }

    struct Open {
        FileId id;
        std::string path;
    };
    Diagnostics& diags_;
    std::vector<Open> open_;  ///< the folders being walked, outermost first
    std::set<FileId> folders_seen_;
    std::set<FileId> files_seen_;
};

}  // namespace

bool is_event_file_name(std::string_view name) {
    const std::string lower = lower_name(name);
    return !lower.empty() && lower.front() != '.' &&
           (lower.ends_with(".yaml") || lower.ends_with(".yml"));
}

bool looks_like_event_file(std::string_view name) {
    const std::string lower = lower_name(name);
    if (lower.empty() || lower.front() == '.') return false;
    return lower.find(".yaml") != std::string::npos || lower.find(".yml") != std::string::npos;
}

InputTree walk_inputs(const std::vector<std::string>& inputs, Diagnostics& diags) {
    InputTree tree;
    FolderWalk walk(diags);
    for (const std::string& input : inputs) {
        std::error_code ec;
        if (input == "-" || !fs::is_directory(input, ec)) {
            tree.files.push_back(input);  // a missing file is reported when it is read
            continue;
        }
        if (!walk.walk_input(input, tree)) {
            diags.error({}, "no-input", "folder '" + input + "' holds no *.yaml or *.yml file",
                        "name a folder with event files, or the files themselves");
        }
    }
    return tree;
}

std::vector<std::string> expand_inputs(const std::vector<std::string>& inputs, Diagnostics& diags) {
    return walk_inputs(inputs, diags).files;
}

}  // namespace tl
