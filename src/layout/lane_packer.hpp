#pragma once

#include <cstddef>
#include <deque>
#include <limits>
#include <map>
#include <optional>
#include <utility>
#include <vector>

#include "layout/row_tails.hpp"

namespace tl {

/// The horizontal extent of a label, so that a later arrow can shorten it.
struct LabelSpan {
    double x0 = 0;
    double x1 = 0;
    bool left_of_marker = false;  ///< ends at its marker; shortened from the left
    bool truncated = false;
    /// The least it may be (a callout number). An arrow that would leave less of it beside
    /// its marker has it jump across instead, when the rest is that long and starts (ends,
    /// left of its marker) no farther out than `reach`: a number just past a thin line still
    /// reads as its marker's, and a marker must not go unnamed.
    double least = 0;
    double reach = 0;
    /// Room for a callout number left of the marker is this item's own in its row.
    bool keeps_callout_left = false;
};

/// The rows of one lane. Each row keeps the stretches that are taken, in order and never
/// overlapping: items (a marker or bar with its label) and arrows that pass through. Items
/// are placed left to right, so a query looks at the last few stretches of a row, never at
/// every item; and an index of each row's last stretch finds a free row without looking
/// into every row, so that a lane of n rows costs about log n per item, not n. Rows can be
/// added below and above, because an arrow leaving a lane should cross as few rows as it can.
class LaneRows {
  public:
    /// Logical index of a row; the top row may be negative after rows were added above.
    using RowIndex = int;
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

    /// An item to place: its whole extent (label included) and the least it needs (its
    /// marker, and room for a callout number beside it).
    struct Item {
        double x0, x1;
        double marker_x0, marker_x1;
        /// Another least extent, tried after the first (the callout on the marker's other
        /// side); none when empty.
        double other_x0 = 0, other_x1 = 0;
    };

    /// Chooses a row for `item` whose arrows leave at `shaft_x` upward (`up`) and/or
    /// downward (`down`): a row free for the whole item that leaves the fewest taken rows in
    /// the arrows' way, else a new row on the arrows' side, else a row free for one of the
    /// least extents (its label then shrinks to the free part), one whose arrows cross no
    /// other item before one whose arrows do, else a new row (on the other side when only
    /// there the least extent is free).
    RowIndex choose(const Item& item, double shaft_x, bool up, bool down) const;

    /// Whether [x0, x1] is free in `row` (a row not made yet holds the arrows through its
    /// edge).
    bool fits(RowIndex row, double x0, double x1) const { return is_free(spans_of(row), x0, x1); }

    /// How far right of `from` the row is free (`from` itself when it is taken there), and
    /// how far left of `to`: the room a label has beside its marker.
    double free_right(RowIndex row, double from) const;
    double free_left(RowIndex row, double to) const;

    /// The stretch that arrows alone take in `row` at or right of `from` (left of `to`), when
    /// the first stretch there holds no item: a label may stand past a thin line.
    std::optional<std::pair<double, double>> arrows_right(RowIndex row, double from) const;
    std::optional<std::pair<double, double>> arrows_left(RowIndex row, double to) const;

    /// Takes [x0, x1] in `row`, creating the row when it is just past either end; `label`
    /// (an index into the caller's labels, or npos) is shortened by later arrows.
    void take(RowIndex row, double x0, double x1, std::size_t label);

    /// An arrow at `shaft_x` crosses the rows strictly above (`up`) or below `row`, or
    /// every row of the lane. Labels it runs through are shortened to clear it (and their
    /// indices added to `shortened`, when given). Rows an arrow at the same place already
    /// crossed are not visited again: a day of events in detail sends hundreds of arrows
    /// down one line through the same rows.
    void cross(double shaft_x, double clearance, bool whole_lane, RowIndex row, bool up,
               std::vector<LabelSpan>& labels, std::vector<std::size_t>* shortened = nullptr);

    RowIndex top() const { return first_; }
    std::size_t count() const { return rows_.size(); }

    /// How many rows choose() has looked into so far, and index nodes it visited: the work
    /// of choosing, counted rather than timed so that a test can tell n log n from n².
    std::size_t choice_work() const { return rows_examined_ + tails_.visits(); }
    /// How many rows cross() has visited so far, for the same reason.
    std::size_t crossing_work() const { return rows_crossed_; }

  private:
    struct Span {
        double x0, x1;
        std::size_t label;
    };
    using Spans = std::vector<Span>;  // sorted by x0, never overlapping

    static bool is_free(const Spans& spans, double x0, double x1);
    const Spans& spans_of(RowIndex i) const;
    RowIndex last() const { return first_ + static_cast<RowIndex>(rows_.size()) - 1; }
    /// The row choose() would take among the rows there are, for one extent.
    struct Best {
        std::optional<RowIndex> row;  ///< none when no row is free over the extent
        bool clear = false;           ///< no taken row in the arrows' way
    };
    Best best_row(double x0, double x1, double shaft_x, bool up, bool down) const;
    /// The first (`forward`) or last row in [lo, hi] free over [x0, x1].
    std::optional<RowIndex> free_row(RowIndex lo, RowIndex hi, double x0, double x1,
                                     bool forward) const;
    /// The first (`forward`) or last row in [lo, hi] taken at x.
    std::optional<RowIndex> taken_row(RowIndex lo, RowIndex hi, double x, bool forward) const;
    /// Records row `i`'s last stretch in tails_ after the row changed.
    void update_tail(RowIndex i);
    void cross_row(Spans& spans, double shaft_x, double clearance, std::vector<LabelSpan>& labels,
                   std::vector<std::size_t>* shortened);
    static void insert(Spans& spans, Span span);

    std::deque<Spans> rows_;
    RowIndex first_ = 0;
    Spans top_edge_;     ///< arrows through the top edge: a new top row starts with them
    Spans bottom_edge_;  ///< likewise for the bottom edge
    RowTails tails_;     ///< every row's last stretch, to find free rows without a scan
    mutable std::size_t rows_examined_ = 0;
    /// For each shaft stretch, one run of rows that all hold it: rows never lose a stretch
    /// and keep their index when rows are added, so the run stays true.
    struct RowRun {
        RowIndex first, last;
    };
    std::map<std::pair<double, double>, RowRun> crossed_;
    std::size_t rows_crossed_ = 0;
};

}  // namespace tl
