#pragma once

// What `timeline render` will write, checked from the command line before anything is read.

#include <optional>
#include <string>
#include <vector>

#include "cli/options.hpp"
#include "cli/output_failure.hpp"
#include "model/date.hpp"
#include "render/render.hpp"

namespace tl::cli {

/// One -o: a file, or standard output.
struct Output {
    std::string path;
    OutputFormat format = OutputFormat::pdf;
    bool to_stdout = false;
    std::string name() const { return to_stdout ? kStandardOutput : path; }
};

/// What the command line asks for, checked before anything is read.
struct Plan {
    std::vector<Output> outputs;
    std::optional<DayNumber> today;
    std::vector<std::string> targets;  ///< the files written, for --depfile
};

/// Checks the outputs and flags that need no input; on a problem, prints it and returns kUsage
/// (kOutputFailed for an output that is a folder or is named twice).
int make_plan(const Options& o, Plan& plan);

/// Prints "cannot write 'PATH': MESSAGE" with its hint; returns kOutputFailed.
int output_error(const std::string& path, const std::string& message, const std::string& hint);

}  // namespace tl::cli
