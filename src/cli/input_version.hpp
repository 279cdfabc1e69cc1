#pragma once

#include <optional>
#include <string>

#include "base/diagnostics.hpp"
#include "cli/git_revision.hpp"
#include "cli/options.hpp"
#include "model/model.hpp"

namespace tl::cli {

/// A version of the inputs that `diff` compares and `render --since` marks changes against:
/// the word that named it (a file, a folder, or git:REV[:PATH]) and what it held.
struct InputVersion {
    std::string word;
    std::optional<GitSource> git;
    Model model;
    Diagnostics diags;
};

/// Reads one version. Returns kOk, or kOutputFailed when git could not give the revision
/// (said here); its diagnostics are left in `v.diags`, sorted. A version is read as render
/// reads it, but not validated: references across files (an actor declared elsewhere) are
/// not its business, so that one file of a project can be compared with another version of
/// it; an id given twice is compared by its first occurrence. `v.git` must already be set
/// from `v.word` (parse_git_source).
int load_input_version(InputVersion& v, const Options& o);

/// How a chart names the version: the revision of a git:REV[:PATH] word, else the word.
std::string version_name(const InputVersion& v);

}  // namespace tl::cli
