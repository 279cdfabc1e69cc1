#include <doctest/doctest.h>

#include <string>

#include "cli/git_revision.hpp"

using tl::cli::parse_git_source;

TEST_CASE("git:REV[:PATH] names a revision of the inputs, PATH events by default") {
    std::string error;
    CHECK_FALSE(parse_git_source("events/", error));
    CHECK_FALSE(parse_git_source("./git:HEAD", error));  // a file of that name
    auto s = parse_git_source("git:HEAD~1", error);
    REQUIRE(s);
    CHECK(error.empty());
    CHECK(s->revision == "HEAD~1");
    CHECK(s->path == "events");
    s = parse_git_source("git:v2024-09-01:data/weekly:2024", error);
    REQUIRE(s);
    CHECK(s->revision == "v2024-09-01");
    CHECK(s->path == "data/weekly:2024");  // the first ':' ends the revision
    s = parse_git_source("git:main@{2024-09-01}:", error);
    REQUIRE(s);
    CHECK(s->path == "events");
    CHECK(error.empty());
}

TEST_CASE("a revision git would read as an option, or none, is refused") {
    for (const char* word :
         {"git:-p", "git:--output=x", "git:--output=x:events", "git:", "git::events"}) {
        CAPTURE(word);
        std::string error;
        CHECK(parse_git_source(word, error));
        CHECK_FALSE(error.empty());
    }
}

TEST_CASE("run_program passes arguments as they are, with no shell, and bounds the output") {
    const auto r = tl::cli::run_program({"printf", "%s|%s", "$(echo no); `echo no`", "*"}, 100);
    REQUIRE(r.started);
    CHECK(r.exit_status == 0);
    CHECK(r.out == "$(echo no); `echo no`|*");
    CHECK_FALSE(r.truncated);

    const auto big = tl::cli::run_program({"head", "-c", "100000", "/dev/zero"}, 1000);
    CHECK(big.truncated);
    CHECK(big.out.size() == 1000);

    const auto missing = tl::cli::run_program({"no-such-program-for-timeline"}, 100);
    CHECK_FALSE(missing.started);
    CHECK_FALSE(missing.error.empty());
}
