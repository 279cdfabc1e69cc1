#include "render/painter.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "render/link_uri.hpp"
#include "render/pdf_structure.hpp"

namespace tl {
namespace {

constexpr double kPi = 3.14159265358979323846;

}  // namespace

void Painter::set_color(const Color& c) {
    cairo_set_source_rgba(cr_, c.r, c.g, c.b, c.a);
}

void Painter::set_line(const Item& it) {
    cairo_set_line_width(cr_, it.stroke_width);
    const double w = it.stroke_width;
    switch (it.style) {
        case LineStyle::solid: cairo_set_dash(cr_, nullptr, 0, 0); break;
        case LineStyle::dashed: {
            const double d[] = {4 * w, 2.5 * w};
            cairo_set_dash(cr_, d, 2, 0);
            break;
        }
        case LineStyle::dotted: {
            const double d[] = {0.01, 2.2 * w};
            cairo_set_line_cap(cr_, CAIRO_LINE_CAP_ROUND);
            cairo_set_dash(cr_, d, 2, 0);
            break;
        }
        case LineStyle::dash_dot: {
            const double d[] = {5 * w, 2 * w, 0.01, 2 * w};
            cairo_set_line_cap(cr_, CAIRO_LINE_CAP_ROUND);
            cairo_set_dash(cr_, d, 4, 0);
            break;
        }
    }
}

void Painter::paint(const Scene& scene) {
    // cairo 1.16 and PDF tags: links need each page wrapped in a Document tag (PdfStructure
    // opens it, and the elements of the reading order in it), or the xref table comes out
    // broken; and the page's first drawing must come before that tag opens, or the same
    // happens (qpdf --check finds both). So the background goes first, as a
    // bounded fill: an unbounded cairo_paint inside a tag fails the page.
    set_color(scene.background);
    cairo_rectangle(cr_, 0, 0, scene.width, scene.height);
    cairo_fill(cr_);
    std::optional<PdfStructure> structure;
    if (links_) structure.emplace(cr_, structure_);
    const std::vector<Item>& items = scene.items;
    for (std::size_t i = 0; i < items.size(); ++i) {
        const Item& it = items[i];
        if (structure) structure->enter(it.role);
        if (it.type == ItemType::arrow) {
            std::size_t end = i + 1;
            while (end < items.size() && items[end].type == ItemType::arrow)
                ++end;
            arrows(std::span<const Item>(items).subspan(i, end - i));
            i = end - 1;
            if (structure) structure->leave();
            continue;
        }
        gfx::SavedState saved(cr_);
        cairo_new_path(cr_);  // the path is not part of the saved state
        switch (it.type) {
            case ItemType::band: band(it); break;
            case ItemType::line: line(it); break;
            case ItemType::bar: bar(it); break;
            case ItemType::marker: marker(it); break;
            case ItemType::arrow: break;  // drawn by arrows() above
            case ItemType::text: text(it); break;
            case ItemType::polyline: polyline(it); break;
        }
        if (structure) structure->leave();
    }
}

/// A horizontal fill that fades to transparent toward an open side.
void Painter::set_fill(const Item& it) {
    if (!it.fade_start && !it.fade_end) {
        set_color(it.fill);
        return;
    }
    const Rect& b = it.box;
    const Color& c = it.fill;
    gfx::Pattern g(cairo_pattern_create_linear(b.x, 0, b.right(), 0));
    cairo_pattern_add_color_stop_rgba(g.get(), 0, c.r, c.g, c.b, it.fade_start ? 0 : c.a);
    cairo_pattern_add_color_stop_rgba(g.get(), 0.15, c.r, c.g, c.b, c.a);
    cairo_pattern_add_color_stop_rgba(g.get(), 0.85, c.r, c.g, c.b, c.a);
    cairo_pattern_add_color_stop_rgba(g.get(), 1, c.r, c.g, c.b, it.fade_end ? 0 : c.a);
    cairo_set_source(cr_, g.get());
}

void Painter::band(const Item& it) {
    const Rect& b = it.box;
    set_fill(it);
    cairo_rectangle(cr_, b.x, b.y, b.width, b.height);
    cairo_fill(cr_);
}

void Painter::line(const Item& it) {
    set_line(it);
    set_color(it.stroke);
    cairo_move_to(cr_, it.from.x, it.from.y);
    cairo_line_to(cr_, it.to.x, it.to.y);
    cairo_stroke(cr_);
}

void Painter::polyline(const Item& it) {
    if (it.points.size() < 2) return;
    set_line(it);
    set_color(it.stroke);
    cairo_move_to(cr_, it.points[0].x, it.points[0].y);
    for (std::size_t i = 1; i < it.points.size(); ++i)
        cairo_line_to(cr_, it.points[i].x, it.points[i].y);
    cairo_stroke(cr_);
}

/// One end of a bar: a solid cap when the date is known there, a dashed cap and edges
/// when it is unknown, an open arrow head when the interval runs on (open).
void Painter::bar_end(const Item& it, bool right) {
    const Rect& b = it.box;
    const double x = right ? b.right() : b.x;
    const double inward = right ? -1 : 1;
    const bool open = right ? it.fade_end : it.fade_start;
    const bool unknown = right ? it.dashed_end : it.dashed_start;
    cairo_new_path(cr_);
    if (open) {
        cairo_set_dash(cr_, nullptr, 0, 0);
        cairo_move_to(cr_, x + inward * 5, b.y - 1);
        cairo_line_to(cr_, x, b.y + b.height / 2);
        cairo_line_to(cr_, x + inward * 5, b.bottom() + 1);
    } else {
        if (unknown) {
            const double d[] = {2, 2};
            cairo_set_dash(cr_, d, 2, 0);
        }
        const double stub = unknown ? std::min(b.width / 2, 20.0) : 0;
        cairo_move_to(cr_, x + inward * stub, b.y);
        cairo_line_to(cr_, x, b.y);
        cairo_line_to(cr_, x, b.bottom());
        cairo_line_to(cr_, x + inward * stub, b.bottom());
    }
    cairo_stroke(cr_);
}

void Painter::bar(const Item& it) {
    const Rect& b = it.box;
    cairo_rectangle(cr_, b.x, b.y, b.width, b.height);
    set_fill(it);
    cairo_fill(cr_);
    // The long edges, solid where the date is known, stopping short of special ends.
    const auto inset = [&](bool faded, bool unknown) {
        return faded ? std::min(b.width * 0.15, 30.0) : unknown ? std::min(b.width / 2, 20.0) : 0;
    };
    const double left = b.x + inset(it.fade_start, it.dashed_start);
    const double right = b.right() - inset(it.fade_end, it.dashed_end);
    set_line(it);
    set_color(it.stroke);
    if (right > left) {
        cairo_move_to(cr_, left, b.y);
        cairo_line_to(cr_, right, b.y);
        cairo_move_to(cr_, left, b.bottom());
        cairo_line_to(cr_, right, b.bottom());
        cairo_stroke(cr_);
    }
    bar_end(it, false);
    set_line(it);
    bar_end(it, true);
}

/// A dash pattern that divides a circle's outline evenly, so a small dashed or dotted
/// marker reads as such instead of as a ragged blob.
void Painter::set_circle_dash(const Item& it, double radius) {
    const double circumference = 2 * kPi * radius;
    switch (it.style) {
        case LineStyle::solid: cairo_set_dash(cr_, nullptr, 0, 0); break;
        case LineStyle::dashed: {
            const double period = circumference / 8;
            const double d[] = {period * 0.6, period * 0.4};
            cairo_set_dash(cr_, d, 2, 0);
            break;
        }
        case LineStyle::dotted: {
            const double period = circumference / 10;
            const double d[] = {0.01, period};
            cairo_set_line_cap(cr_, CAIRO_LINE_CAP_ROUND);
            cairo_set_dash(cr_, d, 2, 0);
            break;
        }
        case LineStyle::dash_dot: {
            const double period = circumference / 5;
            const double d[] = {period * 0.45, period * 0.2, 0.01, period * 0.35};
            cairo_set_line_cap(cr_, CAIRO_LINE_CAP_ROUND);
            cairo_set_dash(cr_, d, 4, 0);
            break;
        }
    }
}

namespace {

/// A kind's glyph as a closed outline in a square from -1 to 1 (y down), drawn filled. Areas
/// are kept near one another, so that no kind looks heavier than another.
std::vector<Point> glyph_outline(MarkerShape shape) {
    const auto regular = [](int corners, double radius, double inner) {
        // A regular polygon (inner == radius) or star, its first corner at the top.
        std::vector<Point> pts;
        const int n = inner == radius ? corners : 2 * corners;
        for (int i = 0; i < n; ++i) {
            const double r = i % 2 == 1 && inner != radius ? inner : radius;
            const double a = -kPi / 2 + 2 * kPi * i / n;
            pts.push_back({r * std::cos(a), r * std::sin(a)});
        }
        return pts;
    };
    const auto rotate45 = [](std::vector<Point> pts) {
        const double c = std::sqrt(0.5);
        for (Point& p : pts)
            p = {c * (p.x - p.y), c * (p.x + p.y)};
        return pts;
    };
    std::vector<Point> plus{{-0.3, -1},  {0.3, -1},  {0.3, -0.3}, {1, -0.3},
                            {1, 0.3},    {0.3, 0.3}, {0.3, 1},    {-0.3, 1},
                            {-0.3, 0.3}, {-1, 0.3},  {-1, -0.3},  {-0.3, -0.3}};
    switch (shape) {
        case MarkerShape::glyph_triangle_up: return {{0, -1}, {1, 0.8}, {-1, 0.8}};
        case MarkerShape::glyph_triangle_down: return {{0, 1}, {-1, -0.8}, {1, -0.8}};
        case MarkerShape::glyph_triangle_right: return {{1, 0}, {-0.8, 1}, {-0.8, -1}};
        case MarkerShape::glyph_triangle_left: return {{-1, 0}, {0.8, -1}, {0.8, 1}};
        case MarkerShape::glyph_diamond: return {{0, -1}, {1, 0}, {0, 1}, {-1, 0}};
        case MarkerShape::glyph_square: return {{-0.8, -0.8}, {0.8, -0.8}, {0.8, 0.8}, {-0.8, 0.8}};
        case MarkerShape::glyph_bowtie:
            return {{-1, -0.9}, {0, -0.15}, {1, -0.9}, {1, 0.9}, {0, 0.15}, {-1, 0.9}};
        case MarkerShape::glyph_pentagon: return regular(5, 1, 1);
        case MarkerShape::glyph_star: return regular(5, 1, 0.45);
        case MarkerShape::glyph_plus: return plus;
        case MarkerShape::glyph_cross: return rotate45(plus);
        case MarkerShape::glyph_hourglass:
            return {{-0.9, -1}, {0.9, -1}, {0.15, 0}, {0.9, 1}, {-0.9, 1}, {-0.15, 0}};
        case MarkerShape::glyph_bar: return {{-1, -0.4}, {1, -0.4}, {1, 0.4}, {-1, 0.4}};
        default: return {};
    }
}

}  // namespace

void Painter::marker(const Item& it) {
    const Rect& b = it.box;
    if (const std::vector<Point> outline = glyph_outline(it.shape); !outline.empty()) {
        const double cx = b.x + b.width / 2;
        const double cy = b.y + b.height / 2;
        const double half = std::min(b.width, b.height) / 2;
        cairo_new_path(cr_);
        for (const Point& p : outline)
            cairo_line_to(cr_, cx + half * p.x, cy + half * p.y);
        cairo_close_path(cr_);
        set_color(it.fill);
        cairo_fill(cr_);
        return;
    }
    if (it.shape == MarkerShape::circle) {
        const double r = std::min(b.width, b.height) / 2;
        cairo_arc(cr_, b.x + b.width / 2, b.y + b.height / 2, r, -kPi / 2, 1.5 * kPi);
        set_color(it.fill);
        cairo_fill_preserve(cr_);
        cairo_set_line_width(cr_, it.stroke_width);
        set_circle_dash(it, r);
        set_color(it.stroke);
        cairo_stroke(cr_);
        return;
    }
    if (it.shape == MarkerShape::wedge_before || it.shape == MarkerShape::wedge_after) {
        // A solid wedge pointing out of the chart: the tip at the box's outer edge.
        const bool left = it.shape == MarkerShape::wedge_before;
        const double tip = left ? b.x : b.right();
        const double base = left ? b.right() : b.x;
        cairo_move_to(cr_, base, b.y);
        cairo_line_to(cr_, tip, b.y + b.height / 2);
        cairo_line_to(cr_, base, b.bottom());
        cairo_close_path(cr_);
        set_color(it.fill);
        cairo_fill(cr_);
        return;
    }
    // A bracket: the whole range lightly filled, closed by ticks at both ends.
    cairo_rectangle(cr_, b.x, b.y + b.height * 0.25, b.width, b.height * 0.5);
    set_color(it.fill);
    cairo_fill(cr_);
    set_line(it);
    set_color(it.stroke);
    cairo_move_to(cr_, b.x + 2, b.y);
    cairo_line_to(cr_, b.x, b.y);
    cairo_line_to(cr_, b.x, b.bottom());
    cairo_line_to(cr_, b.x + 2, b.bottom());
    cairo_move_to(cr_, b.right() - 2, b.y);
    cairo_line_to(cr_, b.right(), b.y);
    cairo_line_to(cr_, b.right(), b.bottom());
    cairo_line_to(cr_, b.right() - 2, b.bottom());
    cairo_stroke(cr_);
}

namespace {

constexpr double kArrowHead = 6;

/// Arrows whose shafts share one vertical line and one look, so that where they overlap
/// one stroke draws them all.
struct ShaftKey {
    double x, width, r, g, b, a;
    LineStyle style;
    auto operator<=>(const ShaftKey&) const = default;
};

}  // namespace

void Painter::arrows(std::span<const Item> run) {
    // Many events on one day stack their markers at one x, and each arrow runs from its
    // marker through every row below (or above) it: the arrows' total length grows with the
    // square of the events, and cairo's work with their length. Overlapping shafts of one
    // look are drawn as their union instead, once; every head is drawn, each place once. The
    // layout draws its arrows together, so nothing else lies between them.
    const auto vertical = [](const Item& it) {
        return it.from.x == it.to.x && it.from.y != it.to.y;
    };
    const auto key_of = [](const Item& it) {
        return ShaftKey{it.from.x,   it.stroke_width, it.stroke.r, it.stroke.g,
                        it.stroke.b, it.stroke.a,     it.style};
    };
    std::map<ShaftKey, std::pair<const Item*, std::vector<std::pair<double, double>>>> shafts;
    std::vector<ShaftKey> order;  // keys as they first occur, to keep the scene's order
    for (const Item& it : run) {
        if (!vertical(it)) {
            gfx::SavedState saved(cr_);
            cairo_new_path(cr_);
            arrow(it);
            continue;
        }
        const double toward = it.to.y > it.from.y ? 1 : -1;
        auto& [first, spans] = shafts[key_of(it)];
        if (!first) {
            first = &it;
            order.push_back(key_of(it));
        }
        spans.push_back(std::minmax(it.from.y, it.to.y - toward * kArrowHead));
    }
    for (const ShaftKey& key : order) {
        auto& [first, spans] = shafts[key];
        std::sort(spans.begin(), spans.end());
        gfx::SavedState saved(cr_);
        cairo_new_path(cr_);
        // On a vector page a dashed, dotted or dash-dot shaft is a strip filled with its
        // pattern as a repeating tile: cairo strokes a dashed path dash by dash, so a detail
        // chart of thousands of events, whose shafts run the height of a tall page, cost the
        // square of its events. A tile costs the same at any length. An image is the other
        // way round: there a dash is a few pixels, cheap, while a tile is resampled for
        // every pixel of the strip, and on a tall page scaled down to fit the image cairo
        // averages a block of the tile's pixels for each one (40 s for 1,000 events). An SVG
        // keeps the stroke too: it writes one stroke-dasharray, and cairo 1.16's SVG surface
        // reads uninitialised memory (valgrind) when it writes a recording-surface pattern.
        const bool pdf = cairo_surface_get_type(cairo_get_target(cr_)) == CAIRO_SURFACE_TYPE_PDF;
        const gfx::Pattern tile =
            first->style == LineStyle::solid || !pdf ? nullptr : dash_tile(*first);
        const double w = first->stroke_width;
        if (tile) {
            cairo_set_source(cr_, tile.get());
        } else {
            set_line(*first);
            set_color(first->stroke);
        }
        for (std::size_t i = 0; i < spans.size();) {
            const double top = spans[i].first;
            double bottom = spans[i].second;
            for (++i; i < spans.size() && spans[i].first <= bottom; ++i)
                bottom = std::max(bottom, spans[i].second);
            if (tile) {
                cairo_rectangle(cr_, key.x - w / 2, top, w, bottom - top);
            } else {
                cairo_move_to(cr_, key.x, top);
                cairo_line_to(cr_, key.x, bottom);
            }
        }
        if (tile) {
            cairo_fill(cr_);
        } else {
            cairo_stroke(cr_);
        }
    }
    std::set<std::tuple<double, double, double, double, double, double, double>> heads;
    for (const Item& it : run) {
        if (!vertical(it)) continue;
        const double toward = it.to.y > it.from.y ? 1 : -1;
        if (!heads
                 .insert(
                     {it.to.x, it.to.y, toward, it.stroke.r, it.stroke.g, it.stroke.b, it.stroke.a})
                 .second)
            continue;
        gfx::SavedState saved(cr_);
        cairo_new_path(cr_);
        set_color(it.stroke);
        head(it.to, 0, toward);
    }
}

/// One period of a vertical shaft's dash pattern, the same as set_line() gives a stroke
/// (dashes with butt ends; dots and dash-dots with round ones), as a pattern that repeats
/// down the page from y = 0 and is `it.stroke_width` wide centred on `it.from.x`.
gfx::Pattern Painter::dash_tile(const Item& it) const {
    const double w = it.stroke_width;
    const double r = w / 2;
    double period = 0;
    std::vector<std::pair<double, double>> dashes;  // along y: start and end of each
    switch (it.style) {
        case LineStyle::solid: return nullptr;
        case LineStyle::dashed:
            period = 6.5 * w;
            dashes = {{0, 4 * w}};
            break;
        case LineStyle::dotted:
            period = 2.2 * w + 0.01;
            dashes = {{0, 0.01}};
            break;
        case LineStyle::dash_dot:
            period = 9 * w + 0.01;
            dashes = {{0, 5 * w}, {7 * w, 7 * w + 0.01}};
            break;
    }
    const bool round = it.style != LineStyle::dashed;
    // cairo rounds a recording surface's extents to whole units, which would stretch the
    // period: the tile is drawn scaled so that its period is a whole number of units.
    const double scale = std::ceil(period * 8) / period;
    const cairo_rectangle_t extents{0, 0, std::ceil(w * scale), period * scale};
    gfx::Surface surface(cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents));
    gfx::Context cr(cairo_create(surface.get()));
    cairo_scale(cr.get(), scale, scale);
    cairo_set_source_rgba(cr.get(), it.stroke.r, it.stroke.g, it.stroke.b, it.stroke.a);
    // Each dash is drawn again one period up and down, so that a round end that crosses
    // the tile's edge continues in the next tile.
    for (const double shift : {-period, 0.0, period}) {
        for (const auto& [y0, y1] : dashes) {
            cairo_rectangle(cr.get(), 0, y0 + shift, w, y1 - y0);
            cairo_fill(cr.get());
            if (!round) continue;
            cairo_arc(cr.get(), r, y0 + shift, r, 0, 2 * kPi);
            cairo_fill(cr.get());
            cairo_arc(cr.get(), r, y1 + shift, r, 0, 2 * kPi);
            cairo_fill(cr.get());
        }
    }
    gfx::Pattern pattern(cairo_pattern_create_for_surface(surface.get()));
    cairo_pattern_set_extend(pattern.get(), CAIRO_EXTEND_REPEAT);
    cairo_matrix_t m;
    cairo_matrix_init_scale(&m, scale, scale);
    cairo_matrix_translate(&m, -(it.from.x - r), 0);
    cairo_pattern_set_matrix(pattern.get(), &m);
    return pattern;
}

void Painter::arrow(const Item& it) {
    const double dx = it.to.x - it.from.x;
    const double dy = it.to.y - it.from.y;
    const double len = std::hypot(dx, dy);
    if (len < 1e-6) return;
    const double ux = dx / len, uy = dy / len;
    set_line(it);
    set_color(it.stroke);
    cairo_move_to(cr_, it.from.x, it.from.y);
    cairo_line_to(cr_, it.to.x - ux * kArrowHead, it.to.y - uy * kArrowHead);
    cairo_stroke(cr_);
    head(it.to, ux, uy);
}

/// A filled arrow head with its tip at `tip`, pointing along the unit vector (ux, uy).
void Painter::head(const Point& tip, double ux, double uy) {
    const double head = kArrowHead;
    cairo_move_to(cr_, tip.x, tip.y);
    cairo_line_to(cr_, tip.x - ux * head - uy * head / 2, tip.y - uy * head + ux * head / 2);
    cairo_line_to(cr_, tip.x - ux * head + uy * head / 2, tip.y - uy * head - ux * head / 2);
    cairo_close_path(cr_);
    cairo_fill(cr_);
}

void Painter::text(const Item& it) {
    const bool link = links_ && !it.link.empty();
    if (link) cairo_tag_begin(cr_, CAIRO_TAG_LINK, link_tag_attributes(it.link).c_str());
    set_color(it.fill);
    cairo_move_to(cr_, it.box.x, it.box.y);
    if (glyph_runs_ && shaper_.simple_runs(it.text, it.font, runs_))
        show_runs(it.text);
    else
        pango_cairo_show_layout(cr_, shaper_.layout(it.text, it.font).get());
    if (link) cairo_tag_end(cr_, CAIRO_TAG_LINK);
}

/// Draws runs_ of `text` from the current point as pango_cairo_show_layout draws them: the
/// same glyphs, fonts and text clusters, at positions computed with the same arithmetic as
/// Pango's cairo renderer, so that the PDF has the same bytes to the last digit.
void Painter::show_runs(const std::string& text) {
    double x = 0, y = 0;
    cairo_get_current_point(cr_, &x, &y);
    const double base_y = y + static_cast<double>(runs_.baseline) / PANGO_SCALE;
    cairo_set_scaled_font(cr_, runs_.font);
    for (const SimpleRuns::Run& run : runs_.runs) {
        const double base_x = x + static_cast<double>(run.x) / PANGO_SCALE;
        glyphs_.clear();
        for (std::size_t g = run.glyph_begin; g < run.glyph_end; ++g)
            glyphs_.push_back({runs_.glyphs[g].index,
                               base_x + static_cast<double>(runs_.glyphs[g].x) / PANGO_SCALE,
                               base_y});
        cairo_show_text_glyphs(cr_, text.data() + run.text_begin, run.text_length, glyphs_.data(),
                               static_cast<int>(glyphs_.size()),
                               runs_.clusters.data() + run.cluster_begin,
                               static_cast<int>(run.cluster_end - run.cluster_begin),
                               static_cast<cairo_text_cluster_flags_t>(0));
    }
}

}  // namespace tl
