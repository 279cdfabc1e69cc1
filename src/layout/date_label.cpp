#include "layout/date_label.hpp"

#include <cstdio>

namespace tl {

const char* month_abbreviation(int month) {
    static const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    return month >= 1 && month <= 12 ? kMonths[month - 1] : "?";
}

namespace {

std::string bare(const DatePoint& p) {
    if (!p.bounded()) return "?";
    const YearMonthDay a = calendar_date(p.earliest);
    const YearMonthDay b = calendar_date(p.latest);
    switch (p.precision) {
        case Precision::day:
            return std::to_string(a.day) + " " + month_abbreviation(a.month) + " " +
                   std::to_string(a.year);
        case Precision::month:
            return std::string(month_abbreviation(a.month)) + " " + std::to_string(a.year);
        case Precision::season: {
            static const char* const kSeasons[] = {"spring", "summer", "autumn", "winter"};
            const char* name = kSeasons[(a.month - 3) / 3 % 4];
            if (a.month == 12) {  // winter runs into the next year: "winter 2024–25"
                const bool same_century = b.year / 100 == a.year / 100;
                char next[8];
                std::snprintf(next, sizeof next, "%0*d", same_century ? 2 : 4,
                              same_century ? b.year % 100 : b.year);
                return std::string(name) + " " + std::to_string(a.year) + "\u2013" + next;
            }
            return std::string(name) + " " + std::to_string(a.year);
        }
        case Precision::year: return std::to_string(a.year);
        case Precision::decade: return std::to_string(a.year) + "s";
        case Precision::century: return std::to_string(a.year) + "\u2013" + std::to_string(b.year);
        case Precision::open:
        case Precision::unknown: return "?";
    }
    return "?";
}

}  // namespace

std::string human_date(const DatePoint& p) {
    std::string s = bare(p);
    if (!p.bounded()) return s;
    if (p.approximate) s = "c. " + s;
    if (p.uncertain) s += "?";
    return s;
}

std::string human_date(const Date& d) {
    if (!d.end) return human_date(d.start);
    const DatePoint& a = d.start;
    const DatePoint& b = *d.end;
    if (a.precision == Precision::open) return "until " + human_date(b);
    if (a.precision == Precision::unknown) return "by " + human_date(b);
    if (b.precision == Precision::open) return "since " + human_date(a);
    if (b.precision == Precision::unknown) return "from " + human_date(a);
    return human_date(a) + " \u2013 " + human_date(b);
}

}  // namespace tl
