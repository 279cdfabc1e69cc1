#include "layout/lane_packer.hpp"

#include <algorithm>

namespace tl {

bool LaneRows::is_free(const Spans& spans, double x0, double x1) {
    // Spans never overlap, so their ends are sorted too: the first that ends after x0 is
    // the only one that can reach into [x0, x1).
    const auto it =
        std::partition_point(spans.begin(), spans.end(), [&](const Span& s) { return s.x1 <= x0; });
    return it == spans.end() || it->x0 >= x1;
}

const LaneRows::Spans& LaneRows::spans_of(RowIndex i) const {
    // A lane with no rows yet has been crossed only from edge to edge, so both edges hold
    // the same arrows, and so will its first row.
    if (rows_.empty() || i < first_) return top_edge_;
    if (i > last()) return bottom_edge_;
    return rows_[static_cast<std::size_t>(i - first_)];
}

std::optional<LaneRows::RowIndex> LaneRows::free_row(RowIndex lo, RowIndex hi, double x0, double x1,
                                                     bool forward) const {
    return tails_.find_free(lo, hi, x0, x1, forward, [&](RowIndex i) {
        ++rows_examined_;
        return is_free(spans_of(i), x0, x1);
    });
}

std::optional<LaneRows::RowIndex> LaneRows::taken_row(RowIndex lo, RowIndex hi, double x,
                                                      bool forward) const {
    return tails_.find_taken(lo, hi, x, forward, [&](RowIndex i) {
        ++rows_examined_;
        return !is_free(spans_of(i), x, x);
    });
}

LaneRows::Best LaneRows::best_row(double x0, double x1, double shaft_x, bool up, bool down) const {
    // The row chosen is the first free row with the fewest taken rows in the arrows' way.
    // Upward that count grows from the top row down, downward it shrinks, both ways it is
    // the whole lane less the row itself: so a few searches find it, with no count kept.
    const RowIndex lo = first_;
    const RowIndex hi = last();
    const std::optional<RowIndex> first = free_row(lo, hi, x0, x1, true);
    if (!first) return {};
    if (!up && !down) return {first, true};
    if (!down) return {first, !taken_row(lo, *first - 1, shaft_x, true)};
    if (!up) {
        // The last free row has the fewest below it; a free row above it is as good when
        // no row between them is taken at the arrow.
        const RowIndex last_free = *free_row(lo, hi, x0, x1, false);
        const std::optional<RowIndex> taken = taken_row(lo, last_free, shaft_x, false);
        return {taken ? free_row(*taken, last_free, x0, x1, true) : first,
                !taken_row(last_free + 1, hi, shaft_x, true)};
    }
    // Both ways: a free row taken at the arrow saves one crossing. When the arrow leaves
    // from within the extent, as it always does from a marker, no free row is taken there.
    std::optional<RowIndex> best = first;
    if (shaft_x < x0 || shaft_x > x1) {
        for (auto r = first; r; r = free_row(*r + 1, hi, x0, x1, true)) {
            if (!is_free(spans_of(*r), shaft_x, shaft_x)) {
                best = r;
                break;
            }
        }
    }
    return {best,
            !taken_row(lo, *best - 1, shaft_x, true) && !taken_row(*best + 1, hi, shaft_x, true)};
}

LaneRows::RowIndex LaneRows::choose(const Item& item, double shaft_x, bool up, bool down) const {
    const RowIndex below = last() + 1;
    const RowIndex above = first_ - 1;
    const RowIndex preferred = up && !down ? above : below;
    const RowIndex other = preferred == below ? above : below;
    struct Extent {
        double x0, x1;
    };
    const Extent alt = item.other_x1 > item.other_x0 ? Extent{item.other_x0, item.other_x1}
                                                     : Extent{item.marker_x0, item.marker_x1};
    // A row free for the extent whose arrows cross nothing of this lane, or failing that
    // one whose arrows cross other items (and may cut their labels short).
    const auto crossing_nothing = [&](const Extent e) -> std::optional<RowIndex> {
        const Best best = best_row(e.x0, e.x1, shaft_x, up, down);
        if (best.row && best.clear) return best.row;
        // With arrows both ways a new row is as much in the way as a free one.
        if (up && down && best.row) return best.row;
        // A new row on the side an arrow leaves by crosses nothing of this lane; with no
        // arrow, a new row on either side that no earlier arrow runs through.
        if (is_free(spans_of(preferred), e.x0, e.x1)) return preferred;
        if (!up && !down && is_free(spans_of(other), e.x0, e.x1)) return other;
        return std::nullopt;
    };
    const Extent whole{item.x0, item.x1};
    if (const auto row = crossing_nothing(whole)) return *row;
    if (const auto row = best_row(whole.x0, whole.x1, shaft_x, up, down).row) return *row;
    // Of the least extents, either one crossing nothing beats the first crossing something:
    // the arrows would cut the labels they cross, perhaps too short to name their events.
    const Extent least{item.marker_x0, item.marker_x1};
    for (const Extent e : {least, alt})
        if (const auto row = crossing_nothing(e)) return *row;
    for (const Extent e : {least, alt})
        if (const auto row = best_row(e.x0, e.x1, shaft_x, up, down).row) return *row;
    // Crossing the arrows' way beats a row where not even the marker and a callout fit, on
    // either side of the marker.
    const auto holds_least = [&](RowIndex r) {
        return is_free(spans_of(r), least.x0, least.x1) || is_free(spans_of(r), alt.x0, alt.x1);
    };
    if (!holds_least(preferred) && holds_least(other)) return other;
    return preferred;
}

double LaneRows::free_right(RowIndex row, double from) const {
    const Spans& spans = spans_of(row);
    const auto it = std::partition_point(spans.begin(), spans.end(),
                                         [&](const Span& s) { return s.x1 <= from; });
    return it == spans.end() ? std::numeric_limits<double>::infinity() : std::max(it->x0, from);
}

double LaneRows::free_left(RowIndex row, double to) const {
    const Spans& spans = spans_of(row);
    const auto it =
        std::partition_point(spans.begin(), spans.end(), [&](const Span& s) { return s.x0 < to; });
    return it == spans.begin() ? -std::numeric_limits<double>::infinity()
                               : std::min(std::prev(it)->x1, to);
}

std::optional<std::pair<double, double>> LaneRows::arrows_right(RowIndex row, double from) const {
    const Spans& spans = spans_of(row);
    const auto it = std::partition_point(spans.begin(), spans.end(),
                                         [&](const Span& s) { return s.x1 <= from; });
    if (it == spans.end() || it->label != npos) return std::nullopt;
    return std::make_pair(it->x0, it->x1);
}

std::optional<std::pair<double, double>> LaneRows::arrows_left(RowIndex row, double to) const {
    const Spans& spans = spans_of(row);
    const auto it =
        std::partition_point(spans.begin(), spans.end(), [&](const Span& s) { return s.x0 < to; });
    if (it == spans.begin() || std::prev(it)->label != npos) return std::nullopt;
    return std::make_pair(std::prev(it)->x0, std::prev(it)->x1);
}

void LaneRows::insert(Spans& spans, Span span) {
    // Stretches that the new one overlaps (arrows through a marker that had nowhere else to
    // go) are merged into it, so that the row stays ordered and without overlaps.
    auto first = std::partition_point(spans.begin(), spans.end(),
                                      [&](const Span& s) { return s.x1 <= span.x0; });
    auto last = first;
    while (last != spans.end() && last->x0 < span.x1) {
        span.x0 = std::min(span.x0, last->x0);
        span.x1 = std::max(span.x1, last->x1);
        if (span.label == npos) span.label = last->label;
        ++last;
    }
    spans.insert(spans.erase(first, last), span);
}

void LaneRows::take(RowIndex row, double x0, double x1, std::size_t label) {
    if (rows_.empty()) {
        first_ = row;
        rows_.push_back(top_edge_);
    } else if (row == first_ - 1) {
        rows_.push_front(top_edge_);
        first_ = row;
    } else if (row == last() + 1) {
        rows_.push_back(bottom_edge_);
    }
    insert(rows_[static_cast<std::size_t>(row - first_)], {x0, x1, label});
    if (!tails_.covers(first_) || !tails_.covers(last())) {
        tails_.reset(first_, rows_.size());
        for (RowIndex i = first_; i <= last(); ++i)
            update_tail(i);
    } else {
        update_tail(row);
    }
}

void LaneRows::update_tail(RowIndex i) {
    const Spans& spans = rows_[static_cast<std::size_t>(i - first_)];
    if (spans.empty()) {
        tails_.set_empty(i);
    } else {
        tails_.set(i, spans.back().x0, spans.back().x1);
    }
}

void LaneRows::cross_row(Spans& spans, double shaft_x, double clearance,
                         std::vector<LabelSpan>& labels, std::vector<std::size_t>* shortened) {
    const double x0 = shaft_x - clearance;
    const double x1 = shaft_x + clearance;
    // Only the stretches around the arrow can meet it: they start where spans end past x0.
    const auto first =
        std::partition_point(spans.begin(), spans.end(), [&](const Span& s) { return s.x1 <= x0; });
    for (auto it = first; it != spans.end() && it->x0 < x1; ++it) {
        if (it->label == npos) continue;
        LabelSpan& l = labels[it->label];
        if (l.x1 <= x0 || l.x0 >= x1) continue;  // the arrow passes the marker, not the label
        // The label shrinks; the row stays taken where the item was, since its marker may
        // reach past the label (a label inside a long bar).
        l.truncated = true;
        if (shortened) shortened->push_back(it->label);
        if (l.left_of_marker) {
            const bool jump = l.x1 - x1 < l.least && x0 - l.x0 >= l.least && x0 >= l.reach;
            if (jump) {
                l.x1 = x0;
            } else {
                l.x0 = std::min(x1, l.x1);
            }
        } else {
            const bool jump = x0 - l.x0 < l.least && l.x1 - x1 >= l.least && x1 <= l.reach;
            if (jump) {
                l.x0 = x1;
            } else {
                l.x1 = std::max(x0, l.x0);
            }
        }
    }
    insert(spans, {x0, x1, npos});
}

void LaneRows::cross(double shaft_x, double clearance, bool whole_lane, RowIndex row, bool up,
                     std::vector<LabelSpan>& labels, std::vector<std::size_t>* shortened) {
    const Span shaft{shaft_x - clearance, shaft_x + clearance, npos};
    if (whole_lane || up) insert(top_edge_, shaft);
    if (whole_lane || !up) insert(bottom_edge_, shaft);
    // Only the rows crossed are visited: an arrow leaving the bottom row of a tall lane
    // downward costs nothing here, not a pass over every row.
    const RowIndex from = std::max(whole_lane || up ? first_ : row + 1, first_);
    const RowIndex to = std::min(whole_lane || !up ? last() : row - 1, last());
    if (from > to) return;
    // Rows an arrow at this very stretch has crossed already hold it, and no label placed
    // since reaches into it (a label is placed only where its row is free): only the rest
    // are visited, so that n arrows down one line cost n, not n times the rows.
    const auto [known, fresh] = crossed_.try_emplace({shaft.x0, shaft.x1}, RowRun{from, to});
    RowRun& run = known->second;
    const auto visit = [&](RowIndex lo, RowIndex hi) {
        for (RowIndex i = lo; i <= hi; ++i) {
            ++rows_crossed_;
            Spans& spans = rows_[static_cast<std::size_t>(i - first_)];
            // Most arrows pass through a marker or a stretch already taken, and the row's
            // last stretch stays as it was: then the index needs no update.
            const Span tail = spans.empty() ? Span{0, 0, npos} : spans.back();
            const std::size_t before = spans.size();
            cross_row(spans, shaft_x, clearance, labels, shortened);
            if (spans.size() != before || spans.back().x0 != tail.x0 || spans.back().x1 != tail.x1)
                update_tail(i);
        }
    };
    if (fresh) {
        visit(from, to);
        return;
    }
    visit(from, std::min(to, run.first - 1));
    visit(std::max(from, run.last + 1), to);
    // The run grows when the rows crossed now meet it; else it becomes the rows crossed now.
    if (from <= run.last + 1 && to + 1 >= run.first) {
        run = {std::min(run.first, from), std::max(run.last, to)};
    } else {
        run = {from, to};
    }
}

}  // namespace tl
