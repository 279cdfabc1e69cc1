#include <doctest/doctest.h>

#include "model/date_fix.hpp"

TEST_CASE("a bad date gets the nearest accepted form") {
    CHECK(tl::date_fix_hint("present") ==
          "for something still going on, write its start and an open end, as '2024/..' "
          "(START/..)");
    CHECK(tl::date_fix_hint("March 2024") ==
          "write '2024-03': months are written as numbers, year first");
    CHECK(tl::date_fix_hint("Sept 2024").starts_with("write '2024-09'"));
    CHECK(tl::date_fix_hint("3 March 2024").starts_with("write '2024-03-03'"));
    CHECK(tl::date_fix_hint("2024-4-13") == "write '2024-04-13': months and days take two digits");
    CHECK(tl::date_fix_hint("~2024-10") == "write '2024-10~': the mark goes after the date");
    CHECK(tl::date_fix_hint("2024/09/01").starts_with("write '2024-09-01'"));
    CHECK(tl::date_fix_hint("nonsense").empty());
}

TEST_CASE("a day and month that could be swapped are named as ambiguous") {
    const std::string hint = tl::date_fix_hint("12/03/2024");
    CHECK(hint.starts_with("write '2024-03-12' (or '2024-12-03' if 12/03 is month/day)"));
    CHECK(hint.find("ambiguous between day/month and month/day") != std::string::npos);
    CHECK(tl::date_fix_hint("31/03/2024").starts_with("write '2024-03-31'"));
    CHECK(tl::date_fix_hint("03/31/2024").starts_with("write '2024-03-31'"));
}
