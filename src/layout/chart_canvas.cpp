#include "layout/chart_canvas.hpp"

#include "layout/chart_heading.hpp"

namespace tl {

ChartCanvas::ChartCanvas(const Timeline& t, const Model& m, const Theme& th, const TextMeasurer& tm,
                         const LayoutOptions& o)
    : timeline(t),
      model(m),
      theme(th),
      measurer(tm),
      options(o),
      width(chart_width(th, t.events.size())),
      page{scene, th, tm, width},
      colors(t, m, th),
      columns(lay_out_columns(t, th, tm, o, width)) {
    scene.width = width;
    scene.background = theme.background;
    scene.title = options.title.empty() ? theme.title : options.title;
    scene.subject = chart_subtitle(timeline, model);
    scene.range = {columns.scale.first, columns.scale.last};
}

}  // namespace tl
