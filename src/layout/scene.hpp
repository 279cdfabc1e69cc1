#pragma once

#include <string>
#include <vector>

#include "layout/color.hpp"
#include "layout/theme.hpp"
#include "layout/time_scale.hpp"
#include "timeline/timeline.hpp"

namespace tl {

struct Point {
    double x = 0, y = 0;
};

/// An axis-aligned box in points, origin at the top left of the page.
struct Rect {
    double x = 0, y = 0, width = 0, height = 0;

    double right() const { return x + width; }
    double bottom() const { return y + height; }
    bool intersects(const Rect& o) const {
        return x < o.right() && o.x < right() && y < o.bottom() && o.y < bottom();
    }
};

enum class ItemType { band, line, bar, marker, arrow, text, polyline };
std::string_view to_string(ItemType t);

enum class LineStyle { solid, dashed, dotted, dash_dot };
/// `wedge_before` and `wedge_after`: a solid wedge pointing left or right, out of the chart.
/// The `glyph_*` shapes are kinds' glyphs (ChartColors::glyph): a kind's second cue besides
/// its colour, drawn solid before each label and in the key.
enum class MarkerShape {
    circle,
    bracket,
    wedge_before,
    wedge_after,
    glyph_triangle_up,
    glyph_diamond,
    glyph_bowtie,
    glyph_square,
    glyph_plus,
    glyph_triangle_down,
    glyph_star,
    glyph_pentagon,
    glyph_cross,
    glyph_hourglass,
    glyph_bar,
    glyph_triangle_right,
    glyph_triangle_left,
};
std::string_view to_string(MarkerShape s);

/// One thing to draw. The renderer draws Items and nothing else, so the Scene is the
/// complete, testable description of a chart.
struct Item {
    ItemType type = ItemType::line;
    Rect box;                ///< bounding box of everything the item paints
    std::string role;        ///< what it is in the chart: "event-label", "axis-label", ...
    std::string event;       ///< id of the event it belongs to, if any
    std::string lane;        ///< actor id of the lane it sits in (arrows: where they leave)
    std::string to_lane;     ///< arrows: actor id of the lane they point into
    std::string text;        ///< text items: the literal text (never markup)
    FontSpec font;           ///< text items
    Point from, to;          ///< lines and arrows: end points; bars: unused
    Color fill{0, 0, 0, 0};  ///< alpha 0: no fill
    Color stroke{0, 0, 0, 0};
    double stroke_width = 1;
    LineStyle style = LineStyle::solid;
    MarkerShape shape = MarkerShape::circle;
    bool hollow = false;        ///< markers: outline only (uncertain or approximate)
    bool fade_start = false;    ///< bars and bands: open start (`..`), fades toward the left
    bool fade_end = false;      ///< bars and bands: open end, fades toward the right
    bool dashed_start = false;  ///< bars: unknown start, drawn as a short dashed stub
    bool dashed_end = false;    ///< bars: unknown end
    std::string link;           ///< text items: http(s) URL to make clickable in PDF
    /// Events of one lane drawn as one mark (a same-day burst): their ids, left to right;
    /// `event` is then empty.
    std::vector<std::string> events;
    /// Polylines: the points stroked through, in order.
    std::vector<Point> points;
    /// Density bins: what the bar stands for, the sum of the amounts in `unit` of its
    /// events, or with `unit` empty their count; and how many events fall in the bin.
    /// Totals lines (and their figures): the final cumulative value, in `unit`, or with
    /// `unit` empty a count of events; `lane` is then the supplier's actor id.
    double value = 0;
    std::string unit;
    int count = 0;
    std::string stage;  ///< totals lines: "pledged", "delivered", or "" (no stages)
    /// With `render --since`: "added", "changed" or "removed" on every item of an event
    /// that changed since the old version (and on the marks of those changes); else "".
    std::string change;
    /// Event labels: the event in words (date, whole title, quantities, confidence), for
    /// readers who cannot see the chart: the SVG's <title> of the label, and the HTML's.
    std::string alt;
    /// Kind glyphs (role "kind-glyph") and the key's kind samples: the kind's id.
    std::string kind;
};

/// A page of display items in points.
struct Scene {
    double width = 0;
    double height = 0;
    Color background{1, 1, 1};
    std::string title;    ///< the document's, for PDF metadata
    std::string subject;  ///< likewise
    DaySpan range{1, 0};  ///< the days its time axis shows, first to last; empty: no axis
    /// Where the days lie across the page, in order (axis_stops): between two stops the days
    /// are spread evenly, and the last is one day past the axis's end. What an HTML page maps
    /// a date with from one width of the chart to another. Empty: no axis.
    std::vector<AxisStop> axis;
    /// The page's entry in the PDF outline (bookmarks); none when empty.
    std::string outline;
    /// The chart in words (chart_summary): the alternative text of the page's chart, as the
    /// PDF's Figure and the SVG's <desc>; empty on a page that holds no chart.
    std::string description;
    std::vector<Item> items;
};

/// A laid-out chart: one page, or more when a fixed page size sends the references on or
/// the chart itself goes on over pages.
struct Document {
    std::string title;
    std::string subject;
    std::vector<Scene> pages;
    /// Where the chart, through its legend, ends on its first page before any scaling to
    /// fit a fixed page: what `pages` compares with the page height.
    double chart_bottom = 0;
    std::size_t chart_pages = 1;  ///< the first pages, which hold the chart; then its sources
};

/// The first page as JSON, {"width", "height", "range": {"from", "to"}, "title", "items":
/// [{type, x, y, width, height, ...}]}, with "pages": [{width, height, range, items}, ...] for
/// the pages after it. `range` gives the first and last days of a page's axis (YYYY-MM-DD).
std::string document_to_json(const Document& doc);
/// One page as JSON, in the same form.
std::string scene_to_json(const Scene& scene);

}  // namespace tl
