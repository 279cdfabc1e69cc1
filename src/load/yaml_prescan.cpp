#include "load/yaml_prescan.hpp"

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "base/text.hpp"

namespace tl {
namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t';
}

/// A '[', '{' or quote in block context opens a value only where a value may start; inside
/// plain text ("Iran [IR] delivers", "Russia's") it is just a character.
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

/// Whether the ':' at `i` is a mapping indicator: followed by a space, the end of the line,
/// or (in a flow collection) a flow indicator.
bool is_key_indicator(std::string_view line, std::size_t i, int flow_depth) {
    if (i + 1 >= line.size()) return true;
    const char next = line[i + 1];
    if (is_space(next) || next == '\r') return true;
    return flow_depth > 0 &&
           (next == ',' || next == '[' || next == ']' || next == '{' || next == '}');
}

/// `---` or `...` at the start of a line, alone or followed by a space.
bool is_document_marker(std::string_view line) {
    if (line.size() < 3 || (line.substr(0, 3) != "---" && line.substr(0, 3) != "...")) return false;
    return line.size() == 3 || is_space(line[3]) || line[3] == '\r';
}

/// A `\uXXXX` or `\UXXXXXXXX` escape: its code point and its length in bytes.
struct UnicodeEscape {
    char32_t value;
    std::size_t length;
};

/// The unicode escape whose backslash is at `i`, if there is one.
std::optional<UnicodeEscape> unicode_escape(std::string_view line, std::size_t i) {
    if (i + 1 >= line.size() || (line[i + 1] != 'u' && line[i + 1] != 'U')) return std::nullopt;
    const std::size_t digits = line[i + 1] == 'u' ? 4 : 8;
    if (i + 2 + digits > line.size()) return std::nullopt;
    char32_t value = 0;
    for (const char c : line.substr(i + 2, digits)) {
        const int digit = c >= '0' && c <= '9'   ? c - '0'
                          : c >= 'a' && c <= 'f' ? c - 'a' + 10
                          : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                                 : -1;
        if (digit < 0) return std::nullopt;
        value = value * 16 + static_cast<char32_t>(digit);
    }
    return UnicodeEscape{value, 2 + digits};
}

bool is_surrogate(char32_t c) {
    return c >= 0xD800 && c <= 0xDFFF;
}

/// Whether the escape at `i` is a `\u` high surrogate followed by a `\u` low surrogate.
bool is_surrogate_pair(std::string_view line, std::size_t i) {
    const auto high = unicode_escape(line, i);
    if (!high || high->length != 6 || high->value > 0xDBFF) return false;
    const auto low = unicode_escape(line, i + 6);
    return low && low->length == 6 && low->value >= 0xDC00 && low->value <= 0xDFFF;
}

/// Line and column (1-based) of a byte offset.
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

}  // namespace

PrescanFindings prescan_yaml(std::string_view text, int max_depth, std::size_t max_run) {
    PrescanFindings found;
    TextPosition quote_start{0, 0};
    std::vector<std::size_t> indents;  // block indentation levels open at this line
    int flow_depth = 0;
    char quote = 0;                 // inside a quoted scalar that may span lines
    char last = 0;                  // the last character outside quotes that is not a space
    std::size_t scalar_indent = 0;  // inside a block scalar: its lines are text
    bool in_block_scalar = false;
    std::uint32_t line_no = 0;
    // Where the current stretch without any structure (key, item, separator) began.
    std::size_t run_start = 0;
    TextPosition run_at{1, 1};
    for (std::size_t start = 0; start <= text.size();) {
        if (start - run_start > max_run) {
            found.too_long = run_at;
            return found;
        }
        const std::size_t line_start = start;
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(start, end - start);
        start = end + 1;
        ++line_no;
        const auto structure_at = [&](std::size_t column) {
            run_start = line_start + column;
            run_at = {line_no, static_cast<std::uint32_t>(column + 1)};
        };
        std::size_t indent = 0;
        while (indent < line.size() && line[indent] == ' ')
            ++indent;
        const bool blank = indent == line.size() || line[indent] == '\r' || line[indent] == '#';
        if (in_block_scalar) {
            if (blank || indent > scalar_indent) continue;
            in_block_scalar = false;
        }
        if (blank && quote == 0) continue;
        if (quote == 0 && is_document_marker(line)) structure_at(3);
        std::size_t i = indent;
        int depth = flow_depth;
        bool block_line = false;  // a line read in block context, whose dashes were counted
        std::size_t last_dash = indent;
        if (quote == 0 && flow_depth == 0) {
            block_line = true;
            while (!indents.empty() && indents.back() >= indent)
                indents.pop_back();
            indents.push_back(indent);
            // Each "- " at the start opens one more sequence level: "- - - x".
            while (i + 1 < line.size() && line[i] == '-' && is_space(line[i + 1])) {
                last_dash = i;
                i += 2;
                while (i < line.size() && is_space(line[i]))
                    ++i;
                indents.push_back(i);  // the item's content column, where its keys align
                structure_at(i);
            }
            depth = static_cast<int>(indents.size());
        }
        const std::size_t content = i;
        for (; i < line.size(); ++i) {
            const char c = line[i];
            if (quote != 0) {
                if (quote == '"' && c == '\\') {
                    if (const auto escape = unicode_escape(line, i);
                        escape && (is_surrogate(escape->value) || escape->value > 0x10FFFF)) {
                        if (!is_surrogate_pair(line, i)) {
                            found.bad_escape = PrescanFindings::BadEscape{
                                {line_no, static_cast<std::uint32_t>(i + 1)}, escape->value};
                            return found;
                        }
                        found.surrogate_pairs.push_back(line_start + i);
                        i += 11;  // the rest of both escapes
                        continue;
                    }
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
            // In a flow collection a quote opens a scalar only after '[', '{', ',', ':' or
            // '?', on this line or an earlier one: [O'Brien] is plain text.
            const bool node_start = flow_depth > 0 ? last == '[' || last == '{' || last == ',' ||
                                                         last == ':' || last == '?'
                                                   : opens_value(line, i, 0);
            if (!is_space(c)) last = c;
            if ((c == '"' || c == '\'') && node_start) {
                quote = c;
                quote_start = {line_no, static_cast<std::uint32_t>(i + 1)};
            } else if ((c == '[' || c == '{') && (flow_depth > 0 || opens_value(line, i, 0))) {
                ++flow_depth;
                structure_at(i + 1);
                if (static_cast<int>(indents.size()) + flow_depth > max_depth) {
                    found.too_deep = TextPosition{line_no, static_cast<std::uint32_t>(i + 1)};
                    return found;
                }
            } else if ((c == ']' || c == '}') && flow_depth > 0) {
                --flow_depth;
                structure_at(i + 1);
            } else if (c == ',' && flow_depth > 0) {
                structure_at(i + 1);
            } else if (c == ':' && is_key_indicator(line, i, flow_depth)) {
                structure_at(i + 1);
            }
        }
        if (depth > max_depth) {
            found.too_deep = TextPosition{line_no, static_cast<std::uint32_t>(indent + 1)};
            return found;
        }
        if (quote == 0 && flow_depth == 0 && starts_block_scalar(line)) {
            in_block_scalar = true;
            // The text must be indented more than the node that holds it: the key's column
            // for `key: |` (after any dashes), the dash's column for `- |`.
            const bool right_after_dash =
                block_line && content > indent && (line[content] == '|' || line[content] == '>');
            scalar_indent = !block_line ? indent : right_after_dash ? last_dash : content;
        }
    }
    if (text.size() - run_start > max_run) {
        found.too_long = run_at;
        return found;
    }
    if (quote != 0) found.unclosed_quote = quote_start;
    return found;
}

std::optional<std::vector<std::size_t>> prescan_checks(std::string_view text, std::uint32_t file,
                                                       Diagnostics& diags) {
    if (const std::size_t bad = find_invalid_utf8(text); bad != std::string_view::npos) {
        // yaml-cpp passes invalid bytes through untouched; they would reach the PDF.
        diags.error(loc_of_offset(text, bad, file), "invalid-utf8",
                    "the file is not valid UTF-8 here", "save the file as UTF-8");
        return std::nullopt;
    }
    // YAML allows tab, line feed and carriage return, but no other C0 control or DEL; for a
    // NUL yaml-cpp reports "unknown escape character" on the next line.
    const auto control = std::find_if(text.begin(), text.end(), [](char c) {
        const auto u = static_cast<unsigned char>(c);
        return (u < 0x20 && u != '\t' && u != '\n' && u != '\r') || u == 0x7f;
    });
    if (control != text.end()) {
        char code[8];
        std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned char>(*control));
        diags.error(loc_of_offset(text, static_cast<std::size_t>(control - text.begin()), file),
                    "control-character",
                    std::string("the file holds the control character ") + code +
                        " here, which YAML does not allow",
                    "remove it; the file may be binary, or saved in another encoding");
        return std::nullopt;
    }
    // yaml-cpp takes a CR alone for no line end at all, and then reports whatever the joined
    // lines look like ("illegal map value"), far from the cause.
    for (std::size_t cr = text.find('\r'); cr != std::string_view::npos;
         cr = text.find('\r', cr + 1)) {
        if (cr + 1 < text.size() && text[cr + 1] == '\n') continue;
        const bool only_cr = text.find('\n') == std::string_view::npos;
        diags.error(loc_of_offset(text, cr, file), "line-ending",
                    only_cr ? "the lines of this file end in a carriage return (CR) alone, as "
                              "classic Mac OS wrote them; only LF or CR LF line ends are read"
                            : "a carriage return (CR) without a line feed ends a line here; only "
                              "LF or CR LF line ends are read",
                    "convert the line ends to LF, for example with tr '\\r' '\\n' or an "
                    "editor's line-ending setting");
        return std::nullopt;
    }
    PrescanFindings found = prescan_yaml(text, kMaxNestingDepth);
    if (found.too_deep) {
        diags.error(
            {file, found.too_deep->line, found.too_deep->column}, "too-deep",
            "the YAML nests deeper than " + std::to_string(kMaxNestingDepth) + " levels here",
            "event files need only a few levels; look for unclosed brackets");
        return std::nullopt;
    }
    if (found.too_long) {
        diags.error({file, found.too_long->line, found.too_long->column}, "too-long",
                    "more than " + std::to_string(kMaxRunBytes) +
                        " bytes (1 MiB) of text from here hold no key, list item or separator",
                    "no field needs that much text; look for a quote or bracket that is never "
                    "closed, or split the text");
        return std::nullopt;
    }
    if (found.unclosed_quote) {
        diags.error({file, found.unclosed_quote->line, found.unclosed_quote->column}, "yaml-syntax",
                    "this quoted text is never closed, so it would swallow the rest of the file",
                    "add the closing quote");
        return std::nullopt;
    }
    if (found.bad_escape) {
        const bool half = is_surrogate(found.bad_escape->value);
        char code[16];
        std::snprintf(code, sizeof code, "U+%04X", static_cast<unsigned>(found.bad_escape->value));
        diags.error({file, found.bad_escape->at.line, found.bad_escape->at.column}, "bad-escape",
                    half ? std::string("this escape (") + code +
                               ") is half of a UTF-16 surrogate pair, which is no character on "
                               "its own"
                         : std::string("this escape (") + code +
                               ") is beyond U+10FFFF, the last Unicode character",
                    "write the character itself, or as \\U0001F680; a whole pair such as "
                    "\\ud83d\\ude80 is read as one character");
        return std::nullopt;
    }
    return std::move(found.surrogate_pairs);
}

}  // namespace tl
