#include "layout/chart_heading.hpp"

#include <unordered_set>

#include "base/text.hpp"
#include "layout/date_label.hpp"

namespace tl {
namespace {

constexpr const char* kDash = " \u2013 ";
constexpr const char* kDot = " \u00b7 ";
constexpr std::size_t kMostNamed = 6;  ///< actors named in the subtitle before "and N more"

/// How coarse a window's end may be said: a whole year, a whole month, or a day.
enum class Grain { day, month, year };

Grain start_grain(DayNumber day) {
    const YearMonthDay d = calendar_date(day);
    if (d.day != 1) return Grain::day;
    return d.month == 1 ? Grain::year : Grain::month;
}

Grain end_grain(DayNumber day) {
    const YearMonthDay next = calendar_date(day + 1);
    if (next.day != 1) return Grain::day;
    return next.month == 1 ? Grain::year : Grain::month;
}

/// A day said at `grain`, leaving out the year when `with_year` is false.
std::string said(DayNumber day, Grain grain, bool with_year = true) {
    const YearMonthDay d = calendar_date(day);
    std::string year = std::to_string(d.year);
    const std::string month = month_abbreviation(d.month);
    switch (grain) {
        case Grain::year: return year;
        case Grain::month: return with_year ? month + " " + year : month;
        case Grain::day: break;
    }
    return std::to_string(d.day) + " " + month + (with_year ? " " + year : "");
}

bool is_day(const std::optional<DayNumber>& day) {
    return day && *day >= kFirstDay && *day <= kLastDay;
}

}  // namespace

std::string window_text(const EventFilter& filter) {
    const bool from = is_day(filter.from);
    const bool to = is_day(filter.to);
    if (!from && !to) return "";
    if (!to) return "from " + said(*filter.from, start_grain(*filter.from));
    if (!from) return "until " + said(*filter.to, end_grain(*filter.to));
    const Grain grain = std::min(start_grain(*filter.from), end_grain(*filter.to));
    std::string first = said(*filter.from, grain);
    const std::string last = said(*filter.to, grain);
    if (first == last) return first;  // one year, one month or one day
    const bool same_year = calendar_date(*filter.from).year == calendar_date(*filter.to).year;
    if (grain == Grain::year || !same_year) return first + kDash + last;
    return said(*filter.from, grain, false) + kDash + last;
}

std::string chart_subtitle(const Timeline& t, const Model& model) {
    std::string s;
    // A long list would run off the page: the first few, then how many more.
    const std::vector<std::string>& named = t.filter.actors;
    const std::size_t shown = named.size() > kMostNamed ? kMostNamed - 1 : named.size();
    std::string names;
    for (std::size_t i = 0; i < shown; ++i) {
        std::string name = named[i];
        for (const Actor& a : model.actors)
            if (a.id == named[i]) name = a.name;
        names += (names.empty() ? "" : ", ") + isolate(name);
    }
    if (shown < named.size()) names += " and " + std::to_string(named.size() - shown) + " more";
    if (!names.empty()) s += names + kDot;
    const std::string window = window_text(t.filter);
    if (!window.empty()) s += window + kDot;

    s += std::to_string(t.events.size()) + (t.events.size() == 1 ? " event" : " events");
    if (window.empty() && !t.span.empty()) {
        const DatePoint a{Precision::month, t.span.first, t.span.first, false, false, {}};
        const DatePoint b{Precision::month, t.span.last, t.span.last, false, false, {}};
        s += ", " + human_date(a) + kDash + human_date(b);
    }
    std::unordered_set<std::string> actors;
    for (const Event* e : t.events)
        for (std::string& id : e->involved_actor_ids())
            actors.insert(std::move(id));
    if (!actors.empty())
        s += ", " + std::to_string(actors.size()) + (actors.size() == 1 ? " actor" : " actors");
    return s;
}

}  // namespace tl
