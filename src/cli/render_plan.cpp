#include "cli/render_plan.hpp"

#include <unistd.h>

#include <algorithm>
#include <filesystem>

#include "cli/depfile.hpp"
#include "cli/messages.hpp"
#include "cli/output_identity.hpp"
#include "model/field_rules.hpp"

namespace tl::cli {

int output_error(const std::string& path, const std::string& message, const std::string& hint) {
    print_error("cannot write '" + path + "': " + message, hint);
    return kOutputFailed;
}

namespace {

int usage_error(const std::string& message, const std::string& hint) {
    print_error(message, hint);
    return kUsage;
}

/// Refuses, before anything is written, an output that is a folder and a file named twice
/// (the second write would replace the first), also as standard output (`-o -` beside
/// `-o /dev/stdout`, which would write two documents into one stream).
int check_output_files(const std::vector<std::string>& targets, const std::string& depfile,
                       bool writes_standard_output) {
    namespace fs = std::filesystem;
    std::vector<std::string> files = targets;
    if (!depfile.empty()) files.push_back(depfile);
    std::vector<fs::path> seen;
    for (const std::string& path : files) {
        std::error_code ec;
        if (fs::is_directory(path, ec))
            return output_error(path, "it is a directory", "name a file inside it instead");
        const fs::path same = fs::weakly_canonical(fs::absolute(path, ec), ec);
        if (std::find(seen.begin(), seen.end(), same) != seen.end())
            return output_error(path, "it is named more than once",
                                "give each output, --scene and --depfile its own file");
        seen.push_back(same);
    }
    if (writes_standard_output) {
        if (const std::string same = output_that_is_standard_output(files); !same.empty())
            return output_error(same, "it is named more than once, as standard output (-o -) too",
                                "write standard output once");
    }
    return kOk;
}

}  // namespace

int make_plan(const Options& o, Plan& plan) {
    std::optional<OutputFormat> given;
    if (!o.output_format.empty()) given = format_from_name(o.output_format);
    for (const std::string& path : o.outputs) {
        Output out;
        out.path = path;
        out.to_stdout = path == "-";
        const auto from_name = out.to_stdout ? std::nullopt : format_from_path(path);
        if (from_name) {
            out.format = *from_name;
        } else if (given) {
            out.format = *given;
        } else if (out.to_stdout) {
            return usage_error("-o - writes to standard output, which has no extension",
                               "say which format with --format pdf, svg, png or html");
        } else {
            return usage_error("cannot tell the format of '" + path + "'",
                               "name outputs with .pdf, .svg, .png or .html, or give --format");
        }
        if (out.to_stdout) {
            for (const Output& earlier : plan.outputs)
                if (earlier.to_stdout)
                    return usage_error("-o - is given twice", "write standard output once");
            if (out.format != OutputFormat::svg && out.format != OutputFormat::html &&
                isatty(STDOUT_FILENO))
                return usage_error(
                    "will not write a " + std::string(to_string(out.format)) + " to a terminal",
                    "redirect standard output to a file or a pipe, e.g. > chart." +
                        std::string(to_string(out.format)));
        } else {
            plan.targets.push_back(path);
        }
        plan.outputs.push_back(std::move(out));
    }
    if (!o.scene_path.empty()) plan.targets.push_back(o.scene_path);

    if (o.watch) {
        if (std::count(o.inputs.begin(), o.inputs.end(), "-") > 0)
            return usage_error("--watch cannot watch standard input",
                               "name the event files or folders to watch");
        for (const Output& out : plan.outputs)
            if (out.to_stdout)
                return usage_error("--watch cannot write to standard output",
                                   "write to a file with -o FILE");
    }
    if (!o.depfile.empty()) {
        if (plan.targets.empty())
            return usage_error("--depfile needs an output file to name as the target",
                               "write to a file with -o FILE, not only to standard output");
        for (const std::string& t : plan.targets) {
            if (std::string why = make_name_problem(t, true); !why.empty())
                return usage_error("--depfile: make cannot name the output '" + t + "': " + why,
                                   "rename the output, or leave out --depfile");
        }
    }
    if (!o.today.empty()) {
        const auto today = parse_date(o.today);
        if (!today || today.value->is_interval())
            return usage_error("--today " + o.today + ": " +
                                   (today ? "give one date, not an interval" : today.error),
                               "give a day as YYYY-MM-DD");
        plan.today = today.value->start.earliest;
    }
    // The title is drawn like the text fields of an event file, so it follows their rule.
    if (const auto problem = check_text(o.title, TextLines::one))
        return usage_error("--title " + *problem, "give the title as one line of printable text");
    // Last: a usage error is reported before a problem with the files.
    const bool writes_standard_output = std::any_of(
        plan.outputs.begin(), plan.outputs.end(), [](const Output& out) { return out.to_stdout; });
    return check_output_files(plan.targets, o.depfile, writes_standard_output);
}

}  // namespace tl::cli
