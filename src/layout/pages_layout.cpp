#include "layout/pages_layout.hpp"

#include <algorithm>
#include <utility>

#include "base/text.hpp"
#include "layout/date_label.hpp"
#include "layout/density_view.hpp"
#include "layout/detail_view.hpp"
#include "timeline/filter.hpp"

namespace tl {

Document layout_pages(const Timeline& timeline, const Model& model, const Theme& theme,
                      const TextMeasurer& measurer, const LayoutOptions& options) {
    Document doc = build_density_chart(timeline, model, theme, measurer, options);
    doc.pages.resize(doc.chart_pages);  // the overview; each detail page cites its own sources
    if (timeline.span.empty()) return doc;
    const std::size_t slices =
        std::max<std::size_t>(1, (timeline.events.size() + kEventsPerPage - 1) / kEventsPerPage);
    const DayNumber days = timeline.span.last - timeline.span.first + 1;
    const auto length = static_cast<DayNumber>((days + static_cast<DayNumber>(slices) - 1) /
                                               static_cast<DayNumber>(slices));
    for (std::size_t i = 0; i < slices; ++i) {
        const DayNumber first = timeline.span.first + static_cast<DayNumber>(i) * length;
        const DaySpan window{first, std::min(first + length - 1, timeline.span.last)};
        EventFilter in_window;
        in_window.from = window.first;
        in_window.to = window.last;
        Timeline slice = timeline;
        slice.events = filter_events(timeline.events, in_window);
        if (slice.events.empty()) continue;
        slice.span = window;
        LayoutOptions detail = options;
        detail.window = window;
        const DatePoint a{Precision::day, window.first, window.first, false, false, {}};
        const DatePoint b{Precision::day, window.last, window.last, false, false, {}};
        detail.title = isolate(doc.title) + ": " + human_date(a) + " \u2013 " + human_date(b);
        Document part = build_detail_chart(slice, model, theme, measurer, detail);
        for (Scene& page : part.pages)
            doc.pages.push_back(std::move(page));
    }
    return doc;
}

}  // namespace tl
