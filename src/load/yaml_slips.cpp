#include "load/yaml_slips.hpp"

#include <cctype>
#include <string>

namespace tl {
namespace {

/// Line `n` (1-based) of `text`, without its line break; empty past the end.
std::string_view line_of(std::string_view text, std::uint32_t n) {
    std::size_t at = 0;
    for (std::uint32_t i = 1; i < n; ++i) {
        at = text.find('\n', at);
        if (at == std::string_view::npos) return {};
        ++at;
    }
    std::string_view line = text.substr(at, text.find('\n', at) - at);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return line;
}

bool digit(char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

/// A block mapping line "  - key: value" split into key and value (value trimmed).
struct KeyLine {
    std::string_view key;
    std::string_view value;
};
KeyLine key_line(std::string_view line) {
    std::size_t i = line.find_first_not_of(' ');
    if (i == std::string_view::npos) return {};
    if (line.substr(i).starts_with("- ")) i = line.find_first_not_of(' ', i + 2);
    const std::size_t colon = line.find(": ", i);
    if (i == std::string_view::npos || colon == std::string_view::npos) return {};
    const std::string_view key = line.substr(i, colon - i);
    for (char c : key)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_')) return {};
    std::string_view value = line.substr(colon + 2);
    value.remove_prefix(std::min(value.size(), value.find_first_not_of(' ')));
    return {key, value};
}

std::string quoted_yaml(std::string_view text) {
    if (text.find('"') == std::string_view::npos) return "\"" + std::string(text) + "\"";
    std::string out = "'";
    for (char c : text)
        out += c == '\'' ? std::string("''") : std::string(1, c);
    return out + "'";
}

/// `key: #text` left the value empty: the '#' began a comment.
std::string hash_hint(std::string_view text, const Diagnostic& d) {
    const std::size_t open = d.message.find('\'');
    const std::size_t close = d.message.find('\'', open + 1);
    if (open != 0 || close == std::string::npos) return {};
    const std::string_view key = std::string_view(d.message).substr(1, close - 1);
    // The value's place may be the next line's start: look up to two lines back.
    for (std::uint32_t n = d.loc.line; n > 0 && n + 3 > d.loc.line; --n) {
        const KeyLine kl = key_line(line_of(text, n));
        if (kl.key != key) continue;
        if (!kl.value.starts_with('#')) return {};
        std::string_view value = kl.value;
        while (!value.empty() && value.back() == ' ')
            value.remove_suffix(1);
        return "the '#' after '" + std::string(key) +
               ":' begins a YAML comment, so the value is empty: quote the text, as " +
               std::string(key) + ": " + quoted_yaml(value);
    }
    return {};
}

/// `{value: 800,000}`: the comma ended the number and '000' became a key.
std::string thousands_hint(std::string_view line, const Diagnostic& d) {
    const std::size_t key_at = d.loc.column - 1;
    if (d.loc.column < 3 || key_at >= line.size() || line[key_at - 1] != ',' ||
        !digit(line[key_at - 2]))
        return {};
    std::size_t start = key_at - 1;
    while (start > 0 && (digit(line[start - 1]) || line[start - 1] == ','))
        --start;
    std::size_t end = key_at;
    while (end < line.size() && (digit(line[end]) || line[end] == ','))
        ++end;
    while (line[end - 1] == ',')
        --end;
    const std::string_view written = line.substr(start, end - start);
    std::string plain;
    for (char c : written)
        if (c != ',') plain += c;
    return "'" + std::string(written) + "' reads as " +
           std::string(line.substr(start, key_at - 1 - start)) +
           " and a key, as a comma separates the items of { }: write " + plain +
           ", without thousands separators";
}

/// `title: Iran: drones delivered`: a plain text holding ": " reads as another key.
std::string colon_hint(std::string_view line) {
    const KeyLine kl = key_line(line);
    if (kl.key.empty() || kl.value.empty()) return {};
    const char first = kl.value.front();
    if (first == '"' || first == '\'' || first == '[' || first == '{' || first == '|' ||
        first == '>' || kl.value.find(": ") == std::string_view::npos)
        return {};
    std::string_view value = kl.value;
    while (!value.empty() && value.back() == ' ')
        value.remove_suffix(1);
    return "the text after '" + std::string(kl.key) +
           ":' holds ': ', which YAML reads as another key: quote the text, as " +
           std::string(kl.key) + ": " + quoted_yaml(value);
}

}  // namespace

void explain_yaml_slips(std::string_view text, std::size_t first, Diagnostics& diags) {
    for (std::size_t i = first; i < diags.items().size(); ++i) {
        const Diagnostic& d = diags.items()[i];
        if (d.loc.line == 0) continue;
        std::string hint;
        if (d.rule == "wrong-type" && d.message.ends_with("must be text, not empty")) {
            hint = hash_hint(text, d);
        } else if (d.rule == "unknown-key" && d.message.starts_with("unknown key '") &&
                   digit(d.message[13])) {
            hint = thousands_hint(line_of(text, d.loc.line), d);
        } else if (d.rule == "yaml-syntax" && d.message == "illegal map value") {
            hint = colon_hint(line_of(text, d.loc.line));
        }
        if (!hint.empty()) diags.rehint(i, std::move(hint));
    }
}

}  // namespace tl
