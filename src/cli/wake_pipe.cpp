#include "cli/wake_pipe.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace tl::cli {

WakePipe::WakePipe() {
    if (pipe2(fds_, O_CLOEXEC | O_NONBLOCK) != 0) {
        error_ = std::strerror(errno);
        fds_[0] = fds_[1] = -1;
    }
}

WakePipe::~WakePipe() {
    for (int fd : fds_)
        if (fd >= 0) close(fd);
}

}  // namespace tl::cli
