#include "load/yaml_reader.hpp"

#include <algorithm>

#include "base/text.hpp"
#include "model/field_rules.hpp"

namespace tl::yaml {

SourceLoc Context::loc(const NodeRef& node) const {
    if (node.line() < 0 || node.column() < 0) return {file, 0, 0};
    return {file, static_cast<std::uint32_t>(node.line() + 1),
            static_cast<std::uint32_t>(node.column() + 1)};
}

void report_parse_error(const YamlError& error, std::uint32_t file, Diagnostics& diags) {
    const SourceLoc at = error.line < 0 || error.column < 0
                             ? SourceLoc{file, 0, 0}
                             : SourceLoc{file, static_cast<std::uint32_t>(error.line + 1),
                                         static_cast<std::uint32_t>(error.column + 1)};
    switch (error.kind) {
        case YamlError::alias:
            // yaml-cpp would share an aliased node, but the readers copy what they read: 100
            // aliased events that each take an aliased list of 100,000 tags would become 10^7
            // tags (13 s, 500 MB) from a file of 300 KB. No event file or template needs one.
            diags.error(at, "alias", "YAML aliases (*name) are not accepted",
                        "write the value out in full: an alias can make a small file expand "
                        "into millions of values");
            break;
        case YamlError::tag:
            diags.error(at, "yaml-tag", "the YAML tag '" + error.message + "' is not accepted",
                        "remove it: a plain value is a number where a number is expected and "
                        "text elsewhere; quote a value (or tag it !!str) to make it text");
            break;
        case YamlError::stall:
            diags.error(at, "yaml-syntax", "a ',' outside [ ] or { } separates nothing here",
                        "put the list in brackets, or quote text that starts with a comma");
            break;
        case YamlError::syntax:
            diags.error(at, "yaml-syntax", error.message,
                        "check the indentation and quoting near here");
            break;
    }
}

std::string_view describe(const NodeRef& node) {
    switch (node.type()) {
        case NodeType::sequence: return "a list";
        case NodeType::map: return "a mapping";
        case NodeType::scalar: return "text";
        case NodeType::null: return "empty";
    }
    return "empty";
}

MapReader::MapReader(const NodeRef& map, const Context& ctx, std::string_view what,
                     std::span<const std::string_view> known_keys)
    : map_(map), ctx_(ctx), what_(what) {
    entries_.reserve(map.size());
    for (auto it = map.begin(); it != map.end(); ++it) {
        const NodeRef key = *it;
        const NodeRef value = *++it;  // a mapping's children come in pairs
        if (!key.is_scalar()) {
            ctx.error(key, "wrong-type",
                      "a key in " + what_ + " must be text, not " + std::string(describe(key)));
            continue;
        }
        const std::string_view name = key.scalar();
        if (name.starts_with("x-")) continue;
        if (std::find(known_keys.begin(), known_keys.end(), name) == known_keys.end()) {
            const std::string near = nearest_word(name, known_keys);
            std::string hint;
            if (near.empty()) {
                hint = "known keys here:";
                for (std::string_view k : known_keys)
                    hint += " " + std::string(k);
                hint += "; extensions start with 'x-'";
            } else {
                hint = "did you mean '" + near + "'? Extensions start with 'x-'";
            }
            ctx.error(key, "unknown-key", "unknown key '" + std::string(name) + "' in " + what_,
                      hint);
            continue;
        }
        const auto same = std::find_if(entries_.begin(), entries_.end(),
                                       [&](const Entry& e) { return e.key.scalar() == name; });
        if (same != entries_.end()) {
            // yaml-cpp keeps both and would silently return the first: say so instead.
            Diagnostic d{
                Severity::error,    ctx.loc(key),
                "duplicate-key",    "key '" + std::string(name) + "' appears twice in " + what_,
                "keep one of them", ctx.loc(same->key),
                "first given here"};
            ctx.diags.add(std::move(d));
            continue;
        }
        entries_.push_back(Entry{key, value});
    }
}

const Entry* MapReader::find(std::string_view key) const {
    for (const Entry& entry : entries_)
        if (entry.key.scalar() == key) return &entry;
    return nullptr;
}

const Entry* MapReader::require(std::string_view key) const {
    const Entry* e = find(key);
    if (!e) {
        ctx_.diags.error(loc(), "missing-field", what_ + " has no '" + std::string(key) + "'",
                         "add '" + std::string(key) + ":'");
    }
    return e;
}

SourceLoc MapReader::loc(const Entry& e) const {
    const SourceLoc value = ctx_.loc(e.value);
    return value.line != 0 ? value : ctx_.loc(e.key);
}

void MapReader::report(const Entry& e, std::string rule, std::string message,
                       std::string hint) const {
    ctx_.diags.error(loc(e), std::move(rule), std::move(message), std::move(hint));
}

bool MapReader::check(const Entry& e, std::string rule, const std::optional<std::string>& problem,
                      std::string hint) const {
    if (!problem) return true;
    report(e, std::move(rule),
           *problem + " (in '" + std::string(e.key.scalar()) + "' of " + what_ + ")",
           std::move(hint));
    return false;
}

std::optional<std::string> MapReader::text(const Entry& e) const {
    if (e.value.is_scalar()) return std::string(e.value.scalar());
    ctx_.diags.error(loc(e), "wrong-type",
                     "'" + std::string(e.key.scalar()) + "' in " + what_ + " must be text, not " +
                         std::string(describe(e.value)));
    return std::nullopt;
}

std::optional<std::string> MapReader::text(std::string_view key, bool required) const {
    const Entry* e = required ? require(key) : find(key);
    return e ? text(*e) : std::nullopt;
}

bool check_text_field(const Context& ctx, const NodeRef& node, std::string_view text,
                      std::string_view where, TextLines lines) {
    const auto problem = check_text(text, lines);
    if (!problem) return true;
    ctx.error(node, "bad-text", std::string(where) + " " + *problem,
              lines == TextLines::one
                  ? "this field is one line of printable text: remove the character (in double "
                    "quotes, escapes such as \\e, \\t and \\n write control characters)"
                  : "this field may hold line breaks and tabs, but no other control character: "
                    "remove it (in double quotes, escapes such as \\e and \\r write one)");
    return false;
}

std::optional<std::string> MapReader::text_field(const Entry& e, TextLines lines) const {
    auto text = this->text(e);
    const std::string where = "'" + std::string(e.key.scalar()) + "' of " + what_;
    if (text && !check_text_field(ctx_, e.value, *text, where, lines)) return std::nullopt;
    return text;
}

std::optional<std::string> MapReader::text_field(std::string_view key, bool required,
                                                 TextLines lines) const {
    const Entry* e = required ? require(key) : find(key);
    return e ? text_field(*e, lines) : std::nullopt;
}

std::optional<double> MapReader::number(const Entry& e) const {
    // A quoted scalar is text in YAML, so "200" is not a number (as in the JSON Schema).
    if (e.value.is_scalar() && !e.value.is_quoted()) {
        if (auto v = parse_number(e.value.scalar())) return v;
    }
    const std::string shown = e.value.is_scalar() ? "'" + std::string(e.value.scalar()) + "'"
                                                  : std::string(describe(e.value));
    std::string hint =
        "write digits such as 200 or 1.5e6; put words like 'more than' in 'qualifier'";
    if (e.value.is_scalar()) {
        // 800,000: thousands separators, which a number does not take.
        std::string plain;
        for (char c : e.value.scalar())
            if (c != ',') plain += c;
        if (plain.size() < e.value.scalar().size() && parse_number(plain))
            hint = "write " + plain + ", without thousands separators";
    }
    ctx_.diags.error(loc(e), "bad-number",
                     "'" + std::string(e.key.scalar()) + "' must be a number, not " + shown, hint);
    return std::nullopt;
}

std::vector<Ref> MapReader::list(std::string_view key) const {
    std::vector<Ref> out;
    const Entry* e = find(key);
    if (!e) return out;
    if (e->value.is_scalar()) {
        out.push_back({std::string(e->value.scalar()), loc(*e)});
        return out;
    }
    if (!e->value.is_sequence()) {
        ctx_.diags.error(loc(*e), "wrong-type",
                         "'" + std::string(key) + "' in " + what_ + " must be a list, not " +
                             std::string(describe(e->value)));
        return out;
    }
    out.reserve(e->value.size());
    for (const NodeRef item : e->value) {
        if (item.is_scalar()) {
            out.push_back({std::string(item.scalar()), ctx_.loc(item)});
        } else {
            ctx_.error(item, "wrong-type",
                       "items of '" + std::string(key) + "' must be text, not " +
                           std::string(describe(item)));
        }
    }
    return out;
}

}  // namespace tl::yaml
