#include "layout/chart_layout.hpp"

// Chooses how a timeline is laid out: in detail, as a density view, or as an overview with
// detail pages over slices of time (pages_layout.cpp), folding lanes first where there are
// too many. Each chart itself is built by its view (detail_view.cpp, density_view.cpp).

#include <utility>

#include "layout/density_view.hpp"
#include "layout/detail_view.hpp"
#include "layout/pages_layout.hpp"
#include "timeline/fold.hpp"

namespace tl {
namespace {

/// The density view when asked for, or when automatic and the events are too many to label
/// each.
bool uses_density_view(const Timeline& timeline, const LayoutOptions& options) {
    return options.mode == LayoutMode::density ||
           (options.mode == LayoutMode::automatic && timeline.events.size() > kDetailEventLimit);
}

}  // namespace

Document layout_document(const Timeline& timeline, const Model& model, const Theme& theme,
                         const TextMeasurer& measurer, const LayoutOptions& options) {
    if (options.mode == LayoutMode::pages) {
        // Folded once, before slicing, so that the detail pages' lanes are the overview's.
        if (timeline.lanes.size() <= options.max_lanes)
            return layout_pages(timeline, model, theme, measurer, options);
        Timeline folded = timeline;
        fold_lanes(folded, options.max_lanes);
        return layout_pages(folded, model, theme, measurer, options);
    }
    if (!uses_density_view(timeline, options))
        return build_detail_chart(timeline, model, theme, measurer, options);
    if (timeline.lanes.size() > options.max_lanes) {
        Timeline folded = timeline;
        fold_lanes(folded, options.max_lanes);
        return build_density_chart(folded, model, theme, measurer, options);
    }
    return build_density_chart(timeline, model, theme, measurer, options);
}

Scene layout_chart(const Timeline& timeline, const Model& model, const Theme& theme,
                   const TextMeasurer& measurer, const LayoutOptions& options) {
    return std::move(layout_document(timeline, model, theme, measurer, options).pages.front());
}

}  // namespace tl
