#pragma once

#include <cairo.h>

#include <span>

#include "layout/scene.hpp"
#include "render/cairo_handles.hpp"
#include "render/text_shaper.hpp"

namespace tl {

/// Draws Scene items on any cairo surface: one drawing path for PDF, SVG and PNG.
class Painter {
  public:
    Painter(cairo_t* cr, bool links) : cr_(cr), shaper_(cr), links_(links) {}
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

    void set_color(const Color& c);
    void set_fill(const Item& it);
    void set_line(const Item& it);
    void set_circle_dash(const Item& it, double radius);

    cairo_t* cr_;
    TextShaper shaper_;
    bool links_;
};

}  // namespace tl
