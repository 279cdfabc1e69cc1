#pragma once

// Internal to the layout stage: the state one chart's parts share while it is built.

#include <optional>
#include <vector>

#include "layout/chart_colors.hpp"
#include "layout/chart_columns.hpp"
#include "layout/chart_layout.hpp"
#include "layout/citations.hpp"
#include "layout/page_writer.hpp"
#include "layout/references.hpp"

namespace tl {

/// One chart while it is built: what it is built from, the page its items go on, and what
/// is known before any event is placed (width, columns, colours). The views and the shared
/// parts (header, eras, axis, lanes, event marks, legend) all draw through it.
struct ChartCanvas {
    ChartCanvas(const Timeline& timeline, const Model& model, const Theme& theme,
                const TextMeasurer& measurer, const LayoutOptions& options);
    // The page writer refers to the scene: the canvas stays where it was made.
    ChartCanvas(const ChartCanvas&) = delete;
    ChartCanvas& operator=(const ChartCanvas&) = delete;

    const Timeline& timeline;
    const Model& model;
    const Theme& theme;
    const TextMeasurer& measurer;
    const LayoutOptions& options;

    double width;  ///< the page width: the template's, or wider for many events
    Scene scene;
    PageWriter page;
    ChartColors colors;
    ChartColumns columns;
    Citations citations;                ///< the sources the chart's labels cite, numbered
    std::vector<ShortenedLabel> notes;  ///< labels that were shortened, numbered from 1
    bool cut = false;                   ///< some event reaches beyond the axis's ends
    std::vector<GroupNote> groups;      ///< events drawn as one mark, in the order drawn
    /// Per lane, what lies behind its labels besides the lane itself, as seen: the density
    /// view's bars. The kinds' glyphs must stand out from it too.
    std::vector<std::optional<Color>> under_labels;
};

}  // namespace tl
