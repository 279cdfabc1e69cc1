#pragma once

// Internal to the layout stage: the `pages` layout, an overview and detail pages.

#include "layout/chart_layout.hpp"

namespace tl {

/// `pages`: an overview (a density view of the whole span), then the span cut into equal
/// slices of time, each in detail with the same lanes, so that every detail page has the
/// same scale and lanes in the same place. Lanes are laid out as given: the caller folds
/// them first.
Document layout_pages(const Timeline& timeline, const Model& model, const Theme& theme,
                      const TextMeasurer& measurer, const LayoutOptions& options);

}  // namespace tl
