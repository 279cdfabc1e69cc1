// Events for other programs: TimelineJS3 (publishing a chart interactively) and GeoJSON
// (putting events on a map).

#include "cli/interchange.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include "base/exact_number.hpp"
#include "base/text.hpp"
#include "cli/listing.hpp"
#include "layout/date_label.hpp"

namespace tl::cli {
namespace {

/// Text for an HTML context: TimelineJS puts a slide's headline and text into the page as
/// HTML, so a title holding '<' would otherwise become markup (or script).
std::string html_text(std::string_view s) {
    std::string out;
    for (const char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            case '\n': out += "<br>"; break;
            default: out += c;
        }
    }
    return out;
}

/// A TimelineJS date object for one side of a date, as finely as it is known, from its
/// first day; nullopt for an open or unknown side.
std::optional<std::string> tl_date(const DatePoint& p) {
    if (!p.bounded()) return std::nullopt;
    const YearMonthDay d = calendar_date(p.earliest);
    std::string out = "{\"year\": " + std::to_string(d.year);
    if (p.precision == Precision::day || p.precision == Precision::month ||
        p.precision == Precision::season)
        out += ", \"month\": " + std::to_string(d.month);
    if (p.precision == Precision::day) out += ", \"day\": " + std::to_string(d.day);
    return out + ", \"display_date\": " + json_quote(human_date(p)) + "}";
}

DatePoint day_point(DayNumber day) {
    DatePoint p;
    p.precision = Precision::day;
    p.earliest = p.latest = day;
    p.text = iso_date(day);
    return p;
}

std::string sources_html(const std::vector<Source>& sources) {
    std::string out;
    for (const Source& s : sources) {
        std::string name = s.publisher;
        if (!s.title.empty()) name += (name.empty() ? "" : ", ") + s.title;
        if (name.empty()) name = s.url;
        out += out.empty() ? "Sources: " : "; ";
        out += s.url.empty() ? html_text(name)
                             : "<a href=\"" + html_text(s.url) + "\">" + html_text(name) + "</a>";
    }
    return out;
}

std::string lane_name(const Event& e, const std::map<std::string, std::string>& names) {
    const std::vector<std::string> ids = e.involved_actor_ids();
    if (ids.empty()) return "Other";
    const auto found = names.find(ids.front());
    return found == names.end() ? ids.front() : found->second;
}

}  // namespace

std::string timelinejs_json(const std::vector<const Event*>& events, const Model& model) {
    std::map<std::string, std::string> names;
    for (const Actor& a : model.actors)
        names[a.id] = a.name;
    std::string out = "{\"events\": [";
    bool first = true;
    std::optional<DayNumber> earliest, latest;
    for (const Event* e : events) {
        // TimelineJS needs a start: with none known (../2024), the slide stands at its end.
        std::optional<std::string> start = tl_date(e->date.start);
        const std::optional<std::string> end = e->date.end ? tl_date(*e->date.end) : std::nullopt;
        const bool at_end = !start;
        if (at_end) start = end;
        if (!start) continue;
        const DatePoint& first_side = at_end ? *e->date.end : e->date.start;
        earliest = std::min(earliest.value_or(first_side.earliest), first_side.earliest);
        if (e->date.last().bounded())
            latest = std::max(latest.value_or(e->date.last().latest), e->date.last().latest);
        out += first ? "\n  " : ",\n  ";
        first = false;
        out += "{\"unique_id\": " + json_quote(e->id) + ", \"start_date\": " + *start;
        if (end && !at_end) out += ", \"end_date\": " + *end;
        std::string body = e->summary.empty() ? "" : "<p>" + html_text(e->summary) + "</p>";
        if (!e->sources.empty()) body += "<p>" + sources_html(e->sources) + "</p>";
        out += ", \"display_date\": " + json_quote(human_date(e->date)) +
               ", \"text\": {\"headline\": " + json_quote(html_text(e->title)) +
               ", \"text\": " + json_quote(body) +
               "}, \"group\": " + json_quote(lane_name(*e, names)) + "}";
    }
    out += first ? "]" : "\n]";
    // An era's open side runs to the first or last day of the events listed: TimelineJS
    // needs both dates of an era.
    std::string eras;
    for (const Era& era : model.eras) {
        DatePoint a = era.date.start;
        DatePoint b = era.date.last();
        if (!a.bounded() && earliest) a = day_point(*earliest);
        if (!b.bounded() && latest) b = day_point(*latest);
        const std::optional<std::string> from = tl_date(a);
        const std::optional<std::string> to = tl_date(b);
        if (!from || !to) continue;
        eras += (eras.empty() ? "\n  " : ",\n  ") + std::string("{\"start_date\": ") + *from +
                ", \"end_date\": " + *to +
                ", \"text\": {\"headline\": " + json_quote(html_text(era.title)) + "}}";
    }
    if (!eras.empty()) out += ", \"eras\": [" + eras + "\n]";
    return out + "}\n";
}

std::string geojson(const std::vector<const Event*>& events) {
    std::string out = "{\"type\": \"FeatureCollection\", \"features\": [";
    bool first = true;
    for (const Event* e : events) {
        if (!e->location || !e->location->lat || !e->location->lon) continue;
        out += first ? "\n  " : ",\n  ";
        first = false;
        out += "{\"type\": \"Feature\", \"id\": " + json_quote(e->id) +
               ", \"geometry\": {\"type\": \"Point\", \"coordinates\": [" +
               exact_number(*e->location->lon) + ", " + exact_number(*e->location->lat) +
               "]}, \"properties\": {\"id\": " + json_quote(e->id) +
               ", \"title\": " + json_quote(e->title) +
               ", \"date\": " + json_quote(e->date.text()) + ", \"kind\": " + json_quote(e->kind) +
               ", \"from\": " + json_id_array(e->from) + ", \"to\": " + json_id_array(e->to) +
               ", \"actors\": " + json_id_array(e->actors) +
               ", \"location\": " + json_text_or_null(e->location->name) + ", \"sources\": [";
        for (std::size_t i = 0; i < e->sources.size(); ++i) {
            const Source& s = e->sources[i];
            out += (i ? ", " : "") + std::string("{\"publisher\": ") +
                   json_text_or_null(s.publisher) + ", \"title\": " + json_text_or_null(s.title) +
                   ", \"url\": " + json_text_or_null(s.url) +
                   ", \"date\": " + (s.date ? json_quote(s.date->text()) : "null") + "}";
        }
        out += "]}}";
    }
    return out + (first ? "]}\n" : "\n]}\n");
}

}  // namespace tl::cli
