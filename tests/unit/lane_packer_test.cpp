#include <doctest/doctest.h>

#include <vector>

#include "layout/lane_packer.hpp"

namespace {

using tl::LaneRows;
constexpr std::size_t kNoLabel = LaneRows::npos;

/// An item whose marker is [x, x + 8] and whose label runs `label` points to the right.
LaneRows::Item item(double x, double label = 0) {
    return {x, x + 8 + label, x, x + 8};
}

/// Places an item in the row choose() picks; returns the row.
LaneRows::RowIndex place(LaneRows& rows, double x, double label = 0, double shaft = 0,
                         bool up = false, bool down = false) {
    const auto it = item(x, label);
    const auto row = rows.choose(it, shaft, up, down);
    rows.take(row, it.x0, it.x1, kNoLabel);
    return row;
}

}  // namespace

TEST_CASE("items that do not overlap share a row, one that overlaps takes a new row") {
    LaneRows rows;
    CHECK(place(rows, 0, 50) == 0);
    CHECK(place(rows, 100, 50) == 0);
    CHECK(place(rows, 120, 50) == 1);
    CHECK(place(rows, 200) == 0);
    CHECK(rows.count() == 2);
}

TEST_CASE("a label placed left of its marker may use a gap before a later stretch") {
    LaneRows rows;
    rows.take(0, 300, 306, kNoLabel);  // an arrow passed through here
    // An item at 400 whose label reaches back to 320 fits after the arrow.
    const LaneRows::Item left_label{320, 408, 400, 408};
    CHECK(rows.choose(left_label, 404, false, false) == 0);
    // One reaching back to 250 does not fit in row 0, but its marker does.
    const LaneRows::Item longer{250, 408, 400, 408};
    CHECK(rows.choose(longer, 404, false, false) == 1);  // a new, empty row first
    CHECK(rows.free_left(0, 396) == 306);
    CHECK(rows.free_right(0, 412) > 1e300);
    CHECK(rows.free_right(0, 200) == 300);
    CHECK(rows.free_right(0, 303) == 303);  // taken right there: no room at all
}

TEST_CASE("an arrow leaving downward prefers a row with nothing taken below it at the arrow") {
    LaneRows rows;
    rows.take(0, 0, 10, kNoLabel);
    rows.take(1, 0, 100, kNoLabel);  // row 1 is taken across x = 25
    rows.take(2, 0, 10, kNoLabel);
    // Rows 0 and 2 are free at 20..28; leaving downward from row 0 would cross row 1.
    CHECK(rows.choose(item(20), 25, false, true) == 2);
    CHECK(rows.choose(item(20), 25, true, false) == 0);
    CHECK(rows.choose(item(20), 25, false, false) == 0);
}

TEST_CASE("arrows both ways: a free row rather than a new row that is no better") {
    LaneRows rows;
    rows.take(0, 0, 10, kNoLabel);
    rows.take(1, 0, 100, kNoLabel);
    rows.take(2, 0, 10, kNoLabel);
    CHECK(rows.choose(item(20), 25, true, true) == 0);
}

TEST_CASE("when every free row is in the arrow's way, a new row on the arrow's side") {
    LaneRows rows;
    rows.take(0, 0, 10, kNoLabel);
    rows.take(1, 0, 100, kNoLabel);
    CHECK(rows.choose(item(20), 25, false, true) == 2);  // below row 1: crosses nothing
    CHECK(rows.choose(item(20), 25, true, false) == 0);  // row 0 has nothing above
    LaneRows up_blocked;
    up_blocked.take(0, 0, 100, kNoLabel);
    up_blocked.take(1, 0, 10, kNoLabel);
    CHECK(up_blocked.choose(item(20), 25, true, false) == -1);  // a new row above
    CHECK(up_blocked.choose(item(20), 25, false, true) == 1);
    up_blocked.take(-1, 20, 28, kNoLabel);
    CHECK(up_blocked.top() == -1);
    CHECK(up_blocked.count() == 3);
}

TEST_CASE("an arrow shortens the labels it runs through and blocks later items there") {
    LaneRows rows;
    std::vector<tl::LabelSpan> labels{{12, 200, false, false}, {500, 592, true, false}};
    rows.take(0, 0, 204, 0);    // marker 0..8, label 12..200
    rows.take(1, 496, 604, 1);  // label 500..592 left of its marker 596..604
    rows.cross(100, 3, true, 0, false, labels);
    CHECK(labels[0].truncated);
    CHECK(labels[0].x1 == 97);
    rows.cross(550, 3, true, 0, false, labels);
    CHECK(labels[1].truncated);
    CHECK(labels[1].x0 == 553);
    // The arrow itself now blocks its stretch, in existing rows and in rows made later.
    CHECK(rows.choose(item(99), 0, false, false) == 2);
    rows.take(2, 99, 107, kNoLabel);
    CHECK(rows.free_left(0, 120) == 120);  // the shortened item's row stays taken
}

TEST_CASE("an arrow through the marker part of an item leaves its label whole") {
    LaneRows rows;
    std::vector<tl::LabelSpan> labels{{12, 200, false, false}};
    rows.take(0, 0, 204, 0);
    rows.cross(4, 1, true, 0, false, labels);
    CHECK_FALSE(labels[0].truncated);
    CHECK(labels[0].x1 == 200);
}

TEST_CASE("a lane that arrows crossed before it had rows starts its first row with them") {
    LaneRows rows;
    std::vector<tl::LabelSpan> labels;
    rows.cross(176, 3, true, 0, false, labels);
    CHECK(rows.free_right(0, 160) == 173);
    const LaneRows::Item over{150, 300, 150, 158};
    const auto row = rows.choose(over, 0, false, false);
    rows.take(row, 150, 158, LaneRows::npos);
    CHECK(rows.free_right(row, 162) == 173);
}

namespace {

/// Stacks `n` items at one x, as a day of events in detail does, each with an arrow leaving
/// its row (up, down, both ways or none, in turn) and crossing the rows on that side; returns
/// how much work choose() did.
std::size_t work_to_stack(std::size_t n) {
    LaneRows rows;
    std::vector<tl::LabelSpan> labels;
    for (std::size_t i = 0; i < n; ++i) {
        const bool up = i % 4 == 1 || i % 4 == 3;
        const bool down = i % 4 == 2 || i % 4 == 3;
        const auto it = item(0, 40 + static_cast<double>(i % 7));
        const auto row = rows.choose(it, 4, up, down);
        rows.take(row, it.x0, it.x1, kNoLabel);
        if (up) rows.cross(4, 1, false, row, true, labels);
        if (down) rows.cross(4, 1, false, row, false, labels);
    }
    CHECK(rows.count() == n);
    return rows.choice_work();
}

}  // namespace

TEST_CASE("choosing among n stacked rows costs about log n rows, not n") {
    // Counted, not timed: four times the items may cost a little over four times the work
    // (n log n); a scan of every row costs sixteen times.
    const std::size_t small = work_to_stack(500);
    const std::size_t large = work_to_stack(2000);
    CAPTURE(small);
    CAPTURE(large);
    CHECK(large < 6 * small);
}

TEST_CASE("arrows down one line through a stack of n rows cost about n row visits, not n^2") {
    // A day of events in detail: every item at one x, each sending its arrow through the
    // rows above or below it, and arrows from other lanes through the whole lane.
    const auto work = [](std::size_t n) {
        LaneRows rows;
        std::vector<tl::LabelSpan> labels;
        for (std::size_t i = 0; i < n; ++i) {
            const bool up = i % 3 == 1;
            const bool down = i % 3 == 2;
            const auto it = item(0, 40);
            const auto row = rows.choose(it, 4, up || down, down);
            rows.take(row, it.x0, it.x1, kNoLabel);
            if (up || down) rows.cross(4, 1, false, row, true, labels);
            if (down) rows.cross(4, 1, false, row, false, labels);
            rows.cross(4, 1, true, 0, false, labels);  // an arrow between two other lanes
        }
        CHECK(rows.count() == n);
        return rows.crossing_work();
    };
    const std::size_t small = work(500);
    const std::size_t large = work(2000);
    CAPTURE(small);
    CAPTURE(large);
    CHECK(large < 6 * small);
}

TEST_CASE("a second arrow at the same place still shortens a label placed across its way") {
    // The first arrow crossed rows 0 and 1; a label then taken in a new row 2 is crossed
    // by the next arrow, which must visit that row even though rows 0 and 1 are known.
    LaneRows rows;
    std::vector<tl::LabelSpan> labels;
    place(rows, 0, 40);
    place(rows, 0, 40);
    rows.cross(30, 1, true, 0, false, labels);
    labels.push_back({8, 60, false, false});
    rows.take(2, 0, 60, 0);
    rows.cross(30, 1, true, 0, false, labels);
    CHECK(labels[0].truncated);
    CHECK(labels[0].x1 == doctest::Approx(29));
}

namespace {

/// choose() as it was, a scan of every row: the reference the indexed choice must match.
LaneRows::RowIndex choose_by_scan(const LaneRows& rows, const LaneRows::Item& item, double shaft,
                                  bool up, bool down) {
    const LaneRows::RowIndex first = rows.top();
    const LaneRows::RowIndex last = first + static_cast<int>(rows.count()) - 1;
    const LaneRows::RowIndex preferred = up && !down ? first - 1 : last + 1;
    const LaneRows::RowIndex other = preferred == last + 1 ? first - 1 : last + 1;
    const auto taken = [&](LaneRows::RowIndex r) { return !rows.fits(r, shaft, shaft); };
    const auto cost = [&](LaneRows::RowIndex row) {
        std::size_t n = 0;
        for (LaneRows::RowIndex r = first; r <= last; ++r)
            n += ((up && r < row) || (down && r > row)) && taken(r);
        return n;
    };
    const double extents[2][2] = {{item.x0, item.x1}, {item.marker_x0, item.marker_x1}};
    for (const auto& e : extents) {
        LaneRows::RowIndex best = first;
        std::size_t best_cost = kNoLabel;
        for (LaneRows::RowIndex r = first; r <= last && best_cost != 0; ++r) {
            if (!rows.fits(r, e[0], e[1])) continue;
            if (const std::size_t c = cost(r); c < best_cost) {
                best_cost = c;
                best = r;
            }
        }
        if (best_cost == 0) return best;
        if (up && down && best_cost != kNoLabel) return best;
        if (rows.fits(preferred, e[0], e[1])) return preferred;
        if (!up && !down && rows.fits(other, e[0], e[1])) return other;
        if (best_cost != kNoLabel) return best;
    }
    if (!rows.fits(preferred, item.marker_x0, item.marker_x1) &&
        rows.fits(other, item.marker_x0, item.marker_x1))
        return other;
    return preferred;
}

}  // namespace

TEST_CASE("the indexed choice of a row is the one a scan of every row makes") {
    // Items left to right as the layout places them, some labels left of their markers,
    // arrows both ways from within the marker and (for the packer alone) from beside it.
    for (unsigned seed = 1; seed <= 20; ++seed) {
        LaneRows rows;
        std::vector<tl::LabelSpan> labels;
        unsigned state = seed;
        const auto next = [&](unsigned n) {
            state = state * 1103515245u + 12345u;
            return (state >> 8) % n;
        };
        double x = 0;
        for (int i = 0; i < 400; ++i) {
            x += next(4) == 0 ? next(30) : 0;
            const double label = 5 + next(60);
            const bool left = next(3) == 0;
            const LaneRows::Item it{left ? x - label : x, left ? x + 8 : x + 8 + label, x, x + 8};
            const double shaft = next(8) == 0 ? x + 8 + next(40) : x + next(9);
            const bool up = next(2) == 0;
            const bool down = next(2) == 0;
            const auto row = rows.choose(it, shaft, up, down);
            REQUIRE(row == choose_by_scan(rows, it, shaft, up, down));
            labels.push_back({it.x0, it.x1, left, false});
            rows.take(row, it.x0, it.x1, labels.size() - 1);
            if (up) rows.cross(shaft, 1 + next(3), next(5) == 0, row, true, labels);
            if (down) rows.cross(shaft, 1 + next(3), next(5) == 0, row, false, labels);
        }
    }
}
