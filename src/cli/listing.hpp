#pragma once

#include <string>
#include <vector>

#include "model/model.hpp"

namespace tl::cli {

/// The spec's Listing: a JSON array of events in timeline order.
std::string listing_json(const std::vector<const Event*>& events, const SourceFiles& files);

/// RFC 4180 CSV with a header row; lists are joined with ';'.
std::string listing_csv(const std::vector<const Event*>& events, const SourceFiles& files);

/// One field of RFC 4180 CSV, quoted where needed and never read as a formula.
std::string csv_field(const std::string& s);

/// One line per event: start date, kind, id, title.
std::string listing_text(const std::vector<const Event*>& events);

}  // namespace tl::cli
