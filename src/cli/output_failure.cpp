#include "cli/output_failure.hpp"

#include <sys/resource.h>

#include <string>

#include "base/out_of_memory.hpp"
#include "base/standard_output.hpp"
#include "cli/messages.hpp"
#include "cli/options.hpp"

namespace tl::cli {
namespace {

constexpr const char* kMemoryHint =
    "raise the process's memory limit (ulimit -v), or draw less: --from, --to, filters, "
    "--layout density";

}  // namespace

std::string output_name(const std::string& path) {
    return "'" + path + "'";
}

int report_output_failure(const std::string& name, const std::string& why, FailureCause cause) {
    const char* hint = why == kOutOfMemory ? kMemoryHint
                       : cause == FailureCause::io
                           ? "check that the folder exists and is writable, and that the disk "
                             "has room"
                       : cause == FailureCause::stream
                           ? "check that it is open for writing, that its reader is still there, "
                             "and that the disk has room"
                           : "try another format, or fewer events";
    print_error("cannot write " + name + ": " + why, hint);
    return kOutputFailed;
}

int print_to_standard_output(std::string_view text) {
    const std::string why = write_standard_output(text);
    return why.empty() ? kOk : report_output_failure(kStandardOutput, why, FailureCause::stream);
}

int check_address_space() {
    rlimit limit{};
    if (getrlimit(RLIMIT_AS, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY ||
        limit.rlim_cur >= kMinRenderAddressSpace)
        return kOk;
    print_error(
        std::string(kOutOfMemory) + ": the address-space limit (ulimit -v) is " +
            std::to_string(limit.rlim_cur >> 20) + " MiB, and a render needs at least " +
            std::to_string(kMinRenderAddressSpace >> 20) + " MiB",
        "raise the limit (ulimit -v " + std::to_string(kMinRenderAddressSpace >> 10) + " or more)");
    return kOutputFailed;
}

int report_out_of_memory() {
    print_error(kOutOfMemory, kMemoryHint);
    return kOutputFailed;
}

}  // namespace tl::cli
