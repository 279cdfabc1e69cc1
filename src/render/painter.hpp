#pragma once

#include <cairo.h>

#include <span>
#include <string>
#include <vector>

#include "layout/scene.hpp"
#include "render/cairo_handles.hpp"
#include "render/text_shaper.hpp"

namespace tl {

/// How text is drawn: by Pango, or (simple text only, the rest by Pango) from the glyph runs
/// SimpleText knows without shaping, which write the same PDF. An image or an SVG is drawn
/// by Pango: cairo writes no text clusters into them, and they are one page.
enum class TextDrawing { pango, glyph_runs };

/// Draws Scene items on any cairo surface: one drawing path for PDF, SVG and PNG.
class Painter {
  public:
    /// Draws on `cr` with text laid out by `shaper` (made for `cr`; one for all the pages of
    /// a document, so that what it learns of the fonts serves them all), with links or not.
    /// `structure`: a PDF's tags for readers who cannot see (pdf_structure.hpp), in full or
    /// (with `links`) only a Document element per page, which cairo needs for links.
    Painter(cairo_t* cr, const TextShaper& shaper, bool links, TextDrawing drawing,
            bool structure = false)
        : cr_(cr),
          shaper_(shaper),
          links_(links),
          structure_(links && structure),
          glyph_runs_(drawing == TextDrawing::glyph_runs) {}
    void paint(const Scene& scene);

  private:
    void band(const Item& it);
    void line(const Item& it);
    void polyline(const Item& it);
    void bar(const Item& it);
    void bar_end(const Item& it, bool right);
    void marker(const Item& it);
    void arrows(std::span<const Item> run);
    void arrow(const Item& it);
    void head(const Point& tip, double ux, double uy);
    gfx::Pattern dash_tile(const Item& it) const;
    void text(const Item& it);
    void show_runs(const std::string& text);

    void set_color(const Color& c);
    void set_fill(const Item& it);
    void set_line(const Item& it);
    void set_circle_dash(const Item& it, double radius);

    cairo_t* cr_;
    const TextShaper& shaper_;
    bool links_;
    bool structure_;
    bool glyph_runs_;
    SimpleRuns runs_;                    ///< reused by each text drawn
    std::vector<cairo_glyph_t> glyphs_;  ///< reused by each text drawn
};

}  // namespace tl
