#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

#include "load/yaml_prescan.hpp"

namespace {

std::optional<tl::TextPosition> deepest(const std::string& text, int max_depth) {
    return tl::prescan_yaml(text, max_depth).too_deep;
}

std::string brackets(int n) {
    return "events: " + std::string(n, '[') + std::string(n, ']') + "\n";
}

}  // namespace

TEST_CASE("ordinary event files are far from the bound") {
    const std::string text =
        "events:\n  - id: a\n    title: Iran [IR] delivers {200} missiles\n"
        "    quantity: {value: 200, unit: \"[[[[\"}\n    summary: |\n      [[[[[[[[[[\n"
        "      {{{{{{{{{\n    sources:\n      - {publisher: P, url: 'https://x.org/[a]'}\n";
    // document, events, event, sources, source, and the source's flow mapping
    CHECK_FALSE(deepest(text, 6).has_value());
    CHECK(deepest(text, 5).has_value());
    CHECK_FALSE(deepest(brackets(60), tl::kMaxNestingDepth).has_value());
}

TEST_CASE("deep flow nesting is found where it crosses the bound") {
    const auto at = deepest(brackets(100000), tl::kMaxNestingDepth);
    REQUIRE(at.has_value());
    CHECK(at->line == 1);
    CHECK(at->column == 8 + 64);  // "events: " then the bracket that opens level 65
}

TEST_CASE("deep block nesting and sequence dashes count too") {
    std::string text = "events:\n";
    for (int i = 1; i < 80; ++i)
        text += std::string(2 * i, ' ') + "- x:\n";
    const auto at = deepest(text, tl::kMaxNestingDepth);
    REQUIRE(at.has_value());
    CHECK(at->line > 1);
    CHECK(deepest("- - - - - - x\n", 5).has_value());
    CHECK_FALSE(deepest("- - - - x\n", 5).has_value());
}

TEST_CASE("a quoted scalar that is never closed is found where it opens") {
    const auto found = tl::prescan_yaml("a: 1\nquote: \"more than 200\nb: 2\n", 64);
    REQUIRE(found.unclosed_quote.has_value());
    CHECK(found.unclosed_quote->line == 2);
    CHECK(found.unclosed_quote->column == 8);
    // Apostrophes inside plain text, escaped quotes and multi-line quotes are fine.
    CHECK_FALSE(tl::prescan_yaml("title: Russia's army\nq: 'it''s'\nr: \"a \\\" b\"\n"
                                 "s: \"two\n  lines\"\nt: [\"x\", 'y']\n",
                                 64)
                    .unclosed_quote.has_value());
}

TEST_CASE("a stretch without structure longer than the bound is found where it starts") {
    const auto long_at = [](const std::string& text) {
        return tl::prescan_yaml(text, tl::kMaxNestingDepth, 100).too_long;
    };
    // Keys, list items, flow separators and document markers each end a stretch.
    CHECK_FALSE(long_at("a: " + std::string(90, 'x') + "\nb: " + std::string(90, 'x') + "\n"));
    CHECK_FALSE(long_at("- " + std::string(90, 'x') + "\n- " + std::string(90, 'x') + "\n"));
    CHECK_FALSE(long_at("a: [" + std::string(90, 'x') + ", " + std::string(90, 'x') + "]\n"));
    CHECK_FALSE(long_at(std::string(90, 'x') + "\n---\n" + std::string(90, 'x') + "\n"));
    // One long line, a plain scalar over several lines, a quoted one, a block scalar, comments.
    const auto at = long_at("a: 1\nb: " + std::string(200, 'x') + "\n");
    REQUIRE(at.has_value());
    CHECK(at->line == 2);
    CHECK(at->column == 3);
    CHECK(long_at("a: " + std::string(60, 'x') + "\n  " + std::string(60, 'x') + "\n"));
    CHECK(long_at("a: '" + std::string(60, 'x') + "\n  " + std::string(60, 'x') + "'\n"));
    CHECK(long_at("a: |\n  " + std::string(60, 'x') + "\n  " + std::string(60, 'x') + "\n"));
    CHECK(long_at("# " + std::string(60, 'x') + "\n# " + std::string(60, 'x') + "\n"));
    // Separators inside quotes and block scalars are text, and do not end the stretch.
    CHECK(long_at("a: '" + std::string(60, ',') + ": " + std::string(60, ',') + "'\n"));
    CHECK(long_at("a: |\n  - " + std::string(60, 'x') + "\n  b: " + std::string(60, 'x') + "\n"));
}

TEST_CASE("a block scalar on a list item's key ends at the item's next key") {
    // "title: |" is on the dash line: the scalar's text is indented past the key's column (2),
    // so "tags" at column 2 is structure again and its deep flow nesting counts.
    const std::string text = "- title: |\n    text\n  tags: " + std::string(70, '[') + "\n";
    CHECK(tl::prescan_yaml(text, tl::kMaxNestingDepth).too_deep.has_value());
    // "- |" holds text indented past the dash.
    CHECK_FALSE(tl::prescan_yaml("- |\n  [[[[[[[[\n- x\n", 3).too_deep.has_value());
}

TEST_CASE("an apostrophe inside a flow collection's plain text opens no quote") {
    CHECK_FALSE(
        tl::prescan_yaml("from: [O'Brien, X]\nto: {k: O'Neil}\n", 64).unclosed_quote.has_value());
    CHECK_FALSE(
        tl::prescan_yaml("a: [x,\n  'y', \"z\"]\nb: {\"k\":'v'}\n", 64).unclosed_quote.has_value());
    CHECK(tl::prescan_yaml("a: [x, 'y]\n", 64).unclosed_quote.has_value());
}

TEST_CASE("surrogate escapes are found in double-quoted text only") {
    const std::string text =
        "a: \"x \\ud83d\\ude80\"\nb: '\\ud83d'\nc: \\ud83d\nd: \"\\\\ud83d\"\n"
        "e: \"multi\n  line \\uD83D\\uDE80\"\n";
    const auto found = tl::prescan_yaml(text, 64);
    CHECK_FALSE(found.bad_escape.has_value());
    CHECK(found.surrogate_pairs ==
          std::vector<std::size_t>{text.find("\\ud83d\\ude80"), text.find("\\uD83D")});
    const auto lone = tl::prescan_yaml("a: 1\nb: \"x \\ude80\\ud83d\"\n", 64).bad_escape;
    REQUIRE(lone.has_value());
    CHECK(lone->at.line == 2);
    CHECK(lone->at.column == 7);
    CHECK(lone->value == 0xDE80);
    CHECK(tl::prescan_yaml("a: \"\\U0000D83D\"\n", 64).bad_escape.has_value());
    CHECK(tl::prescan_yaml("a: \"\\U00110000\"\n", 64).bad_escape->value == 0x110000);
    CHECK_FALSE(tl::prescan_yaml("a: \"\\U0010FFFF\"\n", 64).bad_escape.has_value());
}
