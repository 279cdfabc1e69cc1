#pragma once

#include <cstddef>
#include <optional>
#include <vector>

namespace tl {

/// The last stretch taken in each row of a lane, in a segment tree over the rows, so that a
/// search for a row free over [x0, x1] (or taken at x) skips at once every run of rows that
/// the last stretches alone decide against, instead of looking into each row.
///
/// A row whose last stretch ends at or before x0 is free over [x0, x1]; one whose last
/// stretch ends after x0 and starts before x1 is not (the first stretch ending after x0
/// starts no later than the last one). Only a row with a stretch wholly past x1 (an arrow
/// to the right of the item) has to be looked into.
class RowTails {
  public:
    using Row = int;

    /// Rows [first, first + count) exist; the others are unset (never found).
    void reset(Row first, std::size_t count);
    /// Whether `row` has a slot; reset() with room around the rows when not.
    bool covers(Row row) const { return row >= base_ && row - base_ < static_cast<Row>(size_); }
    /// The row's last stretch is [start, end); a row with nothing taken has none.
    void set(Row row, double start, double end);
    void set_empty(Row row);
    /// How many nodes the searches have visited so far (for tests that count work).
    std::size_t visits() const { return visits_; }

    /// The first (`forward`) or last row in [lo, hi] that may be free over [x0, x1] and for
    /// which `is_free(row)` holds.
    template <class Test>
    std::optional<Row> find_free(Row lo, Row hi, double x0, double x1, bool forward,
                                 const Test& is_free) const {
        if (lo > hi) return std::nullopt;
        return find(
            1, base_, base_ + static_cast<Row>(size_) - 1, lo, hi, forward,
            [&](const Node& n) { return n.min_end <= x0 || n.max_start >= x1; }, is_free);
    }

    /// The first (`forward`) or last row in [lo, hi] that may be taken at x and for which
    /// `is_taken(row)` holds.
    template <class Test>
    std::optional<Row> find_taken(Row lo, Row hi, double x, bool forward,
                                  const Test& is_taken) const {
        if (lo > hi) return std::nullopt;
        return find(
            1, base_, base_ + static_cast<Row>(size_) - 1, lo, hi, forward,
            [&](const Node& n) { return n.max_end > x; }, is_taken);
    }

  private:
    struct Node {
        double min_end, max_end, max_start;
    };
    static Node unset();
    void pull(std::size_t node);

    template <class May, class Test>
    std::optional<Row> find(std::size_t node, Row from, Row to, Row lo, Row hi, bool forward,
                            const May& may, const Test& test) const {
        ++visits_;
        if (to < lo || from > hi || !may(nodes_[node])) return std::nullopt;
        if (from == to) return test(from) ? std::optional<Row>(from) : std::nullopt;
        const Row mid = from + (to - from) / 2;
        const auto left = [&] { return find(2 * node, from, mid, lo, hi, forward, may, test); };
        const auto right = [&] {
            return find(2 * node + 1, mid + 1, to, lo, hi, forward, may, test);
        };
        if (forward) {
            if (auto r = left()) return r;
            return right();
        }
        if (auto r = right()) return r;
        return left();
    }

    std::vector<Node> nodes_{unset(), unset()};  ///< 1-based heap; leaves from size_
    std::size_t size_ = 1;                       ///< leaves, a power of two
    Row base_ = 0;                               ///< the row of the first leaf
    mutable std::size_t visits_ = 0;
};

}  // namespace tl
