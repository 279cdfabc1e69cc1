#include <cstdlib>
#include <ctime>
#include <iostream>

#include "base/atomic_file.hpp"
#include "base/diagnostic_format.hpp"
#include "cli/event_filter_options.hpp"
#include "cli/input_pipeline.hpp"
#include "cli/listing.hpp"
#include "cli/options.hpp"
#include "layout/chart_layout.hpp"
#include "load/loader.hpp"
#include "render/render.hpp"
#include "render/text_shaper.hpp"
#include "theme/template_loader.hpp"
#include "timeline/order.hpp"
#include "timeline/timeline.hpp"

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

/// Writes bytes through an AtomicFile; returns "" or what went wrong.
std::string write_output(const std::string& path, const std::string& bytes) {
    AtomicFile out(path);
    if (!out.error().empty()) return out.error();
    if (!out.write(bytes.data(), bytes.size())) return out.error();
    return out.commit();
}

std::string render_to_file(const Document& doc, OutputFormat format, const RenderOptions& options,
                           const std::string& path) {
    AtomicFile out(path);
    if (!out.error().empty()) return out.error();
    const std::string problem = render_document(
        doc, format, options,
        [&](const unsigned char* data, std::size_t size) { return out.write(data, size); });
    if (!problem.empty()) return out.error().empty() ? problem : out.error();
    return out.commit();
}

int fail_output(const std::string& path, const std::string& why) {
    std::cerr
        << "timeline: error: cannot write '" << path << "': " << why << "\n"
        << "  hint: check that the folder exists and is writable, and that the disk has room\n";
    return kOutputFailed;
}

}  // namespace

std::string version_line() {
    return std::string("timeline ") + TIMELINE_VERSION;
}

std::string version_details() {
    return version_line() + " (" + graphics_library_versions() + ", yaml-cpp " +
           std::string(yaml_library_version()) + ")";
}

int run_validate(const Options& o) {
    Diagnostics diags;
    const Model model = load_and_validate(o, diags);
    if (o.format == "json") {
        std::cout << diagnostics_json(diags, model.files);
    } else {
        print_diagnostics(diags, model.files);
        if (diags.empty())
            std::cerr << "timeline: " << model.events.size() << " events in "
                      << model.files.paths.size() << " files are valid\n";
    }
    return diags.has_errors() ? kInvalidInput : kOk;
}

int run_list(const Options& o) {
    Diagnostics diags;
    const Model model = load_and_validate(o, diags);
    print_diagnostics(diags, model.files);
    if (diags.has_errors()) return kInvalidInput;
    const auto filter = make_filter(o, model);
    if (!filter) return kUsage;
    const auto events = filter_events(sorted_events(model.events), *filter);
    if (o.format == "json") {
        std::cout << listing_json(events, model.files);
    } else if (o.format == "csv") {
        std::cout << listing_csv(events, model.files);
    } else {
        std::cout << listing_text(events);
    }
    return kOk;
}

int run_render(const Options& o) {
    std::vector<OutputFormat> formats;
    for (const std::string& path : o.outputs) {
        const auto f = format_from_path(path);
        if (!f) {
            std::cerr << "timeline: error: cannot tell the format of '" << path << "'\n"
                      << "  hint: name outputs with .pdf, .svg or .png\n";
            return kUsage;
        }
        formats.push_back(*f);
    }
    Diagnostics diags;
    Model model = load_and_validate(o, diags);
    const std::string template_path = find_template(o.template_name, template_dirs(o.executable));
    Theme theme = default_theme();
    if (template_path.empty()) {
        diags.error({}, "unknown-template", "no template '" + o.template_name + "'",
                    "give a file path or a name from the templates folder, such as 'default'");
    } else {
        theme = load_template(template_path, model.files, diags);
    }
    diags.sort();
    print_diagnostics(diags, model.files);
    if (diags.has_errors()) return kInvalidInput;

    const auto filter = make_filter(o, model);
    if (!filter) return kUsage;
    const Timeline timeline = build_timeline(model, *filter, theme.lanes);
    const TextShaper shaper;
    LayoutOptions layout_options;
    layout_options.title = o.title;
    if (!o.today.empty()) {
        const auto today = parse_date(o.today);
        if (!today || today.value->is_interval()) {
            std::cerr << "timeline: error: --today " << o.today << ": "
                      << (today ? "give one date, not an interval" : today.error) << "\n";
            return kUsage;
        }
        layout_options.today = today.value->start.earliest;
    }
    const Document doc = layout_document(timeline, model, theme, shaper, layout_options);

    RenderOptions render_options;
    render_options.png_dpi = theme.png_dpi;
    render_options.creator = version_line();
    render_options.timestamp = pdf_timestamp();
    for (std::size_t i = 0; i < o.outputs.size(); ++i) {
        const std::string why = render_to_file(doc, formats[i], render_options, o.outputs[i]);
        if (!why.empty()) return fail_output(o.outputs[i], why);
    }
    if (!o.scene_path.empty()) {
        const std::string why = write_output(o.scene_path, document_to_json(doc));
        if (!why.empty()) return fail_output(o.scene_path, why);
    }
    return kOk;
}

}  // namespace tl::cli
