#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "layout/scene.hpp"
#include "model/model.hpp"
#include "timeline/timeline.hpp"

namespace tl {

/// What an HTML page (render -o chart.html) is made of.
struct HtmlPageInput {
    const Scene* page = nullptr;  ///< the chart: the first page of the Document
    /// The page drawn as an SVG document (render's SVG, links and descriptions in): the
    /// static picture, which needs no JavaScript.
    std::string_view svg;
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

/// How many events of `page` the Scene draws (Item::event, Item::events), each once.
std::size_t html_page_events(const Scene& page);

/// One self-contained HTML page: the SVG inline, and over it an overlay of one focusable
/// element per event drawn (in time order: Tab and the arrow keys step through them) and
/// one hover area per mark, with the events' cards from the Model as JSON in a
/// <script type="application/json"> ("timeline-html/1", docs/format.md), a search box,
/// filters by actor and kind, and zoom and pan. Inline CSS and JavaScript, nothing fetched.
/// Every input text goes through base/html_text. The same input gives the same bytes.
std::string html_page(const HtmlPageInput& in);

}  // namespace tl
