#include "layout/chart_canvas.hpp"

#include "base/text.hpp"
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
    scene.description = chart_summary(timeline, model);
    // The reader of a revised briefing is told what the marks are measured against.
    if (options.revisions)
        scene.subject +=
            (timeline.filter.ids ? " \u00b7 only what changed since " : " \u00b7 changes since ") +
            isolate(options.since);
    scene.range = {columns.scale.first, columns.scale.last};
}

}  // namespace tl
