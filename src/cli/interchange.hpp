#pragma once

#include <string>
#include <vector>

#include "model/model.hpp"

namespace tl::cli {

/// TimelineJS3's JSON (timeline.knightlab.com/docs/json-format.html): one slide per event
/// with a date TimelineJS can place, at the precision known (a month is {year, month}, a
/// year {year}), with `display_date` saying the date as the chart does ("c. 2023 – 5 Mar
/// 2024", "since 24 Feb 2022"); the headline and text are HTML, so escaped; `group` is the
/// name of the event's lane (its first supplier, else its first actor); `unique_id` its id.
/// Eras become TimelineJS eras. See docs/format.md, "Interchange".
std::string timelinejs_json(const std::vector<const Event*>& events, const Model& model);

/// RFC 7946 GeoJSON: a FeatureCollection with a Point for each event whose location has
/// coordinates ([lon, lat]), and as properties its id, title, date (as written), kind,
/// from, to, actors, location name and sources.
std::string geojson(const std::vector<const Event*>& events);

}  // namespace tl::cli
