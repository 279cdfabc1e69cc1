#include <doctest/doctest.h>

#include <optional>
#include <string>

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
