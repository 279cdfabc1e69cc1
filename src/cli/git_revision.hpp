#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.hpp"
#include "load/loader.hpp"
#include "model/model.hpp"

namespace tl::cli {

/// `git:REV[:PATH]`: the event files under PATH (a file or a folder, relative to the
/// repository's top as in `git show REV:PATH`; `events` when left out, `.` for the whole
/// tree) as they were at REV (a commit, a tag, `HEAD~2`, `main@{2024-09-01}`...). REV holds
/// no ':' and never starts with '-', so that git cannot read it as an option.
struct GitSource {
    std::string revision;
    std::string path;
};

/// What a command-line word names: a GitSource when it starts with "git:", or nothing (a
/// file or folder of the work tree). A malformed `git:` word sets `error`.
std::optional<GitSource> parse_git_source(std::string_view word, std::string& error);

/// The output of one run of a program.
struct ProcessResult {
    bool started = false;    ///< false: the program could not be run (see `error`)
    int exit_status = -1;    ///< its exit status; -1 when a signal ended it
    bool truncated = false;  ///< stdout passed `max_bytes`; the program was stopped
    std::string out;
    std::string err;    ///< its standard error, at most 4 KiB
    std::string error;  ///< why it could not be run
};

/// Runs `argv` (argv[0] looked up on PATH) with no shell, standard input /dev/null, in the
/// current folder, and collects at most `max_bytes` of its standard output.
ProcessResult run_program(const std::vector<std::string>& argv, std::size_t max_bytes);

/// Reads the event files of `source` through git (`rev-parse`, `ls-tree`, `cat-file`: the
/// work tree and the index are never touched) into `into`, each file named "REV:path" so that
/// diagnostics name it. Problems with a file are diagnostics; when git cannot give the
/// revision at all (no repository, no such revision or path), returns the reason.
std::optional<std::string> load_git_source(const GitSource& source, const LoadOptions& options,
                                           Model& into, Diagnostics& diags);

}  // namespace tl::cli
