#include "load/yaml_reader.hpp"

#include <algorithm>

#include "base/text.hpp"
#include "model/field_rules.hpp"

namespace tl::yaml {

SourceLoc Context::loc(const YAML::Node& node) const {
    const YAML::Mark m = node.Mark();
    if (m.is_null()) return {file, 0, 0};
    return {file, static_cast<std::uint32_t>(m.line + 1), static_cast<std::uint32_t>(m.column + 1)};
}

std::string_view describe(const YAML::Node& node) {
    switch (node.Type()) {
        case YAML::NodeType::Sequence: return "a list";
        case YAML::NodeType::Map: return "a mapping";
        case YAML::NodeType::Scalar: return "text";
        case YAML::NodeType::Null:
        case YAML::NodeType::Undefined: return "empty";
    }
    return "empty";
}

MapReader::MapReader(const YAML::Node& map, const Context& ctx, std::string_view what,
                     std::span<const std::string_view> known_keys)
    : map_(map), ctx_(ctx), what_(what) {
    for (auto it = map.begin(); it != map.end(); ++it) {
        const YAML::Node key = it->first;
        if (!key.IsScalar()) {
            ctx.error(key, "wrong-type",
                      "a key in " + what_ + " must be text, not " + std::string(describe(key)));
            continue;
        }
        const std::string& name = key.Scalar();
        if (name.rfind("x-", 0) == 0) continue;
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
            ctx.error(key, "unknown-key", "unknown key '" + name + "' in " + what_, hint);
            continue;
        }
        const auto same = std::find_if(entries_.begin(), entries_.end(),
                                       [&](const auto& e) { return e.first == name; });
        if (same != entries_.end()) {
            // yaml-cpp keeps both and would silently return the first: say so instead.
            Diagnostic d{Severity::error,    ctx.loc(key),
                         "duplicate-key",    "key '" + name + "' appears twice in " + what_,
                         "keep one of them", ctx.loc(same->second.key),
                         "first given here"};
            ctx.diags.add(std::move(d));
            continue;
        }
        entries_.emplace_back(name, Entry{key, it->second});
    }
}

const Entry* MapReader::find(std::string_view key) const {
    for (const auto& [name, entry] : entries_)
        if (name == key) return &entry;
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
    report(e, std::move(rule), *problem + " (in '" + e.key.Scalar() + "' of " + what_ + ")",
           std::move(hint));
    return false;
}

std::optional<std::string> MapReader::text(const Entry& e) const {
    if (e.value.IsScalar()) return e.value.Scalar();
    ctx_.diags.error(loc(e), "wrong-type",
                     "'" + e.key.Scalar() + "' in " + what_ + " must be text, not " +
                         std::string(describe(e.value)));
    return std::nullopt;
}

std::optional<std::string> MapReader::text(std::string_view key, bool required) const {
    const Entry* e = required ? require(key) : find(key);
    return e ? text(*e) : std::nullopt;
}

std::optional<double> MapReader::number(const Entry& e) const {
    // A quoted scalar is text in YAML, so "200" is not a number (as in the JSON Schema).
    if (e.value.IsScalar() && e.value.Tag() != "!") {
        if (auto v = parse_number(e.value.Scalar())) return v;
    }
    const std::string shown =
        e.value.IsScalar() ? "'" + e.value.Scalar() + "'" : std::string(describe(e.value));
    ctx_.diags.error(loc(e), "bad-number",
                     "'" + e.key.Scalar() + "' must be a number, not " + shown,
                     "write digits such as 200 or 1.5e6; put words like 'more than' in "
                     "'qualifier'");
    return std::nullopt;
}

std::vector<Ref> MapReader::list(std::string_view key) const {
    std::vector<Ref> out;
    const Entry* e = find(key);
    if (!e) return out;
    if (e->value.IsScalar()) {
        out.push_back({e->value.Scalar(), loc(*e)});
        return out;
    }
    if (!e->value.IsSequence()) {
        ctx_.diags.error(loc(*e), "wrong-type",
                         "'" + std::string(key) + "' in " + what_ + " must be a list, not " +
                             std::string(describe(e->value)));
        return out;
    }
    for (const YAML::Node& item : e->value) {
        if (item.IsScalar()) {
            out.push_back({item.Scalar(), ctx_.loc(item)});
        } else {
            ctx_.error(item, "wrong-type",
                       "items of '" + std::string(key) + "' must be text, not " +
                           std::string(describe(item)));
        }
    }
    return out;
}

}  // namespace tl::yaml
