#pragma once

// Helpers that read parsed YAML nodes into plain values while reporting every problem with
// its position. Internal to the load stage.

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.hpp"
#include "load/yaml_tree.hpp"
#include "model/field_rules.hpp"
#include "model/model.hpp"

namespace tl::yaml {

/// Which file is being read, and where its problems go.
struct Context {
    std::uint32_t file;
    Diagnostics& diags;

    /// yaml-cpp's marks are 0-based; diagnostics are 1-based.
    SourceLoc loc(const NodeRef& node) const;
    void error(const NodeRef& node, std::string rule, std::string message,
               std::string hint = {}) const {
        diags.error(loc(node), std::move(rule), std::move(message), std::move(hint));
    }
};

/// A present key of a mapping, with both nodes (the key's mark is kept for values that
/// yaml-cpp leaves without one, such as an empty value at the end of the file).
struct Entry {
    NodeRef key;
    NodeRef value;
};

/// Reads the keys of one mapping once. Unknown keys (with a "did you mean"), repeated keys
/// and non-text keys are reported here; `x-` keys are skipped as the spec says.
class MapReader {
  public:
    MapReader(const NodeRef& map, const Context& ctx, std::string_view what,
              std::span<const std::string_view> known_keys);

    const Entry* find(std::string_view key) const;
    /// Reports `missing-field` when a required key is absent.
    const Entry* require(std::string_view key) const;
    SourceLoc loc() const { return ctx_.loc(map_); }
    SourceLoc loc(const Entry& e) const;
    const Context& context() const { return ctx_; }
    /// Reports a problem with the value of `e`.
    void report(const Entry& e, std::string rule, std::string message, std::string hint = {}) const;
    /// Reports `problem`, if there is one, against `e`; returns whether there was none.
    bool check(const Entry& e, std::string rule, const std::optional<std::string>& problem,
               std::string hint = {}) const;

    /// Text of a scalar value; reports `wrong-type` for a list, mapping or empty value.
    std::optional<std::string> text(const Entry& e) const;
    std::optional<std::string> text(std::string_view key, bool required) const;
    /// Text that is drawn or listed (a title, name, unit, ...): text(), then the one rule of
    /// every text field, check_text (`bad-text`). Nothing when it breaks either.
    std::optional<std::string> text_field(const Entry& e, TextLines lines = TextLines::one) const;
    std::optional<std::string> text_field(std::string_view key, bool required,
                                          TextLines lines = TextLines::one) const;
    /// A number written plainly (not quoted); reports `bad-number` otherwise.
    std::optional<double> number(const Entry& e) const;
    /// A list of scalars, such as ids or tags (a single scalar is taken as a list of one).
    std::vector<Ref> list(std::string_view key) const;

  private:
    NodeRef map_;
    const Context& ctx_;
    std::string what_;
    std::vector<Entry> entries_;
};

/// Reports `bad-text` against `node` when `text` breaks check_text; `where` names the field
/// ("'unit' of quantity"). Returns whether the text is fine.
bool check_text_field(const Context& ctx, const NodeRef& node, std::string_view text,
                      std::string_view where, TextLines lines = TextLines::one);

/// Reports why parse_yaml stopped: `yaml-syntax` for yaml-cpp's errors and for a stalling
/// comma, `alias` for an alias, `yaml-tag` for a tag.
void report_parse_error(const YamlError& error, std::uint32_t file, Diagnostics& diags);

/// Returns a short description of a node's type for messages: "a list", "a mapping", ...
std::string_view describe(const NodeRef& node);

}  // namespace tl::yaml
