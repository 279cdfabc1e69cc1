#pragma once

#include <cstddef>
#include <deque>
#include <limits>
#include <vector>

namespace tl {

/// A horizontal extent that a label occupies, so that a later arrow can shorten it.
struct LabelSpan {
    double x0 = 0;
    double x1 = 0;
    bool left_of_marker = false;  ///< ends at its marker; shortened from the left
    bool truncated = false;
};

/// The rows of one lane, filled left to right. Each row remembers how far right it is
/// taken, so placing an item is a scan over the rows, never over other items. Rows can be
/// added below and above, because an arrow leaving a lane should cross as few rows as it can.
class LaneRows {
  public:
    static constexpr double kFree = -std::numeric_limits<double>::infinity();

    /// Logical index of a row; the top row may be negative after rows were added above.
    using RowIndex = int;

    /// Chooses a row for an item that starts at `x0` (label included) and whose marker
    /// starts at `marker_x0`, with arrows leaving at `shaft_x` upward (`up`) and/or downward
    /// (`down`): a row free for the whole item that leaves the fewest taken rows in the
    /// arrows' way, else a new row on the arrows' side, else a row free for the marker alone.
    RowIndex choose(double x0, double marker_x0, double shaft_x, bool up, bool down) const;

    /// How far right `row` is taken; for a row not yet made, how far arrows through that
    /// edge of the lane reach.
    double end_of(RowIndex row) const;

    /// Takes [x0, x1] in `row` (creating it if it is just past either end); records
    /// `label` (an index into the caller's labels, or npos) as the row's last label.
    void take(RowIndex row, double x1, std::size_t label);

    /// An arrow at `shaft_x` crosses the rows strictly above (`up`) or below `row`, or
    /// every row when `row` is absent. Returns the labels it runs through.
    std::vector<std::size_t> cross(double shaft_x, double clearance, bool whole_lane, RowIndex row,
                                   bool up, const std::vector<LabelSpan>& labels);

    RowIndex top() const { return first_; }
    std::size_t count() const { return rows_.size(); }

    static constexpr std::size_t npos = static_cast<std::size_t>(-1);

  private:
    struct Row {
        double end = kFree;
        std::size_t label = npos;
    };
    Row& at(RowIndex i) { return rows_[static_cast<std::size_t>(i - first_)]; }
    const Row& at(RowIndex i) const { return rows_[static_cast<std::size_t>(i - first_)]; }
    RowIndex last() const { return first_ + static_cast<RowIndex>(rows_.size()) - 1; }
    std::size_t blocked(RowIndex row, double shaft_x, bool up, bool down) const;
    void mark(Row& r, double shaft_x, double clearance, const std::vector<LabelSpan>& labels,
              std::vector<std::size_t>& hit);

    std::deque<Row> rows_;
    RowIndex first_ = 0;
    double top_edge_ = kFree;     ///< arrows through the top edge: a new top row starts taken
    double bottom_edge_ = kFree;  ///< likewise for the bottom edge
};

}  // namespace tl
