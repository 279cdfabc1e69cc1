#pragma once

// Internal to the layout stage: layout_document() (chart_layout.cpp) decides what to lay
// out, build_chart() lays out one chart.

#include "layout/chart_layout.hpp"

namespace tl {

/// One chart of `timeline`: every event in detail, or a density view when `options.mode`
/// asks for one (or is automatic and the events are many), with its header, axis, eras,
/// lanes, legend and references; on more than one page only when a template's fixed page
/// height needs it. Lanes are drawn as given: folding is the caller's choice.
Document build_chart(const Timeline& timeline, const Model& model, const Theme& theme,
                     const TextMeasurer& measurer, const LayoutOptions& options);

}  // namespace tl
