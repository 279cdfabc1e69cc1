#include "load/yaml_prescan.hpp"

#include <vector>

namespace tl {
namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t';
}

/// A '[' or '{' opens a flow collection only where a value may start; inside plain text
/// ("Iran [IR] delivers") it is just a character.
bool opens_value(std::string_view line, std::size_t i, int flow_depth) {
    if (flow_depth > 0) return true;
    std::size_t j = i;
    while (j > 0 && is_space(line[j - 1]))
        --j;
    if (j == 0) return true;
    const char before = line[j - 1];
    return before == ':' || before == '-' || before == '?';
}

/// Whether a block line ends in a block scalar header: `key: |`, `- >-`, `: |2`.
bool starts_block_scalar(std::string_view rest) {
    while (!rest.empty() && is_space(rest.back()))
        rest.remove_suffix(1);
    std::size_t i = rest.size();
    while (i > 0 &&
           (rest[i - 1] == '-' || rest[i - 1] == '+' || (rest[i - 1] >= '1' && rest[i - 1] <= '9')))
        --i;
    if (i == 0 || (rest[i - 1] != '|' && rest[i - 1] != '>')) return false;
    return i == 1 || is_space(rest[i - 2]);
}

}  // namespace

PrescanFindings prescan_yaml(std::string_view text, int max_depth) {
    PrescanFindings found;
    TextPosition quote_start{0, 0};
    std::vector<std::size_t> indents;  // block indentation levels open at this line
    int flow_depth = 0;
    char quote = 0;                 // inside a quoted scalar that may span lines
    std::size_t scalar_indent = 0;  // inside a block scalar: its lines are text
    bool in_block_scalar = false;
    std::uint32_t line_no = 0;
    for (std::size_t start = 0; start <= text.size();) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        start = end + 1;
        ++line_no;
        std::size_t indent = 0;
        while (indent < line.size() && line[indent] == ' ')
            ++indent;
        const bool blank = indent == line.size() || line[indent] == '\r' || line[indent] == '#';
        if (in_block_scalar) {
            if (blank || indent > scalar_indent) continue;
            in_block_scalar = false;
        }
        if (blank && quote == 0) continue;
        std::size_t i = indent;
        int depth = flow_depth;
        if (quote == 0 && flow_depth == 0) {
            while (!indents.empty() && indents.back() >= indent)
                indents.pop_back();
            indents.push_back(indent);
            // Each "- " at the start opens one more sequence level: "- - - x".
            while (i + 1 < line.size() && line[i] == '-' && is_space(line[i + 1])) {
                i += 2;
                while (i < line.size() && is_space(line[i]))
                    ++i;
                indents.push_back(i);  // the item's content column, where its keys align
            }
            depth = static_cast<int>(indents.size());
        }
        for (; i < line.size(); ++i) {
            const char c = line[i];
            if (quote != 0) {
                if (quote == '"' && c == '\\') {
                    ++i;
                } else if (c == quote) {
                    if (quote == '\'' && i + 1 < line.size() && line[i + 1] == '\'') {
                        ++i;  // '' is an escaped quote
                    } else {
                        quote = 0;
                    }
                }
                continue;
            }
            if (c == '#' && (i == 0 || is_space(line[i - 1]))) break;
            if ((c == '"' || c == '\'') && opens_value(line, i, flow_depth)) {
                quote = c;
                quote_start = {line_no, static_cast<std::uint32_t>(i + 1)};
            } else if ((c == '[' || c == '{') && (flow_depth > 0 || opens_value(line, i, 0))) {
                ++flow_depth;
                if (static_cast<int>(indents.size()) + flow_depth > max_depth) {
                    found.too_deep = TextPosition{line_no, static_cast<std::uint32_t>(i + 1)};
                    return found;
                }
            } else if ((c == ']' || c == '}') && flow_depth > 0) {
                --flow_depth;
            }
        }
        if (depth > max_depth) {
            found.too_deep = TextPosition{line_no, static_cast<std::uint32_t>(indent + 1)};
            return found;
        }
        if (quote == 0 && flow_depth == 0 && starts_block_scalar(line)) {
            in_block_scalar = true;
            scalar_indent = indent;
        }
    }
    if (quote != 0) found.unclosed_quote = quote_start;
    return found;
}

}  // namespace tl
