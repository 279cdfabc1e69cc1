#include <doctest/doctest.h>

#include "cli/diagnostic_memory.hpp"

TEST_CASE("a watch prints each problem once: new ones in full, the rest counted") {
    tl::SourceFiles files;
    files.add("a.yaml");
    files.add("b.yaml");
    tl::Diagnostics first;
    first.warning({0, 3, 5}, "missing-url", "no source has a URL");
    first.warning({1, 7, 1}, "missing-url", "no source has a URL");
    tl::cli::DiagnosticMemory memory;
    std::size_t unchanged = 9;
    CHECK(memory.new_since_last(first, files, unchanged).items().size() == 2);
    CHECK(unchanged == 0);

    tl::Diagnostics second = first;  // the same two, and one the save caused
    second.error({1, 9, 3}, "bad-date", "bad year in '12'");
    const tl::Diagnostics fresh = memory.new_since_last(second, files, unchanged);
    REQUIRE(fresh.items().size() == 1);
    CHECK(fresh.items()[0].rule == "bad-date");
    CHECK(unchanged == 2);

    // Fixed: the error is gone; a problem that comes back later is new again.
    memory.new_since_last(first, files, unchanged);
    CHECK(unchanged == 2);
    CHECK(memory.new_since_last(second, files, unchanged).items().size() == 1);
    // The same rule and message at another place is another problem.
    tl::Diagnostics moved;
    moved.warning({0, 4, 5}, "missing-url", "no source has a URL");
    CHECK(memory.new_since_last(moved, files, unchanged).items().size() == 1);
    CHECK(unchanged == 0);
}

TEST_CASE("a watch remembers a render's problems from all its parts, not only the first") {
    // The layout's page-too-small comes after the input's warnings: printed once, then
    // counted with them, never reprinted at each save.
    tl::SourceFiles files;
    files.add("a.yaml");
    tl::Diagnostics input;
    input.warning({0, 3, 5}, "missing-url", "no source has a URL");
    tl::Diagnostics layout;
    layout.warning({0, 1, 1}, "page-too-small", "the page is too small for the chart");
    tl::cli::DiagnosticMemory memory;
    CHECK(memory.fresh(input, files).items().size() == 1);
    CHECK(memory.fresh(layout, files).items().size() == 1);
    CHECK(memory.finish() == 0);

    CHECK(memory.fresh(input, files).items().empty());
    CHECK(memory.fresh(layout, files).items().empty());
    CHECK(memory.finish() == 2);

    // A render that stops before its layout forgets the layout's problem.
    CHECK(memory.fresh(input, files).items().empty());
    CHECK(memory.finish() == 1);
    CHECK(memory.fresh(layout, files).items().size() == 1);
    CHECK(memory.finish() == 0);
}
