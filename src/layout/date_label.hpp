#pragma once

#include <string>

#include "model/date.hpp"

namespace tl {

/// A date as a reader says it, at the precision it is known: "16 Sep 2024", "Sep 2024",
/// "c. Sep 2024" (approximate), "2024?" (uncertain), "summer 2024", "2020s".
std::string human_date(const DatePoint& p);

/// A whole date: a single side, or "1 Oct 2014 – 1 Oct 2024", "since 24 Feb 2022" (open
/// end), "until Sep 2024" (open start), "by Sep 2024" (unknown start), "from Feb 2022"
/// (unknown end).
std::string human_date(const Date& d);

/// Short month name, 1-based: "Jan" ... "Dec".
const char* month_abbreviation(int month);

}  // namespace tl
