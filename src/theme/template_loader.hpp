#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.hpp"
#include "layout/theme.hpp"
#include "model/model.hpp"

namespace tl {

/// Where `--template NAME` looks: $TIMELINE_TEMPLATES, then the templates folder beside the
/// build tree or installed beside the binary.
std::vector<std::string> template_dirs(const std::string& executable_path);

/// Resolves NAME (a file in a template folder, without .yaml) or PATH to a file, or "".
std::string find_template(const std::string& name_or_path, const std::vector<std::string>& dirs);

/// Reads a template into a Theme, starting from the default theme. Problems are reported
/// with the same diagnostics as event files; `file` is the template's id in `files`.
Theme load_template(const std::string& path, SourceFiles& files, Diagnostics& diags);

/// Warns (`unknown-kind-color`) about each kind in `palette.kind-colors` that is neither
/// built in nor declared in the inputs: a typo there would leave its kind in the palette's
/// colour without a word.
void check_template_kinds(const Theme& theme, const Model& model, Diagnostics& diags);

/// Reads the YAML text of a template (already registered as `file`), as load_template does.
Theme load_template_text(std::string_view text, std::uint32_t file, Diagnostics& diags);

}  // namespace tl
