#include "load/loader.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>
#include <thread>

#include "base/text.hpp"
#include "load/document_reader.hpp"
#include "load/input_files.hpp"
#include "load/yaml_prescan.hpp"

namespace tl {
namespace {

/// What the event pass found first: an alias, or where yaml-cpp would stall.
struct EventFinding {
    enum Kind { alias, stall } kind;
    YAML::Mark mark;
};

/// Watches the parser's events for an alias (when asked) and for a document that starts
/// where the previous one started: yaml-cpp 0.7 then reads empty documents forever.
class EventChecker : public YAML::EventHandler {
  public:
    explicit EventChecker(bool aliases) : aliases_(aliases) {}

    void OnDocumentStart(const YAML::Mark& mark) override {
        if (started_ && mark.pos == last_start_) throw EventFinding{EventFinding::stall, mark};
        started_ = true;
        last_start_ = mark.pos;
    }
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark& /*mark*/, YAML::anchor_t /*anchor*/) override {}
    void OnAlias(const YAML::Mark& mark, YAML::anchor_t /*anchor*/) override {
        if (aliases_) throw EventFinding{EventFinding::alias, mark};
    }
    void OnScalar(const YAML::Mark& /*mark*/, const std::string& /*tag*/, YAML::anchor_t /*anchor*/,
                  const std::string& /*value*/) override {}
    void OnSequenceStart(const YAML::Mark& /*mark*/, const std::string& /*tag*/,
                         YAML::anchor_t /*anchor*/, YAML::EmitterStyle::value /*style*/) override {}
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark& /*mark*/, const std::string& /*tag*/,
                    YAML::anchor_t /*anchor*/, YAML::EmitterStyle::value /*style*/) override {}
    void OnMapEnd() override {}

  private:
    bool aliases_;
    bool started_ = false;
    int last_start_ = 0;
};

/// Runs yaml-cpp's parser over the text without building nodes, when the text may hold
/// either of two things that must be caught before YAML::LoadAll:
/// - A YAML alias (`*name`). yaml-cpp shares an aliased node rather than copying it, but the
///   loader copies what it reads: 100 aliased events that each take an aliased list of
///   100,000 tags become 10^7 tags (13 s, 500 MB) from a file of 300 KB. No event file
///   needs an alias, so they are refused. An alias must name an anchor defined before it,
///   so without both '*' and '&' there is none.
/// - A ',' outside any bracket at the top of a document (",", "- a\n,", "[a],"): yaml-cpp
///   0.7 never consumes it, and LoadAll loops forever making empty documents until memory
///   runs out (https://github.com/jbeder/yaml-cpp/issues/1040, fixed upstream in 2024 after 0.8.0).
///   might_stall_yaml_cpp finds every such comma, and some harmless ones.
/// The common file has neither and costs no second parse.
std::optional<EventFinding> check_events(std::string_view text) {
    const bool aliases =
        text.find('*') != std::string_view::npos && text.find('&') != std::string_view::npos;
    if (!aliases && !might_stall_yaml_cpp(text)) return std::nullopt;
    std::istringstream in{std::string(text)};
    YAML::Parser parser(in);
    EventChecker checker(aliases);
    try {
        while (parser.HandleNextDocument(checker)) {
        }
    } catch (const EventFinding& found) {
        return found;
    } catch (const YAML::Exception&) {
        // A syntax error before either: LoadAll stops at it too, and reports it.
    }
    return std::nullopt;
}

/// Keeps the first `max_events` events of `model` and reports the first one beyond them.
bool enforce_max_events(Model& model, const LoadOptions& options, Diagnostics& diags) {
    if (model.events.size() <= options.max_events) return true;
    const Event& first_over = model.events[options.max_events];
    diags.error(first_over.loc, "too-many-events",
                "more than " + std::to_string(options.max_events) + " events; this is event " +
                    std::to_string(options.max_events + 1),
                "split the events into separate charts");
    model.events.resize(options.max_events);
    return false;
}

/// Reads a whole file or standard input; reports and returns nothing on failure.
std::optional<std::string> read_input(const std::string& path, std::uint32_t file,
                                      const LoadOptions& options, Diagnostics& diags) {
    const SourceLoc whole{file, 0, 0};
    std::string text;
    if (path == "-") {
        text.assign(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    } else {
        std::ifstream in(path, std::ios::binary);
        if (!in) {
            diags.error(whole, "unreadable-input",
                        "cannot open: " + std::string(std::strerror(errno)),
                        "check the path and its permissions");
            return std::nullopt;
        }
        in.seekg(0, std::ios::end);
        const std::streamoff size = in.tellg();
        if (size > 0 && static_cast<std::size_t>(size) > options.max_input_bytes) {
            diags.error(whole, "input-too-large",
                        "the file has " + std::to_string(size) + " bytes, more than the limit of " +
                            std::to_string(options.max_input_bytes),
                        "split it into several files, or raise --max-input-bytes");
            return std::nullopt;
        }
        in.seekg(0, std::ios::beg);
        text.resize(size > 0 ? static_cast<std::size_t>(size) : 0);
        in.read(text.data(), static_cast<std::streamsize>(text.size()));
        if (!in) {
            diags.error(whole, "unreadable-input", "cannot read the whole file");
            return std::nullopt;
        }
    }
    if (text.size() > options.max_input_bytes) {
        diags.error(whole, "input-too-large",
                    "the input is larger than the limit of " +
                        std::to_string(options.max_input_bytes) + " bytes");
        return std::nullopt;
    }
    return text;
}

}  // namespace

void load_text(std::string_view text, std::uint32_t file, Model& into, Diagnostics& diags,
               const LoadOptions& options) {
    if (!prescan_checks(text, file, diags)) return;
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        diags.warning({file, 0, 0}, "empty-file", "the file holds no events",
                      "add events, or remove the file");
        return;
    }
    if (const auto found = check_events(text)) {
        const SourceLoc at{file, static_cast<std::uint32_t>(found->mark.line + 1),
                           static_cast<std::uint32_t>(found->mark.column + 1)};
        if (found->kind == EventFinding::alias) {
            diags.error(at, "alias", "YAML aliases (*name) are not accepted in event files",
                        "write the value out in full: an alias can make a small file expand "
                        "into millions of values");
        } else {
            diags.error(at, "yaml-syntax", "a ',' outside [ ] or { } separates nothing here",
                        "put the list in brackets, or quote text that starts with a comma");
        }
        return;
    }
    std::vector<YAML::Node> docs;
    try {
        docs = YAML::LoadAll(std::string(text));
    } catch (const YAML::Exception& e) {
        const SourceLoc at = e.mark.is_null()
                                 ? SourceLoc{file, 0, 0}
                                 : SourceLoc{file, static_cast<std::uint32_t>(e.mark.line + 1),
                                             static_cast<std::uint32_t>(e.mark.column + 1)};
        diags.error(at, "yaml-syntax", e.msg, "check the indentation and quoting near here");
        return;
    }
    const yaml::Context ctx{file, diags};
    try {
        for (const YAML::Node& doc : docs) {
            yaml::read_document(doc, ctx, into);
            if (!enforce_max_events(into, options, diags)) return;
        }
    } catch (const YAML::Exception& e) {
        diags.error({file, 0, 0}, "yaml-syntax", e.msg);
    }
}

std::string_view yaml_library_version() {
    return YAML_CPP_VERSION_TEXT;
}

Model load_inputs(const std::vector<std::string>& inputs, Diagnostics& diags,
                  const LoadOptions& options) {
    Model model;
    const std::vector<std::string> paths = expand_inputs(inputs, diags);
    for (const std::string& path : paths)
        model.files.add(path == "-" ? "<stdin>" : path);

    // Files are independent: each worker takes the next file, parses it, converts it and
    // drops its yaml-cpp tree before taking another, so at most one tree per thread is alive.
    struct Part {
        Model model;
        Diagnostics diags;
    };
    std::vector<Part> parts(paths.size());
    std::atomic<std::size_t> next{0};
    const auto work = [&] {
        for (std::size_t i; (i = next.fetch_add(1)) < paths.size();) {
            const auto file = static_cast<std::uint32_t>(i);
            Part& part = parts[i];
            try {
                if (auto text = read_input(paths[i], file, options, part.diags))
                    load_text(*text, file, part.model, part.diags, options);
            } catch (const std::exception& e) {  // out of memory, above all
                part.diags.error({file, 0, 0}, "unreadable-input",
                                 std::string("cannot load the file: ") + e.what());
            }
        }
    };
    const std::size_t threads =
        std::min<std::size_t>(paths.size(), std::max(1u, std::min(options.threads, 64u)));
    std::vector<std::thread> helpers;
    for (std::size_t t = 1; t < threads; ++t)
        helpers.emplace_back(work);
    work();
    for (std::thread& t : helpers)
        t.join();

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
