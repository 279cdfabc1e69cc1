#include "cli/input_pipeline.hpp"

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iostream>

#include "base/diagnostic_format.hpp"
#include "load/input_files.hpp"
#include "load/loader.hpp"
#include "model/date_fix.hpp"
#include "validate/validate.hpp"

namespace tl::cli {
namespace {

/// Source lines for diagnostics, read forward: diagnostics come sorted by file and line, so
/// one pass over each file serves them all (reopening per diagnostic made thousands of
/// problems in a large file cost thousands of reads of it).
class SourceLines {
  public:
    std::string line(const std::string& path, std::uint32_t line) {
        if (path != path_ || line < number_) {
            // Only a regular file can be read again: a FIFO would wait for a new writer, and
            // a pipe or device has already given what it held.
            struct stat st {};
            const bool file = ::stat(path.c_str(), &st) == 0 && S_ISREG(st.st_mode);
            in_ = file ? std::ifstream(path, std::ios::binary) : std::ifstream();
            path_ = path;
            number_ = 0;
            text_.clear();
        }
        while (number_ < line && std::getline(in_, text_))
            ++number_;
        if (number_ < line) return {};  // the file changed or ended
        std::string out = text_;
        if (!out.empty() && out.back() == '\r') out.pop_back();
        return out;
    }

  private:
    std::ifstream in_;
    std::string path_;
    std::uint32_t number_ = 0;  ///< 1-based number of the line in text_
    std::string text_;
};

}  // namespace

Model load_and_validate(const Options& o, Diagnostics& diags, LoadCache* cache) {
    LoadOptions load_options;
    load_options.max_input_bytes = o.max_input_bytes;
    load_options.max_events = o.max_events;
    Model model = load_inputs(o.inputs, diags, load_options, cache);
    validate(model, diags);
    diags.sort();
    return model;
}

void print_diagnostics(const Diagnostics& all, const SourceFiles& files, const Options& o) {
    const bool quiet = o.quiet;
    Diagnostics errors;
    if (quiet) {
        for (const Diagnostic& d : all.items())
            if (d.severity == Severity::error) errors.add(d);
    }
    const Diagnostics& diags = quiet ? errors : all;
    if (diags.empty()) return;
    const bool terminal = isatty(STDERR_FILENO) != 0;
    const char* no_color = std::getenv("NO_COLOR");
    DiagnosticStyle style;
    style.show_source = terminal;
    style.color = terminal && !(no_color && *no_color);
    SourceLines lines;
    const DiagnosticDigest digest =
        digest_diagnostics(diags, o.diagnostics == "all" ? 0 : kShownPerRule);
    for (const Diagnostic* d : digest.shown) {
        std::string source;
        if (style.show_source && d->loc.file < files.paths.size() && d->loc.line > 0)
            source = lines.line(files.path(d->loc.file), d->loc.line);
        std::cerr << format_diagnostic(*d, files, style, source);
    }
    for (const HeldBack& h : digest.held_back)
        std::cerr << held_back_line(h);
    // The forms of a date, once however many dates are bad: each hint names its nearest fix.
    if (std::any_of(diags.items().begin(), diags.items().end(),
                    [](const Diagnostic& d) { return d.rule == "bad-date"; }))
        std::cerr << date_forms_table();
    std::cerr << diagnostics_summary(diags) << "\n";
}

std::vector<std::string> input_folders(const std::vector<std::string>& inputs) {
    Diagnostics ignored;  // the load reports them
    return walk_inputs(inputs, ignored).folders;
}

}  // namespace tl::cli
