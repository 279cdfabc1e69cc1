#include <doctest/doctest.h>

#include <string>

#include "load/nesting_scan.hpp"

namespace {

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
    CHECK_FALSE(tl::find_excessive_nesting(text, 6).has_value());
    CHECK(tl::find_excessive_nesting(text, 5).has_value());
    CHECK_FALSE(tl::find_excessive_nesting(brackets(60), tl::kMaxNestingDepth).has_value());
}

TEST_CASE("deep flow nesting is found where it crosses the bound") {
    const auto at = tl::find_excessive_nesting(brackets(100000), tl::kMaxNestingDepth);
    REQUIRE(at.has_value());
    CHECK(at->line == 1);
    CHECK(at->column == 8 + 64);  // "events: " then the bracket that opens level 65
}

TEST_CASE("deep block nesting and sequence dashes count too") {
    std::string text = "events:\n";
    for (int i = 1; i < 80; ++i)
        text += std::string(2 * i, ' ') + "- x:\n";
    const auto at = tl::find_excessive_nesting(text, tl::kMaxNestingDepth);
    REQUIRE(at.has_value());
    CHECK(at->line > 1);
    CHECK(tl::find_excessive_nesting("- - - - - - x\n", 5).has_value());
    CHECK_FALSE(tl::find_excessive_nesting("- - - - x\n", 5).has_value());
}
