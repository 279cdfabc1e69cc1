#include "layout/chart_builder.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "base/text.hpp"
#include "layout/axis.hpp"
#include "layout/citations.hpp"
#include "layout/date_label.hpp"
#include "layout/density.hpp"
#include "layout/lane_packer.hpp"
#include "layout/legend.hpp"
#include "layout/page_marks.hpp"
#include "layout/paginate.hpp"
#include "layout/quantity_label.hpp"
#include "layout/references.hpp"
#include "layout/time_scale.hpp"
#include "model/kinds.hpp"
#include "timeline/order.hpp"

namespace tl {
namespace {

// Sizes in points, relative to the label font where they belong to a label row.
constexpr double kMarkerRadius = 4;
constexpr double kBarHeight = 8;
constexpr double kLabelGap = 4;    // between a marker and its label
constexpr double kItemGap = 8;     // between neighbours in a row
constexpr double kShaftClear = 3;  // between an arrow and a label it passes
constexpr double kLanePad = 5;
constexpr double kMinLabelWidth = 24;
constexpr double kQuantityGap = 5;   // between a label and its quantity
constexpr double kUnknownStub = 28;  // the dashed stub drawn for an unknown side
constexpr double kStripHeight = 18;  // density view: the strip of counts in each lane
constexpr double kMinBinWidth = 5;   // density view: the narrowest bin, in points
constexpr std::size_t kDensityLabelRows = 2;
constexpr std::size_t kDensityCandidates = 8;  // per lane: the most significant events tried
constexpr double kGrowthPerEvent = 9;          // points of page width per event, with `grow`
constexpr double kMaxPageSide = 14400;         // PDF's largest page side: 200 inches

/// Where one event sits and what its label says, decided before anything is drawn.
struct Placement {
    const Event* event = nullptr;
    std::size_t lane = 0;
    LaneRows::RowIndex row = 0;
    double x0 = 0, x1 = 0;  ///< marker or bar
    double anchor = 0;      ///< where its arrows leave
    std::string label;      ///< full text: date, title, citation marks
    std::string quantity;   ///< "200+ ballistic missiles", drawn after the label in bold
    std::size_t span = 0;   ///< index into spans
};

/// An arrow from a placed event to another lane at one x; y is known only once lane
/// heights are.
struct ArrowPlan {
    std::size_t placement;
    std::size_t from_lane;
    std::size_t to_lane;
};

LineStyle style_for(Confidence c) {
    switch (c) {
        case Confidence::confirmed: return LineStyle::solid;
        case Confidence::reported: return LineStyle::dashed;
        case Confidence::alleged: return LineStyle::dotted;
        case Confidence::assessed: return LineStyle::dash_dot;
    }
    return LineStyle::solid;
}

class ChartBuilder {
  public:
    ChartBuilder(const Timeline& t, const Model& m, const Theme& theme, const TextMeasurer& tm,
                 const LayoutOptions& o)
        : t_(t),
          model_(m),
          theme_(theme),
          tm_(tm),
          options_(o),
          density_(o.mode == LayoutMode::density ||
                   (o.mode == LayoutMode::automatic && t.events.size() > kDetailEventLimit)),
          lanes_(t.lanes.size()) {}

    Document build() {
        width_ = theme_.page_width;
        if (theme_.grow_width) {
            // Wide enough that events do not crowd: a few points of axis per event.
            width_ = std::clamp(static_cast<double>(t_.events.size()) * kGrowthPerEvent, width_,
                                kMaxPageSide);
        }
        scene_.width = width_;
        page_.width = width_;
        scene_.background = theme_.background;
        scene_.title = options_.title.empty() ? theme_.title : options_.title;
        scene_.subject = subtitle();
        if (!density_) citations_ = number_citations(t_.events);
        assign_kind_colors();
        double y = theme_.margin;
        if (theme_.show_title) y = header(y);
        setup_columns();
        if (density_) {
            bins_ = choose_bins(scale_, kMinBinWidth);
            counts_ = count_by_lane(t_, bins_);
            y = density_note(y);
        }
        y = era_labels(y);
        y = axis_labels(y);
        if (!options_.page_marks.empty())
            y = draw_page_marks(page_, scale_, y, options_.page_marks);
        if (density_) {
            place_significant_events();
        } else {
            place_events();
        }
        y = lanes(y);
        if (options_.today) y += tm_.measure("Ag", theme_.font(theme_.axis_size, true)).height + 2;
        y = legend(y + 14);
        const PageBreaks breaks{scene_.items.size(), y, 0};
        if (theme_.show_references) y = draw_references(page_, y + 10, citations_);
        y = draw_notes(page_, y, notes_);
        Document doc{scene_.title, scene_.subject, {}, breaks.chart_bottom};
        if (theme_.page_height > 0) {
            doc.pages = paginate(std::move(scene_), {breaks.chart_items, breaks.chart_bottom, y},
                                 theme_.page_height, theme_.margin);
        } else {
            scene_.height = y + theme_.margin;
            doc.pages.push_back(std::move(scene_));
        }
        return doc;
    }

  private:
    // ---- text -------------------------------------------------------------------------
    Item& text(double x, double y, std::string s, const FontSpec& font, Color color,
               std::string role, std::string event = {}) {
        return page_.text(x, y, std::move(s), font, color, std::move(role), std::move(event));
    }

    std::string subtitle() const {
        std::string s =
            std::to_string(t_.events.size()) + (t_.events.size() == 1 ? " event" : " events");
        if (!t_.span.empty()) {
            DatePoint a{Precision::month, t_.span.first, t_.span.first, false, false, {}};
            DatePoint b{Precision::month, t_.span.last, t_.span.last, false, false, {}};
            s += ", " + human_date(a) + " \u2013 " + human_date(b);
        }
        s += ", " + std::to_string(t_.lanes.size()) + (t_.lanes.size() == 1 ? " actor" : " actors");
        return s;
    }

    double header(double y) {
        const FontSpec title_font = theme_.font(theme_.title_size, true);
        y += text(theme_.margin, y, scene_.title, title_font, theme_.text, "title").box.height;
        const FontSpec sub = theme_.font(theme_.subtitle_size);
        y += text(theme_.margin, y + 2, scene_.subject, sub, theme_.muted, "subtitle").box.height;
        return y + 14;
    }

    // ---- colours ----------------------------------------------------------------------
    void assign_kind_colors() {
        std::size_t next = 0;
        for (const Kind& k : model_.kinds) {
            if (auto c = Color::parse(k.color)) {
                kind_color_[k.id] = *c;
            } else if (!theme_.kind_palette.empty()) {
                kind_color_[k.id] = theme_.kind_palette[next++ % theme_.kind_palette.size()];
            }
        }
        for (const auto& [id, color] : theme_.kind_colors)
            kind_color_.emplace(id, color);
    }

    Color kind_color(const std::string& kind) const {
        const auto it = kind_color_.find(kind);
        return it != kind_color_.end() ? it->second : theme_.muted;
    }

    Color tint(const Color& color, double amount) const { return page_.tint(color, amount); }

    Color lane_color(std::size_t lane) const {
        if (auto c = Color::parse(t_.lanes[lane].color)) return *c;
        if (t_.mode == LaneMode::kind) return kind_color(t_.lanes[lane].id);
        if (theme_.actor_palette.empty()) return theme_.muted;
        return theme_.actor_palette[lane % theme_.actor_palette.size()];
    }

    // ---- columns and scale ------------------------------------------------------------
    void setup_columns() {
        const FontSpec lane_font = theme_.font(theme_.lane_name_size, true);
        double widest = 0;
        for (const Lane& l : t_.lanes)
            widest = std::max(widest, tm_.measure(l.name, lane_font).width);
        const double usable = width_ - 2 * theme_.margin;
        // At least 70 pt for the names, but never more than 22% of the chart: on a narrow
        // page the chart's share wins (std::clamp would be undefined with 70 above it).
        gutter_ = std::min(std::max(widest + 18, 70.0), usable * 0.22);
        scale_.x0 = theme_.margin + gutter_;
        scale_.x1 = width_ - theme_.margin;
        DaySpan span = options_.window ? *options_.window : t_.span;
        if (span.empty() && options_.today) span = {*options_.today, *options_.today};
        if (span.empty()) span = {day_number(2000, 1, 1), day_number(2000, 12, 31)};
        if (options_.today) {
            span.first = std::min(span.first, *options_.today);
            span.last = std::max(span.last, *options_.today);
        }
        const double days = static_cast<double>(span.last - span.first) + 1;
        // A slice of `pages` shows exactly its days, so that neighbouring pages meet.
        const auto pad =
            options_.window ? DayNumber{0} : static_cast<DayNumber>(std::max(days * 0.025, 10.0));
        // The padding stops at the calendar's ends: the axis names no year before 1400 or
        // after 9999, which no date can be.
        scale_.first = std::max(span.first - pad, kFirstDay);
        scale_.last = std::min(span.last + pad, kLastDay);
        label_font_ = theme_.font(theme_.label_size);
        quantity_font_ = theme_.font(theme_.label_size, true);
        // Rows are as tall as a label in any script we set: Arabic and CJK lines run taller
        // than Latin ones, and a label taller than its row would reach into the next.
        const double line = std::max(
            tm_.measure("Ag \u0627\u06cc\u0631\u0627\u0646 \u4e2d\u56fd", label_font_).height,
            tm_.measure("Ag", quantity_font_).height);
        pitch_ = std::max(line, 2 * kMarkerRadius) + 3;
    }

    double clamp_x(double x) const { return std::clamp(x, scale_.x0, scale_.x1); }
    double x_start(const DatePoint& p) const {
        return p.bounded() ? clamp_x(scale_.x(p.earliest)) : scale_.x0;
    }
    double x_end(const DatePoint& p) const {
        return p.bounded() ? clamp_x(scale_.x_end(p.latest)) : scale_.x1;
    }

    // ---- eras -------------------------------------------------------------------------
    double era_labels(double y) {
        if (t_.eras.empty()) return y;
        const FontSpec font = theme_.font(theme_.label_size, true);
        LaneRows rows;
        struct Pending {
            std::size_t item;
            LaneRows::RowIndex row;
        };
        std::vector<Pending> pending;
        for (const Era* era : t_.eras) {
            const double x = x_start(era->date.start);
            const std::string label = isolate(era->title) + " (" + human_date(era->date) + ")";
            const std::string fitted = tm_.fit(label, font, scale_.x1 - x);
            if (fitted.empty()) continue;
            const double w = tm_.measure(fitted, font).width;
            const LaneRows::Item item{x, x + w + kItemGap, x, x + w + kItemGap};
            const auto row = rows.choose(item, x, false, false);
            rows.take(row, item.x0, item.x1, LaneRows::npos);
            Item& it = text(x + 2, 0, fitted, font, theme_.era_text, "era-label");
            pending.push_back({scene_.items.size() - 1, row});
            (void)it;
        }
        const double line = tm_.measure("Ag", font).height + 2;
        for (const Pending& p : pending)
            scene_.items[p.item].box.y = y + (p.row - rows.top()) * line;
        return y + static_cast<double>(rows.count()) * line + 4;
    }

    void era_bands(double top, double bottom) {
        for (const Era* era : t_.eras) {
            Item it;
            it.type = ItemType::band;
            it.role = "era";
            const double x0 = x_start(era->date.start);
            const double x1 = x_end(era->date.last());
            it.box = {x0, top, std::max(x1 - x0, 1.0), bottom - top};
            it.fill = theme_.era_fill;
            it.fade_start = !era->date.start.bounded();
            it.fade_end = era->date.end && !era->date.end->bounded();
            scene_.items.push_back(std::move(it));
        }
    }

    // ---- axis -------------------------------------------------------------------------
    double axis_labels(double y) {
        const FontSpec font = theme_.font(theme_.axis_size);
        ticks_ = choose_ticks(scale_, tm_, font);
        double h = 0;
        for (const Tick& tick : ticks_) {
            const double x = scale_.x(tick.day);
            const double w = tm_.measure(tick.label, font).width;
            if (x + 2 + w > scale_.x1) continue;
            h = std::max(h,
                         text(x + 2, y, tick.label, font, theme_.muted, "axis-label").box.height);
        }
        return y + h + 4;
    }

    void grid(double top, double bottom) {
        for (const Tick& tick : ticks_) {
            Item it;
            it.type = ItemType::line;
            it.role = "grid";
            const double x = scale_.x(tick.day);
            it.from = {x, top};
            it.to = {x, bottom};
            it.box = {x - 0.25, top, 0.5, bottom - top};
            it.stroke = theme_.grid;
            it.stroke_width = 0.5;
            scene_.items.push_back(std::move(it));
        }
    }

    // ---- events -----------------------------------------------------------------------
    std::string label_text(const Event* e) const {
        // The title is isolated so that a right-to-left title cannot reorder the date and the
        // citation marks around it.
        return human_date(e->date) + " \u00b7 " + isolate(e->title) + citations_.marks_for(e);
    }

    void extent(const Event* e, Placement& p) const {
        const Date& d = e->date;
        if (!d.is_interval() && d.start.precision == Precision::day) {
            const double c = (scale_.x(d.start.earliest) + scale_.x_end(d.start.earliest)) / 2;
            p.x0 = c - kMarkerRadius;
            p.x1 = c + kMarkerRadius;
            p.anchor = c;
            return;
        }
        p.x0 = x_start(d.start);
        p.x1 = x_end(d.last());
        // An unknown side is not drawn to the chart's edge, which would claim a date: it is
        // a short stub beyond the side that is known.
        if (d.start.precision == Precision::unknown)
            p.x0 = std::max(scale_.x0, p.x1 - kUnknownStub);
        if (d.is_interval() && d.end->precision == Precision::unknown)
            p.x1 = std::min(scale_.x1, std::max(x_end(d.start), p.x0 + kUnknownStub));
        if (p.x1 - p.x0 < 2 * kMarkerRadius) {
            const double c = (p.x0 + p.x1) / 2;
            p.x0 = c - kMarkerRadius;
            p.x1 = c + kMarkerRadius;
        }
        // Arrows leave where the support began: the middle of the start's range.
        p.anchor =
            d.start.bounded()
                ? std::clamp((x_start(d.start) + scale_.x_end(d.start.latest)) / 2, p.x0, p.x1)
                : (p.x0 + p.x1) / 2;
    }

    /// Puts the label right of the marker when it fits, else left, else inside a bar long
    /// enough to hold it, else on the roomier side (to be shortened with an ellipsis).
    LabelSpan label_span(const Placement& p, double width) const {
        const double right_room = scale_.x1 - (p.x1 + kLabelGap);
        const double left_room = (p.x0 - kLabelGap) - scale_.x0;
        const double inside_room = p.x1 - p.x0 - 2 * kLabelGap;
        if (width > right_room && width > left_room && width <= inside_room) {
            // A long interval carries its label inside its light bar.
            return {p.x0 + kLabelGap, p.x0 + kLabelGap + width, false, false};
        }
        if (width <= right_room || right_room >= left_room) {
            const double w = std::min(width, std::max(right_room, 0.0));
            return {p.x1 + kLabelGap, p.x1 + kLabelGap + w, false, w < width};
        }
        const double w = std::min(width, std::max(left_room, 0.0));
        return {p.x0 - kLabelGap - w, p.x0 - kLabelGap, true, w < width};
    }

    void place_events() {
        // Placed left to right by where their markers start, not in timeline order (an
        // unknown start sorts first but is drawn late): then only the last item of a row can
        // reach past the current x, which is what lets an arrow shorten it.
        std::vector<Placement> order;
        order.reserve(t_.events.size());
        for (const Event* e : t_.events) {
            Placement p;
            p.event = e;
            extent(e, p);
            order.push_back(std::move(p));
        }
        std::stable_sort(order.begin(), order.end(),
                         [](const Placement& a, const Placement& b) { return a.x0 < b.x0; });
        for (Placement& proto : order) {
            proto.label = label_text(proto.event);
            double width = tm_.measure(proto.label, label_font_).width;
            if (proto.event->quantity) {
                proto.quantity = quantity_label(*proto.event->quantity);
                width += kQuantityGap + tm_.measure(proto.quantity, quantity_font_).width;
            }
            const std::vector<std::size_t> lanes = t_.event_lanes(*proto.event);
            const std::vector<std::size_t> targets = recipient_lanes(*proto.event);
            const auto [top, bottom] = std::minmax_element(lanes.begin(), lanes.end());
            for (std::size_t lane : lanes) {
                Placement p = proto;
                p.lane = lane;
                // All of an event's arrows run at its x, with its colour and line style: an
                // arrow from a supplier to a recipient lies under the one from the supplier
                // farthest above it (or below), which passes through the nearer supplier's
                // lane. So only the topmost supplier draws arrows down and the bottommost
                // arrows up, one per recipient: at most 2 x 64 per event, not 64 x 64.
                const bool draws_down = lane == *top;
                const bool draws_up = lane == *bottom;
                std::vector<std::size_t> to;
                for (std::size_t t : targets)
                    if ((draws_down && t > lane) || (draws_up && t < lane)) to.push_back(t);
                place(std::move(p), width, to);
            }
        }
    }

    /// The lanes an event's arrows point into: those of its recipients, each once, in lane
    /// order.
    std::vector<std::size_t> recipient_lanes(const Event& e) const {
        std::vector<std::size_t> out;
        for (const Ref& r : e.to)
            if (const auto lane = t_.lane_of(r.id)) out.push_back(*lane);
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
        return out;
    }

    /// Puts one event in one lane with arrows into the lanes `to`: picks a row that the
    /// arrows can leave without crossing other rows, takes it, then routes the arrows through
    /// the lanes they pass.
    void place(Placement p, double label_width, const std::vector<std::size_t>& to) {
        LabelSpan span = label_span(p, label_width);
        const std::size_t index = placements_.size();
        bool up = false, down = false;
        for (std::size_t lane : to) {
            arrows_.push_back({index, p.lane, lane});
            (lane < p.lane ? up : down) = true;
        }
        LaneRows& rows = lanes_[p.lane];
        const double pad = kItemGap / 2;
        const LaneRows::Item item{std::min(p.x0, span.x0) - pad, std::max(p.x1, span.x1) + pad,
                                  p.x0 - pad, p.x1 + pad};
        p.row = rows.choose(item, p.anchor, up, down);
        span = fit_label_in_row(rows, p, span, label_width);
        p.span = spans_.size();
        spans_.push_back(span);
        rows.take(p.row, std::min(p.x0, span.x0) - pad, std::max(p.x1, span.x1) + pad, p.span);
        placements_.push_back(std::move(p));
        // The arrow into the farthest lane each way passes every lane the nearer ones pass,
        // so routing it alone marks every row that they cross: each lane once, not once per
        // recipient.
        if (up) route({index, placements_.back().lane, to.front()});
        if (down) route({index, placements_.back().lane, to.back()});
    }

    /// The label's span in the row chosen for its marker: the free part beside the marker on
    /// its side; or, when that is shorter than the label and the other side of the marker has
    /// more room, the other side.
    LabelSpan fit_label_in_row(const LaneRows& rows, const Placement& p, LabelSpan span,
                               double width) const {
        const double pad = kItemGap / 2;
        const bool inside = !span.left_of_marker && span.x1 <= p.x1;  // inside a long bar
        const double left_end = p.x0 - kLabelGap;
        const double left_limit = std::max(rows.free_left(p.row, left_end + pad) + pad, scale_.x0);
        const double right_start = inside ? span.x0 : p.x1 + kLabelGap;
        const double right_limit =
            std::min(rows.free_right(p.row, right_start - pad) - pad, scale_.x1);
        const double left_room = std::max(0.0, left_end - left_limit);
        const double right_room = std::max(0.0, right_limit - right_start);
        bool left = span.left_of_marker;
        const double room = left ? left_room : right_room;
        if (room < width && !inside && (left ? right_room : left_room) > room) left = !left;
        if (left) {
            const double w = std::min(width, left_room);
            return {left_end - w, left_end, true, w < width};
        }
        const double w = std::min(width, right_room);
        return {right_start, right_start + w, false, w < width};
    }

    /// Marks the rows an arrow passes through, shortening labels already placed there.
    void route(const ArrowPlan& a) {
        const Placement& p = placements_[a.placement];
        const bool up = a.to_lane < a.from_lane;
        lanes_[a.from_lane].cross(p.anchor, kShaftClear, false, p.row, up, spans_);
        const std::size_t lo = std::min(a.from_lane, a.to_lane);
        const std::size_t hi = std::max(a.from_lane, a.to_lane);
        for (std::size_t l = lo + 1; l < hi; ++l)
            lanes_[l].cross(p.anchor, kShaftClear, true, 0, false, spans_);
    }

    // ---- lanes ------------------------------------------------------------------------
    double row_y(std::size_t lane, LaneRows::RowIndex row) const {
        return lane_top_[lane] + kLanePad + strip_height() + (row - lanes_[lane].top()) * pitch_ +
               pitch_ / 2;
    }

    double lanes(double y) {
        const double top = y;
        lane_top_.resize(lanes_.size());
        std::vector<double> lane_bottom(lanes_.size());
        for (std::size_t l = 0; l < lanes_.size(); ++l) {
            lane_top_[l] = y;
            // One row at least, for the lane's name and, in a density view, its count of
            // events (a recipient's lane may have a strip but no label of its own).
            const double rows = static_cast<double>(std::max<std::size_t>(lanes_[l].count(), 1));
            y += 2 * kLanePad + strip_height() + rows * pitch_;
            lane_bottom[l] = y;
        }
        const double bottom = y;
        for (std::size_t l = 0; l < lanes_.size(); ++l) {
            lane_background(l, lane_bottom[l]);
            if (density_) density_strip(l);
        }
        era_bands(top, bottom);
        grid(top, bottom);
        for (const ArrowPlan& a : arrows_)
            arrow(a, lane_bottom);
        if (options_.today) today_line(top, bottom);
        for (const Placement& p : placements_)
            event_items(p);
        return bottom;
    }

    double strip_height() const { return density_ ? kStripHeight : 0; }

    /// Says what a density view shows, above its lanes.
    double density_note(double y) {
        const int days = bins_.size() > 0 ? bins_.edges[1] - bins_.edges[0] : 30;
        const char* unit = days <= 1     ? "day"
                           : days <= 7   ? "week"
                           : days <= 31  ? "month"
                           : days <= 92  ? "quarter"
                           : days <= 366 ? "year"
                                         : "decade";
        const std::string note =
            "Too many events to label each: every lane's strip counts the events "
            "its actors take part in (supplying, receiving or acting) per " +
            std::string(unit) +
            " (bar heights on one square-root scale), and only the most "
            "significant events (by priority, confidence, quantity) are "
            "labelled.";
        const FontSpec font = theme_.font(theme_.axis_size);
        return y +
               text(theme_.margin, y, tm_.fit(note, font, width_ - 2 * theme_.margin), font,
                    theme_.muted, "density-note")
                   .box.height +
               4;
    }

    /// Density view: a lane's events per bin as bars rising from the bottom of its strip, all
    /// lanes on one scale so that they compare.
    void density_strip(std::size_t l) {
        int most = std::max(1, options_.density_peak);
        for (const auto& lane : counts_)
            for (int c : lane)
                most = std::max(most, c);
        const double base = lane_top_[l] + kLanePad + kStripHeight;
        const Color color = lane_color(l);
        for (std::size_t b = 0; b < bins_.size(); ++b) {
            const int n = counts_[l][b];
            if (n == 0) continue;
            const double x0 = clamp_x(scale_.x(bins_.edges[b]));
            const double x1 = clamp_x(scale_.x(bins_.edges[b + 1]));
            // Square root, so that a lane's few events still show beside another's many.
            const double h = std::max(1.0, (kStripHeight - 2) * std::sqrt(double(n) / most));
            Item it;
            it.type = ItemType::band;
            it.role = "density-bin";
            it.lane = t_.lanes[l].id;
            it.box = {x0 + 0.25, base - h, std::max(x1 - x0 - 0.5, 0.5), h};
            it.fill = color;
            it.text = std::to_string(n);
            scene_.items.push_back(std::move(it));
        }
    }

    /// Density view: in each lane, the most significant events (by priority, confidence and
    /// quantity) get a label in the rows under the strip when it fits whole; the others are
    /// counted in the strip only.
    void place_significant_events() {
        struct Candidate {
            const Event* event;
            std::size_t lane;
            double score;
            std::size_t order;
        };
        std::vector<std::vector<Candidate>> per_lane(lanes_.size());
        for (std::size_t i = 0; i < t_.events.size(); ++i) {
            const Event* e = t_.events[i];
            for (std::size_t lane : t_.event_lanes(*e))
                per_lane[lane].push_back({e, lane, significance(*e), i});
        }
        std::vector<Candidate> chosen;
        const auto more_significant = [](const Candidate& a, const Candidate& b) {
            return a.score != b.score ? a.score > b.score : a.order < b.order;
        };
        for (auto& lane : per_lane) {
            const std::size_t keep = std::min(lane.size(), kDensityCandidates);
            std::partial_sort(lane.begin(), lane.begin() + static_cast<std::ptrdiff_t>(keep),
                              lane.end(), more_significant);
            chosen.insert(chosen.end(), lane.begin(),
                          lane.begin() + static_cast<std::ptrdiff_t>(keep));
        }
        std::sort(chosen.begin(), chosen.end(), more_significant);
        const double pad = kItemGap / 2;
        for (const Candidate& c : chosen) {
            Placement p;
            p.event = c.event;
            p.lane = c.lane;
            extent(c.event, p);
            // Room for the citation marks, numbered once the labelled events are known.
            p.label = label_text(c.event) +
                      std::string(c.event->sources.size() > 1 ? " [0000, 0000]" : " [0000]");
            const LabelSpan span = label_span(p, tm_.measure(p.label, label_font_).width);
            if (span.truncated) continue;  // only whole labels in a density view
            const double x0 = std::min(p.x0, span.x0) - pad;
            const double x1 = std::max(p.x1, span.x1) + pad;
            LaneRows& rows = lanes_[c.lane];
            for (LaneRows::RowIndex r = 0; r < static_cast<LaneRows::RowIndex>(kDensityLabelRows);
                 ++r) {
                if (static_cast<std::size_t>(r) > rows.count() || !rows.fits(r, x0, x1)) continue;
                p.row = r;
                p.span = spans_.size();
                spans_.push_back(span);
                rows.take(r, x0, x1, p.span);
                placements_.push_back(std::move(p));
                break;
            }
        }
        // Sources are numbered for the labelled events only, in timeline order.
        std::vector<const Event*> cited;
        for (const Placement& p : placements_)
            cited.push_back(p.event);
        std::sort(cited.begin(), cited.end(),
                  [](const Event* a, const Event* b) { return timeline_less(*a, *b); });
        cited.erase(std::unique(cited.begin(), cited.end()), cited.end());
        citations_ = number_citations(cited);
        for (Placement& p : placements_)
            p.label = label_text(p.event);
    }

    /// A dashed line across the lanes at --today, labelled beneath them.
    void today_line(double top, double bottom) {
        const double x = (scale_.x(*options_.today) + scale_.x_end(*options_.today)) / 2;
        Item it;
        it.type = ItemType::line;
        it.role = "today";
        it.from = {x, top};
        it.to = {x, bottom};
        it.box = {x - 0.5, top, 1, bottom - top};
        it.stroke = theme_.today;
        it.stroke_width = 1;
        it.style = LineStyle::dashed;
        scene_.items.push_back(std::move(it));
        const FontSpec font = theme_.font(theme_.axis_size, true);
        DatePoint day{Precision::day, *options_.today, *options_.today, false, false, {}};
        const std::string label = "today, " + human_date(day);
        const double w = tm_.measure(label, font).width;
        // Centred on the line, kept inside the right margin, and the left margin wins when the
        // label is wider than the page.
        text(std::max(theme_.margin, std::min(x - w / 2, width_ - theme_.margin - w)), bottom + 2,
             label, font, theme_.today, "today-label");
    }

    void lane_background(std::size_t l, double bottom) {
        Item band;
        band.type = ItemType::band;
        band.role = "lane";
        band.box = {theme_.margin, lane_top_[l], width_ - 2 * theme_.margin, bottom - lane_top_[l]};
        band.fill = l % 2 == 0 ? theme_.lane_fill : theme_.background;
        band.lane = t_.lanes[l].id;
        scene_.items.push_back(band);
        Item accent;
        accent.type = ItemType::band;
        accent.role = "lane-accent";
        accent.box = {theme_.margin, lane_top_[l], 3, bottom - lane_top_[l]};
        accent.fill = lane_color(l);
        scene_.items.push_back(accent);
        const FontSpec font = theme_.font(theme_.lane_name_size, true);
        const std::string name = tm_.fit(isolate(t_.lanes[l].name), font, gutter_ - 14);
        const double h = tm_.measure(name, font).height;
        const double y = lane_top_[l] + kLanePad + pitch_ / 2 - h / 2;
        text(theme_.margin + 8, y, name, font, theme_.text, "lane-label");
        if (!density_) return;
        // A density lane says how many events its strip counts.
        int events = 0;
        for (int n : counts_[l])
            events += n;
        const FontSpec small = theme_.font(theme_.axis_size);
        const std::string count = readable_number(events) + (events == 1 ? " event" : " events");
        text(theme_.margin + 8, y + h + 1, tm_.fit(count, small, gutter_ - 14), small, theme_.muted,
             "lane-count");
    }

    void arrow(const ArrowPlan& a, const std::vector<double>& lane_bottom) {
        const Placement& p = placements_[a.placement];
        const bool up = a.to_lane < a.from_lane;
        // From the edge of the event's row, clear of its own label (which may sit inside a
        // long bar, across the arrow's x).
        const double y0 = row_y(a.from_lane, p.row) + (up ? -pitch_ / 2 : pitch_ / 2);
        const double y1 = up ? lane_bottom[a.to_lane] : lane_top_[a.to_lane];
        Item it;
        it.type = ItemType::arrow;
        it.role = "support";
        it.event = p.event->id;
        it.from = {p.anchor, y0};
        it.to = {p.anchor, y1};
        it.box = {p.anchor - 4, std::min(y0, y1), 8, std::abs(y1 - y0)};
        it.stroke = kind_color(p.event->kind);
        it.stroke_width = 1.4;
        it.style = style_for(p.event->confidence);
        it.lane = t_.lanes[a.from_lane].id;
        it.to_lane = t_.lanes[a.to_lane].id;
        scene_.items.push_back(std::move(it));
    }

    void event_items(const Placement& p) {
        const Event& e = *p.event;
        const double cy = row_y(p.lane, p.row);
        const Color color = kind_color(e.kind);
        const bool hollow = e.date.start.approximate || e.date.start.uncertain ||
                            e.date.last().approximate || e.date.last().uncertain;
        Item mark;
        mark.event = e.id;
        mark.lane = t_.lanes[p.lane].id;
        mark.stroke = color;
        // Only a confirmed event is drawn solid; the others are lighter inside, so that
        // the outline's dashes or dots say how sure the sources are.
        const bool confirmed = e.confidence == Confidence::confirmed;
        mark.fill = hollow                 ? theme_.background
                    : e.date.is_interval() ? tint(color, 0.55)
                                           : tint(color, confirmed ? 0.0 : 0.5);
        mark.hollow = hollow;
        mark.style = style_for(e.confidence);
        mark.stroke_width = 1.2;
        if (!e.date.is_interval() && e.date.start.precision == Precision::day) {
            mark.type = ItemType::marker;
            mark.role = "event-marker";
            mark.shape = MarkerShape::circle;
            mark.box = {p.x0, cy - kMarkerRadius, p.x1 - p.x0, 2 * kMarkerRadius};
        } else if (!e.date.is_interval()) {
            // Known to a month, season or year: a bracket across the whole range.
            mark.type = ItemType::marker;
            mark.role = "event-range";
            mark.shape = MarkerShape::bracket;
            mark.fill = tint(color, hollow ? 0.85 : 0.6);
            mark.box = {p.x0, cy - kMarkerRadius, p.x1 - p.x0, 2 * kMarkerRadius};
        } else {
            mark.type = ItemType::bar;
            mark.role = "event-bar";
            // A bar that carries its label inside is as tall as the text, so that its edges
            // do not run through the letters.
            const LabelSpan& label = spans_[p.span];
            const bool inside = label.x0 >= p.x0 && label.x1 <= p.x1;
            const double height = inside ? pitch_ - 3 : kBarHeight;
            mark.box = {p.x0, cy - height / 2, p.x1 - p.x0, height};
            mark.fade_start = e.date.start.precision == Precision::open;
            mark.fade_end = e.date.end->precision == Precision::open;
            mark.dashed_start = e.date.start.precision == Precision::unknown;
            mark.dashed_end = e.date.end->precision == Precision::unknown;
        }
        scene_.items.push_back(std::move(mark));
        event_label(p, cy);
    }

    /// Draws a label in its span: the full text and quantity when they fit; else a shortened
    /// text (quantity first to go) ending in a callout number that the notes below explain;
    /// else the callout number alone.
    void event_label(const Placement& p, double cy) {
        const LabelSpan& s = spans_[p.span];
        const std::string& lane = t_.lanes[p.lane].id;
        std::string shown = p.label;
        std::string quantity = p.quantity;
        if (s.truncated) {
            notes_.push_back({p.label + (p.quantity.empty() ? "" : " \u00b7 " + p.quantity),
                              t_.lanes[p.lane].name});
            const std::string mark = " (" + std::to_string(notes_.size()) + ")";
            const double mark_width = tm_.measure(mark, label_font_).width;
            double room = s.x1 - s.x0 - mark_width;
            const double quantity_width =
                quantity.empty() ? 0 : kQuantityGap + tm_.measure(quantity, quantity_font_).width;
            if (room - quantity_width >= kMinLabelWidth) {
                room -= quantity_width;
            } else {
                quantity.clear();
            }
            shown = room >= kMinLabelWidth ? tm_.fit(p.label, label_font_, room) : std::string();
            shown = shown.empty() ? mark.substr(1) : shown + mark;
            if (tm_.measure(shown, label_font_).width > s.x1 - s.x0) return;  // only the marker
        }
        const TextSize main = tm_.measure(shown, label_font_);
        const double quantity_width =
            quantity.empty() ? 0 : kQuantityGap + tm_.measure(quantity, quantity_font_).width;
        const double x = s.left_of_marker ? s.x1 - main.width - quantity_width : s.x0;
        text(x, cy - main.height / 2, shown, label_font_, theme_.text, "event-label", p.event->id)
            .lane = lane;
        if (quantity.empty()) return;
        const double qh = tm_.measure(quantity, quantity_font_).height;
        text(x + main.width + kQuantityGap, cy - qh / 2, quantity, quantity_font_,
             kind_color(p.event->kind), "quantity", p.event->id)
            .lane = lane;
    }

    // ---- legend, references, notes ----------------------------------------------------
    double legend(double y) {
        if (!theme_.show_legend) return y;
        std::vector<std::string> kinds;
        for (const Event* e : t_.events)
            if (std::find(kinds.begin(), kinds.end(), e->kind) == kinds.end())
                kinds.push_back(e->kind);
        std::sort(kinds.begin(), kinds.end());
        std::vector<LegendKind> entries;
        for (const std::string& kind : kinds)
            entries.push_back({kind_label(kind), kind_color(kind)});
        return draw_legend(page_, y, entries);
    }

    /// A declared kind's label is input, isolated like every piece of input in a label.
    std::string kind_label(const std::string& id) const {
        for (const Kind& k : model_.kinds)
            if (k.id == id) return isolate(k.label);
        for (const BuiltinKind& k : builtin_kinds())
            if (k.id == id) return std::string(k.label);
        return id;
    }

    const Timeline& t_;
    const Model& model_;
    const Theme& theme_;
    const TextMeasurer& tm_;
    const LayoutOptions& options_;
    const bool density_;  ///< a strip of counts per lane, with only significant events labelled

    Scene scene_;
    PageWriter page_{scene_, theme_, tm_, 0};
    Bins bins_;
    std::vector<std::vector<int>> counts_;
    Citations citations_;
    std::map<std::string, Color> kind_color_;
    TimeScale scale_;
    std::vector<Tick> ticks_;
    FontSpec label_font_;
    FontSpec quantity_font_;
    double gutter_ = 0;
    double width_ = 0;  ///< the page width: the template's, or wider for many events
    double pitch_ = 16;

    std::vector<LaneRows> lanes_;
    std::vector<double> lane_top_;
    std::vector<Placement> placements_;
    std::vector<LabelSpan> spans_;
    std::vector<ArrowPlan> arrows_;
    std::vector<ShortenedLabel> notes_;  ///< labels that were shortened, numbered from 1
};

}  // namespace

Document build_chart(const Timeline& timeline, const Model& model, const Theme& theme,
                     const TextMeasurer& measurer, const LayoutOptions& options) {
    return ChartBuilder(timeline, model, theme, measurer, options).build();
}

}  // namespace tl
