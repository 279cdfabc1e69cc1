#pragma once

#include <cstddef>
#include <cstdio>
#include <string>

namespace tl {

/// An output written to a temporary file beside its destination and renamed into place
/// only by commit(), so that a reader never sees a half-written file and a failure leaves
/// the previous output untouched. Destroying it uncommitted removes the temporary file.
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
    std::string temp_;
    std::FILE* file_ = nullptr;
    std::string error_;
    bool committed_ = false;
};

}  // namespace tl
