#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/diagnostics.hpp"

namespace tl::importer {

/// One row of SIPRI's trade register: one deal, its text cleaned of blanks at the ends and
/// its numbers checked (an empty number is "not available").
struct SipriDeal {
    std::uint32_t line = 0;
    std::string recipient;
    std::string supplier;
    int order_year = 0;
    bool order_year_uncertain = false;
    std::string number_ordered;  ///< a decimal, or "" when SIPRI has no figure yet
    bool ordered_uncertain = false;
    std::string designation;
    std::string description;
    std::string number_delivered;
    bool delivered_uncertain = false;
    std::vector<int> delivery_years;  ///< in the order written
    std::string status;
    std::string comments;
    std::string tiv_per_unit;  ///< decimals in millions of TIV, or ""
    std::string tiv_order;
    std::string tiv_delivered;
    /// Every cell as written, joined: tells apart deals that share the identifying fields.
    std::string whole_row;
};

struct SipriRegister {
    std::string generated;       ///< "13 Mar 2025 10:02:49 AM", as written
    std::string generated_date;  ///< "2025-03-13", or "" without a readable line
    std::vector<SipriDeal> deals;
    std::size_t skipped = 0;  ///< rows left out, each with a warning
    bool has_header = false;  ///< false: not a trade register (an error says why)
};

/// Reads a trade register as SIPRI exports it (UTF-8 by now; see export_text_to_utf8):
/// notes, then the header row (found by its Recipient and Supplier columns), then one deal
/// per row. Columns are found by name, so that a reordered export still reads; the unnamed
/// column after "Year of order", "Number ordered" and "Number delivered" holds its `?`.
/// Problems go to `diags` at `file`: a row that cannot be a deal is skipped with a warning.
SipriRegister read_sipri_register(std::string_view text, std::uint32_t file, Diagnostics& diags);

}  // namespace tl::importer
