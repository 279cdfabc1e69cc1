#pragma once

#include <optional>
#include <string>

#include "layout/scene.hpp"
#include "layout/text_measurer.hpp"
#include "layout/theme.hpp"
#include "timeline/timeline.hpp"

namespace tl {

/// How events are drawn. `automatic` draws every event in detail when there are few enough
/// to label legibly, else a density view; `pages` gives an overview page (a density view)
/// followed by detail pages, each over an equal slice of time (about kEventsPerPage events
/// each).
enum class LayoutMode { automatic, detail, density, pages };

struct LayoutOptions {
    std::string title;  ///< overrides the theme's title when not empty
    std::string creator;
    /// Draws a "today" line at this day, widening the time axis to reach it. A fixed date,
    /// never the clock, so that output stays reproducible.
    std::optional<DayNumber> today;
    LayoutMode mode = LayoutMode::automatic;
    /// Above this many lanes (density and pages), those whose actors take part in the fewest
    /// events fold into one.
    std::size_t max_lanes = 40;
    /// The days the time axis shows, instead of the events' span (a slice of `pages`).
    std::optional<DaySpan> window;
};

/// `pages`: about this many events per detail page. At 100, support between many actors
/// drew so many arrows across the lanes that most labels were cut short; at 50 most read
/// whole (see docs/gallery/pages-1000-page5.png).
inline constexpr std::size_t kEventsPerPage = 50;

/// Above this many events, `automatic` chooses the density view.
inline constexpr std::size_t kDetailEventLimit = 400;

/// Turns a timeline into pages of display items: header, axis, eras, lanes of events with
/// labels that never overlap, support arrows, legend and references. Every text is
/// measured first. A template with a fixed page height may give more than one page.
Document layout_document(const Timeline& timeline, const Model& model, const Theme& theme,
                         const TextMeasurer& measurer, const LayoutOptions& options = {});

/// The first page of layout_document(): the chart.
Scene layout_chart(const Timeline& timeline, const Model& model, const Theme& theme,
                   const TextMeasurer& measurer, const LayoutOptions& options = {});

}  // namespace tl
