#include "cli/diagnostic_memory.hpp"

namespace tl::cli {

Diagnostics DiagnosticMemory::new_since_last(const Diagnostics& all, const SourceFiles& files,
                                             std::size_t& unchanged) {
    std::set<std::string> now;
    Diagnostics fresh;
    unchanged = 0;
    for (const Diagnostic& d : all.items()) {
        const std::string path = d.loc.file < files.paths.size() ? files.path(d.loc.file) : "";
        // Fields joined by a byte no path or message holds.
        std::string key = path + '\x1f' + std::to_string(d.loc.line) + '\x1f' +
                          std::to_string(d.loc.column) + '\x1f' + d.rule + '\x1f' + d.message;
        if (last_.count(key)) {
            ++unchanged;
        } else {
            fresh.add(d);
        }
        now.insert(std::move(key));
    }
    last_ = std::move(now);
    return fresh;
}

}  // namespace tl::cli
