#include "layout/totals_block.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "base/text.hpp"
#include "layout/chart_canvas.hpp"
#include "layout/density.hpp"
#include "layout/quantity_label.hpp"
#include "timeline/totals.hpp"

namespace tl {
namespace {

// One supplier: a line with its name and figures, its plot, and a gap above the next row's,
// so that no figure reads as the row above's.
constexpr double kRowHeight = 42;
constexpr double kRowGap = 6;
constexpr double kPlotHeight = 24;
constexpr double kLineWidth = 1.4;

double as_double(const Amount& a) {
    return std::stod(a.text());
}

/// The day an event's step is drawn at: its first possible day; with an open or unknown
/// start ("../2024-09", "by Sep 2024"), its known end's first day, by which it had happened;
/// with neither, before every day (the axis's start).
DayNumber step_day(const Event& e) {
    if (e.date.start.bounded()) return e.date.start.earliest;
    if (e.date.end && e.date.end->bounded()) return e.date.end->earliest;
    return kBeforeEveryDay;
}

bool has_stages(const std::vector<const Event*>& events, const std::string& unit) {
    if (unit.empty()) return false;
    const std::string key = unit_key(unit);
    for (const Event* e : events)
        for (const Quantity& q : e->quantities)
            if (q.stage && *q.stage != QuantityStage::announced && unit_key(q.unit) == key)
                return true;
    return false;
}

/// A row's figure: its sum in the one unit asked for, or its count of events.
struct RowFigure {
    Amount sum;
    SumQualifier qualifier = SumQualifier::exact;
};

RowFigure row_figure(const TotalsRow& row, bool counting) {
    if (counting) return {*Amount::parse(std::to_string(row.events)), SumQualifier::exact};
    if (row.sums.empty() || !row.sums[0]) return {};
    return {row.sums[0]->sum, row.sums[0]->qualifier};
}

}  // namespace

std::vector<TotalsLine> totals_lines(const std::vector<const Event*>& events,
                                     const std::string& unit, std::size_t top) {
    const bool counting = unit.empty();
    const bool staged = has_stages(events, unit);
    // The top suppliers by their whole sum, as `timeline totals --by supplier` ranks them.
    const TotalsTable whole = compute_totals(events, {{TotalsKey::supplier}, unit});
    std::vector<std::pair<Amount, std::string>> ranked;
    for (const TotalsRow& row : whole.rows) {
        const RowFigure f = row_figure(row, counting);
        if (!row.keys[0].empty() && f.sum > Amount()) ranked.emplace_back(f.sum, row.keys[0]);
    }
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const auto& a, const auto& b) { return a.first > b.first; });
    if (ranked.size() > top) ranked.resize(top);
    const std::vector<std::string> stages =
        staged ? std::vector<std::string>{"pledged", "delivered"} : std::vector<std::string>{""};
    std::vector<TotalsLine> lines;
    std::map<std::pair<std::string, std::string>, std::size_t> line_of;
    for (const auto& [sum, supplier] : ranked) {
        for (const std::string& stage : stages) {
            line_of[{supplier, stage}] = lines.size();
            lines.push_back({supplier, stage, {}, 0, ""});
        }
    }
    // Day by day, each day's sums from the same aggregation, added up exactly.
    std::vector<const Event*> by_day = events;
    std::stable_sort(by_day.begin(), by_day.end(),
                     [](const Event* a, const Event* b) { return step_day(*a) < step_day(*b); });
    TotalsOptions per_day{{TotalsKey::supplier}, unit};
    if (staged) per_day.by.push_back(TotalsKey::stage);
    std::vector<Amount> running(lines.size());
    for (auto begin = by_day.begin(); begin != by_day.end();) {
        const DayNumber day = step_day(**begin);
        auto end = std::find_if(begin, by_day.end(),
                                [day](const Event* e) { return step_day(*e) != day; });
        const TotalsTable t = compute_totals(std::vector<const Event*>(begin, end), per_day);
        for (const TotalsRow& row : t.rows) {
            const auto at = line_of.find({row.keys[0], staged ? row.keys[1] : ""});
            if (at == line_of.end()) continue;
            const RowFigure f = row_figure(row, counting);
            if (!(f.sum > Amount())) continue;
            running[at->second] += f.sum;
            lines[at->second].steps.emplace_back(day, as_double(running[at->second]));
        }
        begin = end;
    }
    for (std::size_t i = 0; i < lines.size(); ++i)
        lines[i].total = as_double(running[i]);
    // What each whole sum is ("at least", "about", ...), from the qualifiers of all it adds.
    for (const TotalsRow& row : compute_totals(events, per_day).rows) {
        const auto at = line_of.find({row.keys[0], staged ? row.keys[1] : ""});
        if (at != line_of.end())
            lines[at->second].words = std::string(sum_words(row_figure(row, counting).qualifier));
    }
    // A stage a supplier has no amount in draws no line (a flat line at 0 says nothing).
    std::erase_if(lines, [](const TotalsLine& l) { return l.steps.empty(); });
    return lines;
}

namespace {

bool supplied_by_a_line(const Event& e, const std::vector<TotalsLine>& lines) {
    return std::any_of(e.from.begin(), e.from.end(), [&](const Ref& r) {
        return std::any_of(lines.begin(), lines.end(),
                           [&](const TotalsLine& l) { return l.supplier == r.id; });
    });
}

std::size_t events_of(const std::vector<const Event*>& events,
                      const std::vector<TotalsLine>& lines) {
    return static_cast<std::size_t>(
        std::count_if(events.begin(), events.end(),
                      [&](const Event* e) { return supplied_by_a_line(*e, lines); }));
}

/// Of the events of the block's suppliers, those with no amount in `unit` (none when the
/// block counts events): the lines are floors by as much as they leave out.
std::size_t events_without_amount(const std::vector<const Event*>& events,
                                  const std::vector<TotalsLine>& lines, const std::string& unit) {
    if (unit.empty()) return 0;
    const std::string key = unit_key(unit);
    return static_cast<std::size_t>(
        std::count_if(events.begin(), events.end(), [&](const Event* e) {
            return supplied_by_a_line(*e, lines) &&
                   std::none_of(e->quantities.begin(), e->quantities.end(),
                                [&](const Quantity& q) { return unit_key(q.unit) == key; });
        }));
}

std::string actor_name(const Model& model, const std::string& id) {
    for (const Actor& a : model.actors)
        if (a.id == id) return a.name.empty() ? id : a.name;
    return id;
}

/// A figure as the strips write theirs: "EUR 17.2 billion", "23 events".
std::string figure_text(double value, const std::string& unit, const std::string& words) {
    std::string s;
    if (unit.empty()) {
        s = readable_number(value) + (value == 1 ? " event" : " events");
    } else {
        Quantity q;
        q.value = value;
        q.unit = unit;
        s = quantity_label(q);
    }
    return words.empty() ? s : words + " " + s;
}

}  // namespace

double draw_totals_block(ChartCanvas& c, double y) {
    if (c.options.totals_block == 0) return y;
    const Theme& theme = c.theme;
    const std::string unit = choose_measure(c.timeline, c.options.measure).unit;
    const std::vector<TotalsLine> lines =
        totals_lines(c.timeline.events, unit, c.options.totals_block);
    if (lines.empty()) return y;
    const bool staged = !lines.front().stage.empty();
    std::size_t suppliers = 0;
    for (std::size_t i = 0; i < lines.size(); ++i)
        suppliers += i == 0 || lines[i].supplier != lines[i - 1].supplier;
    const FontSpec small = theme.font(theme.axis_size);
    const std::string what = unit.empty() ? "events" : isolate(unit) + " amounts";
    // The note in sentences, a line each (as the strips' note), so that a narrow page
    // shortens none of them into an ellipsis.
    std::vector<std::string> note{
        "Cumulative " + what + " of the top " + std::to_string(suppliers) +
        (suppliers == 1 ? " supplier" : " suppliers") +
        ", each row on its own scale (its largest line fills the row); the figure at a "
        "line's end is its total."};
    if (staged)
        note.push_back("Solid: delivered; dashed: pledged (amounts with no stage are in neither).");
    if (const std::size_t unpriced = events_without_amount(c.timeline.events, lines, unit))
        note.push_back(readable_number(double(unpriced)) + " of these suppliers' " +
                       readable_number(double(events_of(c.timeline.events, lines))) +
                       " events carry no " + isolate(unit) + " amount and add nothing.");
    y += 10;
    for (const std::string& sentence : note)
        y += c.page
                 .text(theme.margin, y, c.measurer.fit(sentence, small, c.width - 2 * theme.margin),
                       small, theme.muted, "totals-note")
                 .box.height;
    y += 4;
    const TimeScale& scale = c.columns.scale;
    const double x0 = scale.x0, x1 = scale.x1;
    std::size_t row = 0;
    for (std::size_t i = 0; i < lines.size(); ++row) {
        const std::string& supplier = lines[i].supplier;
        const double top = y + double(row) * kRowHeight;
        const double base = top + kRowHeight - kRowGap;
        // One ink for every row, as small multiples are drawn: the row says whose line it
        // is, and lane colours (often one grey per lane) would fade into the baseline.
        const Color color = theme.text;
        // Each row on its own scale: on one scale with the largest supplier (Kiel's EU, 184
        // billion), most rows were flat lines that showed neither when the money came nor
        // how delivery followed pledges; the figures say how much.
        double full = 0;
        for (std::size_t k = i; k < lines.size() && lines[k].supplier == supplier; ++k)
            full = std::max(full, lines[k].total);
        c.page
            .text(theme.margin + 8, top,
                  c.measurer.fit(actor_name(c.model, supplier), small, c.columns.gutter - 14),
                  small, theme.text, "totals-supplier")
            .lane = supplier;
        Item grid;
        grid.type = ItemType::line;
        grid.role = "totals-grid";
        grid.from = {x0, base};
        grid.to = {x1, base};
        grid.box = {x0, base, x1 - x0, 0};
        grid.stroke = theme.muted;
        grid.stroke.a = 0.4;
        grid.stroke_width = 0.5;
        c.scene.items.push_back(grid);
        // The figures right-aligned at the axis's end, above the plot, where the lines end:
        // delivered rightmost, pledged left of it.
        double right = x1;
        for (std::size_t k = i; k < lines.size() && lines[k].supplier == supplier; ++k) {
            const TotalsLine& l = lines[k];
            Item line;
            line.type = ItemType::polyline;
            line.role = "totals-line";
            line.lane = supplier;
            line.stage = l.stage;
            line.unit = unit;
            line.value = l.total;
            line.stroke = color;
            line.stroke_width = kLineWidth;
            line.style = l.stage == "pledged" ? LineStyle::dashed : LineStyle::solid;
            const auto y_of = [&](double v) {
                return base - kPlotHeight * (full > 0 ? v / full : 0);
            };
            double level = base;
            line.points.push_back({x0, level});
            for (const auto& [day, value] : l.steps) {
                const double x = day == kBeforeEveryDay ? x0 : c.columns.clamp_x(scale.x(day));
                line.points.push_back({x, level});
                level = y_of(value);
                line.points.push_back({x, level});
            }
            line.points.push_back({x1, level});
            line.box = {x0, level, x1 - x0, base - level};
            c.scene.items.push_back(std::move(line));
        }
        std::size_t k = i;
        while (k < lines.size() && lines[k].supplier == supplier)
            ++k;
        for (std::size_t j = k; j-- > i;) {
            const TotalsLine& l = lines[j];
            const std::string text =
                (l.stage.empty() ? "" : l.stage + " ") + figure_text(l.total, unit, l.words);
            const double w = c.measurer.measure(text, small).width;
            Item& fig = c.page.text(right - w, top, text, small, theme.text, "totals-figure");
            fig.lane = supplier;
            fig.stage = l.stage;
            fig.unit = unit;
            fig.value = l.total;
            right -= w + 10;
        }
        i = k;
    }
    return y + double(row) * kRowHeight;
}

}  // namespace tl
