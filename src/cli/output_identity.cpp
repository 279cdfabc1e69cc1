#include "cli/output_identity.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>

namespace tl::cli {
namespace {

FileIdentity identity(const struct stat& st) {
    return {static_cast<unsigned long long>(st.st_dev), static_cast<unsigned long long>(st.st_ino),
            S_ISREG(st.st_mode) || S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode)};
}

}  // namespace

std::optional<FileIdentity> identity_of_path(const std::string& path) {
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return std::nullopt;
    return identity(st);
}

std::optional<FileIdentity> identity_of_descriptor(int fd) {
    struct stat st {};
    if (::fstat(fd, &st) != 0) return std::nullopt;
    return identity(st);
}

std::string output_that_is_an_input(const std::vector<std::string>& outputs,
                                    const std::vector<std::string>& inputs) {
    std::vector<FileIdentity> read;
    for (const std::string& input : inputs) {
        const auto id =
            input == "-" ? identity_of_descriptor(STDIN_FILENO) : identity_of_path(input);
        // A character device read as input (/dev/null) may well be an output too.
        if (id && id->stream) read.push_back(*id);
    }
    for (const std::string& output : outputs) {
        const auto id = identity_of_path(output);
        if (id && std::find(read.begin(), read.end(), *id) != read.end()) return output;
    }
    return {};
}

std::string output_that_is_standard_output(const std::vector<std::string>& outputs) {
    const auto out = identity_of_descriptor(STDOUT_FILENO);
    if (!out || !out->stream) return {};
    for (const std::string& output : outputs) {
        if (identity_of_path(output) == out) return output;
    }
    return {};
}

}  // namespace tl::cli
