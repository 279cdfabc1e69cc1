#include "cli/listing.hpp"

#include <algorithm>
#include <array>
#include <span>
#include <string_view>

#include "base/exact_number.hpp"
#include "base/text.hpp"
#include "cli/csv.hpp"

namespace tl::cli {
namespace {

std::string json_bool(bool b) {
    return b ? "true" : "false";
}

std::string json_day(const DatePoint& p, DayNumber day) {
    return p.bounded() ? "\"" + iso_date(day) + "\"" : "null";
}

std::string json_point(const DatePoint& p) {
    return "{\"text\": " + json_quote(p.text) + ", \"earliest\": " + json_day(p, p.earliest) +
           ", \"latest\": " + json_day(p, p.latest) + ", \"precision\": \"" +
           std::string(to_string(p.precision)) +
           "\", \"approximate\": " + json_bool(p.approximate) +
           ", \"uncertain\": " + json_bool(p.uncertain) + "}";
}

std::string json_source(const Source& s) {
    return "{\"publisher\": " + json_text_or_null(s.publisher) +
           ", \"title\": " + json_text_or_null(s.title) + ", \"url\": " + json_text_or_null(s.url) +
           ", \"date\": " + (s.date ? json_quote(s.date->text()) : "null") +
           ", \"quote\": " + json_text_or_null(s.quote) + "}";
}

std::string json_optional_number(const std::optional<double>& n) {
    return n ? exact_number(*n) : "null";
}

/// As written: a string, or an object of name, lat and lon (each null when not given).
std::string json_location(const std::optional<Location>& l) {
    if (!l) return "null";
    if (l->written_as_text) return json_quote(l->name);
    return "{\"name\": " + json_text_or_null(l->name) +
           ", \"lat\": " + json_optional_number(l->lat) +
           ", \"lon\": " + json_optional_number(l->lon) + "}";
}

std::string json_quantity(const Quantity& q) {
    return "{\"value\": " + exact_number(q.value) + ", \"unit\": " + json_quote(q.unit) +
           ", \"qualifier\": \"" + std::string(to_string(q.qualifier)) +
           "\", \"total\": " + json_optional_number(q.total) +
           ", \"stage\": " + (q.stage ? "\"" + std::string(to_string(*q.stage)) + "\"" : "null") +
           "}";
}

}  // namespace

std::string json_id_array(const std::vector<Ref>& refs) {
    std::string out = "[";
    for (std::size_t i = 0; i < refs.size(); ++i)
        out += (i ? ", " : "") + json_quote(refs[i].id);
    return out + "]";
}

std::string json_text_or_null(const std::string& s) {
    return s.empty() ? "null" : json_quote(s);
}

std::string listing_json(const std::vector<const Event*>& events, const SourceFiles& files) {
    std::string out = "[";
    for (std::size_t i = 0; i < events.size(); ++i) {
        const Event& e = *events[i];
        out += i ? ",\n  " : "\n  ";
        out += "{\"id\": " + json_quote(e.id) + ", \"title\": " + json_quote(e.title) +
               ", \"kind\": " + json_quote(e.kind) + ", \"date\": " + json_point(e.date.start) +
               ", \"end\": " + (e.date.end ? json_point(*e.date.end) : "null") +
               ", \"from\": " + json_id_array(e.from) + ", \"to\": " + json_id_array(e.to) +
               ", \"actors\": " + json_id_array(e.actors) + ", \"confidence\": \"" +
               std::string(to_string(e.confidence)) + "\", \"tags\": " + json_id_array(e.tags) +
               ", \"sources\": [";
        for (std::size_t k = 0; k < e.sources.size(); ++k)
            out += (k ? ", " : "") + json_source(e.sources[k]);
        out += "], \"summary\": " + json_text_or_null(e.summary) +
               ", \"location\": " + json_location(e.location) +
               ", \"grading\": " + json_text_or_null(e.grading) +
               ", \"related\": " + json_id_array(e.related) + ", \"quantities\": [";
        for (std::size_t k = 0; k < e.quantities.size(); ++k)
            out += (k ? ", " : "") + json_quantity(e.quantities[k]);
        out += "], \"file\": " + json_quote(files.path(e.loc.file)) +
               ", \"line\": " + std::to_string(e.loc.line) + "}";
    }
    out += events.empty() ? "]\n" : "\n]\n";
    return out;
}

namespace {

std::string joined(const std::vector<Ref>& refs) {
    std::string out;
    for (const Ref& r : refs)
        out += (out.empty() ? "" : ";") + r.id;
    return out;
}

std::string day_or_empty(const DatePoint& p, DayNumber day) {
    return p.bounded() ? iso_date(day) : "";
}

/// A number as a numeral that reads back exactly, or an empty cell.
std::string optional_number(const std::optional<double>& n) {
    return n ? exact_number(*n) : "";
}

constexpr std::array<std::string_view, 5> kQuantityColumns{"value", "unit", "qualifier", "total",
                                                           "stage"};
constexpr std::array<std::string_view, 5> kSourceColumns{"publisher", "title", "url", "date",
                                                         "quote"};

/// quantity1_value, quantity1_unit, ..., quantity2_value, ...
void add_numbered_columns(std::vector<std::string>& header, std::string_view group,
                          std::span<const std::string_view> columns, std::size_t count) {
    for (std::size_t i = 1; i <= count; ++i)
        for (std::string_view column : columns)
            header.push_back(std::string(group) + std::to_string(i) + "_" + std::string(column));
}

/// The fields of kQuantityColumns, empty when the event has no quantity this far down.
void add_quantity_fields(std::vector<std::string>& fields, const Quantity* q) {
    if (!q) {
        fields.resize(fields.size() + kQuantityColumns.size());
        return;
    }
    fields.push_back(exact_number(q->value));
    fields.push_back(csv_field(q->unit));
    fields.push_back(csv_field(std::string(to_string(q->qualifier))));
    fields.push_back(optional_number(q->total));
    fields.push_back(q->stage ? csv_field(std::string(to_string(*q->stage))) : "");
}

/// The fields of kSourceColumns, empty when the event has no source this far down.
void add_source_fields(std::vector<std::string>& fields, const Source* s) {
    if (!s) {
        fields.resize(fields.size() + kSourceColumns.size());
        return;
    }
    for (const std::string& text :
         {s->publisher, s->title, s->url, s->date ? s->date->text() : std::string(), s->quote})
        fields.push_back(csv_field(text));
}

}  // namespace

std::string listing_csv(const std::vector<const Event*>& events, const SourceFiles& files) {
    // Quantities and sources get numbered groups of columns, as many as the event with the
    // most has (at least one, so that the columns are always there): each field its own
    // column, with no separator that a publisher or unit could contain, and a spreadsheet
    // can sum quantity1_value as it stands.
    std::size_t quantity_groups = 1, source_groups = 1;
    for (const Event* e : events) {
        quantity_groups = std::max(quantity_groups, e->quantities.size());
        source_groups = std::max(source_groups, e->sources.size());
    }
    std::vector<std::string> header{"id",           "date",         "earliest",   "latest",
                                    "precision",    "title",        "kind",       "from",
                                    "to",           "actors",       "confidence", "tags",
                                    "related",      "summary",      "grading",    "location_name",
                                    "location_lat", "location_lon", "file",       "line"};
    add_numbered_columns(header, "quantity", kQuantityColumns, quantity_groups);
    add_numbered_columns(header, "source", kSourceColumns, source_groups);
    std::string out = csv_record(header);
    for (const Event* e : events) {
        const DatePoint& last = e->date.last();
        const Location none;
        const Location& place = e->location ? *e->location : none;
        std::vector<std::string> fields{
            csv_field(e->id),
            csv_field(e->date.text()),
            csv_field(day_or_empty(e->date.start, e->date.start.earliest)),
            csv_field(day_or_empty(last, last.latest)),
            csv_field(std::string(to_string(e->date.start.precision))),
            csv_field(e->title),
            csv_field(e->kind),
            csv_field(joined(e->from)),
            csv_field(joined(e->to)),
            csv_field(joined(e->actors)),
            csv_field(std::string(to_string(e->confidence))),
            csv_field(joined(e->tags)),
            csv_field(joined(e->related)),
            csv_field(e->summary),
            csv_field(e->grading),
            csv_field(place.name),
            optional_number(place.lat),
            optional_number(place.lon),
            csv_field(files.path(e->loc.file)),
            std::to_string(e->loc.line)};
        for (std::size_t i = 0; i < quantity_groups; ++i)
            add_quantity_fields(fields, i < e->quantities.size() ? &e->quantities[i] : nullptr);
        for (std::size_t i = 0; i < source_groups; ++i)
            add_source_fields(fields, i < e->sources.size() ? &e->sources[i] : nullptr);
        out += csv_record(fields);
    }
    return out;
}

std::string listing_text(const std::vector<const Event*>& events) {
    // For a person: each field is escaped as it is printed (see tl::visible).
    std::size_t date_width = 4, kind_width = 4, id_width = 2;
    for (const Event* e : events) {
        date_width = std::max(date_width, utf8_length(visible(e->date.text())));
        kind_width = std::max(kind_width, utf8_length(visible(e->kind)));
        id_width = std::max(id_width, utf8_length(visible(e->id)));
    }
    const auto pad = [](const std::string& raw, std::size_t width) {
        const std::string s = visible(raw);
        const std::size_t len = utf8_length(s);
        return s + std::string(width > len ? width - len : 0, ' ');
    };
    std::string out;
    for (const Event* e : events) {
        out += pad(e->date.text(), date_width) + "  " + pad(e->kind, kind_width) + "  " +
               pad(e->id, id_width) + "  " + visible(e->title) + "\n";
    }
    return out;
}

}  // namespace tl::cli
