#pragma once

#include <string>

namespace tl::cli {

/// A pipe that a signal handler writes to, to wake `render --watch` from its wait; both ends
/// are closed when it goes, on every path out of the watch.
class WakePipe {
  public:
    /// Opens a non-blocking, close-on-exec pipe; on failure `ok()` is false and `error()`
    /// says why.
    WakePipe();
    ~WakePipe();
    WakePipe(const WakePipe&) = delete;
    WakePipe& operator=(const WakePipe&) = delete;

    bool ok() const { return fds_[0] >= 0; }
    const std::string& error() const { return error_; }
    int read_end() const { return fds_[0]; }
    int write_end() const { return fds_[1]; }

  private:
    int fds_[2] = {-1, -1};
    std::string error_;
};

}  // namespace tl::cli
