// The command line: reads flags with CLI11 and hands them to a subcommand. The only file
// that includes CLI11.

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <iostream>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include "base/standard_output.hpp"
#include "base/suggest.hpp"
#include "base/text.hpp"
#include "cli/allocator_tuning.hpp"
#include "cli/messages.hpp"
#include "cli/options.hpp"
#include "cli/output_failure.hpp"

namespace {

using tl::cli::Options;

constexpr const char* kExitCodes =
    "Exit codes: 0 success, 1 invalid input (see the diagnostics), 2 usage error, "
    "3 I/O or rendering failure.";

/// -q and --diagnostics: how much of the diagnostics a run prints.
void add_reporting(CLI::App& cmd, Options& o) {
    cmd.add_flag("-q,--quiet", o.quiet_count,
                 "print only errors and, on render and import, the line that says what was "
                 "written; -qq (or -q twice): only errors");
    cmd.add_option("--diagnostics", o.diagnostics,
                   "first: of a rule that fires often, show the first 3 in full, then a count; "
                   "all: show every one")
        ->check(CLI::IsMember({"first", "all"}))
        ->capture_default_str();
}

/// --max-input-bytes, --max-events and the reporting flags: the bounds of what a run reads.
void add_limits(CLI::App& cmd, Options& o) {
    cmd.add_option("--max-input-bytes", o.max_input_bytes, "refuse input files larger than this")
        ->check(CLI::PositiveNumber);
    cmd.add_option("--max-events", o.max_events,
                   "refuse more events than this in one run (default 1000000)")
        ->check(CLI::PositiveNumber);
    add_reporting(cmd, o);
}

void add_inputs(CLI::App& cmd, Options& o) {
    cmd.add_option("inputs", o.inputs,
                   "event files or folders (default: events/); - reads standard input");
    add_limits(cmd, o);
}

void add_filters(CLI::App& cmd, Options& o) {
    cmd.add_option("--from", o.from, "keep events that reach this date or later (EDTF)");
    cmd.add_option("--to", o.to, "keep events that start by this date (EDTF)");
    // Ids, kinds, tags and levels never hold a comma (the format's id patterns), so a comma
    // separates values: --actor KP,RU is --actor KP --actor RU.
    cmd.add_option("--actor", o.actors,
                   "keep events involving this actor id (repeatable, or comma-separated)")
        ->delimiter(',');
    cmd.add_option("--kind", o.kinds, "keep events of this kind (repeatable, or comma-separated)")
        ->delimiter(',');
    cmd.add_option("--tag", o.tags, "keep events with this tag (repeatable, or comma-separated)")
        ->delimiter(',');
    cmd.add_option("--confidence", o.confidences,
                   "keep events of this confidence: confirmed, reported, alleged, assessed "
                   "(repeatable, or comma-separated)")
        ->delimiter(',');
    cmd.add_option("--stage-tag", o.stage_tags,
                   "STAGE=TAG: amounts without a stage, on events tagged TAG, count as STAGE "
                   "(announced, pledged, delivered), e.g. pledged=commitment (repeatable, or "
                   "comma-separated)")
        ->delimiter(',');
}

/// One table of subcommands: name, help, how to set up its flags, what runs it.
struct Command {
    const char* name;
    const char* help;
    void (*setup)(CLI::App&, Options&);
    int (*run)(const Options&);
};

const Command kCommands[] = {
    {"render", "render events to PDF, SVG, PNG or HTML (format from each output's extension)",
     [](CLI::App& cmd, Options& o) {
         add_inputs(cmd, o);
         cmd.add_option("-o,--output", o.outputs,
                        "output file: .pdf, .svg, .png or .html, or - for standard output with "
                        "--format (repeatable)")
             ->required();
         cmd.add_option("--format", o.output_format,
                        "format of -o - and of outputs whose name has no known extension")
             ->transform(CLI::IsMember({"pdf", "svg", "png", "html"}, CLI::ignore_case));
         cmd.add_option("-t,--template", o.template_name, "template name or path")
             ->capture_default_str();
         cmd.add_option("--title", o.title, "chart title (overrides the template's)");
         cmd.add_option("--scene", o.scene_path, "also write the laid-out scene as JSON");
         cmd.add_option("--today", o.today, "draw a 'today' line at this date (YYYY-MM-DD)");
         cmd.add_option("--layout", o.layout,
                        "auto (detail up to 400 events, else density), detail (every event "
                        "labelled), density (counts per lane, significant events labelled), "
                        "pages (an overview, then detail pages over slices of time)")
             ->transform(CLI::IsMember({"auto", "detail", "density", "pages"}, CLI::ignore_case))
             ->capture_default_str();
         cmd.add_option("--lane-order", o.lane_order,
                        "lanes from the top: role (recipients first, then by events; the "
                        "default), events (most first), name, or input (as declared); "
                        "overrides the template's lane-order")
             ->transform(CLI::IsMember({"role", "events", "name", "input"}, CLI::ignore_case));
         cmd.add_option("--measure", o.measure,
                        "density strips: sum this unit's amounts per bin (units matched as "
                        "totals matches them: case and plural aside), or 'events' to count events; "
                        "overrides the template's measure "
                        "(default: the unit most events carry when at least half do, else "
                        "counts)");
         cmd.add_option("--totals-block", o.totals_block,
                        "under the lanes, the cumulative measure of the top N suppliers over "
                        "time (default N: 10; 0: none), pledged and delivered apart when the "
                        "data has stages; overrides the template's totals-block")
             ->expected(0, 1)
             ->default_str("10")
             ->check(CLI::Range(std::size_t{0}, std::size_t{40}));
         cmd.add_option("--since", o.since,
                        "mark what changed since OLD, a file, a folder or git:REV[:PATH] (as "
                        "for diff): new and revised events get a badge, an old date is drawn "
                        "faintly, and revisions and withdrawn events are listed under the chart");
         cmd.add_flag("--changed-only", o.changed_only,
                      "with --since: draw only the events added or changed, in their lanes");
         cmd.add_option("--depfile", o.depfile,
                        "also write a make rule: the outputs depend on every file read");
         cmd.add_flag("-w,--watch", o.watch,
                      "render again whenever an input or the template changes; Ctrl-C ends");
         add_filters(cmd, o);
     },
     tl::cli::run_render},
    {"validate", "check event files and report every problem",
     [](CLI::App& cmd, Options& o) {
         add_inputs(cmd, o);
         cmd.add_option("--format", o.format, "diagnostics as text or json")
             ->transform(CLI::IsMember({"text", "json"}, CLI::ignore_case))
             ->capture_default_str();
     },
     tl::cli::run_validate},
    {"list", "list events in timeline order",
     [](CLI::App& cmd, Options& o) {
         add_inputs(cmd, o);
         cmd.add_option("--format", o.format,
                        "text, json (the spec's Listing), csv, timelinejs (TimelineJS3's JSON) "
                        "or geojson (events with coordinates, RFC 7946)")
             ->transform(
                 CLI::IsMember({"text", "json", "csv", "timelinejs", "geojson"}, CLI::ignore_case))
             ->capture_default_str();
         add_filters(cmd, o);
     },
     tl::cli::run_list},
    {"totals", "sum quantities, one unit per column, grouped by --by keys",
     [](CLI::App& cmd, Options& o) {
         add_inputs(cmd, o);
         cmd.add_option("--by", o.by,
                        "group by supplier, recipient, kind, stage, unit, year, quarter or "
                        "month (repeatable, or comma-separated: rows for each combination)")
             ->delimiter(',')
             ->transform(CLI::IsMember(
                 {"supplier", "recipient", "kind", "stage", "unit", "year", "quarter", "month"},
                 CLI::ignore_case));
         cmd.add_option("--unit", o.unit,
                        "sum only this unit (any case, singular or plural: Tank is tanks)");
         cmd.add_option("--format", o.format, "text (a table), json or csv")
             ->transform(CLI::IsMember({"text", "json", "csv"}, CLI::ignore_case))
             ->capture_default_str();
         add_filters(cmd, o);
     },
     tl::cli::run_totals},
    {"diff",
     "what changed between two versions of the events: diff OLD [NEW], each a file, a folder "
     "or git:REV[:PATH]",
     [](CLI::App& cmd, Options& o) {
         cmd.add_option("old", o.diff_old,
                        "the earlier version: a file, a folder, or git:REV[:PATH] (PATH from "
                        "the repository's top, default events; e.g. git:HEAD~1, "
                        "git:v2024-09-01:events)")
             ->required();
         cmd.add_option("new", o.diff_new, "the later version, likewise (default: events/)");
         cmd.add_option("--format", o.format,
                        "text (grouped, with file:line), json (for scripts) or markdown (a "
                        "briefing's changes box)")
             ->transform(CLI::IsMember({"text", "json", "markdown"}, CLI::ignore_case))
             ->capture_default_str();
         add_limits(cmd, o);
         cmd.footer(
             "Exit codes: 0 no differences, 1 differences found (as diff(1)), 2 usage error, "
             "3 a version could not be read or has errors (see the diagnostics).");
     },
     tl::cli::run_diff},
    {"import",
     "turn a tracker's export into event files: import sipri REGISTER.csv -o FOLDER, or "
     "import csv TABLE.csv --mapping acled -o FOLDER",
     [](CLI::App& cmd, Options& o) {
         cmd.add_option(
                "format", o.import_format,
                "the export's format: sipri (SIPRI's trade register, CSV) or csv (any "
                "CSV or TSV, read with --mapping) or xlsx (a sheet of a workbook, read with "
                "--mapping)")
             ->required()
             ->transform(CLI::IsMember({"sipri", "csv", "xlsx"}, CLI::ignore_case));
         cmd.add_option("inputs", o.inputs, "the exported files, as downloaded")->required();
         cmd.add_option("-o,--output", o.output_folder,
                        "folder for the event files and actors.yaml (made if missing)")
             ->required();
         cmd.add_option("--mapping", o.mapping,
                        "csv, xlsx: a mapping file, or a preset: acled, ucdp-ged, kiel");
         cmd.add_option("--sheet", o.sheet,
                        "xlsx: the sheet to read, by name (default: the first)");
         cmd.add_flag("--force", o.force, "replace files of the same names in the folder");
         cmd.add_option("--max-input-bytes", o.max_input_bytes,
                        "refuse input files larger than this")
             ->check(CLI::PositiveNumber);
         add_reporting(cmd, o);
     },
     tl::cli::run_import},
};

/// `--totals-block` takes an optional N, and CLI11 reads the next word as it, so
/// `render --totals-block events/` failed on 'events/' as a number. A value is taken only
/// when it is digits: otherwise the default N is put in, and the word stays an input.
std::vector<char*> with_optional_values(int argc, char** argv) {
    static char default_top[] = "10";
    std::vector<char*> args(argv, argv + argc);
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (std::string_view(args[i]) != "--totals-block") continue;
        const std::string_view next = i + 1 < args.size() ? args[i + 1] : "";
        if (next.empty() || next.find_first_not_of("0123456789") != std::string_view::npos)
            args.insert(args.begin() + static_cast<std::ptrdiff_t>(i) + 1, default_top);
    }
    return args;
}

int run(int argc, char** argv) {
    Options options;
    options.executable = argc > 0 ? argv[0] : "timeline";
    CLI::App app{"timeline: conflict-support timelines from YAML event files", "timeline"};
    app.footer(kExitCodes);
    // CLI11's messages quote what was given ("--format: x not in {...}"): escaped, as every
    // line for a person is, so that an argument cannot drive the terminal.
    app.failure_message([](const CLI::App* a, const CLI::Error& e) {
        const std::string what = e.what();
        std::string out = CLI::FailureMessage::simple(a, e);
        if (out.starts_with(what)) out.replace(0, what.size(), tl::visible(what));
        return out;
    });
    app.set_version_flag("--version", tl::cli::version_details());
    app.require_subcommand(1);
    const Command* chosen = nullptr;
    for (const Command& c : kCommands) {
        CLI::App* cmd = app.add_subcommand(c.name, c.help);
        cmd->footer(kExitCodes);  // diff sets its own
        c.setup(*cmd, options);
        // A list option (-o, --actor, --by, ...) takes one value each time it is given, as
        // its help says ("repeatable"): CLI11 would let it swallow the inputs after it.
        for (CLI::Option* opt : cmd->get_options())
            if (!opt->get_positional()) opt->allow_extra_args(false);
        cmd->callback([&chosen, &c] { chosen = &c; });
    }
    try {
        std::vector<char*> args = with_optional_values(argc, argv);
        app.parse(static_cast<int>(args.size()), args.data());
    } catch (const CLI::ParseError& e) {
        // CLI11 says only "A subcommand is required" for `timeline rendr`: name the command.
        std::vector<std::string_view> names;
        for (const Command& c : kCommands)
            names.push_back(c.name);
        if (argc > 1 && argv[1][0] != '-' && e.get_exit_code() != 0 &&
            std::find(names.begin(), names.end(), argv[1]) == names.end()) {
            const std::string near = tl::suggest(argv[1], names);
            tl::cli::print_error(
                std::string("no command '") + argv[1] + "'",
                (near.empty() ? "" : "did you mean '" + near + "'? ") +
                    "The commands are render, validate, list, totals, diff and import; "
                    "timeline --help says more");
            return tl::cli::kUsage;
        }
        const int code = app.exit(e);  // prints help, version or the error
        return code == 0 ? tl::cli::kOk : tl::cli::kUsage;
    }
    options.quiet = options.quiet_count >= 1;
    options.silent = options.quiet_count >= 2;
    if (options.inputs.empty()) options.inputs.push_back("events");
    if (std::count(options.inputs.begin(), options.inputs.end(), "-") > 1) {
        tl::cli::print_error("standard input (-) is given more than once",
                             "give - once; it is read to its end");
        return tl::cli::kUsage;
    }
    return chosen->run(options);
}

}  // namespace

/// Standard output is checked once more at the end: text CLI11 printed (--help, --version)
/// may still sit in a buffer, and only the final flush and close reveal some failures.
static int finish(int code) {
    const std::string why = tl::close_standard_output();
    if (why.empty() || code != tl::cli::kOk) return code;
    tl::cli::print_error("cannot write standard output: " + why);
    return tl::cli::kOutputFailed;
}

int main(int argc, char** argv) {
    tl::reserve_standard_streams();
    tl::cli::keep_large_blocks_for_reuse();
    try {
        return finish(run(argc, argv));
    } catch (const std::bad_alloc&) {
        // The outputs' destructors have removed their temporary files on the way here.
        return tl::cli::report_out_of_memory();
    } catch (const std::exception& e) {
        std::fprintf(stderr, "timeline: internal error: %s\n", tl::visible(e.what()).c_str());
    } catch (...) {
        std::fputs("timeline: internal error\n", stderr);
    }
    return tl::cli::kOutputFailed;
}
