#include "layout/lane_packer.hpp"

#include <algorithm>

namespace tl {

std::size_t LaneRows::blocked(RowIndex row, double shaft_x, bool up, bool down) const {
    std::size_t n = 0;
    if (up)
        for (RowIndex i = first_; i < row; ++i)
            n += at(i).end > shaft_x;
    if (down)
        for (RowIndex i = row + 1; i <= last(); ++i)
            n += at(i).end > shaft_x;
    return n;
}

double LaneRows::end_of(RowIndex row) const {
    if (rows_.empty()) return std::max(top_edge_, bottom_edge_);
    if (row < first_) return top_edge_;
    if (row > last()) return bottom_edge_;
    return at(row).end;
}

LaneRows::RowIndex LaneRows::choose(double x0, double marker_x0, double shaft_x, bool up,
                                    bool down) const {
    if (rows_.empty()) return 0;
    const RowIndex below = last() + 1;
    const RowIndex above = first_ - 1;
    const RowIndex preferred = up && !down ? above : below;
    const RowIndex other = preferred == below ? above : below;
    // First rows where the whole item fits, then rows where at least its marker does (its
    // label then shrinks to the free part of the row).
    for (const double from : {x0, marker_x0}) {
        RowIndex best = first_;
        std::size_t best_cost = npos;
        for (RowIndex i = first_; i <= last() && best_cost != 0; ++i) {
            if (at(i).end > from) continue;
            const std::size_t cost = blocked(i, shaft_x, up, down);
            if (cost < best_cost) {
                best_cost = cost;
                best = i;
            }
        }
        if (best_cost == 0) return best;
        // With arrows both ways a new row is as much in the way as a free one.
        if (up && down && best_cost != npos) return best;
        // A new row on the side an arrow leaves by crosses nothing of this lane; with no
        // arrow, a new row on either side that no earlier arrow runs through.
        if (end_of(preferred) <= from) return preferred;
        if (!up && !down && end_of(other) <= from) return other;
        if (best_cost != npos) return best;
    }
    return preferred;
}

void LaneRows::take(RowIndex row, double x1, std::size_t label) {
    if (rows_.empty()) {
        first_ = row;
        rows_.push_back({std::max(top_edge_, bottom_edge_), npos});
    } else if (row == first_ - 1) {
        rows_.push_front({top_edge_, npos});
        first_ = row;
    } else if (row == last() + 1) {
        rows_.push_back({bottom_edge_, npos});
    }
    Row& r = at(row);
    r.end = std::max(r.end, x1);
    r.label = label;
}

void LaneRows::mark(Row& r, double shaft_x, double clearance, const std::vector<LabelSpan>& labels,
                    std::vector<std::size_t>& hit) {
    if (r.label != npos) {
        const LabelSpan& l = labels[r.label];
        if (l.x0 - clearance < shaft_x && shaft_x < l.x1 + clearance) hit.push_back(r.label);
    }
    r.end = std::max(r.end, shaft_x + clearance);
}

std::vector<std::size_t> LaneRows::cross(double shaft_x, double clearance, bool whole_lane,
                                         RowIndex row, bool up,
                                         const std::vector<LabelSpan>& labels) {
    std::vector<std::size_t> hit;
    const double edge = shaft_x + clearance;
    if (whole_lane || up) top_edge_ = std::max(top_edge_, edge);
    if (whole_lane || !up) bottom_edge_ = std::max(bottom_edge_, edge);
    for (RowIndex i = first_; i <= last(); ++i) {
        const bool crossed = whole_lane || (up ? i < row : i > row);
        if (crossed) mark(at(i), shaft_x, clearance, labels, hit);
    }
    return hit;
}

}  // namespace tl
