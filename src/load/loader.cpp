#include "load/loader.hpp"

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

/// Line and column (1-based) of a byte offset, for problems found before YAML parsing.
SourceLoc loc_of_offset(std::string_view text, std::size_t offset, std::uint32_t file) {
    SourceLoc loc{file, 1, 1};
    for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
        if (text[i] == '\n') {
            ++loc.line;
            loc.column = 1;
        } else {
            ++loc.column;
        }
    }
    return loc;
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

void load_text(std::string_view text, std::uint32_t file, Model& into, Diagnostics& diags) {
    if (const std::size_t bad = find_invalid_utf8(text); bad != std::string_view::npos) {
        // yaml-cpp passes invalid bytes through untouched; they would reach the PDF.
        diags.error(loc_of_offset(text, bad, file), "invalid-utf8",
                    "the file is not valid UTF-8 here", "save the file as UTF-8");
        return;
    }
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) {
        diags.warning({file, 0, 0}, "empty-file", "the file holds no events",
                      "add events, or remove the file");
        return;
    }
    const PrescanFindings found = prescan_yaml(text, kMaxNestingDepth);
    if (found.too_deep) {
        diags.error(
            {file, found.too_deep->line, found.too_deep->column}, "too-deep",
            "the YAML nests deeper than " + std::to_string(kMaxNestingDepth) + " levels here",
            "event files need only a few levels; look for unclosed brackets");
        return;
    }
    if (found.unclosed_quote) {
        diags.error({file, found.unclosed_quote->line, found.unclosed_quote->column}, "yaml-syntax",
                    "this quoted text is never closed, so it would swallow the rest of the file",
                    "add the closing quote");
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
        for (const YAML::Node& doc : docs)
            yaml::read_document(doc, ctx, into);
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
                    load_text(*text, file, part.model, part.diags);
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
    for (Part& part : parts) {
        model.append(std::move(part.model));
        diags.append(std::move(part.diags));
    }
    return model;
}

}  // namespace tl
