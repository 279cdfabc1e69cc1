#include "layout/chart_heading.hpp"

#include <algorithm>
#include <map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "base/text.hpp"
#include "layout/chart_header.hpp"
#include "layout/date_label.hpp"
#include "layout/quantity_label.hpp"

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

namespace {

/// `names` joined with commas; past kMostNamed, the first few and how many more, so that a
/// long list does not run off the page.
std::string named_list(const std::vector<std::string>& names) {
    const std::size_t shown = names.size() > kMostNamed ? kMostNamed - 1 : names.size();
    std::string list;
    for (std::size_t i = 0; i < shown; ++i)
        list += (list.empty() ? "" : ", ") + names[i];
    if (shown < names.size()) list += " and " + std::to_string(names.size() - shown) + " more";
    return list;
}

}  // namespace

std::string chart_subtitle(const Timeline& t, const Model& model) {
    // Every filter that left events out is said, so that a reader of a chart of some kinds,
    // tags or confidences does not take it for the whole record.
    const EventFilter& f = t.filter;
    std::string s;
    std::vector<std::string> names;
    for (const std::string& id : f.actors) {
        std::string name = id;
        for (const Actor& a : model.actors)
            if (a.id == id) name = a.name;
        names.push_back(isolate(name));
    }
    if (!names.empty()) s += named_list(names) + kDot;
    const std::string window = window_text(f);
    if (!window.empty()) s += window + kDot;
    std::vector<std::string> kinds;
    for (const std::string& id : f.kinds)
        kinds.push_back(kind_label(model, id));
    if (!kinds.empty()) s += named_list(kinds) + kDot;
    std::vector<std::string> tags;
    for (const std::string& tag : f.tags)
        tags.push_back(isolate(tag));
    if (!tags.empty()) s += "tagged " + named_list(tags) + kDot;
    std::vector<std::string> confidences;
    for (const Confidence c : f.confidences)
        confidences.emplace_back(to_string(c));
    if (!confidences.empty()) s += named_list(confidences) + " only" + kDot;

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

namespace {

std::string counted(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

std::string chart_summary(const Timeline& t, const Model& model) {
    std::string s = counted(t.events.size(), "event", "events");
    if (!t.span.empty()) {
        const DatePoint a{Precision::month, t.span.first, t.span.first, false, false, {}};
        const DatePoint b{Precision::month, t.span.last, t.span.last, false, false, {}};
        const std::string first = human_date(a);
        const std::string last = human_date(b);
        s += first == last ? " in " + first : " from " + first + " to " + last;
    }
    std::vector<std::string> lanes;
    for (const Lane& lane : t.lanes)
        lanes.push_back(isolate(lane.name));
    if (!lanes.empty())
        s += " in " + counted(lanes.size(), "lane", "lanes") + ": " + named_list(lanes);
    s += ".";
    // Flows: each supplier to each recipient, counted once per event.
    std::map<std::pair<std::string, std::string>, std::size_t> flows;
    for (const Event* e : t.events)
        for (const Ref& from : e->from)
            for (const Ref& to : e->to)
                ++flows[{from.id, to.id}];
    std::vector<std::pair<std::pair<std::string, std::string>, std::size_t>> largest(flows.begin(),
                                                                                     flows.end());
    // The most events first; among equals, the order of the ids, so the text is stable.
    std::stable_sort(largest.begin(), largest.end(),
                     [](const auto& a, const auto& b) { return a.second > b.second; });
    if (largest.size() > 3) largest.resize(3);
    const auto name_of = [&model](const std::string& id) {
        for (const Actor& a : model.actors)
            if (a.id == id) return isolate(a.name.empty() ? id : a.name);
        return isolate(id);
    };
    for (std::size_t i = 0; i < largest.size(); ++i) {
        const auto& [pair, n] = largest[i];
        s += (i == 0 ? " Largest flows of support: " : "; ") + name_of(pair.first) + " to " +
             name_of(pair.second) + ", " + counted(n, "event", "events");
    }
    if (!largest.empty()) s += ".";
    return s;
}

std::string event_summary(const Event& e, const Model& model) {
    std::string s = human_date(e.date) + kDot + isolate(e.title) + kDot + kind_label(model, e.kind);
    for (const Quantity& q : e.quantities)
        s += kDot + quantity_label(q);
    return s + kDot + std::string(to_string(e.confidence));
}

}  // namespace tl
