#include "load/loader.hpp"

#include <algorithm>
#include <atomic>

#include "base/parallel.hpp"
#include "base/text.hpp"
#include "load/document_reader.hpp"
#include "load/input_files.hpp"
#include "load/input_reader.hpp"
#include "load/yaml_prescan.hpp"
#include "load/yaml_slips.hpp"
#include "load/yaml_tree.hpp"

namespace tl {
namespace {

/// Keeps the first `max_events` events of `model` and reports the first one beyond them.
bool enforce_max_events(Model& model, const LoadOptions& options, Diagnostics& diags) {
    if (model.events.size() <= options.max_events) return true;
    const Event& first_over = model.events[options.max_events];
    diags.error(first_over.loc, "too-many-events",
                "more than " + std::to_string(options.max_events) + " events; this is event " +
                    std::to_string(options.max_events + 1),
                "split the events into separate charts, or raise --max-events");
    model.events.resize(options.max_events);
    return false;
}

}  // namespace

namespace {

void read_text(std::string_view text, std::uint32_t file, Model& into, Diagnostics& diags,
               const LoadOptions& options) {
    const auto surrogate_pairs = prescan_checks(text, file, diags);
    if (!surrogate_pairs) return;
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        diags.warning({file, 0, 0}, "empty-file", "the file holds no events",
                      "add events, or remove the file");
        return;
    }
    yaml::ParsedYaml parsed = yaml::parse_yaml(text, *surrogate_pairs);
    if (parsed.error) {
        yaml::report_parse_error(*parsed.error, file, diags);
        return;
    }
    const yaml::Context ctx{file, diags};
    for (std::size_t i = 0; i < parsed.tree.document_count(); ++i) {
        yaml::read_document(parsed.tree.document(i), ctx, into);
        if (!enforce_max_events(into, options, diags)) return;
    }
}

}  // namespace

void load_text(std::string_view text, std::uint32_t file, Model& into, Diagnostics& diags,
               const LoadOptions& options) {
    const std::size_t first = diags.items().size();
    read_text(text, file, into, diags, options);
    explain_yaml_slips(text, first, diags);
}

std::string_view yaml_library_version() {
    return YAML_CPP_VERSION_TEXT;
}

Model load_inputs(const std::vector<std::string>& inputs, Diagnostics& diags,
                  const LoadOptions& options, LoadCache* cache) {
    Model model;
    const std::vector<std::string> paths = expand_inputs(inputs, diags);
    for (const std::string& path : paths)
        model.files.add(path == "-" ? "<stdin>" : path);

    // Files are independent: each worker takes the next file, parses it, converts it and
    // drops its yaml-cpp tree before taking another, so at most one tree per thread is alive.
    struct Part {
        Model model;
        Diagnostics diags;
        std::string bytes;  ///< kept for the cache
        bool cacheable = false;
        bool reused = false;
    };
    std::vector<Part> parts(paths.size());
    std::atomic<std::size_t> next{0};
    const auto work = [&] {
        for (std::size_t i; (i = next.fetch_add(1)) < paths.size();) {
            const auto file = static_cast<std::uint32_t>(i);
            Part& part = parts[i];
            try {
                auto text = read_input(paths[i], file, options.max_input_bytes, part.diags);
                if (!text) continue;
                part.cacheable = cache && paths[i] != "-";
                if (part.cacheable) {
                    // Looked up, never changed, while the workers run: each reads its own
                    // entry of a map no one writes to until they are done.
                    const auto at = cache->by_path.find(paths[i]);
                    if (at != cache->by_path.end() && at->second.file == file &&
                        at->second.bytes == *text) {
                        part.model = at->second.model;
                        part.diags = at->second.diags;
                        part.reused = true;
                        continue;
                    }
                }
                load_text(*text, file, part.model, part.diags, options);
                if (part.cacheable) part.bytes = std::move(*text);
            } catch (const std::exception& e) {  // out of memory, above all
                part.diags.error({file, 0, 0}, "unreadable-input",
                                 std::string("cannot load the file: ") + e.what());
            }
        }
    };
    const std::size_t threads =
        std::min<std::size_t>(paths.size(), std::max(1u, std::min(options.threads, 64u)));
    run_on_threads(threads, [&](std::size_t) { work(); });

    if (cache) {
        // The cache holds this load and nothing else: files gone, or unreadable, leave it.
        std::unordered_map<std::string, LoadCache::Entry> kept;
        cache->parsed = cache->reused = 0;
        for (std::size_t i = 0; i < parts.size(); ++i) {
            Part& part = parts[i];
            if (!part.cacheable) continue;
            ++(part.reused ? cache->reused : cache->parsed);
            if (part.reused) {
                kept.emplace(paths[i], std::move(cache->by_path.at(paths[i])));
            } else {
                kept.emplace(paths[i],
                             LoadCache::Entry{static_cast<std::uint32_t>(i), std::move(part.bytes),
                                              part.model, part.diags});
            }
        }
        cache->by_path = std::move(kept);
    }
    // Merged in file order, so the model never depends on which thread finished first.
    bool over = false;
    for (Part& part : parts) {
        over = over || std::any_of(part.diags.items().begin(), part.diags.items().end(),
                                   [](const Diagnostic& d) { return d.rule == "too-many-events"; });
        model.append(std::move(part.model));
        diags.append(std::move(part.diags));
    }
    // One file at the bound has already said so; many files may still exceed it together.
    if (!over) enforce_max_events(model, options, diags);
    return model;
}

}  // namespace tl
