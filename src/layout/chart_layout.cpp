#include "layout/chart_layout.hpp"

// Chooses how a timeline is laid out: in detail, as a density view, or as an overview with
// detail pages over slices of time, folding lanes first where there are too many. Each
// chart itself is built by build_chart (chart_builder.cpp).

#include <algorithm>
#include <utility>

#include "base/text.hpp"
#include "layout/chart_builder.hpp"
#include "layout/date_label.hpp"
#include "timeline/filter.hpp"
#include "timeline/fold.hpp"

namespace tl {
namespace {

/// `pages`: an overview, then the span cut into equal slices of time, each in detail with
/// the same lanes, so that every detail page has the same scale and lanes in the same place.
Document layout_pages(const Timeline& timeline, const Model& model, const Theme& theme,
                      const TextMeasurer& measurer, const LayoutOptions& options) {
    LayoutOptions overview_options = options;
    overview_options.mode = LayoutMode::density;
    Document doc = layout_document(timeline, model, theme, measurer, overview_options);
    doc.pages.resize(1);  // the overview's chart; each detail page cites its own sources
    // The slices cover the window asked for, not the reach of events that began before it.
    const DaySpan whole = options.window ? *options.window : timeline.span;
    if (whole.empty()) return doc;
    const std::size_t slices =
        std::max<std::size_t>(1, (timeline.events.size() + kEventsPerPage - 1) / kEventsPerPage);
    const DayNumber days = whole.last - whole.first + 1;
    const auto length = static_cast<DayNumber>((days + static_cast<DayNumber>(slices) - 1) /
                                               static_cast<DayNumber>(slices));
    for (std::size_t i = 0; i < slices; ++i) {
        const DayNumber first = whole.first + static_cast<DayNumber>(i) * length;
        const DaySpan window{first, std::min(first + length - 1, whole.last)};
        EventFilter in_window;
        in_window.from = window.first;
        in_window.to = window.last;
        Timeline slice = timeline;
        slice.events = filter_events(timeline.events, in_window);
        if (slice.events.empty()) continue;
        slice.span = window;
        LayoutOptions detail = options;
        detail.mode = LayoutMode::detail;
        detail.window = window;
        const DatePoint a{Precision::day, window.first, window.first, false, false, {}};
        const DatePoint b{Precision::day, window.last, window.last, false, false, {}};
        detail.title = isolate(doc.title) + ": " + human_date(a) + " \u2013 " + human_date(b);
        Document part = build_chart(slice, model, theme, measurer, detail);
        for (Scene& page : part.pages)
            doc.pages.push_back(std::move(page));
    }
    return doc;
}

}  // namespace

Document layout_document(const Timeline& timeline, const Model& model, const Theme& theme,
                         const TextMeasurer& measurer, const LayoutOptions& options) {
    if (options.mode == LayoutMode::pages) {
        // Folded once, before slicing, so that every page has the same lanes.
        if (timeline.lanes.size() <= options.max_lanes)
            return layout_pages(timeline, model, theme, measurer, options);
        Timeline folded = timeline;
        fold_lanes(folded, options.max_lanes);
        return layout_pages(folded, model, theme, measurer, options);
    }
    const bool dense =
        options.mode == LayoutMode::density ||
        (options.mode == LayoutMode::automatic && timeline.events.size() > kDetailEventLimit);
    if (dense && timeline.lanes.size() > options.max_lanes) {
        Timeline folded = timeline;
        fold_lanes(folded, options.max_lanes);
        return build_chart(folded, model, theme, measurer, options);
    }
    return build_chart(timeline, model, theme, measurer, options);
}

Scene layout_chart(const Timeline& timeline, const Model& model, const Theme& theme,
                   const TextMeasurer& measurer, const LayoutOptions& options) {
    return std::move(layout_document(timeline, model, theme, measurer, options).pages.front());
}

}  // namespace tl
