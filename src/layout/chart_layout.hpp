#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "diff/revisions.hpp"
#include "layout/page_marks.hpp"
#include "layout/scene.hpp"
#include "layout/text_measurer.hpp"
#include "layout/theme.hpp"
#include "timeline/timeline.hpp"

namespace tl {

/// How events are drawn. `automatic` draws every event in detail when there are few enough
/// to label legibly, else a density view; `pages` gives an overview page (a density view)
/// followed by detail pages, each over a slice of time cut to fit its page (at most
/// kEventsPerPage events each), all pages of one size (pages_layout.hpp).
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
    /// `pages`: the overview's key of which detail page covers which days, under its axis.
    std::vector<PageMark> page_marks;
    /// Density view: the value drawn at full bar height, so that the pages of one overview
    /// share a scale; 0: the chart's largest.
    double density_peak = 0;
    /// Density view: what the strips measure: a unit whose amounts they sum (matched
    /// ignoring case), "events" to count events, or empty for the unit most events carry
    /// when at least half of them do, else counts.
    std::string measure;
    /// The totals block under the lanes: the cumulative measure of this many top suppliers
    /// over time (totals_block.hpp); 0: none.
    std::size_t totals_block = 0;
    /// `pages`: the detail pages (and the overview's groups of lanes, when it takes more than
    /// one page) are laid out on up to this many threads, the first with the measurer passed
    /// in, each other with one from `measurer_factory` (measurers are not thread-safe).
    /// Without a factory, one thread. The pages are the same for any number.
    unsigned threads = 1;
    std::function<std::unique_ptr<TextMeasurer>()> measurer_factory;
    /// `pages`: given each detail page in order as soon as it and those before it are laid
    /// out, on the thread that called layout_document (which lays out pages itself while
    /// none is ready), so that they can be written while later ones are laid out. They are
    /// also in the Document, after the overview, with their outline entries, which name page
    /// numbers known only at the end.
    std::function<void(const Scene&)> on_detail_page;
    /// `render --since`: what changed since an old version of the inputs, and how that
    /// version is named ("v2024-09-01", "events-old/"). The chart marks new and revised
    /// events, shows a refined or moved date's old range faintly, and lists the revisions
    /// and the withdrawn events under the chart (revision_marks.hpp). Must outlive the call.
    const ModelRevisions* revisions = nullptr;
    std::string since;
    /// With `revisions`: whether this page lists the revisions and the withdrawn events
    /// under the chart (the overview of `pages` does; its detail pages do not repeat them).
    bool revision_lists = true;
};

/// `pages`: at most this many events per detail page, fewer when they do not fit it. At 100,
/// support between many actors drew so many arrows across the lanes that most labels were cut
/// short; at 50 most read whole (see docs/gallery/pages-1000-page5.png).
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
