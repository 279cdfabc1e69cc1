#pragma once

#include <optional>
#include <string>
#include <vector>

namespace tl::cli {

/// What a path or a descriptor is on disk (device and inode, links followed), to tell when
/// two names reach the same file.
struct FileIdentity {
    unsigned long long device = 0;
    unsigned long long inode = 0;
    bool stream = false;  ///< a regular file, FIFO or socket: two writers would mix their bytes
    friend bool operator==(const FileIdentity& a, const FileIdentity& b) {
        return a.device == b.device && a.inode == b.inode;
    }
};

/// The file at `path` (links followed), or nothing when there is none yet.
std::optional<FileIdentity> identity_of_path(const std::string& path);
/// The file open as descriptor `fd`.
std::optional<FileIdentity> identity_of_descriptor(int fd);

/// The first output (of `outputs`, files the render will write) that is also one of the files
/// it reads (`inputs`; "-" for standard input), or "": writing it would destroy an input
/// (`render w.yaml -o w.yaml`, a --scene or --depfile over the template, a link to an input).
std::string output_that_is_an_input(const std::vector<std::string>& outputs,
                                    const std::vector<std::string>& inputs);

/// The first of `outputs` that is the file standard output writes to (`-o - -o /dev/stdout`
/// with standard output a file or a pipe), or "": both writes would land in one stream.
std::string output_that_is_standard_output(const std::vector<std::string>& outputs);

}  // namespace tl::cli
