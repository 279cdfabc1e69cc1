#include "layout/detail_view.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <optional>
#include <unordered_map>

#include "layout/chart_builder.hpp"
#include "layout/event_group.hpp"
#include "layout/quantity_label.hpp"
#include "layout/revision_marks.hpp"

namespace tl {
namespace {

constexpr double kShaftClear = 3;  // between an arrow and a label it passes
constexpr double kArrowGap = 4;    // between the shafts of two events' arrows side by side

class DetailView : public ChartView {
  public:
    // Every event is drawn at its date here, so the axis can leave out the years where
    // nothing is (the density view keeps an unbroken axis: its bins count events over even
    // stretches of time).
    explicit DetailView(ChartCanvas& c) : c_(c), callout_x1_(c.columns.scale.x1) {
        // A window's axis ends at its last day, with no days to spare (see set_days): the
        // marker of an event on that day would stand at the chart's edge with no room for
        // its callout number right of it, where a neighbour's arrow leaves none left of it.
        // So the axis ends short of the page's margin by that room.
        if (c_.options.window) {
            const std::string widest =
                "(" + std::to_string(std::max<std::size_t>(c_.timeline.events.size(), 10)) + ")";
            c_.columns.scale.x1 -= kMarkerRadius + kLabelGap +
                                   c_.measurer.measure(widest, c_.columns.label_font).width;
        }
        break_empty_stretches(c_.columns, c_.timeline, c_.options);
    }

    void place_events(PlacedEvents& placed) override {
        c_.citations = number_citations(c_.timeline.events);
        const TextMeasurer& tm = c_.measurer;
        // Placed left to right by where their markers start, not in timeline order (an
        // unknown start sorts first but is drawn late): then only the last item of a row can
        // reach past the current x, which is what lets an arrow shorten it.
        std::vector<Placement> order;
        order.reserve(c_.timeline.events.size());
        for (const Event* e : c_.timeline.events) {
            Placement p;
            p.event = e;
            set_extent(c_.columns, p);
            order.push_back(std::move(p));
        }
        std::stable_sort(order.begin(), order.end(),
                         [](const Placement& a, const Placement& b) { return a.x0 < b.x0; });
        const std::vector<Mark> marks = marks_in_lanes(order);
        least_label_width_ =
            tm.measure("(" + std::to_string(std::max<std::size_t>(marks.size(), 10)) + ")",
                       c_.columns.label_font)
                .width;
        for (const Mark& mark : marks) {
            Placement p = order[mark.members.front()];
            p.lane = mark.lane;
            std::vector<std::size_t> to;
            if (mark.members.size() == 1) {
                p.label = event_label_text(*p.event, c_.citations);
                p.quantity = quantity_badge(*p.event);
                if (!mark.shared) to = arrow_lanes(*p.event, p.lane);
            } else {
                for (const std::size_t m : mark.members) {
                    p.members.push_back(order[m].event);
                    const std::vector<std::size_t> more = arrow_lanes(*order[m].event, p.lane);
                    to.insert(to.end(), more.begin(), more.end());
                }
                std::sort(to.begin(), to.end());
                to.erase(std::unique(to.begin(), to.end()), to.end());
                p.label = group_label_text(p.members, c_.model);
            }
            p.glyph = c_.colors.glyph(p.event->kind);
            for (const Event* m : p.members)
                if (m->kind != p.event->kind) p.glyph.reset();
            // A change since the old version is said first, so that a shortened label keeps it.
            if (const std::string_view badge = change_badge(placement_change(c_.options, p));
                !badge.empty())
                p.label = std::string(badge) + " " + p.label;
            const double width = full_label_width(p);
            if (mark.shared) {
                // Shared by several lanes without a direction: drawn once, in the lane of
                // its first actor, and linked to the others rather than repeated in each.
                const std::vector<std::size_t> lanes = c_.timeline.event_lanes(*p.event);
                std::vector<std::size_t> others(lanes.begin() + 1, lanes.end());
                std::sort(others.begin(), others.end());
                place(placed, std::move(p), width, others, true);
                continue;
            }
            place(placed, std::move(p), width, to);
        }
        knock_out_callouts(placed);
    }

  private:
    /// One mark in one lane: an event, or events drawn as one group.
    struct Mark {
        std::size_t lane;
        std::vector<std::size_t> members;  ///< indices into the placements, left to right
        bool shared = false;  ///< an event of several lanes with no direction, drawn once
    };

    /// Every event in each of its lanes, in the order of `order` (left to right); events of
    /// one lane whose markers fall on the same place (the same day, or days one drawn x
    /// holds) are one mark, placed where its first member would be.
    std::vector<Mark> marks_in_lanes(const std::vector<Placement>& order) const {
        std::vector<Mark> marks;
        std::unordered_map<std::size_t, std::size_t> open;  // lane: its last marker's mark
        for (std::size_t i = 0; i < order.size(); ++i) {
            const Event& e = *order[i].event;
            const std::vector<std::size_t> lanes = c_.timeline.event_lanes(e);
            if (e.from.empty() && lanes.size() > 1) {  // drawn once, in its first lane
                marks.push_back({lanes.front(), {i}, true});
                continue;
            }
            for (const std::size_t lane : lanes) {
                if (e.date.is_interval()) {  // a bar is never part of a group
                    marks.push_back({lane, {i}});
                    continue;
                }
                const auto it = open.find(lane);
                if (it != open.end() &&
                    same_place(order[marks[it->second].members.front()], order[i])) {
                    marks[it->second].members.push_back(i);
                    continue;
                }
                open[lane] = marks.size();
                marks.push_back({lane, {i}});
            }
        }
        return marks;
    }

    /// Whether two markers (not bars) are drawn in one place: the same shape within a
    /// fraction of a point.
    static bool same_place(const Placement& a, const Placement& b) {
        constexpr double kSameX = 0.5;
        const auto day = [](const Placement& p) {
            return p.event->date.start.precision == Precision::day;
        };
        return day(a) == day(b) && std::abs(a.x0 - b.x0) < kSameX && std::abs(a.x1 - b.x1) < kSameX;
    }

    /// The lanes an event in `lane` sends arrows into. All of an event's arrows run at its x,
    /// with its colour and line style: an arrow from a supplier to a recipient lies under the
    /// one from the supplier farthest above it (or below), which passes through the nearer
    /// supplier's lane. So only the topmost supplier draws arrows down and the bottommost
    /// arrows up, one per recipient: at most 2 x 64 per event, not 64 x 64.
    std::vector<std::size_t> arrow_lanes(const Event& e, std::size_t lane) const {
        const std::vector<std::size_t> lanes = c_.timeline.event_lanes(e);
        const auto [top, bottom] = std::minmax_element(lanes.begin(), lanes.end());
        const bool draws_down = lane == *top;
        const bool draws_up = lane == *bottom;
        std::vector<std::size_t> to;
        for (std::size_t t : recipient_lanes(e))
            if ((draws_down && t > lane) || (draws_up && t < lane)) to.push_back(t);
        return to;
    }

    /// The lanes an event's arrows point into: those of its recipients, each once, in lane
    /// order.
    std::vector<std::size_t> recipient_lanes(const Event& e) const {
        std::vector<std::size_t> out;
        for (const Ref& r : e.to)
            if (const auto lane = c_.timeline.lane_of(r.id)) out.push_back(*lane);
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
        return out;
    }

    /// Puts one event in one lane with arrows into the lanes `to`: picks a row that the
    /// arrows can leave without crossing other rows, takes it, then routes the arrows through
    /// the lanes they pass. `shared`: links to the lanes `to` instead (see ArrowPlan).
    void place(PlacedEvents& placed, Placement p, double label_width,
               const std::vector<std::size_t>& to, bool shared = false) {
        if (!to.empty()) p.anchor = free_anchor(placed, p, to);
        LabelSpan span = label_span(c_.columns.scale, p, label_width);
        const std::size_t index = placed.placements.size();
        bool up = false, down = false;
        for (std::size_t lane : to) {
            // A link's line is drawn to the farthest lane each way (`to` is in lane order);
            // it passes the nearer ones' dots.
            const bool farthest = lane < p.lane ? lane == to.front() : lane == to.back();
            placed.arrows.push_back({index, p.lane, lane, shared, !shared || farthest});
            (lane < p.lane ? up : down) = true;
        }
        LaneRows& rows = placed.rows[p.lane];
        const double pad = kItemGap / 2;
        // When the whole label fits nowhere, the row must still hold the marker and its
        // callout number, or the event would be drawn unnamed.
        const LabelSpan least = label_span(c_.columns.scale, p, least_label_width());
        // Room for a callout number left of the marker is kept in its row from the start:
        // arrows of later events leave right of it, so they can cut a label right of the
        // marker but never that room, and a label cut too short moves there.
        const double keep = keeps_callout_left(p) ? callout_left(p) : p.x0;
        // Near a window's end the callout may stand right of the axis instead (see
        // callout_past_axis): so the marker with it there is another least extent.
        const double past_end = p.x1 + kLabelGap + least_label_width();
        const bool past_axis = past_end > c_.columns.scale.x1 && past_end <= callout_x1_;
        const LaneRows::Item item{std::min({p.x0, span.x0, keep}) - pad,
                                  std::max(p.x1, span.x1) + pad,
                                  std::min({p.x0, least.x0, keep}) - pad,
                                  std::max(p.x1, keep < p.x0 ? p.x1 : least.x1) + pad,
                                  (past_axis ? p.x0 : std::min(p.x0, least.x0)) - pad,
                                  (past_axis ? past_end : std::max(p.x1, least.x1)) + pad};
        p.row = rows.choose(item, p.anchor, up, down);
        span = fit_label_in_row(rows, p, span, label_width);
        // The room is kept only where the row is free: a row chosen for want of a free one
        // may hold an arrow there.
        const bool kept = keep < p.x0 && rows.fits(p.row, keep - pad, p.x0 - pad);
        if (kept && !holds_callout(span.x1 - span.x0)) span = {keep, p.x0 - kLabelGap, true, true};
        span.keeps_callout_left = kept;
        span.least = least_label_width();
        // Measured from the marker's side, so that a label already past arrows (see
        // label_past_arrows) moves no farther from it than any other.
        span.reach = span.left_of_marker ? std::max(span.x1, p.x0 - kLabelGap) - 2 * span.least
                                         : std::min(span.x0, p.x1 + kLabelGap) + 2 * span.least;
        p.span = placed.spans.size();
        placed.spans.push_back(span);
        rows.take(p.row, std::min({p.x0, span.x0, kept ? keep : p.x0}) - pad,
                  std::max(p.x1, span.x1) + pad, p.span);
        taken_right_.push_back(std::max(p.x1, span.x1) + pad);
        placed.placements.push_back(std::move(p));
        // A link passes behind labels rather than shortening them (see draw_shared_link).
        if (shared) return;
        // The arrow into the farthest lane each way passes every lane the nearer ones pass,
        // so routing it alone marks every row that they cross: each lane once, not once per
        // recipient.
        if (up) route(placed, {index, placed.placements.back().lane, to.front()});
        if (down) route(placed, {index, placed.placements.back().lane, to.back()});
    }

    /// Where `p`'s arrows into the lanes `to` leave: its anchor, unless another event's
    /// arrow already runs there through the same lanes; then the nearest x within its mark
    /// that is kArrowGap clear of every such arrow (events of one month share a bracket, and
    /// their arrows would lie on top of one another). The anchor when there is none.
    static double free_anchor(const PlacedEvents& placed, const Placement& p,
                              const std::vector<std::size_t>& to) {
        const std::size_t lo = std::min(p.lane, to.front());
        const std::size_t hi = std::max(p.lane, to.back());
        std::vector<double> taken;
        for (const ArrowPlan& a : placed.arrows) {
            const Placement& q = placed.placements[a.placement];
            if (q.event == p.event) continue;  // one event's arrows are one arrow's parts
            if (std::max(lo, std::min(a.from_lane, a.to_lane)) <
                std::min(hi, std::max(a.from_lane, a.to_lane)))
                taken.push_back(q.anchor);
        }
        const auto clear = [&](double x) {
            return std::none_of(taken.begin(), taken.end(),
                                [&](double t) { return std::abs(t - x) < kArrowGap; });
        };
        for (int k = 0;; ++k) {
            const double right = p.anchor + k * kArrowGap;
            const double left = p.anchor - k * kArrowGap;
            const bool right_inside = right <= p.x1 - 1;
            const bool left_inside = left >= p.x0 + 1;
            if (!right_inside && !left_inside) return p.anchor;
            if (right_inside && clear(right)) return right;
            if (left_inside && clear(left)) return left;
        }
    }

    /// The width of `p`'s label with its quantity after it, as drawn when not cut.
    double full_label_width(const Placement& p) const {
        double width = c_.measurer.measure(p.label, c_.columns.label_font).width;
        if (p.glyph) width += kKindGlyphSlot;
        if (!p.quantity.empty())
            width += kQuantityGap + c_.measurer.measure(p.quantity, c_.columns.quantity_font).width;
        return width;
    }

    /// The width of the least a label can be: a callout number as high as the marks are
    /// many (each mark has one label, so at most one callout).
    double least_label_width() const { return least_label_width_; }

    /// Whether a span `width` wide holds a callout number.
    bool holds_callout(double width) const { return width >= least_label_width_ - kFitSlack; }

    /// Where a callout number left of `p`'s marker would start.
    double callout_left(const Placement& p) const { return p.x0 - kLabelGap - least_label_width(); }

    /// Whether the chart has room left of `p`'s marker for its callout number.
    bool keeps_callout_left(const Placement& p) const {
        return callout_left(p) - kItemGap / 2 >= c_.columns.scale.x0;
    }

    /// The label's span in the row chosen for its marker: the free part beside the marker on
    /// its side; or, when that is shorter than the label and the other side of the marker has
    /// more room, the other side.
    LabelSpan fit_label_in_row(const LaneRows& rows, const Placement& p, LabelSpan span,
                               double width) const {
        const TimeScale& scale = c_.columns.scale;
        const double pad = kItemGap / 2;
        const bool inside = !span.left_of_marker && span.x1 <= p.x1;  // inside a long bar
        const double left_end = p.x0 - kLabelGap;
        const double left_limit = std::max(rows.free_left(p.row, left_end + pad) + pad, scale.x0);
        const double right_start = inside ? span.x0 : p.x1 + kLabelGap;
        const double right_limit =
            std::min(rows.free_right(p.row, right_start - pad) - pad, scale.x1);
        const double left_room = std::max(0.0, left_end - left_limit);
        const double right_room = std::max(0.0, right_limit - right_start);
        bool left = span.left_of_marker;
        const double room = left ? left_room : right_room;
        if (room < width && !inside && (left ? right_room : left_room) > room) left = !left;
        if (left) {
            const double w = std::min(width, left_room);
            if (!holds_callout(w)) {
                if (const auto past = callout_past_axis(rows, p, p.x1 + kLabelGap)) return *past;
                if (const auto past = label_past_arrows(rows, p, width, p.x1 + kLabelGap))
                    return *past;
            }
            return {left_end - w, left_end, true, w < width};
        }
        const double w = std::min(width, right_room);
        if (!holds_callout(w)) {
            if (!inside) {
                if (const auto past = callout_past_axis(rows, p, right_start)) return *past;
            }
            if (const auto past = label_past_arrows(rows, p, width, right_start)) return *past;
        }
        return {right_start, right_start + w, false, w < width};
    }

    /// The label of `p` past the arrows beside its marker, right of it (from `right_start`:
    /// past the marker, or inside a long bar from its start) or else left, when the room
    /// between them and the marker holds no callout number: a number just past a thin line,
    /// no farther than the arrows that cut a label may move it (LabelSpan::reach), still
    /// reads as its marker's. None when an item stands there, or no number fits.
    std::optional<LabelSpan> label_past_arrows(const LaneRows& rows, const Placement& p,
                                               double width, double right_start) const {
        const TimeScale& scale = c_.columns.scale;
        const double pad = kItemGap / 2;
        const double reach = 2 * least_label_width_;
        if (const auto arrows = rows.arrows_right(p.row, right_start - pad);
            arrows && arrows->second <= right_start + reach) {
            // The arrows' stretch holds their clearance from a label.
            const double start = arrows->second;
            const double room = std::min(rows.free_right(p.row, start) - pad, scale.x1) - start;
            if (holds_callout(room))
                return LabelSpan{start, start + std::min(width, room), false, room < width};
        }
        const double left_end = p.x0 - kLabelGap;
        if (const auto arrows = rows.arrows_left(p.row, left_end + pad);
            arrows && arrows->first >= left_end - reach) {
            const double end = arrows->first;
            const double room = end - std::max(rows.free_left(p.row, end) + pad, scale.x0);
            if (holds_callout(room))
                return LabelSpan{end - std::min(width, room), end, true, room < width};
        }
        return std::nullopt;
    }

    /// A callout number for `p` from `start` (right of its marker, or of an arrow that cut
    /// its label) in the room a window keeps right of its axis, when its row is free there:
    /// events in a window's last days have little room right of their markers on the axis,
    /// and their neighbours' arrows cut what there is. Only a number: a label never runs
    /// past the axis's end, which would claim days the window does not show. None on the
    /// axis, where the usual rules hold.
    /// `own`: where the stretch `p` already took in its row ends (none yet: its start).
    std::optional<LabelSpan> callout_past_axis(const LaneRows& rows, const Placement& p,
                                               double start, double own = 0) const {
        const double pad = kItemGap / 2;
        const double x1 = start + least_label_width_;
        if (x1 <= c_.columns.scale.x1 || x1 > callout_x1_) return std::nullopt;
        if (rows.free_right(p.row, std::max(start - pad, own)) - pad < x1) return std::nullopt;
        return LabelSpan{start, x1, false, true};
    }

    /// Marks the rows an arrow passes through, shortening labels already placed there; a
    /// label left too short for its callout number moves to the other side of its marker.
    void route(PlacedEvents& placed, const ArrowPlan& a) {
        const Placement& p = placed.placements[a.placement];
        const bool up = a.to_lane < a.from_lane;
        std::vector<std::size_t> shortened;
        placed.rows[a.from_lane].cross(p.anchor, kShaftClear, false, p.row, up, placed.spans,
                                       &shortened);
        const std::size_t lo = std::min(a.from_lane, a.to_lane);
        const std::size_t hi = std::max(a.from_lane, a.to_lane);
        for (std::size_t l = lo + 1; l < hi; ++l)
            placed.rows[l].cross(p.anchor, kShaftClear, true, 0, false, placed.spans, &shortened);
        for (const std::size_t label : shortened)
            if (!holds_callout(placed.spans[label].x1 - placed.spans[label].x0))
                move_label_across(placed, label, p.anchor);
    }

    /// Puts a label that an arrow at `arrow_x` cut too short on the other side of its marker,
    /// when that side of its row has room for at least its callout number; else a label
    /// right of its marker near a window's end becomes a callout number past the arrow,
    /// right of the axis.
    void move_label_across(PlacedEvents& placed, std::size_t label, double arrow_x) {
        // Each placement has its own span, at the same index.
        const Placement& p = placed.placements[label];
        LabelSpan& span = placed.spans[label];
        LaneRows& rows = placed.rows[p.lane];
        const TimeScale& scale = c_.columns.scale;
        const double pad = kItemGap / 2;
        // The label with its quantity, as it is drawn when not cut: measured without it, a
        // label moved left was drawn whole from its span's right end, past the page's edge.
        const double width = full_label_width(p);
        LabelSpan moved;
        if (span.left_of_marker) {
            const double start = p.x1 + kLabelGap;
            const double limit = std::min(rows.free_right(p.row, p.x1 + pad) - pad, scale.x1);
            moved = {start, std::min(limit, start + width), false, true};
            if (!holds_callout(moved.x1 - moved.x0)) {
                if (const auto past = callout_past_axis(rows, p, start)) moved = *past;
            }
        } else {
            const double end = p.x0 - kLabelGap;
            // The room kept for a callout there is this item's own (see place).
            const double own = span.keeps_callout_left ? callout_left(p) : p.x0;
            const double limit = std::max(rows.free_left(p.row, own - pad) + pad, scale.x0);
            moved = {std::max(limit, end - width), end, true, true};
            if (!holds_callout(moved.x1 - moved.x0)) {
                if (const auto past = callout_past_axis(rows, p, arrow_x + kShaftClear + pad,
                                                        taken_right_[label]))
                    moved = *past;
            }
        }
        if (!holds_callout(moved.x1 - moved.x0)) return;
        moved.truncated = moved.x1 - moved.x0 < width;
        moved.least = span.least;
        moved.keeps_callout_left = span.keeps_callout_left;
        moved.reach =
            moved.left_of_marker ? moved.x1 - 2 * moved.least : moved.x0 + 2 * moved.least;
        span = moved;
        rows.take(p.row, std::min(p.x0, moved.x0) - pad, std::max(p.x1, moved.x1) + pad, label);
        taken_right_[label] = std::max(taken_right_[label], std::max(p.x1, moved.x1) + pad);
    }

    /// Where ink stands in a row of a lane: a marker, a label or a knockout, and whose it is.
    struct Ink {
        double x0, x1;
        std::size_t owner;  ///< index into the placements
    };

    /// Gives every marker whose label the arrows cut too short for even its callout number
    /// a knockout (see LabelSpan::knockout) beside it, when one fits there clear of others'
    /// ink: a map letters a name across roads on a patch of paper, never across other
    /// names. Whether the label holds its number is known only once it is drawn (a low
    /// number is narrower than the widest), so this is where the number goes if it does not.
    void knock_out_callouts(PlacedEvents& placed) const {
        std::map<std::pair<std::size_t, LaneRows::RowIndex>, std::vector<Ink>> rows;
        for (std::size_t i = 0; i < placed.placements.size(); ++i) {
            const Placement& q = placed.placements[i];
            const LabelSpan& s = placed.spans[q.span];
            std::vector<Ink>& row = rows[{q.lane, q.row}];
            row.push_back({q.x0, q.x1, i});
            if (s.x1 > s.x0) row.push_back({s.x0, s.x1, i});
        }
        for (std::size_t i = 0; i < placed.placements.size(); ++i) {
            const Placement& p = placed.placements[i];
            LabelSpan& s = placed.spans[p.span];
            if (holds_callout(s.x1 - s.x0)) continue;
            std::vector<Ink>& row = rows[{p.lane, p.row}];
            s.knockout = knockout_beside(row, p, i, s.left_of_marker);
            if (s.knockout)
                row.push_back({s.knockout->x0 - kKnockoutHalo, s.knockout->x1 + kKnockoutHalo, i});
        }
    }

    /// Where a callout number on its knockout fits beside `p`'s marker (placement `self`),
    /// kItemGap clear of others' ink in its row and on the axis: on the side of its label
    /// (`left`) first, then the other. None when neither side has room.
    std::optional<LabelSpan::Knockout> knockout_beside(const std::vector<Ink>& row,
                                                       const Placement& p, std::size_t self,
                                                       bool left) const {
        const TimeScale& scale = c_.columns.scale;
        const auto clear = [&](double x0, double x1) {
            const double k0 = x0 - kKnockoutHalo, k1 = x1 + kKnockoutHalo;
            return k0 >= scale.x0 && k1 <= scale.x1 &&
                   std::none_of(row.begin(), row.end(), [&](const Ink& ink) {
                       return ink.owner != self && ink.x0 < k1 + kItemGap && k0 - kItemGap < ink.x1;
                   });
        };
        const double w = least_label_width_;
        const LabelSpan::Knockout right{p.x1 + kLabelGap, p.x1 + kLabelGap + w, false};
        const LabelSpan::Knockout before{p.x0 - kLabelGap - w, p.x0 - kLabelGap, true};
        for (const LabelSpan::Knockout& k :
             left ? std::array{before, right} : std::array{right, before})
            if (clear(k.x0, k.x1)) return k;
        return std::nullopt;
    }

    ChartCanvas& c_;
    /// How far right a callout number may reach: the page's margin, past a window's axis.
    double callout_x1_;
    double least_label_width_ = 0;
    /// Where the stretch each placement took in its row ends, at the same index: an arrow
    /// that cuts its label leaves the row taken there.
    std::vector<double> taken_right_;
};

}  // namespace

Document build_detail_chart(const Timeline& timeline, const Model& model, const Theme& theme,
                            const TextMeasurer& measurer, const LayoutOptions& options) {
    return build_chart_as<DetailView>(timeline, model, theme, measurer, options);
}

}  // namespace tl
