#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "layout/lane_packer.hpp"

namespace {

using tl::LaneRows;
constexpr std::size_t kNoLabel = LaneRows::npos;

/// Places [x0, x1] with no arrow, as the packer would choose, and returns its row.
LaneRows::RowIndex place(LaneRows& rows, double x0, double x1, std::size_t label = LaneRows::npos) {
    const auto row = rows.choose(x0, x0, x0, false, false);
    rows.take(row, x1, label);
    return row;
}

}  // namespace

TEST_CASE("an empty lane") {
    LaneRows rows;
    CHECK(rows.count() == 0);
    CHECK(rows.top() == 0);
    CHECK(rows.choose(0, 0, 0, false, false) == 0);
    CHECK(rows.choose(0, 0, 0, true, false) == 0);
    CHECK(rows.choose(0, 0, 0, false, true) == 0);
    CHECK(rows.end_of(0) == LaneRows::kFree);
    CHECK(std::isinf(LaneRows::kFree));
    CHECK(LaneRows::kFree < 0);
}

TEST_CASE("items that do not overlap share row 0") {
    LaneRows rows;
    CHECK(place(rows, 0, 10) == 0);
    CHECK(rows.end_of(0) == 10);
    CHECK(place(rows, 10, 20) == 0);  // touching is not overlapping
    CHECK(place(rows, 25, 40) == 0);
    CHECK(place(rows, 100, 150) == 0);
    CHECK(rows.count() == 1);
    CHECK(rows.top() == 0);
    CHECK(rows.end_of(0) == 150);
}

TEST_CASE("an overlapping item goes to a new row") {
    LaneRows rows;
    CHECK(place(rows, 0, 50) == 0);
    CHECK(place(rows, 20, 60) == 1);  // overlaps row 0: a new row below
    CHECK(rows.count() == 2);
    CHECK(place(rows, 40, 70) == 2);  // overlaps both
    CHECK(rows.count() == 3);
    CHECK(rows.end_of(0) == 50);
    CHECK(rows.end_of(1) == 60);
    CHECK(rows.end_of(2) == 70);

    SUBCASE("the first free row is reused") {
        CHECK(place(rows, 55, 80) == 0);
        CHECK(place(rows, 65, 90) == 1);
        CHECK(rows.count() == 3);
    }
    SUBCASE("a row not yet made reads as free") {
        CHECK(rows.end_of(3) == LaneRows::kFree);
        CHECK(rows.end_of(-1) == LaneRows::kFree);
    }
    CHECK(rows.top() == 0);
}

TEST_CASE("take keeps the furthest end of a row") {
    LaneRows rows;
    rows.take(0, 50, kNoLabel);
    rows.take(0, 30, kNoLabel);
    CHECK(rows.end_of(0) == 50);
    rows.take(1, 80, kNoLabel);  // just past the bottom
    rows.take(-1, 5, kNoLabel);  // just past the top
    CHECK(rows.count() == 3);
    CHECK(rows.top() == -1);
    CHECK(rows.end_of(-1) == 5);
    CHECK(rows.end_of(1) == 80);
}

TEST_CASE("choose with an arrow prefers rows that leave nothing in the arrow's way") {
    // Row 1 is taken far to the right; rows 0 and 2 are free from x = 10.
    LaneRows rows;
    rows.take(0, 10, kNoLabel);
    rows.take(1, 100, kNoLabel);
    rows.take(2, 10, kNoLabel);
    REQUIRE(rows.count() == 3);

    SUBCASE("going down: a row with no taken rows below at the shaft") {
        // Row 0 is free, but its shaft at x = 25 would cross row 1; row 2 has nothing below.
        CHECK(rows.choose(20, 20, 25, false, true) == 2);
    }
    SUBCASE("going up: a row with no taken rows above at the shaft") {
        CHECK(rows.choose(20, 20, 25, true, false) == 0);
    }
    SUBCASE("no arrow: the first free row") {
        CHECK(rows.choose(20, 20, 25, false, false) == 0);
    }
    SUBCASE("a shaft right of every row crosses nothing") {
        CHECK(rows.choose(20, 20, 150, false, true) == 0);
    }
    SUBCASE("both ways: a free row rather than a new row that is no better") {
        // Rows 0 and 2 each have row 1 in the way of one of the two shafts. A new row below
        // (3) would have row 1 in the way of its upward shaft just the same, so it gains
        // nothing and only makes the lane taller: the first free row of least cost is row 0.
        CHECK(rows.choose(20, 20, 25, true, true) == 0);
    }
}

TEST_CASE("choose: when every free row is in the way, a new row on the arrow's side") {
    // Row 0 free from 10, row 1 taken to 100.
    LaneRows rows;
    rows.take(0, 10, kNoLabel);
    rows.take(1, 100, kNoLabel);

    CHECK(rows.choose(20, 20, 25, false, true) == 2);  // down: new row below, crossing nothing
    CHECK(rows.choose(20, 20, 25, true, false) == 0);  // up: row 0 has nothing above

    // Now the top row is in the way of an upward arrow from row 1.
    LaneRows up_blocked;
    up_blocked.take(0, 100, kNoLabel);
    up_blocked.take(1, 10, kNoLabel);
    CHECK(up_blocked.choose(20, 20, 25, true, false) == -1);  // a new row above
    CHECK(up_blocked.choose(20, 20, 25, false, true) == 1);   // down from row 1 crosses nothing
}

TEST_CASE("rows added above get negative indices") {
    LaneRows rows;
    CHECK(place(rows, 0, 100) == 0);
    // An arrow going up from an item that overlaps row 0: a new row above.
    const auto row = rows.choose(10, 10, 15, true, false);
    CHECK(row == -1);
    rows.take(row, 60, kNoLabel);
    CHECK(rows.top() == -1);
    CHECK(rows.top() < 0);
    CHECK(rows.count() == 2);

    const auto higher = rows.choose(20, 20, 25, true, false);
    CHECK(higher == -2);
    rows.take(higher, 40, kNoLabel);
    CHECK(rows.top() == -2);
    CHECK(rows.count() == 3);
    CHECK(rows.end_of(-2) == 40);
    CHECK(rows.end_of(-1) == 60);
    CHECK(rows.end_of(0) == 100);

    // Rows above are reused like any other.
    CHECK(rows.choose(50, 50, 55, true, false) == -2);
    CHECK(rows.choose(70, 70, 75, false, false) == -2);
    CHECK(rows.choose(61, 61, 200, false, true) == -2);  // shaft right of every row: no cost

    SUBCASE("with no arrow an overlapping item still goes below") {
        CHECK(rows.choose(10, 10, 10, false, false) == 1);
    }
}

TEST_CASE("cross reports the labels a shaft passes through") {
    std::vector<tl::LabelSpan> labels = {
        {0, 50, false, false},     // 0: row 0
        {0, 20, false, false},     // 1: row 1
        {100, 150, false, false},  // 2: row 2, where the arrow starts
        {28, 40, true, false},     // 3: row 3, below the start
    };
    LaneRows rows;
    rows.take(0, 50, 0);
    rows.take(1, 20, 1);
    rows.take(2, 150, 2);
    rows.take(3, 40, 3);

    SUBCASE("upward from row 2 crosses rows 0 and 1 only") {
        const auto hit = rows.cross(30, 2, false, 2, true, labels);
        CHECK(hit == std::vector<std::size_t>{0});  // label 1 ends at 20, clear of 30 +- 2
        // The crossed rows are now taken up to the shaft and its clearance...
        CHECK(rows.end_of(0) == 50);
        CHECK(rows.end_of(1) == 32);
        // ...but the start row and the rows below are not.
        CHECK(rows.end_of(2) == 150);
        CHECK(rows.end_of(3) == 40);
        // A new row above would start past the shaft; one below would not.
        CHECK(rows.end_of(-1) == 32);
        CHECK(rows.end_of(4) == LaneRows::kFree);
    }
    SUBCASE("downward from row 2 crosses row 3 only") {
        const auto hit = rows.cross(30, 2, false, 2, false, labels);
        CHECK(hit == std::vector<std::size_t>{3});
        CHECK(rows.end_of(0) == 50);
        CHECK(rows.end_of(1) == 20);
        CHECK(rows.end_of(3) == 40);
        CHECK(rows.end_of(4) == 32);
        CHECK(rows.end_of(-1) == LaneRows::kFree);
    }
    SUBCASE("through the whole lane") {
        const auto hit = rows.cross(30, 2, true, 0, false, labels);
        CHECK(hit == std::vector<std::size_t>{0, 3});
        CHECK(rows.end_of(1) == 32);
        CHECK(rows.end_of(-1) == 32);
        CHECK(rows.end_of(4) == 32);
    }
    SUBCASE("the clearance widens a label") {
        const auto hit = rows.cross(21, 2, true, 0, false, labels);
        CHECK(hit == std::vector<std::size_t>{0, 1});  // label 1 ends at 20, within 2 of 21
        // The bounds are exclusive: a shaft exactly the clearance away misses.
        const auto edge = rows.cross(22, 2, true, 0, false, labels);
        CHECK(edge == std::vector<std::size_t>{0});
    }
    SUBCASE("a shaft at a label's edge minus the clearance does not touch it") {
        const auto hit = rows.cross(52, 2, false, 1, true, labels);
        CHECK(hit.empty());
    }
}

TEST_CASE("after a crossing, later items start after the shaft") {
    std::vector<tl::LabelSpan> labels = {{0, 10, false, false}, {0, 10, false, false}};
    LaneRows rows;
    rows.take(0, 10, 0);
    rows.take(1, 10, 1);

    // An arrow through the whole lane at x = 40.
    const auto hit = rows.cross(40, 3, true, 0, false, labels);
    CHECK(hit.empty());
    CHECK(rows.end_of(0) == 43);
    CHECK(rows.end_of(1) == 43);

    // An item from x = 20 cannot go in any row, nor in a new row at either edge,
    // without running into the shaft: the packer reports where rows are taken.
    const auto row = rows.choose(20, 20, 20, false, false);
    CHECK(rows.end_of(row) > 20);
    // An item from x = 43 fits in the first row again.
    CHECK(rows.choose(43, 43, 43, false, false) == 0);

    SUBCASE("a new row made after the crossing starts taken up to the shaft") {
        rows.take(2, 15, kNoLabel);
        CHECK(rows.end_of(2) == 43);
        rows.take(-1, 15, kNoLabel);
        CHECK(rows.end_of(-1) == 43);
    }
}

TEST_CASE("a crossing on an empty lane is remembered") {
    LaneRows rows;
    const auto hit = rows.cross(40, 3, true, 0, false, {});
    CHECK(hit.empty());
    CHECK(rows.count() == 0);
    CHECK(rows.end_of(0) == 43);
    rows.take(0, 20, kNoLabel);
    CHECK(rows.end_of(0) == 43);
    rows.take(0, 60, kNoLabel);
    CHECK(rows.end_of(0) == 60);
}

TEST_CASE("the last label of a row is the one a later shaft reports") {
    std::vector<tl::LabelSpan> labels = {{0, 10, false, false}, {20, 40, false, false}};
    LaneRows rows;
    rows.take(0, 10, 0);
    rows.take(0, 40, 1);
    rows.take(1, 100, kNoLabel);
    CHECK(rows.cross(30, 1, false, 1, true, labels) == std::vector<std::size_t>{1});
    CHECK(rows.cross(5, 1, false, 1, true, labels).empty());  // label 0 is no longer last
}
