#include "load/input_reader.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace tl {
namespace {

/// Closes a descriptor this reader opened (never standard input).
class OwnedFd {
  public:
    explicit OwnedFd(int fd) : fd_(fd) {}
    OwnedFd(const OwnedFd&) = delete;
    OwnedFd& operator=(const OwnedFd&) = delete;
    ~OwnedFd() {
        if (fd_ >= 0) ::close(fd_);
    }

  private:
    int fd_;
};

std::string bytes(std::size_t n) {
    return std::to_string(n) + " bytes";
}

}  // namespace

std::optional<std::string> read_input(const std::string& path, std::uint32_t file,
                                      std::size_t max_bytes, Diagnostics& diags) {
    const SourceLoc whole{file, 0, 0};
    const bool standard_input = path == "-";
    const int fd = standard_input ? STDIN_FILENO : ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        diags.error(whole, "unreadable-input", "cannot open: " + std::string(std::strerror(errno)),
                    "check the path and its permissions");
        return std::nullopt;
    }
    const OwnedFd owned(standard_input ? -1 : fd);
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
        diags.error(whole, "unreadable-input", "cannot read: " + std::string(std::strerror(errno)));
        return std::nullopt;
    }
    if (S_ISBLK(st.st_mode)) {
        diags.error(whole, "unreadable-input", "not a regular file: a block device is not read",
                    "name an event file, a folder of them, or a pipe");
        return std::nullopt;
    }
    const bool regular = S_ISREG(st.st_mode);
    if (regular && static_cast<std::uintmax_t>(st.st_size) > max_bytes) {
        diags.error(whole, "input-too-large",
                    "the file has " + bytes(static_cast<std::size_t>(st.st_size)) +
                        ", more than the limit of " + std::to_string(max_bytes),
                    "split it into several files, or raise --max-input-bytes");
        return std::nullopt;
    }

    // Read to the end, whatever the size said: a file in /proc says 0, a file being written
    // grows, and a stream says nothing. One byte past the bound is enough to know.
    constexpr std::size_t kChunk = std::size_t{64} << 10;
    const std::size_t limit = max_bytes == SIZE_MAX ? max_bytes : max_bytes + 1;
    std::string text;
    if (regular) text.reserve(std::min(limit, static_cast<std::size_t>(st.st_size) + 1));
    while (text.size() < limit) {
        const std::size_t want =
            std::min(limit - text.size(), std::max(kChunk, text.capacity() - text.size()));
        const std::size_t had = text.size();
        text.resize(had + want);
        const ssize_t got = ::read(fd, text.data() + had, want);
        if (got < 0 && errno == EINTR) {
            text.resize(had);
            continue;
        }
        if (got < 0) {
            diags.error(whole, "unreadable-input",
                        "cannot read: " + std::string(std::strerror(errno)));
            return std::nullopt;
        }
        text.resize(had + static_cast<std::size_t>(got));
        if (got == 0) return text;
    }
    if (S_ISCHR(st.st_mode) && !::isatty(fd)) {
        diags.error(whole, "unreadable-input",
                    "not a regular file: a device that sent more than the limit of " +
                        bytes(max_bytes) + " without ending",
                    "name an event file; a device such as /dev/urandom never ends");
    } else {
        diags.error(whole, "input-too-large",
                    "the input is larger than the limit of " + bytes(max_bytes),
                    "split it into several files, or raise --max-input-bytes");
    }
    return std::nullopt;
}

}  // namespace tl
