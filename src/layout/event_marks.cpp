#include "layout/event_marks.hpp"

#include <algorithm>
#include <cmath>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/text.hpp"
#include "layout/chart_breaks.hpp"
#include "layout/chart_heading.hpp"
#include "layout/color_vision.hpp"
#include "layout/window_cut.hpp"

#include "layout/quantity_label.hpp"
#include "layout/revision_marks.hpp"

namespace tl {
namespace {

constexpr double kBarHeight = 8;
constexpr double kMinLabelWidth = 24;
constexpr double kSharedDot = 2;  // radius: inside the padding at a lane's edge
constexpr double kSharedLinkWidth = 0.8;
constexpr double kSharedLinkClear = 2;  // between a link's line and a label it passes behind

/// Marks an item as a placement's: its event's, or its group's events'.
Item& belongs_to(Item& it, const Placement& p) {
    if (p.members.empty()) {
        it.event = p.event->id;
    } else {
        it.event.clear();
        for (const Event* e : p.members)
            it.events.push_back(e->id);
    }
    return it;
}

/// How a mark looks: its kind's colour, how sure its sources are, and whether its date is
/// approximate or uncertain. A group has its members' kind and confidence when they share
/// them, else the text colour and the first unconfirmed member's confidence; its date is
/// uncertain when any member's is.
struct MarkLook {
    Color color;
    Confidence confidence;
    bool hollow;
};

MarkLook look_of(const ChartCanvas& c, const Placement& p) {
    const auto hollow = [](const Event& e) {
        return e.date.start.approximate || e.date.start.uncertain || e.date.last().approximate ||
               e.date.last().uncertain;
    };
    const Event& e = *p.event;
    MarkLook look{c.colors.kind(e.kind), e.confidence, hollow(e)};
    for (const Event* m : p.members) {
        if (m->kind != e.kind) look.color = c.theme.text;
        if (look.confidence == Confidence::confirmed) look.confidence = m->confidence;
        look.hollow |= hollow(*m);
    }
    return look;
}

/// A label's alternative text: its event in words, or a group's label and its members'.
std::string label_alt(const Placement& p, const Model& model) {
    if (p.members.empty()) return event_summary(*p.event, model);
    constexpr std::size_t kMostMembers = 20;  // a burst of 300 need not be read out whole
    std::string alt = p.label;
    for (std::size_t i = 0; i < p.members.size() && i < kMostMembers; ++i)
        alt += (i == 0 ? ": " : "; ") + event_summary(*p.members[i], model);
    if (p.members.size() > kMostMembers)
        alt += "; and " + std::to_string(p.members.size() - kMostMembers) + " more";
    return alt;
}

/// Whether `fitted`, a shortening of `label`, still shows some of the title after the
/// label's date ("16 Feb 2024 · Fra…" does, "16 Feb 2024 · …" does not); of a label without a
/// date, some of its text. Three letters at least: isolation marks and the ellipsis are no
/// words.
bool shows_title(std::string_view label, std::string_view fitted) {
    static constexpr std::string_view kSeparator = " \u00b7 ";
    const std::size_t at = label.find(kSeparator);
    const std::size_t start = at == std::string_view::npos ? 0 : at + kSeparator.size();
    if (fitted.size() <= start) return false;
    std::string rest(fitted.substr(start));
    for (const std::string_view mark : {"\u2068", "\u2069", "\u2026"})
        for (std::size_t found = rest.find(mark); found != std::string::npos;
             found = rest.find(mark, found))
            rest.erase(found, mark.size());
    return utf8_length(rest) >= 3;
}

/// Draws a label in its span: the full text and quantity when they fit; else a shortened
/// text (quantity first to go) ending in a callout number that the notes below explain;
/// else the callout number alone; else, when arrows left no room for even that, the number
/// on its knockout.
/// `mark_fill` is the inside of the event's own mark, which the label may lie on.
void draw_event_label(ChartCanvas& c, LabelSpan s, const Placement& p, double cy,
                      const Color& mark_fill) {
    const TextMeasurer& tm = c.measurer;
    const FontSpec& label_font = c.columns.label_font;
    const FontSpec& quantity_font = c.columns.quantity_font;
    const std::string& lane = c.timeline.lanes[p.lane].id;
    // What the label is read on: its lane, or the bar that carries it inside (as draw_event
    // tints it). The label's ink, and the quantity's kind colour, darken (on a dark page,
    // lighten) where they would not read on it at WCAG's 4.5:1.
    const Color kind_color = c.colors.kind(p.event->kind);
    const Color lane_paper = lane_fill(c.theme, p.lane);
    const bool in_bar = p.event->date.is_interval() && s.x0 >= p.x0 && s.x1 <= p.x1;
    const Color paper = in_bar ? c.page.tint(kind_color, 0.55) : lane_paper;
    const Color label_color = readable_on(c.theme.text, paper);
    const Color quantity_color = readable_on(readable_on(kind_color, lane_paper), paper);
    std::string shown = p.label;
    std::string quantity = p.quantity;
    bool knocked_out = false;
    const std::string mark = " (" + std::to_string(c.notes.size() + 1) + ")";
    const double mark_width = tm.measure(mark, label_font).width;
    // The kind's glyph comes first, in the span's first kKindGlyphSlot. It never costs a
    // label its name: a label that fits whole only without it is drawn whole without it,
    // and one cut short anyway keeps it only while some of its title still shows (else the
    // label keeps the words, and its mark's colour says the kind).
    const double drawn_quantity_width =
        quantity.empty() ? 0 : kQuantityGap + tm.measure(quantity, quantity_font).width;
    bool glyph = p.glyph.has_value();
    if (glyph && s.truncated) {
        const double room = s.x1 - s.x0;
        if (tm.measure(shown, label_font).width + drawn_quantity_width <= room + kFitSlack) {
            s.truncated = false;
            glyph = false;
        } else {
            // The room the label would have after the glyph, as it is shortened below.
            double left = room - kKindGlyphSlot - mark_width;
            if (left - drawn_quantity_width >= kMinLabelWidth) left -= drawn_quantity_width;
            glyph =
                left >= kMinLabelWidth && shows_title(p.label, tm.fit(p.label, label_font, left));
        }
    }
    if (glyph) s.x0 += kKindGlyphSlot;
    if (s.truncated) {
        double room = s.x1 - s.x0 - mark_width;
        if (room - drawn_quantity_width >= kMinLabelWidth) {
            room -= drawn_quantity_width;
        } else {
            quantity.clear();
        }
        shown = room >= kMinLabelWidth ? tm.fit(p.label, label_font, room) : std::string();
        shown = shown.empty() ? mark.substr(1) : shown + mark;
        if (tm.measure(shown, label_font).width > s.x1 - s.x0 + kFitSlack) {
            if (!s.knockout) return;  // only the marker
            shown = mark.substr(1);
            quantity.clear();
            s.x0 = s.knockout->x0;
            s.x1 = s.knockout->x1;
            s.left_of_marker = s.knockout->left_of_marker;
            knocked_out = true;
            glyph = false;
        }
        // Listed only when its number is drawn, so that the notes refer to the chart.
        c.notes.push_back({p.label + (p.quantity.empty() ? "" : " \u00b7 " + p.quantity),
                           c.timeline.lanes[p.lane].name});
    }
    const TextSize main = tm.measure(shown, label_font);
    const double quantity_width =
        quantity.empty() ? 0 : kQuantityGap + tm.measure(quantity, quantity_font).width;
    const double x = s.left_of_marker ? s.x1 - main.width - quantity_width : s.x0;
    if (knocked_out) {
        // Under the number and over the arrows drawn before it, so that they stop short of
        // its glyphs rather than run through them.
        Item knockout;
        knockout.type = ItemType::band;
        knockout.role = "knockout";
        knockout.box = {x - kKnockoutHalo, cy - main.height / 2, main.width + 2 * kKnockoutHalo,
                        main.height};
        knockout.fill = lane_fill(c.theme, p.lane);
        belongs_to(knockout, p).lane = lane;
        c.scene.items.push_back(std::move(knockout));
    }
    const std::string_view change = placement_change(c.options, p);
    double badge_pad = 0;  // how far a badge's box reaches left of the text
    if (const std::string_view badge = change_badge(change);
        !badge.empty() && std::string_view(shown).substr(0, badge.size()) == badge) {
        const double badge_width = tm.measure(std::string(badge), label_font).width;
        badge_pad = 1.5;
        draw_change_badge(
            c, change,
            {x - badge_pad, cy - main.height / 2, badge_width + 2 * badge_pad, main.height}, p);
    }
    if (glyph) {
        Item g;
        g.type = ItemType::marker;
        g.role = "kind-glyph";
        g.shape = *p.glyph;
        g.kind = p.event->kind;
        // As far from a badge as from the text, the slot's gap: moved out by the badge's pad.
        g.box = {x - kKindGlyphSlot - badge_pad, cy - kKindGlyph / 2, kKindGlyph, kKindGlyph};
        // The kind's colour, as the key draws it, where it stands out from all that can lie
        // under it: the lane, the label's bar, its own mark, a density strip's bars. (All
        // are light on a light page, dark on a dark one: each darkening, or lightening,
        // keeps the contrast the ones before reached.)
        Color ink = readable_on(readable_on(kind_color, lane_paper, kMinGraphicContrast), paper,
                                kMinGraphicContrast);
        if (g.box.x < p.x1 && g.box.right() > p.x0)
            ink = readable_on(ink, composite(mark_fill, lane_paper), kMinGraphicContrast);
        if (p.lane < c.under_labels.size() && c.under_labels[p.lane])
            ink = readable_on(ink, *c.under_labels[p.lane], kMinGraphicContrast);
        g.fill = g.stroke = ink;
        g.stroke_width = 0;
        belongs_to(g, p).lane = lane;
        c.scene.items.push_back(std::move(g));
    }
    Item& label = belongs_to(
        c.page.text(x, cy - main.height / 2, shown, label_font, label_color, "event-label"), p);
    label.lane = lane;
    label.alt = label_alt(p, c.model);
    if (quantity.empty()) return;
    const double qh = tm.measure(quantity, quantity_font).height;
    belongs_to(c.page.text(x + main.width + kQuantityGap, cy - qh / 2, quantity, quantity_font,
                           quantity_color, "quantity"),
               p)
        .lane = lane;
}

}  // namespace

LineStyle style_for(Confidence c) {
    switch (c) {
        case Confidence::confirmed: return LineStyle::solid;
        case Confidence::reported: return LineStyle::dashed;
        case Confidence::alleged: return LineStyle::dotted;
        case Confidence::assessed: return LineStyle::dash_dot;
    }
    return LineStyle::solid;
}

void draw_event(ChartCanvas& c, const PlacedEvents& placed, const LaneStack& lanes,
                const Placement& p) {
    const Event& e = *p.event;
    const double cy = lanes.row_y(p.lane, p.row);
    const MarkLook look = look_of(c, p);
    const Color color = look.color;
    const bool hollow = look.hollow;
    Item mark;
    belongs_to(mark, p);
    mark.lane = c.timeline.lanes[p.lane].id;
    mark.stroke = color;
    // Only a confirmed event is drawn solid; the others are lighter inside, so that
    // the outline's dashes or dots say how sure the sources are.
    const bool confirmed = look.confidence == Confidence::confirmed;
    mark.fill = hollow                 ? c.theme.background
                : e.date.is_interval() ? c.page.tint(color, 0.55)
                                       : c.page.tint(color, confirmed ? 0.0 : 0.5);
    mark.hollow = hollow;
    mark.style = style_for(look.confidence);
    mark.stroke_width = 1.2;
    const LabelSpan& label = placed.spans[p.span];
    const bool group = !p.members.empty();
    if (!e.date.is_interval() && e.date.start.precision == Precision::day) {
        mark.type = ItemType::marker;
        mark.role = group ? "event-group" : "event-marker";
        mark.shape = MarkerShape::circle;
        mark.box = {p.x0, cy - kMarkerRadius, p.x1 - p.x0, 2 * kMarkerRadius};
    } else if (!e.date.is_interval()) {
        // Known to a month, season or year: a bracket across the whole range.
        mark.type = ItemType::marker;
        mark.role = group ? "event-group" : "event-range";
        mark.shape = MarkerShape::bracket;
        mark.fill = c.page.tint(color, hollow ? 0.85 : 0.6);
        mark.box = {p.x0, cy - kMarkerRadius, p.x1 - p.x0, 2 * kMarkerRadius};
    } else {
        mark.type = ItemType::bar;
        mark.role = "event-bar";
        // A bar that carries its label inside is as tall as the text, so that its edges
        // do not run through the letters.
        const bool inside = label.x0 >= p.x0 && label.x1 <= p.x1;
        const double height = inside ? c.columns.pitch - 3 : kBarHeight;
        mark.box = {p.x0, cy - height / 2, p.x1 - p.x0, height};
        mark.fade_start = e.date.start.precision == Precision::open;
        mark.fade_end = e.date.end->precision == Precision::open;
        mark.dashed_start = e.date.start.precision == Precision::unknown;
        mark.dashed_end = e.date.end->precision == Precision::unknown;
    }
    std::vector<Item> cuts = cut_at_axis_ends(mark, e.date, c.columns.scale);
    c.cut = c.cut || !cuts.empty();
    const bool bar = mark.type == ItemType::bar;
    const Rect box = mark.box;
    const Color mark_fill = mark.fill;
    c.scene.items.push_back(std::move(mark));
    for (Item& cut : cuts)
        c.scene.items.push_back(std::move(cut));
    if (bar) draw_bar_breaks(c, box, color);
    draw_event_label(c, label, p, cy, mark_fill);
    if (group) {
        GroupNote note{p.label, c.timeline.lanes[p.lane].name, {}};
        for (const Event* m : p.members) {
            const std::string badge = quantity_badge(*m);
            // Which members are new or revised, since the group's badge speaks for them all.
            const std::string_view change = change_badge(event_change(c.options, *m));
            note.members.push_back({m->id, (change.empty() ? "" : std::string(change) + " ") +
                                               event_label_text(*m, c.citations) +
                                               (badge.empty() ? "" : " \u00b7 " + badge)});
        }
        c.groups.push_back(std::move(note));
    }
}

void draw_arrow(ChartCanvas& c, const PlacedEvents& placed, const LaneStack& lanes,
                const ArrowPlan& a) {
    const Placement& p = placed.placements[a.placement];
    const bool up = a.to_lane < a.from_lane;
    const double pitch = c.columns.pitch;
    // From the edge of the event's row, clear of its own label (which may sit inside a
    // long bar, across the arrow's x).
    const double y0 = lanes.row_y(a.from_lane, p.row) + (up ? -pitch / 2 : pitch / 2);
    const double y1 = up ? lanes.bottom(a.to_lane) : lanes.top(a.to_lane);
    Item it;
    it.type = ItemType::arrow;
    it.role = "support";
    belongs_to(it, p);
    it.from = {p.anchor, y0};
    it.to = {p.anchor, y1};
    it.box = {p.anchor - 4, std::min(y0, y1), 8, std::abs(y1 - y0)};
    const MarkLook look = look_of(c, p);
    it.stroke = look.color;
    it.stroke_width = 1.4;
    it.style = style_for(look.confidence);
    it.lane = c.timeline.lanes[a.from_lane].id;
    it.to_lane = c.timeline.lanes[a.to_lane].id;
    c.scene.items.push_back(std::move(it));
}

void draw_shared_link(ChartCanvas& c, const PlacedEvents& placed, const LaneStack& lanes,
                      const ArrowPlan& a) {
    const Placement& p = placed.placements[a.placement];
    const bool up = a.to_lane < a.from_lane;
    const Color color = c.colors.kind(p.event->kind);
    const double x = p.anchor;
    const double half = c.columns.pitch / 2;
    // The dot sits in the padding at the lane's edge nearer the event, clear of its rows.
    const double dot_y =
        up ? lanes.bottom(a.to_lane) - kLanePad / 2 : lanes.top(a.to_lane) + kLanePad / 2;
    if (a.draws_line) {
        // The line goes behind the rows taken at its x (a label, a mark) and shows between
        // them: it shortens no label, as an arrow must, since it points at nothing.
        std::vector<std::pair<double, double>> hidden;
        const auto hide_taken = [&](std::size_t lane, LaneRows::RowIndex from,
                                    LaneRows::RowIndex to) {
            const LaneRows& rows = placed.rows[lane];
            for (LaneRows::RowIndex r = from; r <= to; ++r)
                if (!rows.fits(r, x - kSharedLinkClear, x + kSharedLinkClear))
                    hidden.emplace_back(lanes.row_y(lane, r) - half, lanes.row_y(lane, r) + half);
        };
        const LaneRows& own = placed.rows[a.from_lane];
        const auto last_row = [](const LaneRows& rows) {
            return rows.top() + static_cast<LaneRows::RowIndex>(rows.count()) - 1;
        };
        if (up) {
            hide_taken(a.from_lane, own.top(), p.row - 1);
        } else {
            hide_taken(a.from_lane, p.row + 1, last_row(own));
        }
        for (std::size_t l = std::min(a.from_lane, a.to_lane) + 1;
             l < std::max(a.from_lane, a.to_lane); ++l)
            hide_taken(l, placed.rows[l].top(), last_row(placed.rows[l]));
        std::sort(hidden.begin(), hidden.end());
        double y = lanes.row_y(a.from_lane, p.row) + (up ? -half : half);
        const double top = std::min(y, dot_y);
        const double bottom = std::max(y, dot_y);
        const auto segment = [&](double y0, double y1) {
            if (y1 - y0 < 1) return;
            Item line;
            line.type = ItemType::line;
            line.role = "shared-link";
            line.event = p.event->id;
            line.lane = c.timeline.lanes[a.from_lane].id;
            line.to_lane = c.timeline.lanes[a.to_lane].id;
            line.from = {x, y0};
            line.to = {x, y1};
            line.box = {x - kSharedLinkWidth / 2, y0, kSharedLinkWidth, y1 - y0};
            line.stroke = color;
            line.stroke_width = kSharedLinkWidth;
            c.scene.items.push_back(std::move(line));
        };
        y = top;
        for (const auto& [h0, h1] : hidden) {
            if (h1 <= y || h0 >= bottom) continue;
            segment(y, std::min(h0, bottom));
            y = std::max(y, h1);
        }
        segment(y, bottom);
    }
    Item dot;
    dot.type = ItemType::marker;
    dot.role = "shared-mark";
    dot.shape = MarkerShape::circle;
    dot.event = p.event->id;
    dot.lane = c.timeline.lanes[a.to_lane].id;
    dot.box = {x - kSharedDot, dot_y - kSharedDot, 2 * kSharedDot, 2 * kSharedDot};
    dot.stroke = color;
    dot.fill = color;
    dot.stroke_width = 0.5;
    c.scene.items.push_back(std::move(dot));
}

}  // namespace tl
