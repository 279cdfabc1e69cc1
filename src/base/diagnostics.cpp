#include "base/diagnostics.hpp"

#include <algorithm>
#include <tuple>

namespace tl {

void Diagnostics::error(SourceLoc loc, std::string rule, std::string message, std::string hint) {
    add({Severity::error, loc, std::move(rule), std::move(message), std::move(hint), {}, {}});
}

void Diagnostics::warning(SourceLoc loc, std::string rule, std::string message, std::string hint) {
    add({Severity::warning, loc, std::move(rule), std::move(message), std::move(hint), {}, {}});
}

void Diagnostics::add(Diagnostic d) {
    if (d.severity == Severity::error) ++errors_;
    items_.push_back(std::move(d));
}

void Diagnostics::append(Diagnostics&& other) {
    for (auto& d : other.items_)
        add(std::move(d));
    other.items_.clear();
    other.errors_ = 0;
}

void Diagnostics::sort() {
    std::stable_sort(items_.begin(), items_.end(), [](const Diagnostic& a, const Diagnostic& b) {
        return std::tie(a.loc, a.rule, a.message) < std::tie(b.loc, b.rule, b.message);
    });
}

}  // namespace tl
