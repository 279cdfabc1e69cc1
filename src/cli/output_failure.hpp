#pragma once

#include <string>
#include <string_view>

namespace tl::cli {

/// What made an output fail, which decides the hint.
enum class FailureCause {
    io,         ///< the file system refused: a folder, a permission, a full disk
    stream,     ///< standard output, a device or a FIFO refused what was written into it
    rendering,  ///< cairo could not draw the chart in this format
};

inline constexpr const char* kStandardOutput = "standard output";

/// How a message names an output file: 'PATH', in quotes.
std::string output_name(const std::string& path);

/// Prints "cannot write NAME: WHY" (NAME from output_name()) with the hint that fits (out of
/// memory has its own, whatever `cause` says) and returns kOutputFailed.
int report_output_failure(const std::string& name, const std::string& why, FailureCause cause);

/// Writes `text` to standard output through the one checked writer; on a failure reports
/// it and returns kOutputFailed, else kOk.
int print_to_standard_output(std::string_view text);

/// Reports an allocation that failed anywhere in a command; returns kOutputFailed.
int report_out_of_memory();

/// The least address space (`ulimit -v`) a render starts with. Below it, GLib and fontconfig
/// do not report the memory they cannot get: Pango cannot start its font threads, and the
/// render crashes (SIGSEGV) or waits forever for a thread that never started.
inline constexpr unsigned long long kMinRenderAddressSpace = 256ull << 20;

/// kOk, or (having said so) kOutputFailed when the process's address-space limit is below
/// kMinRenderAddressSpace: refused before anything is drawn, rather than a hang.
int check_address_space();

}  // namespace tl::cli
