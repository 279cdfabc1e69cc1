#include "cli/input_pipeline.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>

#include "base/diagnostic_format.hpp"
#include "load/loader.hpp"
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
            in_ = std::ifstream(path, std::ios::binary);
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

Model load_and_validate(const Options& o, Diagnostics& diags) {
    LoadOptions load_options;
    load_options.max_input_bytes = o.max_input_bytes;
    load_options.max_events = o.max_events;
    Model model = load_inputs(o.inputs, diags, load_options);
    validate(model, diags);
    diags.sort();
    return model;
}

void print_diagnostics(const Diagnostics& all, const SourceFiles& files, bool quiet) {
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
    for (const Diagnostic& d : diags.items()) {
        std::string source;
        if (style.show_source && d.loc.file < files.paths.size() && d.loc.line > 0)
            source = lines.line(files.path(d.loc.file), d.loc.line);
        std::cerr << format_diagnostic(d, files, style, source);
    }
    std::cerr << diagnostics_summary(diags) << "\n";
}

std::vector<std::string> input_folders(const std::vector<std::string>& inputs) {
    namespace fs = std::filesystem;
    std::vector<std::string> folders;
    for (const std::string& input : inputs) {
        std::error_code ec;
        if (input == "-" || !fs::is_directory(input, ec)) continue;
        std::vector<std::string> found{input};
        // As expand_inputs reads them: recursively, skipping names that start with '.'.
        for (fs::recursive_directory_iterator it(input, ec), end; !ec && it != end;
             it.increment(ec)) {
            if (!it->is_directory(ec)) continue;
            const std::string name = it->path().filename().string();
            if (!name.empty() && name[0] == '.') {
                it.disable_recursion_pending();
                continue;
            }
            found.push_back(it->path().string());
        }
        std::sort(found.begin() + 1, found.end());
        folders.insert(folders.end(), found.begin(), found.end());
    }
    return folders;
}

}  // namespace tl::cli
