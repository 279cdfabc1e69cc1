#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "base/source_loc.hpp"

namespace tl {

enum class Severity { warning, error };

/// One problem found in the input: where, how bad, which rule, and what to do about it.
struct Diagnostic {
    Severity severity = Severity::error;
    SourceLoc loc;
    std::string rule;                  ///< stable kebab-case name, e.g. "unknown-key"
    std::string message;               ///< what is wrong, one line
    std::string hint;                  ///< what to do about it; may be empty
    std::optional<SourceLoc> related;  ///< a second place, e.g. the first definition
    std::string related_message;
};

/// Collects every problem of a stage, so that users see them all at once.
class Diagnostics {
  public:
    void error(SourceLoc loc, std::string rule, std::string message, std::string hint = {});
    void warning(SourceLoc loc, std::string rule, std::string message, std::string hint = {});
    void add(Diagnostic d);
    void append(Diagnostics&& other);
    /// Replaces the hint of item `i`: a later look (at the raw source line) that knows more.
    void rehint(std::size_t i, std::string hint) { items_.at(i).hint = std::move(hint); }

    /// Orders by file, line, column, then rule, so output never depends on discovery order.
    void sort();

    bool has_errors() const { return errors_ > 0; }
    std::size_t error_count() const { return errors_; }
    std::size_t warning_count() const { return items_.size() - errors_; }
    bool empty() const { return items_.empty(); }
    const std::vector<Diagnostic>& items() const { return items_; }

  private:
    std::vector<Diagnostic> items_;
    std::size_t errors_ = 0;
};

}  // namespace tl
