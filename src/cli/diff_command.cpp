// `timeline diff OLD [NEW]`: what changed between two versions of the inputs, each a file, a
// folder, or a git revision of them (cli/git_revision.hpp). The comparison is
// diff/revisions.hpp's; this file reads both versions and writes what it found as text for
// a person, JSON for scripts, or Markdown for a briefing's "changes" box.
//
// Exit codes, as diff(1): 0 no differences, 1 differences; 2 a usage error; 3 when either
// version cannot be read or has errors, so that a script never takes broken input for
// "changed" (elsewhere invalid input is 1, which here means differences).

#include <algorithm>
#include <array>
#include <optional>
#include <type_traits>

#include "base/text.hpp"
#include "cli/git_revision.hpp"
#include "cli/input_pipeline.hpp"
#include "cli/input_version.hpp"
#include "cli/messages.hpp"
#include "cli/options.hpp"
#include "cli/output_failure.hpp"
#include "diff/revisions.hpp"

namespace tl::cli {
namespace {

/// A line's place, "path:line" (or the path alone), for a person.
std::string place(const SourceFiles& files, SourceLoc loc) {
    if (loc.file >= files.paths.size()) return {};
    const std::string& path = files.path(loc.file);
    return loc.line > 0 ? path + ":" + std::to_string(loc.line) : path;
}

/// The class of a revision in words: "date refined".
std::string class_words(RevisionClass r) {
    std::string words(to_string(r));
    std::replace(words.begin(), words.end(), '-', ' ');
    return words;
}

/// How many of a list were added, changed and removed, in that order.
template <typename T>
std::array<std::size_t, 3> change_counts(const std::vector<T>& list) {
    std::array<std::size_t, 3> counts{};
    for (const T& r : list)
        ++counts[static_cast<std::size_t>(r.change)];
    return counts;
}

/// "1 event added, 2 changed, 1 removed": the counts of one list, or "" when it is empty.
template <typename T>
std::string count_line(const std::vector<T>& list, std::string_view noun) {
    const auto counts = change_counts(list);
    std::string out;
    for (const Change c : {Change::added, Change::changed, Change::removed}) {
        const std::size_t n = counts[static_cast<std::size_t>(c)];
        if (n == 0) continue;
        out += (out.empty() ? plural(n, noun) : ", " + std::to_string(n)) + " " +
               std::string(to_string(c));
    }
    return out;
}

std::string summary_line(const ModelRevisions& r) {
    std::string out;
    for (const std::string& part : {count_line(r.events, "event"), count_line(r.actors, "actor"),
                                    count_line(r.kinds, "kind"), count_line(r.eras, "era")})
        if (!part.empty()) out += (out.empty() ? "" : "; ") + part;
    return out.empty() ? "no differences" : out;
}

/// The event a revision is about: the new version, or the old one when it was removed.
const Event& shown_event(const EventRevision& r) {
    return r.new_event ? *r.new_event : *r.old_event;
}

/// The model and position a revision is shown at: the new version's, else the old's.
template <typename T>
SourceLoc shown_loc(const T& r) {
    if constexpr (std::is_same_v<T, EventRevision>)
        return shown_event(r).loc;
    else
        return r.change == Change::removed ? r.old_loc : r.new_loc;
}

struct Versions {
    const InputVersion& old_version;
    const InputVersion& new_version;

    const SourceFiles& files_of(Change c) const {
        return c == Change::removed ? old_version.model.files : new_version.model.files;
    }
};

// --- text ------------------------------------------------------------------------------

/// "    date: 2024-21 -> 2024-04-10  [date refined]"
std::string field_text(const FieldRevision& f) {
    const auto value = [](const std::string& s) { return s.empty() ? "(none)" : visible(s); };
    std::string out = "    " + visible(f.field) + ": ";
    if (f.revision == RevisionClass::sources_added)
        out += "+ " + value(f.new_text);
    else if (f.revision == RevisionClass::sources_removed)
        out += "- " + value(f.old_text);
    else
        out += value(f.old_text) + " -> " + value(f.new_text);
    return out + "  [" + class_words(f.revision) + "]\n";
}

template <typename T>
std::string text_section(const std::vector<T>& list, std::string_view heading,
                         const Versions& versions) {
    std::string out;
    for (const Change c : {Change::added, Change::changed, Change::removed}) {
        std::string lines;
        for (const T& r : list) {
            if (r.change != c) continue;
            lines +=
                "  " + visible(place(versions.files_of(c), shown_loc(r))) + ": " + visible(r.id);
            if constexpr (std::is_same_v<T, EventRevision>) {
                const Event& e = shown_event(r);
                lines += " (" + visible(e.date.text()) + ") " + visible(e.title);
            }
            lines += "\n";
            for (const FieldRevision& f : r.fields)
                lines += field_text(f);
        }
        if (!lines.empty())
            out += "\n" + std::string(heading) + " " + std::string(to_string(c)) + ":\n" + lines;
    }
    return out;
}

std::string diff_text(const ModelRevisions& r, const Versions& v) {
    return visible(v.old_version.word) + " -> " + visible(v.new_version.word) + ": " +
           summary_line(r) + "\n" + text_section(r.events, "Events", v) +
           text_section(r.actors, "Actors", v) + text_section(r.kinds, "Kinds", v) +
           text_section(r.eras, "Eras", v);
}

// --- json ------------------------------------------------------------------------------

std::string json_text(const std::string& s) {
    return s.empty() ? "null" : json_quote(s);
}

std::string json_line(SourceLoc loc) {
    return loc.file == kNoFile || loc.line == 0 ? "null" : std::to_string(loc.line);
}

std::string json_file(const SourceFiles& files, SourceLoc loc) {
    return loc.file < files.paths.size() ? json_quote(files.path(loc.file)) : "null";
}

template <typename T>
std::string json_list(const std::vector<T>& list, const Versions& v) {
    std::string out = "[";
    for (std::size_t i = 0; i < list.size(); ++i) {
        const T& r = list[i];
        SourceLoc old_loc, new_loc;
        out += (i ? ",\n  " : "\n  ") + std::string("{\"id\": ") + json_quote(r.id) +
               ", \"change\": \"" + std::string(to_string(r.change)) + "\"";
        if constexpr (std::is_same_v<T, EventRevision>) {
            const Event& e = shown_event(r);
            out +=
                ", \"title\": " + json_quote(e.title) + ", \"date\": " + json_quote(e.date.text());
            old_loc = r.old_event ? r.old_event->loc : SourceLoc{};
            new_loc = r.new_event ? r.new_event->loc : SourceLoc{};
        } else {
            old_loc = r.old_loc;
            new_loc = r.new_loc;
        }
        out += ", \"old_file\": " + json_file(v.old_version.model.files, old_loc) +
               ", \"old_line\": " + json_line(old_loc) +
               ", \"new_file\": " + json_file(v.new_version.model.files, new_loc) +
               ", \"new_line\": " + json_line(new_loc) + ", \"fields\": [";
        for (std::size_t k = 0; k < r.fields.size(); ++k) {
            const FieldRevision& f = r.fields[k];
            out += (k ? ", " : "") + std::string("{\"field\": ") + json_quote(f.field) +
                   ", \"class\": \"" + std::string(to_string(f.revision)) +
                   "\", \"old\": " + json_text(f.old_text) + ", \"new\": " + json_text(f.new_text) +
                   ", \"old_line\": " + json_line(f.old_loc) +
                   ", \"new_line\": " + json_line(f.new_loc) + "}";
        }
        out += "]}";
    }
    return out + (list.empty() ? "]" : "\n ]");
}

template <typename T>
std::string json_counts(const std::vector<T>& list) {
    const auto counts = change_counts(list);
    return "{\"added\": " + std::to_string(counts[0]) +
           ", \"changed\": " + std::to_string(counts[1]) +
           ", \"removed\": " + std::to_string(counts[2]) + "}";
}

std::string diff_json(const ModelRevisions& r, const Versions& v) {
    return "{\"old\": " + json_quote(v.old_version.word) +
           ", \"new\": " + json_quote(v.new_version.word) +
           ", \"differences\": " + (r.empty() ? "false" : "true") +
           ",\n \"counts\": {\"events\": " + json_counts(r.events) +
           ", \"actors\": " + json_counts(r.actors) + ", \"kinds\": " + json_counts(r.kinds) +
           ", \"eras\": " + json_counts(r.eras) + "},\n \"events\": " + json_list(r.events, v) +
           ",\n \"actors\": " + json_list(r.actors, v) + ",\n \"kinds\": " + json_list(r.kinds, v) +
           ",\n \"eras\": " + json_list(r.eras, v) + "}\n";
}

// --- markdown --------------------------------------------------------------------------

/// "date refined: 2024-21 → 2024-04-10"
std::string field_markdown(const FieldRevision& f) {
    const auto value = [](const std::string& s) {
        return s.empty() ? std::string("none") : markdown_text(s);
    };
    if (f.revision == RevisionClass::sources_added) return "source added: " + value(f.new_text);
    if (f.revision == RevisionClass::sources_removed) return "source removed: " + value(f.old_text);
    // Edits and "other" say what was edited by the field's name: "name edited", "tags changed".
    std::string what = class_words(f.revision);
    if (f.revision == RevisionClass::other)
        what = markdown_text(f.field) + " changed";
    else if (f.revision == RevisionClass::text_edited || f.revision == RevisionClass::title_edited)
        what = markdown_text(f.field) + " edited";
    return what + ": " + value(f.old_text) + " → " + value(f.new_text);
}

template <typename T>
std::string markdown_section(const std::vector<T>& list, std::string_view noun) {
    static constexpr std::array<std::string_view, 3> kHeading{"New", "Revised", "Withdrawn"};
    std::string out;
    for (const Change c : {Change::added, Change::changed, Change::removed}) {
        std::string items;
        std::size_t n = 0;
        for (const T& r : list) {
            if (r.change != c) continue;
            ++n;
            items += "- ";
            if constexpr (std::is_same_v<T, EventRevision>) {
                const Event& e = shown_event(r);
                items += "**" + markdown_text(e.title) + "** (" + markdown_text(e.date.text()) +
                         "; " + markdown_text(r.id) + ")";
            } else {
                items += "**" + markdown_text(r.id) + "**";
            }
            for (std::size_t k = 0; k < r.fields.size(); ++k)
                items += (k ? "; " : ": ") + field_markdown(r.fields[k]);
            items += "\n";
        }
        if (n > 0)
            out += "\n**" + std::string(kHeading[static_cast<std::size_t>(c)]) + " " +
                   std::string(noun) + " (" + std::to_string(n) + ")**\n\n" + items;
    }
    return out;
}

std::string diff_markdown(const ModelRevisions& r, const Versions& v) {
    std::string out = "### Changes since " + markdown_text(version_name(v.old_version)) + "\n";
    if (r.empty()) return out + "\nNo changes.\n";
    return out + "\n" + markdown_text(summary_line(r)) + ".\n" +
           markdown_section(r.events, "events") + markdown_section(r.actors, "actors") +
           markdown_section(r.kinds, "kinds") + markdown_section(r.eras, "eras");
}

}  // namespace

int run_diff(const Options& o) {
    // Both words are checked before either version is read: a usage error costs nothing.
    if (o.diff_old == "-" && o.diff_new == "-") {
        print_error("standard input (-) is given as both versions", "give - for one of them");
        return kUsage;
    }
    std::array<InputVersion, 2> versions{InputVersion{o.diff_old, {}, {}, {}},
                                         InputVersion{o.diff_new, {}, {}, {}}};
    for (InputVersion& v : versions) {
        std::string error;
        v.git = parse_git_source(v.word, error);
        if (!error.empty()) {
            print_error(error, "write git:REV or git:REV:PATH, e.g. git:HEAD~1:events");
            return kUsage;
        }
    }
    // Read, not validated: a version may be one file of a project (cli/input_version.hpp).
    for (InputVersion& v : versions)
        if (const int code = load_input_version(v, o)) return code;
    // The new version's warnings, as list would print them; the old version's only when it
    // has errors, since what was wrong then is not news.
    bool errors = false;
    for (const InputVersion& v : versions) {
        if (&v == &versions[1] || v.diags.has_errors())
            print_diagnostics(v.diags, v.model.files, o);
        errors = errors || v.diags.has_errors();
    }
    if (errors) {
        print_error("nothing compared: a version has errors",
                    "fix them, or compare other versions; `timeline validate` lists them");
        return kOutputFailed;
    }
    const ModelRevisions revisions = compare_models(versions[0].model, versions[1].model);
    const Versions both{versions[0], versions[1]};
    const std::string out = o.format == "json"       ? diff_json(revisions, both)
                            : o.format == "markdown" ? diff_markdown(revisions, both)
                                                     : diff_text(revisions, both);
    if (const int code = print_to_standard_output(out)) return code;
    return revisions.empty() ? kOk : kDifferences;
}

}  // namespace tl::cli
