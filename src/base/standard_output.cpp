#include "base/standard_output.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <iostream>

namespace tl {
namespace {

bool g_wrote = false;  ///< whether any byte was meant for standard output

std::string flush_buffers() {
    std::cout.flush();
    const bool stream_ok = !std::cout.fail();
    errno = 0;
    if (std::fflush(stdout) != 0 || std::ferror(stdout)) return std::strerror(errno ? errno : EIO);
    if (!stream_ok) return "the output stream failed";
    return {};
}

}  // namespace

std::string write_all(int fd, std::string_view bytes) {
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd, bytes.data(), bytes.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            return std::strerror(errno);
        }
        if (n == 0) return std::strerror(EIO);
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
    return {};
}

std::string write_standard_output(std::string_view bytes) {
    if (std::string why = flush_buffers(); !why.empty()) return why;
    if (bytes.empty()) return {};
    g_wrote = true;
    return write_all(STDOUT_FILENO, bytes);
}

std::string close_standard_output() {
    std::string why = flush_buffers();
    if (why.empty() && ::close(STDOUT_FILENO) != 0 && !(errno == EBADF && !g_wrote) &&
        errno != EINTR)
        why = std::strerror(errno);
    return why;
}

void reserve_standard_streams() {
    for (int fd = 0; fd <= 2; ++fd) {
        if (fcntl(fd, F_GETFD) != -1 || errno != EBADF) continue;
        // open() takes the lowest free number, which is `fd` since the lower ones are open.
        const int placeholder = ::open("/dev/null", (fd == 0 ? O_WRONLY : O_RDONLY));
        if (placeholder >= 0 && placeholder != fd) ::close(placeholder);
    }
}

}  // namespace tl
