#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace tl::cli {

/// Exit codes, documented in the README and in --help.
enum ExitCode : int {
    kOk = 0,
    kInvalidInput = 1,  ///< an event file or template has errors
    kUsage = 2,         ///< the command line is wrong
    kOutputFailed = 3,  ///< reading or writing files, or rendering, failed
    kDifferences = 1,   ///< diff: the versions differ (as diff(1)); invalid input is 3 there
};

/// Everything the subcommands take from the command line.
struct Options {
    std::vector<std::string> inputs;
    std::vector<std::string> outputs;
    std::string template_name = "default";
    std::string title;
    std::string scene_path;
    std::string depfile;          ///< --depfile FILE: a make rule of the outputs and the files read
    std::string output_format;    ///< --format on render: for -o - (and names without extension)
    bool watch = false;           ///< --watch: render again whenever an input changes
    bool quiet = false;           ///< -q: errors only, and the line that says what a render wrote
    bool silent = false;          ///< -qq: errors only
    std::size_t quiet_count = 0;  ///< how often -q is given; sets quiet and silent
    std::string diagnostics = "first";  ///< --diagnostics first|all: see print_diagnostics
    std::string today;                  ///< --today DATE: a "today" line
    std::string since;          ///< --since OLD: mark what changed since this version of the inputs
    bool changed_only = false;  ///< --changed-only: with --since, draw only what changed
    std::string layout = "auto";  ///< --layout auto|detail|density|pages
    std::string lane_order;       ///< --lane-order role|events|name|input; empty: the template's
    std::string measure;          ///< --measure UNIT|events; empty: the template's
    std::optional<std::size_t> totals_block;  ///< --totals-block [N]; none: the template's
    std::string format = "text";
    std::size_t max_input_bytes = std::size_t{64} << 20;
    std::size_t max_events = 1'000'000;  ///< --max-events: refuse more events in one run
    std::string executable;              ///< argv[0], to find templates beside the binary

    // Filters, as on `list` and `render`: repeatable; see timeline/filter.hpp.
    std::string from;
    std::string to;
    std::vector<std::string> actors;
    std::vector<std::string> kinds;
    std::vector<std::string> tags;
    std::vector<std::string> confidences;
    std::vector<std::string> stage_tags;  ///< --stage-tag STAGE=TAG: stages read from tags

    // `totals`
    std::vector<std::string> by;  ///< --by KEY: supplier, recipient, kind, stage, unit, ...
    std::string unit;             ///< --unit UNIT: only this unit

    // `diff`: each a file, a folder, or git:REV[:PATH] (cli/git_revision.hpp)
    std::string diff_old;
    std::string diff_new = "events";

    // `import`
    std::string import_format;  ///< the export's format: sipri, csv, xlsx
    std::string mapping;        ///< --mapping: a preset's name or a mapping file (csv, xlsx)
    std::string sheet;          ///< --sheet: the sheet of an xlsx workbook; "" is the first
    std::string output_folder;  ///< -o FOLDER: where the event files go
    bool force = false;         ///< --force: replace files an earlier import wrote
};

int run_render(const Options& o);
int run_validate(const Options& o);
int run_list(const Options& o);
int run_totals(const Options& o);
int run_import(const Options& o);
int run_diff(const Options& o);

/// "timeline 0.1.0"
std::string version_line();
/// The version line plus the versions of cairo, Pango and yaml-cpp in use.
std::string version_details();

}  // namespace tl::cli
