// `timeline render`: one render, or a render after every change with --watch.

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <memory>
#include <optional>
#include <thread>
#include <utility>

#include "base/atomic_file.hpp"
#include "base/diagnostic_format.hpp"
#include "base/text.hpp"
#include "cli/depfile.hpp"
#include "cli/diagnostic_memory.hpp"
#include "cli/event_filter_options.hpp"
#include "cli/input_pipeline.hpp"
#include "cli/input_version.hpp"
#include "cli/messages.hpp"
#include "cli/options.hpp"
#include "cli/output_failure.hpp"
#include "cli/output_identity.hpp"
#include "cli/progress.hpp"
#include "cli/render_plan.hpp"
#include "cli/streamed_pdf.hpp"
#include "cli/wake_pipe.hpp"
#include "cli/watch_loop.hpp"
#include "layout/chart_layout.hpp"
#include "layout/html_page.hpp"
#include "layout/page_fit.hpp"
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
    std::size_t errors = 0, warnings = 0;  ///< of the render in progress, all its parts
    /// Text sizes (TextShaper: what it learns of the fonts, and the sizes of text that is not
    /// simple, bounded): an edit re-measures only the texts it changed.
    std::unique_ptr<TextMeasurer> measurer = make_text_measurer();
    /// What drawing a PDF learns of the fonts.
    std::shared_ptr<RenderCache> render_cache = make_render_cache();
};

/// Prints the diagnostics of a render (it may report in parts); under --watch only those the
/// last render did not print, counting the rest for print_unchanged().
void print_render_diagnostics(const Diagnostics& diags, const SourceFiles& files, const Options& o,
                              WatchState* watch) {
    if (!watch) {
        print_diagnostics(diags, files, o);
        return;
    }
    watch->errors += diags.error_count();
    watch->warnings += diags.warning_count();
    print_diagnostics(watch->printed.fresh(diags, files), files, o);
}

/// Under --watch, after a render: one line counting the problems printed before that are
/// still there.
void print_unchanged(const Options& o, WatchState& watch) {
    const std::size_t unchanged = watch.printed.finish();
    const std::size_t errors = std::exchange(watch.errors, 0);
    const std::size_t warnings = std::exchange(watch.warnings, 0);
    if (unchanged > 0 && (!o.quiet || errors > 0))
        print_note(plural(unchanged, "problem") + " printed before " +
                   (unchanged == 1 ? "is" : "are") + " still there (" + plural(errors, "error") +
                   ", " + plural(warnings, "warning") + " in all)");
}

/// Reads --since's version into `old`. Its problems are printed; one that kept a file from
/// being read is an error of the render (exit 1), since its events would all count as new.
int load_old_version(InputVersion& old, const Options& o) {
    std::string error;
    old.git = parse_git_source(o.since, error);
    if (!error.empty()) {
        print_error("--since " + visible(o.since) + ": " + error,
                    "name a file, a folder, or git:REV[:PATH] (docs/timeline.1, diff)");
        return kUsage;
    }
    if (const int code = load_input_version(old, o); code != kOk) return code;
    if (old.diags.has_errors()) {
        // Only then: the old version's warnings are history, not this render's business.
        print_diagnostics(old.diags, old.model.files, o);
        print_error(
            "the old version given to --since has errors, so what changed since it "
            "cannot be told",
            "fix them there, or name another version");
        return kInvalidInput;
    }
    return kOk;
}

/// The ids of the events added or changed, sorted: what --changed-only draws.
std::vector<std::string> changed_ids(const ModelRevisions& revisions) {
    std::vector<std::string> ids;
    for (const EventRevision& r : revisions.events)
        if (r.change != Change::removed) ids.push_back(r.id);
    std::sort(ids.begin(), ids.end());
    return ids;
}

/// The wider layouts of an HTML page's time zoom, or why there are none.
struct HtmlZoom {
    std::vector<Document> docs;  ///< 2x, then 4x
    std::vector<int> times;
    std::string why_not;
};

/// The chart laid out again on a page 2 and 4 times as wide (a copy of the theme with its
/// page_width multiplied, the same options otherwise), for the HTML page's time zoom: the
/// axis spans the wider page, so its labels get room and are placed again, shortened or
/// grouped less, while the text keeps its size. Only a chart of one page with at most
/// kMaxHtmlZoomEvents events drawn: each level is a layout and an SVG more.
HtmlZoom html_zoom(const Document& doc, bool pages, const Timeline& timeline, const Model& model,
                   const Theme& theme, const TextMeasurer& measurer, const LayoutOptions& options) {
    HtmlZoom zoom;
    if (pages || doc.pages.size() != 1) {
        zoom.why_not = "The time axis is not widened: the chart is laid out over pages";
        return zoom;
    }
    const Scene& chart = doc.pages.front();
    if (const std::size_t drawn = html_page_events(chart); drawn > kMaxHtmlZoomEvents) {
        zoom.why_not = "The time axis is not widened: " + std::to_string(drawn) +
                       " events are drawn, more than the " + std::to_string(kMaxHtmlZoomEvents) +
                       " it is laid out again for";
        return zoom;
    }
    for (const int times : {2, 4}) {
        Theme wide = theme;
        wide.page_width = chart.width * times;
        if (wide.page_width > kMaxHtmlLevelWidth) break;
        Document level = layout_document(timeline, model, wide, measurer, options);
        if (level.pages.empty() || level.chart_pages != 1 ||
            svg_glyphs(level.pages.front()) > kMaxSvgGlyphs)
            break;
        zoom.docs.push_back(std::move(level));
        zoom.times.push_back(times);
    }
    if (zoom.docs.empty())
        zoom.why_not = "The time axis is not widened: the chart is too wide to be laid out wider";
    return zoom;
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
        check_template_kinds(theme, model, diags);
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
    print_render_diagnostics(diags, model.files, o, watch);
    if (diags.has_errors()) return kInvalidInput;
    if (const std::string clash =
            output_that_is_an_input(written_files(o, plan), read_files(o, model));
        !clash.empty())
        return output_error(clash, "it is also an input of this render, and would be destroyed",
                            "write the chart, --scene and --depfile to files that are not read");

    if (!apply_stage_tag_options(o, model)) return kUsage;
    auto filter = make_filter(o, model);
    if (!filter) return kUsage;
    // --since: the old version, read as diff reads it, and what changed since.
    InputVersion old{o.since, {}, {}, {}};
    ModelRevisions revisions;
    if (!o.since.empty()) {
        if (const int code = load_old_version(old, o); code != kOk) return code;
        revisions = compare_models(old.model, model);
        if (o.changed_only) filter->ids = changed_ids(revisions);
    }
    const LaneOrder order =
        o.lane_order.empty() ? theme.lane_order : *lane_order_from_string(o.lane_order);
    const Timeline timeline = build_timeline(model, *filter, theme.lanes, order);
    report.events = timeline.events.size();
    // The depfile is made before any output is written, so that a path make cannot name
    // fails the run while the previous outputs are still in place.
    Depfile depfile;
    if (!o.depfile.empty()) {
        std::vector<std::string> read = files_read(o, model);
        if (!o.since.empty() && !old.git)  // a git revision does not change under make
            read.insert(read.end(), old.model.files.paths.begin(), old.model.files.paths.end());
        depfile = make_depfile(plan.targets, read);
        if (!depfile.problem.empty()) {
            progress.clear();
            print_error("cannot write the depfile '" + o.depfile + "': " + depfile.problem,
                        "rename the file, or leave out --depfile");
            return kOutputFailed;
        }
    }

    RenderOptions render_options;
    render_options.png_dpi = theme.png_dpi;
    render_options.language = theme.language;
    render_options.accessible = timeline.events.size() <= kAccessiblePdfEvents;
    render_options.creator = version_line();
    render_options.timestamp = pdf_timestamp();
    if (watch) render_options.cache = watch->render_cache;
    render_options.timeline = &timeline;  // an HTML page's cards
    render_options.model = &model;
    // A `pages` PDF is written while it is laid out (StreamedPdf); the other outputs after.
    const bool pages = o.layout == "pages";
    std::optional<std::size_t> streamed;  // in plan.outputs
    for (std::size_t i = 0; i < plan.outputs.size() && pages && !streamed; ++i)
        if (plan.outputs[i].format == OutputFormat::pdf) streamed = i;
    std::unique_ptr<AtomicFile> streamed_file;
    std::optional<StreamedPdf> streamed_pdf;
    if (streamed) {
        const Output& out = plan.outputs[*streamed];
        streamed_file = out.to_stdout ? std::make_unique<AtomicFile>(AtomicFile::ToStandardOutput{})
                                      : std::make_unique<AtomicFile>(out.path);
        streamed_pdf.emplace(*streamed_file, render_options);
    }
    progress.stage("laying out " + std::to_string(timeline.events.size()) + " events");
    const std::unique_ptr<TextMeasurer> own_measurer = watch ? nullptr : make_text_measurer();
    const TextMeasurer& measurer = watch ? *watch->measurer : *own_measurer;
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
    if (streamed_pdf) layout_options.on_detail_page = streamed_pdf->detail_sink();
    if (!o.since.empty()) {
        layout_options.revisions = &revisions;
        layout_options.since = version_name(old);
    }
    const Document doc = layout_document(timeline, model, theme, measurer, layout_options);
    Diagnostics fit;  // known only once laid out, after the input's diagnostics
    if (const std::string off = page_overflow(doc); !off.empty())
        fit.warning(theme.page_loc, "page-too-small", "the page is too small for the chart: " + off,
                    "make the page larger, or the margins or fonts smaller");
    // An SVG or a PNG is one picture: of a chart over several pages, the first.
    const auto pdf = std::find_if(plan.outputs.begin(), plan.outputs.end(), [](const Output& out) {
        return out.format == OutputFormat::pdf;
    });
    for (const Output& out : plan.outputs)
        if (out.format != OutputFormat::pdf && doc.pages.size() > 1)
            fit.warning({}, "first-page-only",
                        out.name() + " holds page 1 of " + std::to_string(doc.pages.size()) +
                            (pdf == plan.outputs.end() ? "; the other pages are only in a PDF"
                                                       : "; " + pdf->name() + " holds them all"),
                        pdf == plan.outputs.end()
                            ? "write a PDF as well (-o chart.pdf), or draw one page with "
                              "--layout density"
                            : "an SVG, a PNG or an HTML page is one picture: the chart's first "
                              "page");
    for (const Output& out : plan.outputs)
        if (out.format == OutputFormat::html && !doc.pages.empty())
            if (const std::size_t drawn = html_page_events(doc.pages.front());
                drawn > kMaxHtmlEvents)
                fit.warning({}, "html-events-capped",
                            out.name() + " shows all " + std::to_string(drawn) +
                                " events drawn, but gives cards to the first " +
                                std::to_string(kMaxHtmlEvents) + " in time order",
                            "choose the events to show (--actor, --from, --to, --kind), or draw "
                            "fewer labels with --layout density");
    if (!render_options.accessible && pdf != plan.outputs.end())
        fit.warning({}, "pdf-not-tagged",
                    pdf->name() +
                        " is tagged for screen readers by page only: its reading "
                        "order, the chart's description and its language are written "
                        "for charts of up to " +
                        std::to_string(kAccessiblePdfEvents) + " events, and this one has " +
                        std::to_string(timeline.events.size()),
                    "for an accessible briefing, choose the events to show (--actor, --from, "
                    "--to, --kind)");
    if (!fit.items().empty()) {
        progress.clear();
        print_render_diagnostics(fit, model.files, o, watch);
    }
    HtmlZoom zoom;
    if (std::any_of(plan.outputs.begin(), plan.outputs.end(),
                    [](const Output& out) { return out.format == OutputFormat::html; })) {
        progress.stage("laying out the HTML page's time zoom");
        zoom = html_zoom(doc, pages, timeline, model, theme, measurer, layout_options);
        for (std::size_t i = 0; i < zoom.docs.size(); ++i)
            render_options.html_levels.push_back({zoom.times[i], &zoom.docs[i]});
        render_options.html_no_levels_why = zoom.why_not;
    }

    // Every output is made in full (a file in its temporary file, standard output and
    // devices in memory) before any is installed, so that a failure or a signal on the way
    // changes none of them.
    std::vector<std::unique_ptr<AtomicFile>> files;
    std::vector<std::string> names;
    const auto fail = [&](const std::string& why, FailureCause cause) {
        progress.clear();
        return report_output_failure(names.back(), why, cause);
    };
    for (std::size_t i = 0; i < plan.outputs.size(); ++i) {
        const Output& out = plan.outputs[i];
        progress.stage("writing " + out.name());
        names.push_back(out.to_stdout ? kStandardOutput : output_name(out.path));
        FailureCause cause = FailureCause::io;
        std::string why;
        if (streamed == i) {
            files.push_back(std::move(streamed_file));
            why = streamed_pdf->finish(doc, cause);
        } else {
            files.push_back(out.to_stdout
                                ? std::make_unique<AtomicFile>(AtomicFile::ToStandardOutput{})
                                : std::make_unique<AtomicFile>(out.path));
            why = render_into(*files.back(), doc, out.format, render_options, cause);
        }
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

int run_watch(const Options& o, const Plan& plan) {
    const WakePipe wake;
    if (!wake.ok()) {
        print_error("cannot watch: " + wake.error());
        return kOutputFailed;
    }
    std::string error;
    const auto watcher = make_inotify_watcher(
        wake.read_end(),
        [](std::string_view name, bool is_folder) {
            // What expand_inputs reads: *.yaml and *.yml files (any case), folders, none hidden.
            if (name.empty() || name.front() == '.') return false;
            return is_folder || is_event_file_name(name);
        },
        error);
    if (!watcher) {
        print_error("cannot watch files: " + error, "--watch needs inotify (Linux)");
        return kOutputFailed;
    }
    WatchState state;
    WatchSteps steps;
    steps.watch_inputs = [&o](FileWatcher& w) { return watch_inputs(o, w); };
    steps.render = [&] {
        const auto start = std::chrono::steady_clock::now();
        Progress progress(progress_wanted(o.quiet), progress_delay());
        RenderReport report;
        const int code = render_once(o, plan, progress, report, &state);
        print_unchanged(o, state);
        const auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                            std::chrono::steady_clock::now() - start)
                            .count();
        if (code == kOk) {
            if (!o.silent)
                std::cerr << clock_time() << " rendered " << plural(report.events, "event")
                          << " in " << ms << " ms\n";
        } else {
            std::cerr << clock_time() << " not rendered; the previous output is kept\n";
        }
    };
    steps.set_signal_wake_fd = set_signal_wake_fd;
    steps.wake_fd = wake.write_end();
    return run_watch_loop(*watcher, steps);
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
    if (code == kOk && !o.silent) {
        std::string wrote;
        for (const Output& out : plan.outputs)
            wrote += (wrote.empty() ? "" : ", ") + out.name();
        if (!o.scene_path.empty()) wrote += ", " + o.scene_path;
        print_note("wrote " + wrote + " (" + plural(report.events, "event") + ")");
    }
    return code;
}

}  // namespace tl::cli
