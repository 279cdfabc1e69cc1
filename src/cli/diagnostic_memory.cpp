#include "cli/diagnostic_memory.hpp"

#include <utility>

namespace tl::cli {

Diagnostics DiagnosticMemory::fresh(const Diagnostics& part, const SourceFiles& files) {
    Diagnostics out;
    for (const Diagnostic& d : part.items()) {
        const std::string path = d.loc.file < files.paths.size() ? files.path(d.loc.file) : "";
        // Fields joined by a byte no path or message holds.
        std::string key = path + '\x1f' + std::to_string(d.loc.line) + '\x1f' +
                          std::to_string(d.loc.column) + '\x1f' + d.rule + '\x1f' + d.message;
        if (last_.count(key)) {
            ++unchanged_;
        } else {
            out.add(d);
        }
        now_.insert(std::move(key));
    }
    return out;
}

std::size_t DiagnosticMemory::finish() {
    last_ = std::exchange(now_, {});
    return std::exchange(unchanged_, 0);
}

Diagnostics DiagnosticMemory::new_since_last(const Diagnostics& all, const SourceFiles& files,
                                             std::size_t& unchanged) {
    Diagnostics out = fresh(all, files);
    unchanged = finish();
    return out;
}

}  // namespace tl::cli
