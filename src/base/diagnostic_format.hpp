#pragma once

#include <string>

#include "base/diagnostics.hpp"
#include "base/source_loc.hpp"

namespace tl {

struct DiagnosticStyle {
    bool color = false;        ///< ANSI colours, for terminals only
    bool show_source = false;  ///< the offending line with a caret beneath it
};

/// "path:line:col: error: message [rule]", then the hint and any related place, each on its
/// own line. `source_line` is the text of the offending line, shown when style asks.
std::string format_diagnostic(const Diagnostic& d, const SourceFiles& files,
                              const DiagnosticStyle& style, const std::string& source_line = {});

/// "3 errors, 1 warning in 2 files".
std::string diagnostics_summary(const Diagnostics& diags);

/// A JSON array of objects {file, line, column, severity, rule, message, hint}, for editors;
/// a diagnostic that points at a second place (a first definition) adds
/// "related": {file, line, column, message}.
std::string diagnostics_json(const Diagnostics& diags, const SourceFiles& files);

}  // namespace tl
