#include "base/diagnostic_format.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <string_view>

#include "base/text.hpp"

namespace tl {
namespace {

constexpr const char* kBold = "\033[1m";
constexpr const char* kRed = "\033[1;31m";
constexpr const char* kMagenta = "\033[1;35m";
constexpr const char* kCyan = "\033[1;36m";
constexpr const char* kReset = "\033[0m";

std::string place(SourceLoc loc, const SourceFiles& files) {
    if (loc.file == kNoFile || loc.file >= files.paths.size()) return "timeline";
    std::string s = visible(files.path(loc.file));
    if (loc.line > 0) s += ":" + std::to_string(loc.line) + ":" + std::to_string(loc.column);
    return s;
}

bool continuation_byte(char c) {
    return (static_cast<unsigned char>(c) & 0xC0) == 0x80;
}

/// The part of a long source line worth showing: about kSourceWindow bytes around the
/// 0-based byte `at`, cut on character boundaries. A minified or machine-written file can
/// put thousands of problems on one line of a megabyte; printing it whole under each would
/// make the output grow with their product.
struct SourceWindow {
    std::string_view text;
    std::size_t caret;  ///< byte offset of the problem within `text`
    bool cut_left;
    bool cut_right;
};

SourceWindow source_window(std::string_view line, std::size_t at) {
    constexpr std::size_t kSourceWindow = 120;
    if (line.size() <= kSourceWindow) return {line, at, false, false};
    std::size_t first = at > kSourceWindow / 2 ? at - kSourceWindow / 2 : 0;
    std::size_t last = std::min(line.size(), first + kSourceWindow);
    first = last - std::min(last, kSourceWindow);
    while (first > 0 && continuation_byte(line[first]))
        --first;
    while (last < line.size() && continuation_byte(line[last]))
        ++last;
    return {line.substr(first, last - first), at - first, first > 0, last < line.size()};
}

}  // namespace

// Input text (a value quoted in a message, a file name, the source line) is data until it
// is printed: every piece goes through visible() here, once, so that a file cannot drive the
// terminal or forge a diagnostic, whichever field or message carries it.
std::string format_diagnostic(const Diagnostic& d, const SourceFiles& files,
                              const DiagnosticStyle& style, const std::string& source_line) {
    const bool error = d.severity == Severity::error;
    const auto paint = [&](const char* code, const std::string& s) {
        return style.color ? code + s + kReset : s;
    };
    std::string out = paint(kBold, place(d.loc, files) + ":") + " " +
                      paint(error ? kRed : kMagenta, error ? "error:" : "warning:") + " " +
                      visible(d.message) + " [" + d.rule + "]\n";
    if (style.show_source && !source_line.empty() && d.loc.column > 0) {
        const SourceWindow w = source_window(source_line, d.loc.column - 1);
        const char* ellipsis = "\u2026";
        out += "    ";
        std::string indent = "    ";
        if (w.cut_left) {
            out += ellipsis;
            indent += ' ';
        }
        out += visible(w.text, true) + (w.cut_right ? ellipsis : "") + "\n" + indent;
        // Columns count bytes; each character shown before the column (an escape counting
        // as its own characters) becomes one space, a tab stays a tab, so the caret lines
        // up under the offending character.
        const std::string before =
            visible(w.text.substr(0, std::min(w.caret, w.text.size())), true);
        for (char c : before) {
            if (continuation_byte(c)) continue;
            out += c == '\t' ? '\t' : ' ';
        }
        out += paint(kCyan, "^") + "\n";
    }
    if (!d.hint.empty()) out += "  " + paint(kCyan, "hint:") + " " + visible(d.hint) + "\n";
    if (d.related) {
        out += paint(kBold, place(*d.related, files) + ":") +
               " note: " + visible(d.related_message) + "\n";
    }
    return out;
}

DiagnosticDigest digest_diagnostics(const Diagnostics& diags, std::size_t per_rule) {
    DiagnosticDigest digest;
    std::map<std::string_view, std::size_t> total;  // rule -> how many in all
    for (const Diagnostic& d : diags.items())
        ++total[d.rule];
    std::map<std::string_view, std::size_t> seen;  // rule -> how many so far
    std::map<std::string_view, std::size_t> slot;  // rule -> index in held_back
    for (const Diagnostic& d : diags.items()) {
        // One more is shown rather than counted: the count's line would take its place.
        if (per_rule == 0 || total[d.rule] <= per_rule + 1 || ++seen[d.rule] <= per_rule) {
            digest.shown.push_back(&d);
            continue;
        }
        auto [it, added] = slot.emplace(d.rule, digest.held_back.size());
        if (added) digest.held_back.push_back({d.rule});
        HeldBack& h = digest.held_back[it->second];
        ++(d.severity == Severity::error ? h.errors : h.warnings);
    }
    return digest;
}

std::string held_back_line(const HeldBack& h) {
    std::string counts;
    if (h.errors > 0) counts = plural(h.errors, "more error");
    if (h.warnings > 0)
        counts += (counts.empty() ? "" : " and ") +
                  plural(h.warnings, h.errors > 0 ? "warning" : "more warning");
    return "... " + counts + " [" + h.rule + "] not shown; --diagnostics all shows every one\n";
}

std::string diagnostics_summary(const Diagnostics& diags) {
    std::set<std::uint32_t> files;
    for (const Diagnostic& d : diags.items())
        files.insert(d.loc.file);
    std::string s = plural(diags.error_count(), "error");
    if (diags.warning_count() > 0) s += ", " + plural(diags.warning_count(), "warning");
    return s + " in " + plural(files.size(), "file");
}

std::string diagnostics_json(const Diagnostics& diags, const SourceFiles& files) {
    std::string out = "[";
    bool first = true;
    for (const Diagnostic& d : diags.items()) {
        out += first ? "\n  " : ",\n  ";
        first = false;
        const bool has_file = d.loc.file != kNoFile && d.loc.file < files.paths.size();
        out += "{\"file\": " + (has_file ? json_quote(files.path(d.loc.file)) : "null") +
               ", \"line\": " + std::to_string(d.loc.line) +
               ", \"column\": " + std::to_string(d.loc.column) + ", \"severity\": \"" +
               (d.severity == Severity::error ? "error" : "warning") +
               "\", \"rule\": " + json_quote(d.rule) + ", \"message\": " + json_quote(d.message) +
               ", \"hint\": " + json_quote(d.hint);
        if (d.related && d.related->file < files.paths.size()) {
            out += ", \"related\": {\"file\": " + json_quote(files.path(d.related->file)) +
                   ", \"line\": " + std::to_string(d.related->line) +
                   ", \"column\": " + std::to_string(d.related->column) +
                   ", \"message\": " + json_quote(d.related_message) + "}";
        }
        out += "}";
    }
    out += first ? "]\n" : "\n]\n";
    return out;
}

}  // namespace tl
