#include <doctest/doctest.h>

#include <string>
#include <string_view>

#include "layout/date_label.hpp"
#include "model/date.hpp"

namespace {

const std::string kEnDash = "\xE2\x80\x93";  // U+2013

tl::Date date(std::string_view text) {
    const auto parsed = tl::parse_date(text);
    REQUIRE_MESSAGE(parsed, "bad test date '", text, "': ", parsed.error);
    return *parsed.value;
}

/// The label of a single date, through both overloads.
std::string label(std::string_view text) {
    const tl::Date d = date(text);
    REQUIRE_FALSE(d.is_interval());
    const std::string from_point = tl::human_date(d.start);
    CHECK(tl::human_date(d) == from_point);
    return from_point;
}

std::string label_of_interval(std::string_view text) {
    const tl::Date d = date(text);
    REQUIRE(d.is_interval());
    return tl::human_date(d);
}

}  // namespace

TEST_CASE("month_abbreviation") {
    CHECK(std::string(tl::month_abbreviation(1)) == "Jan");
    CHECK(std::string(tl::month_abbreviation(2)) == "Feb");
    CHECK(std::string(tl::month_abbreviation(9)) == "Sep");
    CHECK(std::string(tl::month_abbreviation(12)) == "Dec");
    CHECK(std::string(tl::month_abbreviation(0)) == "?");
    CHECK(std::string(tl::month_abbreviation(13)) == "?");
    CHECK(std::string(tl::month_abbreviation(-1)) == "?");
}

TEST_CASE("a day, a month, a year") {
    CHECK(label("2024-09-16") == "16 Sep 2024");
    CHECK(label("2024-09-05") == "5 Sep 2024");  // no leading zero
    CHECK(label("2022-02-24") == "24 Feb 2022");
    CHECK(label("2024-02-29") == "29 Feb 2024");
    CHECK(label("1400-01-01") == "1 Jan 1400");
    CHECK(label("9999-12-31") == "31 Dec 9999");
    CHECK(label("2024-09") == "Sep 2024");
    CHECK(label("2024-01") == "Jan 2024");
    CHECK(label("2024-12") == "Dec 2024");
    CHECK(label("2024") == "2024");
}

TEST_CASE("unspecified digits read at the precision they leave") {
    CHECK(label("2024-09-XX") == "Sep 2024");
    CHECK(label("2024-XX") == "2024");
    CHECK(label("2024-XX-XX") == "2024");
    CHECK(label("202X") == "2020s");
    CHECK(label("199X") == "1990s");
    CHECK(label("140X") == "1400s");
    // A century is given as its span of years.
    CHECK(label("20XX") == "2000" + kEnDash + "2099");
    CHECK(label("14XX") == "1400" + kEnDash + "1499");
}

TEST_CASE("approximate and uncertain") {
    CHECK(label("2024-09~") == "c. Sep 2024");
    CHECK(label("2024?") == "2024?");
    CHECK(label("2024%") == "c. 2024?");
    CHECK(label("2024~") == "c. 2024");
    CHECK(label("2024-09-16?") == "16 Sep 2024?");
    CHECK(label("2024-09-16%") == "c. 16 Sep 2024?");
    CHECK(label("202X~") == "c. 2020s");
    CHECK(label("2024-22%") == "c. summer 2024?");
}

TEST_CASE("seasons") {
    CHECK(label("2024-21") == "spring 2024");
    CHECK(label("2024-22") == "summer 2024");
    CHECK(label("2024-23") == "autumn 2024");

    SUBCASE("winter names both years it spans") {
        CHECK(label("2024-24") == "winter 2024" + kEnDash + "25");
        CHECK(label("2023-24") == "winter 2023" + kEnDash + "24");
        CHECK(label("2010-24") == "winter 2010" + kEnDash + "11");
        CHECK(label("2024-24~") == "c. winter 2024" + kEnDash + "25");
        CHECK(label("2024-24?") == "winter 2024" + kEnDash + "25?");
        // Across a century the second year is written in full, not as "00".
        CHECK(label("1999-24") == "winter 1999" + kEnDash + "2000");
        // The code writes the second year in full whenever its last two digits are below
        // The second year is written with two digits within a century, in full across one.
        CHECK(label("2008-24") == "winter 2008" + kEnDash + "09");
        CHECK(label("2000-24") == "winter 2000" + kEnDash + "01");
        CHECK(label("2009-24") == "winter 2009" + kEnDash + "10");
    }
}

TEST_CASE("an open or unknown side alone reads as '?'") {
    const tl::Date since = date("2022-02-24/..");
    CHECK(tl::human_date(*since.end) == "?");
    const tl::Date by = date("/2024");
    CHECK(tl::human_date(by.start) == "?");
}

TEST_CASE("intervals") {
    CHECK(label_of_interval("2014-10-01/2024-10-01") == "1 Oct 2014 " + kEnDash + " 1 Oct 2024");
    CHECK(label_of_interval("2022-02/2024-09") == "Feb 2022 " + kEnDash + " Sep 2024");
    CHECK(label_of_interval("2024~/2025?") == "c. 2024 " + kEnDash + " 2025?");
    CHECK(label_of_interval("2024-22/2024-24") ==
          "summer 2024 " + kEnDash + " winter 2024" + kEnDash + "25");

    SUBCASE("open end: since") {
        CHECK(label_of_interval("2022-02-24/..") == "since 24 Feb 2022");
        CHECK(label_of_interval("2022~/..") == "since c. 2022");
    }
    SUBCASE("open start: until") {
        CHECK(label_of_interval("../2024-09") == "until Sep 2024");
        CHECK(label_of_interval("../2024?") == "until 2024?");
    }
    SUBCASE("unknown start: by") {
        CHECK(label_of_interval("/2024-09") == "by Sep 2024");
        CHECK(label_of_interval("/2024-09-16") == "by 16 Sep 2024");
    }
    SUBCASE("unknown end: from") {
        CHECK(label_of_interval("2022-02/") == "from Feb 2022");
        CHECK(label_of_interval("2022-02-24%/") == "from c. 24 Feb 2022?");
    }
    SUBCASE("joined from date and end") {
        const auto joined = tl::join_interval(date("2014-10-01"), date("2024-10-01"));
        REQUIRE(joined);
        CHECK(tl::human_date(*joined.value) == "1 Oct 2014 " + kEnDash + " 1 Oct 2024");
    }
}
