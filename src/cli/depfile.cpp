#include "cli/depfile.hpp"

namespace tl::cli {
namespace {

constexpr std::string_view kGlobChars = "*?[";

/// Characters make reads specially in a rule unless a backslash precedes them.
bool needs_backslash(char c) {
    return c == ' ' || c == '\t' || c == '#' || c == ':' || c == '|' ||
           kGlobChars.find(c) != std::string_view::npos;
}

}  // namespace

std::string make_name_problem(std::string_view path, bool is_target) {
    if (path.empty()) return "an empty path";
    if (path.find_first_of("\n\r") != std::string_view::npos) return "it holds a line break";
    if (path.find('=') != std::string_view::npos) return "it holds '=' (make reads a variable)";
    if (path.find(';') != std::string_view::npos) return "it holds ';' (make reads a recipe)";
    if (path.front() == '~') return "it starts with '~' (make reads a home folder)";
    if (path.back() == '\\') return "it ends with a backslash";
    if (path.back() == ')' && path.find('(') != std::string_view::npos && path.front() != '(')
        return "it ends with ')' after a '(' (make reads an archive member)";
    if (is_target && path.find('%') != std::string_view::npos)
        return "it holds '%' (make reads a pattern rule)";
    if (path.find_first_of(kGlobChars) != std::string_view::npos &&
        path.find('\\') != std::string_view::npos)
        return "it holds both a backslash and one of * ? [";
    return {};
}

std::string make_escape(std::string_view path) {
    // A backslash is literal to make unless a run of them precedes a special character,
    // where each one must be doubled. (Make expands wildcards after reading the rule and
    // glob() would then remove every backslash; make_name_problem refuses such names.)
    std::string out;
    out.reserve(path.size() + 8);
    for (std::size_t i = 0; i < path.size(); ++i) {
        const char c = path[i];
        if (c == '\\') {
            std::size_t run = 1;
            while (i + run < path.size() && path[i + run] == '\\')
                ++run;
            const bool before_special = i + run < path.size() && needs_backslash(path[i + run]);
            out.append(before_special ? 2 * run : run, '\\');
            i += run - 1;
        } else if (c == '$') {
            out += "$$";
        } else if (needs_backslash(c)) {
            out += '\\';
            out += c;
        } else {
            out += c;
        }
    }
    return out;
}

Depfile make_depfile(const std::vector<std::string>& targets,
                     const std::vector<std::string>& prerequisites) {
    Depfile d;
    if (targets.empty()) {
        d.problem = "there is no output file to name as a target";
        return d;
    }
    for (const std::string& t : targets) {
        if (std::string why = make_name_problem(t, true); !why.empty()) {
            d.problem = "make cannot name the output '" + t + "': " + why;
            return d;
        }
    }
    for (const std::string& p : prerequisites) {
        if (std::string why = make_name_problem(p, false); !why.empty()) {
            d.problem = "make cannot name the input '" + p + "': " + why;
            return d;
        }
    }
    std::string& s = d.text;
    for (std::size_t i = 0; i < targets.size(); ++i) {
        if (i > 0) s += ' ';
        s += make_escape(targets[i]);
    }
    s += ':';
    for (const std::string& p : prerequisites) {
        s += " \\\n  ";
        s += make_escape(p);
    }
    s += "\n";
    for (const std::string& p : prerequisites) {
        s += "\n";
        s += make_escape(p);
        s += ":\n";
    }
    return d;
}

}  // namespace tl::cli
