#include "layout/density_view.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_set>

#include "layout/chart_builder.hpp"
#include "layout/density.hpp"
#include "layout/quantity_label.hpp"
#include "timeline/order.hpp"

namespace tl {
namespace {

constexpr double kStripHeight = 18;  // the strip of counts in each lane
constexpr double kMinBinWidth = 5;   // the narrowest bin, in points
constexpr std::size_t kDensityLabelRows = 2;
constexpr std::size_t kDensityCandidates = 8;  // per lane: the most significant events tried

class DensityView : public ChartView {
  public:
    explicit DensityView(ChartCanvas& c)
        : c_(c),
          bins_(choose_bins(c.columns.scale, kMinBinWidth)),
          counts_(count_by_lane(c.timeline, bins_)) {}

    /// Says what a density view shows, above its lanes.
    double draw_note(double y) override {
        const int days = bins_.size() > 0 ? bins_.edges[1] - bins_.edges[0] : 30;
        const char* unit = days <= 1     ? "day"
                           : days <= 7   ? "week"
                           : days <= 31  ? "month"
                           : days <= 92  ? "quarter"
                           : days <= 366 ? "year"
                                         : "decade";
        const std::string note =
            "Too many events to label each: a lane's strip counts the events its actors take "
            "part in (supplying, receiving or acting) per " +
            std::string(unit) +
            ", on one square-root scale; labels go to the most significant (by priority, then "
            "amount within its unit, then confidence).";
        const Theme& theme = c_.theme;
        const FontSpec font = theme.font(theme.axis_size);
        return y +
               c_.page
                   .text(theme.margin, y, c_.measurer.fit(note, font, c_.width - 2 * theme.margin),
                         font, theme.muted, "density-note")
                   .box.height +
               4;
    }

    /// In each lane, the most significant events (see Significance) get
    /// a label in the rows under the strip when it fits whole; the others are counted in the
    /// strip only.
    void place_events(PlacedEvents& placed) override;

    double strip_height() const override { return kStripHeight; }

    /// A density lane says how many events its strip counts, under its name, then draws the
    /// strip.
    void draw_lane_extras(const LaneStack& lanes, std::size_t l, double name_bottom) override {
        const Theme& theme = c_.theme;
        int events = 0;
        for (int n : counts_[l])
            events += n;
        const FontSpec small = theme.font(theme.axis_size);
        const std::string count = readable_number(events) + (events == 1 ? " event" : " events");
        c_.page.text(theme.margin + 8, name_bottom + 1,
                     c_.measurer.fit(count, small, c_.columns.gutter - 14), small, theme.muted,
                     "lane-count");
        draw_strip(lanes, l);
    }

  private:
    /// A lane's events per bin as bars rising from the bottom of its strip, all lanes on one
    /// scale so that they compare.
    void draw_strip(const LaneStack& lanes, std::size_t l) {
        int most = std::max(1, c_.options.density_peak);
        for (const auto& lane : counts_)
            for (int c : lane)
                most = std::max(most, c);
        const double base = lanes.top(l) + kLanePad + kStripHeight;
        const Color color = c_.colors.lane(l);
        for (std::size_t b = 0; b < bins_.size(); ++b) {
            const int n = counts_[l][b];
            if (n == 0) continue;
            const double x0 = c_.columns.clamp_x(c_.columns.scale.x(bins_.edges[b]));
            const double x1 = c_.columns.clamp_x(c_.columns.scale.x(bins_.edges[b + 1]));
            // Square root, so that a lane's few events still show beside another's many.
            const double h = std::max(1.0, (kStripHeight - 2) * std::sqrt(double(n) / most));
            Item it;
            it.type = ItemType::band;
            it.role = "density-bin";
            it.lane = c_.timeline.lanes[l].id;
            it.box = {x0 + 0.25, base - h, std::max(x1 - x0 - 0.5, 0.5), h};
            it.fill = color;
            it.text = std::to_string(n);
            c_.scene.items.push_back(std::move(it));
        }
    }

    ChartCanvas& c_;
    const Bins bins_;
    const std::vector<std::vector<int>> counts_;  ///< events per lane and bin
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
        const LabelSpan span = label_span(
            c_.columns.scale, p, c_.measurer.measure(p.label, c_.columns.label_font).width);
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
