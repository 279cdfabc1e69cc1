#pragma once

#include <cstddef>
#include <string>
#include <vector>

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

/// How many diagnostics of one rule a terminal shows in full before it counts the rest:
/// enough to see the pattern and where it starts, few enough that other rules stay visible.
inline constexpr std::size_t kShownPerRule = 3;

/// What a person is shown of many diagnostics: the first `per_rule` of each rule in full,
/// in their sorted order, and for each rule that fired more often the count left out (a
/// rule that fired just once more than `per_rule` is shown whole).
struct HeldBack {
    std::string rule;
    std::size_t errors = 0;
    std::size_t warnings = 0;
};
struct DiagnosticDigest {
    std::vector<const Diagnostic*> shown;
    std::vector<HeldBack> held_back;  ///< in the order each rule first appears
};
/// `per_rule` 0 shows every diagnostic.
DiagnosticDigest digest_diagnostics(const Diagnostics& diags, std::size_t per_rule);

/// "... 5278 more warnings [missing-url] not shown; --diagnostics all shows every one".
std::string held_back_line(const HeldBack& h);

/// "3 errors, 1 warning in 2 files".
std::string diagnostics_summary(const Diagnostics& diags);

/// A JSON array of objects {file, line, column, severity, rule, message, hint}, for editors;
/// a diagnostic that points at a second place (a first definition) adds
/// "related": {file, line, column, message}.
std::string diagnostics_json(const Diagnostics& diags, const SourceFiles& files);

}  // namespace tl
