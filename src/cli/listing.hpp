#pragma once

#include <string>
#include <vector>

#include "model/model.hpp"

namespace tl::cli {

/// The spec's Listing: a JSON array of events in timeline order.
std::string listing_json(const std::vector<const Event*>& events, const SourceFiles& files);

/// RFC 4180 CSV with a header row: one column per field; lists of ids are joined with ';';
/// quantities and sources get numbered groups of columns (quantity1_value, source1_url, ...).
std::string listing_csv(const std::vector<const Event*>& events, const SourceFiles& files);

/// Ids as a JSON array of strings: ["KP", "RU"].
std::string json_id_array(const std::vector<Ref>& refs);

/// A JSON string, or null for "" (a field not given).
std::string json_text_or_null(const std::string& s);

/// One line per event: start date, kind, id, title.
std::string listing_text(const std::vector<const Event*>& events);

}  // namespace tl::cli
