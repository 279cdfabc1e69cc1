#include "base/atomic_file.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <vector>

namespace tl {

AtomicFile::AtomicFile(std::string path) : path_(std::move(path)) {
    const std::filesystem::path target(path_);
    const std::filesystem::path dir = target.has_parent_path() ? target.parent_path() : ".";
    std::string pattern = (dir / ("." + target.filename().string() + ".tmp.XXXXXX")).string();
    std::vector<char> buf(pattern.begin(), pattern.end());
    buf.push_back('\0');
    const int fd = mkstemp(buf.data());
    if (fd < 0) {
        error_ = std::strerror(errno);
        return;
    }
    temp_ = buf.data();
    // mkstemp makes the file private; outputs get the usual permissions under the umask.
    const mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    file_ = fdopen(fd, "wb");
    if (!file_) {
        error_ = std::strerror(errno);
        close(fd);
        discard();
    }
}

AtomicFile::~AtomicFile() {
    if (!committed_) discard();
}

void AtomicFile::discard() {
    if (file_) std::fclose(file_);
    file_ = nullptr;
    if (!temp_.empty()) std::remove(temp_.c_str());
    temp_.clear();
}

bool AtomicFile::write(const void* data, std::size_t size) {
    if (!file_) return false;
    if (size == 0) return true;
    if (std::fwrite(data, 1, size, file_) == size) return true;
    error_ = std::strerror(errno);
    return false;
}

std::string AtomicFile::commit() {
    if (!file_) return error_.empty() ? "the output is not open" : error_;
    if (!error_.empty()) {  // a write failed: never rename a partial file into place
        discard();
        return error_;
    }
    const bool flushed = std::fflush(file_) == 0 && fsync(fileno(file_)) == 0;
    const int saved = errno;
    const bool closed = std::fclose(file_) == 0;
    file_ = nullptr;
    if (!flushed || !closed) {
        const std::string why = std::strerror(flushed ? errno : saved);
        discard();
        return why;
    }
    if (std::rename(temp_.c_str(), path_.c_str()) != 0) {
        const std::string why = std::strerror(errno);
        discard();
        return why;
    }
    committed_ = true;
    return {};
}

}  // namespace tl
