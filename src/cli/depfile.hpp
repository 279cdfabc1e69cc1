#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace tl::cli {

/// Why a GNU make rule cannot name `path`, or "" when it can. Make has no escape for a
/// newline, '=', ';', a leading '~', a trailing backslash, a name that ends in ')' after a
/// '(' (an archive member), a '%' in a target (a pattern), nor for a backslash in a name that
/// also holds a wildcard character.
std::string make_name_problem(std::string_view path, bool is_target);

/// `path` written as GNU make reads it in a rule: '$' doubled; a space, tab, '#', ':', '|',
/// '*', '?' and '[' preceded by a backslash; a run of backslashes before any of those doubled.
/// Only for paths for which make_name_problem() is "".
std::string make_escape(std::string_view path);

struct Depfile {
    std::string text;     ///< the rule, or empty when `problem` is set
    std::string problem;  ///< why a path cannot be written, naming it; else ""
};

/// A make dependency file: "TARGET...: PREREQUISITE...", then an empty rule for each
/// prerequisite (as gcc -MP writes), so that make renders again, instead of stopping, when
/// one is deleted. Folders are best given with a trailing '/'.
Depfile make_depfile(const std::vector<std::string>& targets,
                     const std::vector<std::string>& prerequisites);

}  // namespace tl::cli
