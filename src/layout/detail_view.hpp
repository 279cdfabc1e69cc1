#pragma once

// Internal to the layout stage: the detail view, every event with its mark and label.

#include "layout/chart_layout.hpp"

namespace tl {

/// A chart of every event in detail: each event marked in the lane of each actor taking
/// part, labelled beside its mark (shortened, with a callout number, where arrows or
/// neighbours leave no room), with support arrows from suppliers to recipients.
Document build_detail_chart(const Timeline& timeline, const Model& model, const Theme& theme,
                            const TextMeasurer& measurer, const LayoutOptions& options);

}  // namespace tl
