// `timeline validate`, `timeline list` and the version; render is in render_command.cpp.

#include <iostream>

#include "base/diagnostic_format.hpp"
#include "base/text.hpp"
#include "cli/event_filter_options.hpp"
#include "cli/input_pipeline.hpp"
#include "cli/interchange.hpp"
#include "cli/listing.hpp"
#include "cli/options.hpp"
#include "cli/output_failure.hpp"
#include "load/loader.hpp"
#include "render/render.hpp"

namespace tl::cli {

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
        if (const int code = print_to_standard_output(diagnostics_json(diags, model.files)))
            return code;
    } else {
        print_diagnostics(diags, model.files, o);
        // -q hides warnings, so a run with warnings only still says that it passed.
        if (!diags.has_errors() && (diags.empty() || o.quiet) && !o.silent)
            std::cerr << "timeline: " << plural(model.events.size(), "event") << " in "
                      << plural(model.files.paths.size(), "file")
                      << (model.events.size() == 1 ? " is" : " are") << " valid\n";
    }
    return diags.has_errors() ? kInvalidInput : kOk;
}

int run_list(const Options& o) {
    const FilteredInput in = load_filtered(o);
    if (in.exit_code != kOk) return in.exit_code;
    if (o.format == "timelinejs")
        return print_to_standard_output(timelinejs_json(in.events, in.model));
    if (o.format == "geojson") return print_to_standard_output(geojson(in.events));
    return print_to_standard_output(o.format == "json"  ? listing_json(in.events, in.model.files)
                                    : o.format == "csv" ? listing_csv(in.events, in.model.files)
                                                        : listing_text(in.events));
}

}  // namespace tl::cli
