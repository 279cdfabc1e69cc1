#pragma once

#include <string>
#include <vector>

namespace tl::cli {

/// One CSV field of text (RFC 4180), neutralised against CSV injection: every text cell of
/// every CSV the tool writes goes through here, so that the rule lives in one place.
std::string csv_field(const std::string& s);

/// A record of fields already encoded (csv_field, or a numeral of exact_number), ended by
/// CRLF as RFC 4180 asks.
std::string csv_record(const std::vector<std::string>& encoded_fields);

}  // namespace tl::cli
