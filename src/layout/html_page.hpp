#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "layout/scene.hpp"
#include "model/model.hpp"
#include "timeline/timeline.hpp"

namespace tl {

/// A level of an HTML page's time zoom: the chart laid out again on a page `times` as wide
/// (a Theme's page_width multiplied), so that its labels are placed again for that scale while
/// its text keeps its size.
struct HtmlLevel {
    int times = 2;                ///< the page's width as a multiple of the chart's: 2, 4
    const Scene* page = nullptr;  ///< the first page of that layout
    std::string_view svg;         ///< `page` drawn as an SVG document, as HtmlPageInput::svg
};

/// What an HTML page (render -o chart.html) is made of.
struct HtmlPageInput {
    const Scene* page = nullptr;  ///< the chart: the first page of the Document
    /// The page drawn as an SVG document (render's SVG, links and descriptions in): the
    /// static picture, which needs no JavaScript.
    std::string_view svg;
    /// The time zoom's wider levels, narrowest first; none: the page has the chart at one
    /// width only.
    std::vector<HtmlLevel> levels;
    /// Without levels, why (the time control is then shown disabled with it as its title);
    /// empty: no time control at all.
    std::string no_levels_why;
    /// The events drawn, for their cards; without them a card says the label's alt text.
    const Timeline* timeline = nullptr;
    const Model* model = nullptr;
    std::string language = "en";  ///< BCP 47, the page's lang
    std::string generator;        ///< "timeline 0.1.0"
};

/// The most events a page gives a focusable element and a card: past it the page holds the
/// picture, and the events first in time order up to it (html_page_events says how many).
/// Each event costs about 1.5 kB of overlay and JSON, so 10,000 make some 15 MB, which a
/// browser still opens in a second or two.
inline constexpr std::size_t kMaxHtmlEvents = 10000;

/// The most events drawn for which render lays the chart out again for an HTML page's time
/// zoom, at 2x and 4x its width (HtmlLevel): each level is a layout and an SVG more, the 4x
/// one about twice the chart's. Measured on Kiel's 2024 in `--layout detail` (1,077 events
/// drawn): 0.87 s and 4.9 MB became 1.47 s and 14.3 MB, headless Chromium opened the page in
/// 12.3 s against 7.7 and took 4 s to show the 4x level; the seed's 12 events and Kiel's 187
/// of three donors cost a tenth of a second or less (docs/accessibility.md).
inline constexpr std::size_t kMaxHtmlZoomEvents = 1000;

/// The widest page a time zoom's level is laid out on: PDF's largest page side, which layout
/// keeps every page within.
inline constexpr double kMaxHtmlLevelWidth = 14400;

/// How many events of `page` the Scene draws (Item::event, Item::events), each once.
std::size_t html_page_events(const Scene& page);

/// One self-contained HTML page: the SVG inline, and over it an overlay of one focusable
/// element per event drawn (in time order: Tab and the arrow keys step through them) and
/// one hover area per mark, with the events' cards from the Model as JSON in a
/// <script type="application/json"> ("timeline-html/1", docs/format.md), a search box,
/// filters by actor and kind, and zoom and pan. With `levels`, a time zoom: each level is
/// its own picture and overlay, only one shown (the others `hidden`, the first without
/// JavaScript), the cards' JSON one entry per event drawn on any level. Inline CSS and
/// JavaScript, nothing fetched.
/// Every input text goes through base/html_text. The same input gives the same bytes.
std::string html_page(const HtmlPageInput& in);

}  // namespace tl
