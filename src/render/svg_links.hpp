#pragma once

#include <string>

#include "layout/scene.hpp"

namespace tl {

/// Makes the chart's links clickable in an SVG, as they are in the PDF: cairo 1.16 writes
/// no links into SVG, so before the closing </svg> comes one <a> per text item with a link,
/// holding an invisible rectangle over the item's box. The URL is written as the PDF gets
/// it (pdf_link_uri: printable ASCII, no quote) and escaped for an XML attribute here, the
/// one place an SVG attribute is written from input. An SVG without a closing tag is
/// returned unchanged.
std::string add_svg_links(std::string svg, const Scene& page);

/// Makes an SVG's chart readable without sight, as cairo 1.16 writes none of it: the <svg>
/// gets role="graphics-document document" and is labelled by a <title> (the chart's title)
/// and a <desc> (the chart in words, Scene::description); and each event label, an invisible
/// rectangle over it with role="graphics-symbol", its event in words (Item::alt) as its
/// aria-label and <title> (a tooltip too), unless `event_names` is false. Every text from the
/// input is escaped for XML here. An SVG without an <svg> element and its closing tag is
/// returned unchanged.
std::string add_svg_descriptions(std::string svg, const Scene& page, bool event_names = true);

}  // namespace tl
