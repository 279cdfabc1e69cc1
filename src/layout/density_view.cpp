#include "layout/density_view.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "base/text.hpp"
#include "layout/chart_builder.hpp"
#include "layout/chart_lanes.hpp"
#include "layout/color_vision.hpp"
#include "layout/density.hpp"
#include "layout/quantity_label.hpp"
#include "timeline/order.hpp"

namespace tl {
namespace {

constexpr double kStripHeight = 18;  // above a lane's label rows: its strip's peak figure
constexpr double kMinBinWidth = 5;   // the narrowest bin, in points
constexpr std::size_t kDensityLabelRows = 2;
constexpr std::size_t kDensityCandidates = 8;  // per lane: the most significant events tried
constexpr double kBarAlpha = 0.45;  // bars lie behind the labels, which must stay legible

class DensityView : public ChartView {
  public:
    explicit DensityView(ChartCanvas& c)
        : c_(c),
          bins_(choose_bins(c.columns.scale, kMinBinWidth)),
          measure_(choose_measure(c.timeline, c.options.measure)),
          values_(measure_by_lane(c.timeline, bins_, measure_)) {
        for (const auto& lane : values_)
            for (const BinValue& v : lane)
                peak_ = std::max(peak_, v.value);
        if (c.options.density_peak > 0) peak_ = c.options.density_peak;
        if (!(peak_ > 0)) peak_ = 1;  // nothing to draw; no division by 0
        // Each lane's total under its name, when every one fits there whole: a figure cut
        // short would misstate it, and totals under some lanes only would not compare.
        const FontSpec small = c.theme.font(c.theme.axis_size);
        totals_shown_ = !measure_.unit.empty();
        for (std::size_t l = 0; l < values_.size() && totals_shown_; ++l)
            totals_shown_ =
                c.measurer.measure(value_text(lane_total(l)), small).width <= lane_text_room();
    }

    /// Says what a density view shows, above its lanes: what the strips measure, then which
    /// events are labelled and which the sums leave out.
    double draw_note(double y) override {
        const int days = bins_.size() > 0 ? bins_.edges[1] - bins_.edges[0] : 30;
        const char* bin = days <= 1     ? "day"
                          : days <= 7   ? "week"
                          : days <= 31  ? "month"
                          : days <= 92  ? "quarter"
                          : days <= 366 ? "year"
                                        : "decade";
        const std::string what =
            measure_.unit.empty() ? "counts the events"
                                  : "sums the " + isolate(measure_.unit) + " amounts of the events";
        const std::string strips =
            "Each lane's strip " + what +
            " its actors take part in (supplying, receiving or acting) per " + bin +
            ", bars on one square-root scale; the figure above a strip is its largest " + bin +
            (totals_shown_ ? ", the one under a lane's name its total." : ".");
        std::string labels =
            "Too many events to label each: labels go to the most significant (by priority, "
            "then amount within its unit, then confidence).";
        if (!measure_.unit.empty() && measure_.without > 0) {
            labels += " " + readable_number(double(measure_.without)) + " of " +
                      readable_number(double(c_.timeline.events.size())) + " events carry no " +
                      isolate(measure_.unit) + " amount and are in no sum.";
        }
        for (const std::string& line : {strips, labels})
            y = draw_note_line(y, line);
        return y + 4;
    }

    /// In each lane, the most significant events (see Significance) get a label in the rows
    /// under the strip when it fits whole; the others are in the strip only.
    void place_events(PlacedEvents& placed) override;

    double strip_height() const override { return kStripHeight; }

    /// A density lane says under its name how many events its strip counts (and the sum it
    /// measures), then draws the strip.
    void draw_lane_extras(const LaneStack& lanes, std::size_t l, double name_bottom) override {
        const Theme& theme = c_.theme;
        int events = 0;
        for (const BinValue& v : values_[l])
            events += v.count;
        const FontSpec small = theme.font(theme.axis_size);
        const double room = lane_text_room();
        const std::string count = readable_number(events) + (events == 1 ? " event" : " events");
        const Item& shown =
            c_.page.text(theme.margin + 8, name_bottom + 1, c_.measurer.fit(count, small, room),
                         small, theme.muted, "lane-count");
        if (totals_shown_ && lane_total(l) > 0) {
            c_.page
                .text(theme.margin + 8, shown.box.bottom() + 1, value_text(lane_total(l)), small,
                      theme.muted, "lane-total")
                .lane = c_.timeline.lanes[l].id;
        }
        draw_strip(lanes, l);
    }

  private:
    /// The width under a lane's name for its count and total.
    double lane_text_room() const { return c_.columns.gutter - 14; }

    double lane_total(std::size_t l) const {
        double sum = 0;
        for (const BinValue& v : values_[l])
            sum += v.value;
        return sum;
    }

    /// A value as the strips measure it: "EUR 4.1 billion", "34,000 missiles", "23 events".
    std::string value_text(double value) const {
        if (measure_.unit.empty())
            return readable_number(value) + (value == 1 ? " event" : " events");
        Quantity q;
        q.value = value;
        q.unit = measure_.unit;
        return quantity_label(q);
    }

    double draw_note_line(double y, const std::string& line) {
        const Theme& theme = c_.theme;
        const FontSpec font = theme.font(theme.axis_size);
        return y + c_.page
                       .text(theme.margin, y,
                             c_.measurer.fit(line, font, c_.width - 2 * theme.margin), font,
                             theme.muted, "density-note")
                       .box.height;
    }

    /// A lane's values per bin as bars rising from the bottom of its label rows through the
    /// strip, all lanes on one scale so that they compare, with the largest bin's figure
    /// above the strip.
    void draw_strip(const LaneStack& lanes, std::size_t l) {
        // Every density lane has its label rows (place_events keeps them), so that every
        // strip has the same height, and one scale means one height per value.
        const double full = kStripHeight + double(kDensityLabelRows) * c_.columns.pitch;
        const double base = lanes.top(l) + kLanePad + full;
        Color color = c_.colors.lane(l);
        color.a = kBarAlpha;
        c_.under_labels.resize(c_.timeline.lanes.size());
        c_.under_labels[l] = composite(color, lane_fill(c_.theme, l));
        std::size_t tallest = bins_.size();
        for (std::size_t b = 0; b < bins_.size(); ++b) {
            const BinValue& v = values_[l][b];
            if (v.value > 0 && (tallest == bins_.size() || v.value > values_[l][tallest].value))
                tallest = b;
            if (v.value <= 0) continue;
            const double x0 = c_.columns.clamp_x(c_.columns.scale.x(bins_.edges[b]));
            const double x1 = c_.columns.clamp_x(c_.columns.scale.x(bins_.edges[b + 1]));
            // Square root, so that a lane's few events still show beside another's many.
            const double h = std::max(1.0, full * std::sqrt(std::min(v.value / peak_, 1.0)));
            Item it;
            it.type = ItemType::band;
            it.role = "density-bin";
            it.lane = c_.timeline.lanes[l].id;
            it.box = {x0 + 0.25, base - h, std::max(x1 - x0 - 0.5, 0.5), h};
            it.fill = color;
            it.value = v.value;
            it.unit = measure_.unit;
            it.count = v.count;
            c_.scene.items.push_back(std::move(it));
        }
        if (tallest == bins_.size()) return;
        // The strip's scale, read off its tallest bar: the figure at that bar's left edge,
        // above the label rows; kept inside the time axis.
        const FontSpec small = c_.theme.font(c_.theme.axis_size);
        const std::string peak = value_text(values_[l][tallest].value);
        const TextSize size = c_.measurer.measure(peak, small);
        const double right = c_.columns.clamp_x(c_.columns.scale.x1);
        const double x = std::min(c_.columns.clamp_x(c_.columns.scale.x(bins_.edges[tallest])),
                                  right - size.width);
        c_.page
            .text(x, lanes.top(l) + kLanePad + (kStripHeight - size.height) / 2, peak, small,
                  c_.theme.text, "strip-peak")
            .lane = c_.timeline.lanes[l].id;
    }

    ChartCanvas& c_;
    const Bins bins_;
    const StripMeasure measure_;
    const std::vector<std::vector<BinValue>> values_;  ///< per lane and bin
    double peak_ = 0;                                  ///< the value drawn at full height
    bool totals_shown_ = false;                        ///< each lane's total under its name
};

void DensityView::place_events(PlacedEvents& placed) {
    const Timeline& t = c_.timeline;
    struct Candidate {
        const Event* event;
        std::size_t lane;
        Significance score;
        std::size_t order;
    };
    const std::vector<Significance> scores = significance(t.events);
    std::vector<std::vector<Candidate>> per_lane(placed.rows.size());
    for (std::size_t i = 0; i < t.events.size(); ++i) {
        const Event* e = t.events[i];
        for (std::size_t lane : t.event_lanes(*e))
            per_lane[lane].push_back({e, lane, scores[i], i});
    }
    std::vector<Candidate> chosen;
    const auto more_significant = [](const Candidate& a, const Candidate& b) {
        return a.score != b.score ? a.score > b.score : a.order < b.order;
    };
    for (auto& lane : per_lane) {
        const std::size_t keep = std::min(lane.size(), kDensityCandidates);
        std::partial_sort(lane.begin(), lane.begin() + static_cast<std::ptrdiff_t>(keep),
                          lane.end(), more_significant);
        chosen.insert(chosen.end(), lane.begin(), lane.begin() + static_cast<std::ptrdiff_t>(keep));
    }
    std::sort(chosen.begin(), chosen.end(), more_significant);
    const double pad = kItemGap / 2;
    // An event shared by several lanes without a direction is labelled once: each of its
    // lanes' strips counts it already.
    std::unordered_set<const Event*> shared_labelled;
    for (const Candidate& c : chosen) {
        const bool shared = c.event->from.empty() && t.event_lanes(*c.event).size() > 1;
        if (shared && shared_labelled.count(c.event)) continue;
        Placement p;
        p.event = c.event;
        p.lane = c.lane;
        set_extent(c_.columns, p);
        // Room for the citation marks, numbered once the labelled events are known.
        p.label = event_label_text(*c.event, c_.citations) +
                  std::string(c.event->sources.size() > 1 ? " [0000, 0000]" : " [0000]");
        p.glyph = c_.colors.glyph(c.event->kind);
        const LabelSpan span =
            label_span(c_.columns.scale, p,
                       c_.measurer.measure(p.label, c_.columns.label_font).width +
                           (p.glyph ? kKindGlyphSlot : 0));
        if (span.truncated) continue;  // only whole labels in a density view
        const double x0 = std::min(p.x0, span.x0) - pad;
        const double x1 = std::max(p.x1, span.x1) + pad;
        LaneRows& rows = placed.rows[c.lane];
        for (LaneRows::RowIndex r = 0; r < static_cast<LaneRows::RowIndex>(kDensityLabelRows);
             ++r) {
            if (static_cast<std::size_t>(r) > rows.count() || !rows.fits(r, x0, x1)) continue;
            p.row = r;
            p.span = placed.spans.size();
            placed.spans.push_back(span);
            rows.take(r, x0, x1, p.span);
            placed.placements.push_back(std::move(p));
            if (shared) shared_labelled.insert(c.event);
            break;
        }
    }
    // Every lane keeps its label rows, empty or not, so that all strips have one height.
    // (The span taken lies far left of the chart, where nothing is ever placed.)
    constexpr double kNowhere = -1e9;
    for (LaneRows& rows : placed.rows)
        while (rows.count() < kDensityLabelRows)
            rows.take(
                rows.count() == 0 ? 0 : rows.top() + static_cast<LaneRows::RowIndex>(rows.count()),
                kNowhere, kNowhere, LaneRows::npos);
    // Sources are numbered for the labelled events only, in timeline order.
    std::vector<const Event*> cited;
    for (const Placement& p : placed.placements)
        cited.push_back(p.event);
    std::sort(cited.begin(), cited.end(),
              [](const Event* a, const Event* b) { return timeline_less(*a, *b); });
    cited.erase(std::unique(cited.begin(), cited.end()), cited.end());
    c_.citations = number_citations(cited);
    for (Placement& p : placed.placements)
        p.label = event_label_text(*p.event, c_.citations);
}

}  // namespace

Document build_density_chart(const Timeline& timeline, const Model& model, const Theme& theme,
                             const TextMeasurer& measurer, const LayoutOptions& options) {
    return build_chart_as<DensityView>(timeline, model, theme, measurer, options);
}

}  // namespace tl
