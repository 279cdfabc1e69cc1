#pragma once

// The seed events and the shipped templates, read as `timeline render` reads them: shared by
// the golden tests and the colour tests, which lay out the same charts.

#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "layout/theme.hpp"
#include "load/loader.hpp"
#include "model/model.hpp"
#include "theme/template_loader.hpp"
#include "validate/validate.hpp"

namespace tl::testing {

inline const std::filesystem::path kSourceDir = TIMELINE_SOURCE_DIR;

/// The shipped templates, by name.
inline constexpr const char* kTemplates[] = {"default", "briefing", "dark"};

inline Model load_seed(Diagnostics& diags) {
    LoadOptions options;
    options.threads = 1;
    Model model = load_inputs({(kSourceDir / "events").string()}, diags, options);
    validate(model, diags);
    return model;
}

inline Theme template_named(const std::string& name, SourceFiles& files) {
    Diagnostics diags;
    Theme theme =
        load_template((kSourceDir / "templates" / (name + ".yaml")).string(), files, diags);
    CHECK_FALSE(diags.has_errors());
    return theme;
}

}  // namespace tl::testing
