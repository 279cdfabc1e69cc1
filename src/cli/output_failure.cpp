#include "cli/output_failure.hpp"

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

int report_out_of_memory() {
    print_error(kOutOfMemory, kMemoryHint);
    return kOutputFailed;
}

}  // namespace tl::cli
