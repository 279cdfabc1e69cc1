#pragma once

// Internal to the layout stage: the `pages` layout, an overview and detail pages.

#include "layout/chart_layout.hpp"

namespace tl {

/// `pages`: an overview (a density view of the whole timeline, with a key of which page
/// covers which days under its axis), then detail pages over slices of time.
///
/// Every page has one size: the template's fixed page, or, when the template lets the page
/// grow, its width with the height of a landscape A-series page of that width (A3 landscape
/// for the default template), never past PDF's 14,400 pt. The detail pages cover the window
/// asked for (else the events' span); each event is drawn on the page where it starts (one
/// that began before the window, on the first); a slice holds at most kEventsPerPage events
/// and is cut in two, at a day boundary where there is one, until its chart fits its page.
/// The slices are cut from runs of about 1,000 events that end at a change of day, each run
/// on its own, so that runs are laid out on several threads (options.threads), as are the
/// overview's pages, and the pages are the same on any number of them.
/// A detail page shows only the lanes its events take part in, in the overview's order and
/// colours. Every detail page opens with an outline (bookmark) entry "p. N: <its days>";
/// the overview's is "Overview". `timeline` has its lanes folded already.
Document layout_pages(const Timeline& timeline, const Model& model, const Theme& theme,
                      const TextMeasurer& measurer, const LayoutOptions& options);

/// The page size of `pages` for `theme`: the theme with that size fixed.
Theme pages_theme(const Theme& theme);

}  // namespace tl
