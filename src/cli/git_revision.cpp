// Reading a revision of the inputs through git itself: `git rev-parse` names the revision's
// tree once (so that a branch moving meanwhile cannot mix two trees), `git ls-tree` lists its
// files, `git cat-file` gives each file's bytes. git runs without a shell, from an argument
// vector; nothing it reads comes from a checkout, so the work tree and the index stay as
// they are.

#include "cli/git_revision.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <cstdint>
#include <cstring>

#include "load/input_files.hpp"

namespace tl::cli {
namespace {

constexpr std::size_t kMaxErrorBytes = 4096;

/// Closes a descriptor once, when it goes out of scope.
class Descriptor {
  public:
    explicit Descriptor(int fd = -1) : fd_(fd) {}
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    ~Descriptor() { reset(); }
    int get() const { return fd_; }
    void reset() {
        if (fd_ >= 0) ::close(fd_);
        fd_ = -1;
    }

  private:
    int fd_;
};

/// The first line of what a program said on standard error, without git's "fatal: ".
std::string first_line(const std::string& text) {
    std::string line = text.substr(0, text.find('\n'));
    for (const std::string_view prefix : {"fatal: ", "error: "})
        if (line.starts_with(prefix)) line.erase(0, prefix.size());
    return line;
}

/// One entry of `git ls-tree -r -z -l`: "MODE TYPE OBJECT SIZE\tPATH".
struct TreeEntry {
    std::string mode;
    std::string type;
    std::string object;
    std::size_t size = 0;
    std::string path;
};

std::vector<TreeEntry> parse_tree_listing(const std::string& listing) {
    std::vector<TreeEntry> out;
    std::size_t at = 0;
    while (at < listing.size()) {
        const std::size_t end = std::min(listing.find('\0', at), listing.size());
        const std::string_view record(listing.data() + at, end - at);
        at = end + 1;
        const std::size_t tab = record.find('\t');
        if (tab == std::string_view::npos) continue;
        TreeEntry e;
        e.path = std::string(record.substr(tab + 1));
        std::array<std::string*, 3> words{&e.mode, &e.type, &e.object};
        std::size_t word = 0;
        std::string size;
        for (const char c : record.substr(0, tab)) {
            if (c == ' ') {
                if (word < 3 && !words[word]->empty()) ++word;
                continue;
            }
            (word < 3 ? *words[word] : size) += c;
        }
        e.size = size.find_first_not_of("0123456789") == std::string::npos && !size.empty()
                     ? std::stoull(size)
                     : 0;
        out.push_back(std::move(e));
    }
    return out;
}

/// "events/", "./events" and "events" are one folder; "", "." and "./" the whole tree ("").
std::string normal_path(std::string path) {
    while (path.starts_with("./"))
        path.erase(0, 2);
    while (path.size() > 1 && path.ends_with('/'))
        path.pop_back();
    return path == "." ? std::string() : path;
}

/// Whether a file below a folder is read, as walk_inputs reads folders: no part of its path
/// below the folder hidden, and a name ending in .yaml or .yml.
bool read_below(std::string_view below) {
    std::size_t at = 0;
    while (true) {
        const std::size_t slash = below.find('/', at);
        const std::string_view part = below.substr(at, slash - at);
        if (part.starts_with('.')) return false;
        if (slash == std::string_view::npos) return is_event_file_name(part);
        at = slash + 1;
    }
}

}  // namespace

std::optional<GitSource> parse_git_source(std::string_view word, std::string& error) {
    constexpr std::string_view kPrefix = "git:";
    if (!word.starts_with(kPrefix)) return std::nullopt;
    word.remove_prefix(kPrefix.size());
    const std::size_t colon = word.find(':');
    GitSource source{std::string(word.substr(0, colon)),
                     colon == std::string_view::npos ? "" : std::string(word.substr(colon + 1))};
    if (source.path.empty()) source.path = "events";
    if (source.revision.empty())
        error = "'git:" + std::string(word) + "' names no revision: write git:REV or git:REV:PATH";
    else if (source.revision.starts_with('-'))
        error = "the revision '" + source.revision +
                "' starts with '-', which git would read as an option";
    return source;
}

ProcessResult run_program(const std::vector<std::string>& argv, std::size_t max_bytes) {
    ProcessResult result;
    std::array<int, 2> out_pipe{-1, -1};
    std::array<int, 2> err_pipe{-1, -1};
    if (::pipe2(out_pipe.data(), O_CLOEXEC) != 0) {
        result.error = std::strerror(errno);
        return result;
    }
    Descriptor out_read(out_pipe[0]);
    Descriptor out_write(out_pipe[1]);
    if (::pipe2(err_pipe.data(), O_CLOEXEC) != 0) {
        result.error = std::strerror(errno);
        return result;
    }
    Descriptor err_read(err_pipe[0]);
    Descriptor err_write(err_pipe[1]);

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, out_write.get(), STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, err_write.get(), STDERR_FILENO);
    std::vector<char*> args;
    args.reserve(argv.size() + 1);
    for (const std::string& a : argv)
        args.push_back(const_cast<char*>(a.c_str()));  // posix_spawn's signature; not written
    args.push_back(nullptr);
    pid_t pid = 0;
    const int spawned = ::posix_spawnp(&pid, args[0], &actions, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    out_write.reset();
    err_write.reset();
    if (spawned != 0) {
        result.error = std::strerror(spawned);
        return result;
    }
    result.started = true;

    // Both pipes at once, so that a program that fills one while we wait on the other cannot
    // stall; past `max_bytes` the program is stopped rather than read to its end.
    std::array<pollfd, 2> fds{{{out_read.get(), POLLIN, 0}, {err_read.get(), POLLIN, 0}}};
    std::array<char, 65536> buffer{};
    while (fds[0].fd >= 0 || fds[1].fd >= 0) {
        if (::poll(fds.data(), fds.size(), -1) < 0) {
            if (errno == EINTR) continue;
            break;
        }
        for (std::size_t i = 0; i < fds.size(); ++i) {
            if (fds[i].fd < 0 || fds[i].revents == 0) continue;
            const ssize_t got = ::read(fds[i].fd, buffer.data(), buffer.size());
            if (got < 0 && errno == EINTR) continue;
            if (got <= 0) {
                fds[i].fd = -1;
                continue;
            }
            // One byte past the bound is enough to know it was passed.
            std::string& into = i == 0 ? result.out : result.err;
            const std::size_t cap =
                i == 1 ? kMaxErrorBytes : max_bytes + (max_bytes == SIZE_MAX ? 0 : 1);
            const std::size_t room = cap - std::min(into.size(), cap);
            into.append(buffer.data(), std::min(room, static_cast<std::size_t>(got)));
            if (i == 0 && result.out.size() > max_bytes) {
                result.truncated = true;
                result.out.resize(max_bytes);
                ::kill(pid, SIGKILL);
                fds[0].fd = -1;
                fds[1].fd = -1;
            }
        }
    }
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    result.exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

std::optional<std::string> load_git_source(const GitSource& source, const LoadOptions& options,
                                           Model& into, Diagnostics& diags) {
    const std::string name = "git:" + source.revision + ":" + source.path;
    const auto git_failed = [&](const ProcessResult& r, const std::string& otherwise) {
        if (!r.started) return "cannot run git: " + r.error;
        const std::string said = first_line(r.err);
        return said.empty() ? otherwise : "git: " + said;
    };
    // --end-of-options as well as the '-' check: a revision is never an option.
    const ProcessResult tree = run_program({"git", "rev-parse", "--verify", "--quiet",
                                            "--end-of-options", source.revision + "^{tree}"},
                                           4096);
    if (!tree.started || tree.exit_status != 0 || tree.out.empty())
        return git_failed(tree, "no revision '" + source.revision + "' in this repository");
    const std::string tree_id = tree.out.substr(0, tree.out.find('\n'));

    const ProcessResult listing = run_program(
        {"git", "ls-tree", "-r", "-z", "-l", "--full-tree", tree_id}, options.max_input_bytes);
    if (!listing.started || listing.exit_status != 0 || listing.truncated)
        return listing.truncated
                   ? "the listing of " + source.revision + " is larger than --max-input-bytes"
                   : git_failed(listing, "cannot list " + source.revision);

    // The named file itself, else the event files below the named folder, in byte order.
    const std::string path = normal_path(source.path);
    std::vector<TreeEntry> chosen;
    bool folder = path.empty();
    for (TreeEntry& e : parse_tree_listing(listing.out)) {
        if (e.path == path) {
            chosen = {std::move(e)};
            folder = false;
            break;
        }
        const bool below =
            path.empty() ||
            (e.path.starts_with(path) && e.path.size() > path.size() && e.path[path.size()] == '/');
        if (!below) continue;
        folder = true;
        if (read_below(std::string_view(e.path).substr(path.empty() ? 0 : path.size() + 1)))
            chosen.push_back(std::move(e));
    }
    if (chosen.empty())
        return folder ? name + " holds no *.yaml or *.yml file"
                      : "no file or folder '" + source.path + "' in " + source.revision;
    std::sort(chosen.begin(), chosen.end(),
              [](const TreeEntry& a, const TreeEntry& b) { return a.path < b.path; });

    for (const TreeEntry& e : chosen) {
        const std::uint32_t file = into.files.add(source.revision + ":" + e.path);
        const SourceLoc whole{file, 0, 0};
        if (e.type != "blob" || e.mode == "120000") {
            diags.warning(whole, "not-a-file",
                          e.mode == "120000" ? "a symbolic link in the revision is not followed"
                                             : "not a file in the revision: not read",
                          "name the file it leads to");
            continue;
        }
        if (e.size > options.max_input_bytes) {
            diags.error(whole, "input-too-large",
                        "the file has " + std::to_string(e.size) +
                            " bytes, more than the limit of " +
                            std::to_string(options.max_input_bytes),
                        "split it into several files, or raise --max-input-bytes");
            continue;
        }
        const ProcessResult blob =
            run_program({"git", "cat-file", "blob", e.object}, options.max_input_bytes);
        if (blob.truncated) {
            diags.error(whole, "input-too-large",
                        "the file is larger than the limit of " +
                            std::to_string(options.max_input_bytes) + " bytes",
                        "split it into several files, or raise --max-input-bytes");
        } else if (!blob.started || blob.exit_status != 0) {
            diags.error(whole, "unreadable-input", git_failed(blob, "git cannot read the file"));
        } else {
            load_text(blob.out, file, into, diags, options);
        }
    }
    return std::nullopt;
}

}  // namespace tl::cli
