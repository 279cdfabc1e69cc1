#pragma once

// Internal to the layout stage: the density view, for more events than can each be labelled.

#include "layout/chart_layout.hpp"

namespace tl {

/// A chart of counts: every lane has a strip of its events per calendar bin, and only the
/// most significant events of each lane are marked and labelled, whole, under its strip.
Document build_density_chart(const Timeline& timeline, const Model& model, const Theme& theme,
                             const TextMeasurer& measurer, const LayoutOptions& options);

}  // namespace tl
