// `timeline render`: one render, or a render after every change with --watch.

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <thread>

#include "base/atomic_file.hpp"
#include "base/diagnostic_format.hpp"
#include "base/text.hpp"
#include "cli/depfile.hpp"
#include "cli/diagnostic_memory.hpp"
#include "cli/event_filter_options.hpp"
#include "cli/input_pipeline.hpp"
#include "cli/messages.hpp"
#include "cli/options.hpp"
#include "cli/output_failure.hpp"
#include "cli/output_identity.hpp"
#include "cli/progress.hpp"
#include "layout/chart_layout.hpp"
#include "load/input_files.hpp"
#include "model/field_rules.hpp"
#include "render/font_check.hpp"
#include "render/library_errors.hpp"
#include "render/render.hpp"
#include "theme/template_loader.hpp"
#include "timeline/lane_order.hpp"
#include "timeline/timeline.hpp"
#include "watch/file_watcher.hpp"

namespace tl::cli {
namespace {

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

int usage_error(const std::string& message, const std::string& hint) {
    print_error(message, hint);
    return kUsage;
}

int output_error(const std::string& path, const std::string& message, const std::string& hint) {
    print_error("cannot write '" + path + "': " + message, hint);
    return kOutputFailed;
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

/// Checks the outputs and flags that need no input; on a problem, prints it and returns kUsage
/// (kOutputFailed for an output that is a folder or is named twice).
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
                               "say which format with --format pdf, svg or png");
        } else {
            return usage_error("cannot tell the format of '" + path + "'",
                               "name outputs with .pdf, .svg or .png, or give --format");
        }
        if (out.to_stdout) {
            for (const Output& earlier : plan.outputs)
                if (earlier.to_stdout)
                    return usage_error("-o - is given twice", "write standard output once");
            if (out.format != OutputFormat::svg && isatty(STDOUT_FILENO))
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

/// The PDF's creation date: SOURCE_DATE_EPOCH when set (the reproducible-builds
/// convention), else the Unix epoch, so that identical input gives identical bytes.
std::string pdf_timestamp() {
    std::time_t t = 0;
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH")) t = std::strtoll(epoch, nullptr, 10);
    std::tm utc{};
    gmtime_r(&t, &utc);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buf;
}

/// The threads that lay out the detail pages of `pages`: TIMELINE_THREADS when it is a
/// number from 1 (so that tests can compare one thread with two), else one per core.
unsigned layout_threads() {
    if (const char* env = std::getenv("TIMELINE_THREADS"); env && *env) {
        const long n = std::strtol(env, nullptr, 10);
        if (n >= 1) return static_cast<unsigned>(std::min(n, 64L));
    }
    return std::max(1u, std::thread::hardware_concurrency());
}

/// Renders into `file`; returns "" or why it failed, and whether the file system or cairo
/// was the cause.
std::string render_into(AtomicFile& file, const Document& doc, OutputFormat format,
                        const RenderOptions& options, FailureCause& cause) {
    cause = FailureCause::io;
    if (!file.error().empty()) return file.error();
    std::string problem = render_document(
        doc, format, options,
        [&](const unsigned char* data, std::size_t size) { return file.write(data, size); });
    if (problem.empty() || !file.error().empty()) return file.error();
    cause = FailureCause::rendering;
    return problem;
}

std::string write_into(AtomicFile& file, const std::string& bytes) {
    if (!file.error().empty()) return file.error();
    file.write(bytes.data(), bytes.size());
    return file.error();
}

/// Every file a render reads, for --depfile: the folders (with a trailing '/', as make
/// compares their times), the event files and the template, each once.
std::vector<std::string> files_read(const Options& o, const Model& model) {
    std::vector<std::string> read;
    const auto add = [&read](std::string path) {
        if (std::find(read.begin(), read.end(), path) == read.end())
            read.push_back(std::move(path));
    };
    for (std::string folder : input_folders(o.inputs)) {
        if (!folder.ends_with('/')) folder += '/';
        add(std::move(folder));
    }
    const bool reads_stdin = std::find(o.inputs.begin(), o.inputs.end(), "-") != o.inputs.end();
    for (const std::string& path : model.files.paths) {
        if (!(reads_stdin && path == "<stdin>")) add(path);
    }
    return read;
}

/// What a render reads, for output_that_is_an_input: every file loaded (the template too),
/// and "-" for standard input.
std::vector<std::string> read_files(const Options& o, const Model& model) {
    std::vector<std::string> read;
    const bool reads_stdin = std::find(o.inputs.begin(), o.inputs.end(), "-") != o.inputs.end();
    if (reads_stdin) read.emplace_back("-");
    for (const std::string& path : model.files.paths) {
        if (!(reads_stdin && path == "<stdin>")) read.push_back(path);
    }
    return read;
}

/// Every file a render writes: the outputs, --scene and --depfile.
std::vector<std::string> written_files(const Options& o, const Plan& plan) {
    std::vector<std::string> written = plan.targets;
    if (!o.depfile.empty()) written.push_back(o.depfile);
    return written;
}

struct RenderReport {
    std::size_t events = 0;  ///< drawn, after filters
};

/// Loads, checks, lays out and writes every output, then the scene and the depfile.
/// What --watch keeps from one render to the next: the files' parsed events, and what was
/// printed.
struct WatchState {
    LoadCache inputs;
    DiagnosticMemory printed;
};

/// Prints the diagnostics of a render; under --watch only those the last render did not
/// print, and one line counting the rest.
void print_render_diagnostics(const Diagnostics& diags, const SourceFiles& files, bool quiet,
                              WatchState* watch) {
    if (!watch) {
        print_diagnostics(diags, files, quiet);
        return;
    }
    std::size_t unchanged = 0;
    const Diagnostics fresh = watch->printed.new_since_last(diags, files, unchanged);
    print_diagnostics(fresh, files, quiet);
    if (unchanged > 0 && (!quiet || diags.has_errors()))
        print_note(plural(unchanged, "problem") + " printed before " +
                   (unchanged == 1 ? "is" : "are") + " still there (" +
                   plural(diags.error_count(), "error") + ", " +
                   plural(diags.warning_count(), "warning") + " in all)");
}

int render_once(const Options& o, const Plan& plan, Progress& progress, RenderReport& report,
                WatchState* watch = nullptr) {
    Diagnostics diags;
    if (progress.enabled()) {
        Diagnostics ignored;  // reported by the load itself
        progress.stage("loading " + std::to_string(expand_inputs(o.inputs, ignored).size()) +
                       " files");
    }
    Model model = load_and_validate(o, diags, watch ? &watch->inputs : nullptr);
    const std::string template_path = find_template(o.template_name, template_dirs(o.executable));
    Theme theme = default_theme();
    if (template_path.empty()) {
        diags.error({}, "unknown-template", "no template '" + o.template_name + "'",
                    "give a file path or a name from the templates folder, such as 'default'");
    } else {
        theme = load_template(template_path, model.files, diags);
        for (const std::string& family : unavailable_font_families(theme.font_family)) {
            diags.warning(theme.font_family_loc, "missing-font",
                          "no installed font has the family '" + family +
                              "'; its text is drawn in whatever fontconfig substitutes",
                          "install the font, or name an installed family ('fc-list : family' "
                          "lists them)");
        }
    }
    diags.sort();
    progress.clear();
    print_render_diagnostics(diags, model.files, o.quiet, watch);
    if (diags.has_errors()) return kInvalidInput;
    if (const std::string clash =
            output_that_is_an_input(written_files(o, plan), read_files(o, model));
        !clash.empty())
        return output_error(clash, "it is also an input of this render, and would be destroyed",
                            "write the chart, --scene and --depfile to files that are not read");

    if (!apply_stage_tag_options(o, model)) return kUsage;
    const auto filter = make_filter(o, model);
    if (!filter) return kUsage;
    const LaneOrder order =
        o.lane_order.empty() ? theme.lane_order : *lane_order_from_string(o.lane_order);
    const Timeline timeline = build_timeline(model, *filter, theme.lanes, order);
    report.events = timeline.events.size();
    progress.stage("laying out " + std::to_string(timeline.events.size()) + " events");
    const std::unique_ptr<TextMeasurer> measurer = make_text_measurer();
    LayoutOptions layout_options;
    layout_options.title = o.title;
    layout_options.today = plan.today;
    layout_options.window = window_of(*filter, timeline.span);
    layout_options.measure = o.measure.empty() ? theme.measure : o.measure;
    layout_options.totals_block = o.totals_block.value_or(theme.totals_block);
    layout_options.mode = o.layout == "detail"    ? LayoutMode::detail
                          : o.layout == "density" ? LayoutMode::density
                          : o.layout == "pages"   ? LayoutMode::pages
                                                  : LayoutMode::automatic;
    layout_options.threads = layout_threads();
    layout_options.measurer_factory = make_text_measurer;
    const Document doc = layout_document(timeline, model, theme, *measurer, layout_options);

    // The depfile is made before any output is written, so that a path make cannot name
    // fails the run while the previous outputs are still in place.
    Depfile depfile;
    if (!o.depfile.empty()) {
        depfile = make_depfile(plan.targets, files_read(o, model));
        if (!depfile.problem.empty()) {
            progress.clear();
            print_error("cannot write the depfile '" + o.depfile + "': " + depfile.problem,
                        "rename the file, or leave out --depfile");
            return kOutputFailed;
        }
    }

    RenderOptions render_options;
    render_options.png_dpi = theme.png_dpi;
    render_options.creator = version_line();
    render_options.timestamp = pdf_timestamp();
    // Every output is made in full (a file in its temporary file, standard output and
    // devices in memory) before any is installed, so that a failure or a signal on the way
    // changes none of them.
    std::vector<std::unique_ptr<AtomicFile>> files;
    std::vector<std::string> names;
    const auto fail = [&](const std::string& why, FailureCause cause) {
        progress.clear();
        return report_output_failure(names.back(), why, cause);
    };
    for (const Output& out : plan.outputs) {
        progress.stage("writing " + out.name());
        names.push_back(out.to_stdout ? kStandardOutput : output_name(out.path));
        files.push_back(out.to_stdout ? std::make_unique<AtomicFile>(AtomicFile::ToStandardOutput{})
                                      : std::make_unique<AtomicFile>(out.path));
        FailureCause cause = FailureCause::io;
        const std::string why = render_into(*files.back(), doc, out.format, render_options, cause);
        if (!why.empty()) return fail(why, cause);
    }
    const auto add_file = [&](const std::string& path, const std::string& bytes) {
        names.push_back(output_name(path));
        files.push_back(std::make_unique<AtomicFile>(path));
        return write_into(*files.back(), bytes);
    };
    if (!o.scene_path.empty()) {
        progress.stage("writing " + o.scene_path);
        if (const std::string why = add_file(o.scene_path, document_to_json(doc)); !why.empty())
            return fail(why, FailureCause::io);
    }
    if (!o.depfile.empty()) {
        if (const std::string why = add_file(o.depfile, depfile.text); !why.empty())
            return fail(why, FailureCause::io);
    }
    std::vector<AtomicFile*> all;
    for (const auto& f : files)
        all.push_back(f.get());
    if (const auto failure = commit_all(all)) {
        progress.clear();
        return report_output_failure(
            names[failure->index], failure->why,
            all[failure->index]->replaces() ? FailureCause::io : FailureCause::stream);
    }
    progress.clear();
    return kOk;
}

// --watch ---------------------------------------------------------------------------------

// A save is done once nothing has changed for this long: an editor's write and rename come
// within a few milliseconds of each other, and each millisecond here is one the person
// editing waits for (it was 100, most of a seed re-render's 117 ms).
constexpr auto kDebounce = std::chrono::milliseconds(20);
constexpr auto kLongestDebounce = std::chrono::milliseconds(2000);

std::string clock_time() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    char buf[16];
    std::strftime(buf, sizeof buf, "%H:%M:%S", &local);
    return buf;
}

/// Watches what the next render reads: the named files, every input folder and the
/// template. Returns false, having said why, when something cannot be watched.
bool watch_inputs(const Options& o, FileWatcher& watcher) {
    std::vector<std::pair<std::string, std::string>> problems;
    for (const std::string& input : o.inputs) {
        std::error_code ec;
        if (!std::filesystem::is_directory(input, ec)) {
            if (std::string why = watcher.watch_file(input); !why.empty())
                problems.emplace_back(input, why);
        }
    }
    for (const std::string& folder : input_folders(o.inputs)) {
        if (std::string why = watcher.watch_folder(folder); !why.empty())
            problems.emplace_back(folder, why);
    }
    std::string template_path = find_template(o.template_name, template_dirs(o.executable));
    if (template_path.empty() && o.template_name.find('/') != std::string::npos)
        template_path = o.template_name;  // not there yet: watch for it
    if (!template_path.empty()) {
        if (std::string why = watcher.watch_file(template_path); !why.empty())
            problems.emplace_back(template_path, why);
    }
    for (const auto& [path, why] : problems) {
        print_error("cannot watch '" + path + "': " + why, "check that its folder exists");
    }
    return problems.empty();
}

void close_pipe(int fds[2]) {
    close(fds[0]);
    close(fds[1]);
}

int run_watch(const Options& o, const Plan& plan) {
    int wake[2];
    if (pipe2(wake, O_CLOEXEC | O_NONBLOCK) != 0) {
        std::cerr << "timeline: error: cannot watch: " << std::strerror(errno) << "\n";
        return kOutputFailed;
    }
    std::string error;
    const auto watcher = make_inotify_watcher(
        wake[0],
        [](std::string_view name, bool is_folder) {
            // What expand_inputs reads: *.yaml and *.yml files, folders, none hidden.
            if (name.empty() || name.front() == '.') return false;
            return is_folder || name.ends_with(".yaml") || name.ends_with(".yml");
        },
        error);
    if (!watcher) {
        std::cerr << "timeline: error: cannot watch files: " << error << "\n"
                  << "  hint: --watch needs inotify (Linux)\n";
        close_pipe(wake);
        return kOutputFailed;
    }
    WatchState state;
    for (;;) {
        if (!watch_inputs(o, *watcher)) {
            set_signal_wake_fd(-1);
            close_pipe(wake);
            return kOutputFailed;
        }
        // While rendering, SIGINT and SIGTERM remove the temporary files and end the process
        // (killed by the signal); while waiting, they end the watch and exit 0.
        set_signal_wake_fd(-1);
        {
            const auto start = std::chrono::steady_clock::now();
            Progress progress(progress_wanted(o.quiet), progress_delay());
            RenderReport report;
            const int code = render_once(o, plan, progress, report, &state);
            const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                                std::chrono::steady_clock::now() - start)
                                .count();
            if (code == kOk) {
                if (!o.quiet)
                    std::cerr << clock_time() << " rendered " << plural(report.events, "event")
                              << " in " << ms << " ms\n";
            } else {
                std::cerr << clock_time() << " not rendered; the previous output is kept\n";
            }
        }
        set_signal_wake_fd(wake[1]);

        FileWatcher::Wake w = watcher->wait(std::chrono::milliseconds(-1));
        // Debounce: an editor's save is often several writes, and a checkout many files.
        const auto first_change = std::chrono::steady_clock::now();
        while (w == FileWatcher::Wake::changed &&
               std::chrono::steady_clock::now() - first_change < kLongestDebounce)
            w = watcher->wait(kDebounce);
        if (w == FileWatcher::Wake::interrupted) break;
        if (w == FileWatcher::Wake::failed) {
            std::cerr << "timeline: error: watching stopped: " << std::strerror(errno) << "\n";
            set_signal_wake_fd(-1);
            close_pipe(wake);
            return kOutputFailed;
        }
    }
    set_signal_wake_fd(-1);
    close_pipe(wake);
    return kOk;
}

}  // namespace

int run_render(const Options& o) {
    Plan plan;
    if (const int code = make_plan(o, plan); code != kOk) return code;
    if (const int code = check_address_space(); code != kOk) return code;
    install_signal_cleanup();
    install_library_error_handlers(kOutputFailed);
    if (o.watch) return run_watch(o, plan);

    Progress progress(progress_wanted(o.quiet), progress_delay());
    RenderReport report;
    const int code = render_once(o, plan, progress, report);
    if (code == kOk && !o.quiet) {
        std::string wrote;
        for (const Output& out : plan.outputs)
            wrote += (wrote.empty() ? "" : ", ") + out.name();
        if (!o.scene_path.empty()) wrote += ", " + o.scene_path;
        print_note("wrote " + wrote + " (" + plural(report.events, "event") + ")");
    }
    return code;
}

}  // namespace tl::cli
