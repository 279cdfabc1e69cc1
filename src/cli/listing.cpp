#include "cli/listing.hpp"

#include <algorithm>

#include "base/text.hpp"

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

std::string json_ids(const std::vector<Ref>& refs) {
    std::string out = "[";
    for (std::size_t i = 0; i < refs.size(); ++i)
        out += (i ? ", " : "") + json_quote(refs[i].id);
    return out + "]";
}

std::string json_optional_text(const std::string& s) {
    return s.empty() ? "null" : json_quote(s);
}

std::string json_source(const Source& s) {
    return "{\"publisher\": " + json_optional_text(s.publisher) +
           ", \"title\": " + json_optional_text(s.title) +
           ", \"url\": " + json_optional_text(s.url) +
           ", \"date\": " + (s.date ? json_quote(s.date->text()) : "null") +
           ", \"quote\": " + json_optional_text(s.quote) + "}";
}

}  // namespace

std::string listing_json(const std::vector<const Event*>& events, const SourceFiles& files) {
    std::string out = "[";
    for (std::size_t i = 0; i < events.size(); ++i) {
        const Event& e = *events[i];
        out += i ? ",\n  " : "\n  ";
        out += "{\"id\": " + json_quote(e.id) + ", \"title\": " + json_quote(e.title) +
               ", \"kind\": " + json_quote(e.kind) + ", \"date\": " + json_point(e.date.start) +
               ", \"end\": " + (e.date.end ? json_point(*e.date.end) : "null") +
               ", \"from\": " + json_ids(e.from) + ", \"to\": " + json_ids(e.to) +
               ", \"actors\": " + json_ids(e.actors) + ", \"confidence\": \"" +
               std::string(to_string(e.confidence)) + "\", \"tags\": " + json_ids(e.tags) +
               ", \"sources\": [";
        for (std::size_t k = 0; k < e.sources.size(); ++k)
            out += (k ? ", " : "") + json_source(e.sources[k]);
        out += "], \"file\": " + json_quote(files.path(e.loc.file)) +
               ", \"line\": " + std::to_string(e.loc.line) + "}";
    }
    out += events.empty() ? "]\n" : "\n]\n";
    return out;
}

namespace {

/// Whether a spreadsheet would read a cell starting like `s` as a formula: OWASP's list
/// (= + - @ tab CR), the fullwidth and small forms of = + - @ that some spreadsheets also
/// accept, and any of them behind blanks or invisible characters, which some importers trim.
bool formula_start(const std::string& s) {
    static constexpr std::string_view kStarts[] = {"=",      "+",      "-",      "@",      "\t",
                                                   "\r",     "\uFF1D", "\uFF0B", "\uFF0D", "\uFF20",
                                                   "\uFE66", "\uFE62", "\uFE63", "\uFE6B"};
    const auto blank = [](char32_t c) {
        return c == ' ' || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
               c == 0x202F || c == 0x205F || c == 0x3000 || is_invisible(c);
    };
    for (std::size_t i = 0; i < s.size();) {
        const std::string_view rest = std::string_view(s).substr(i);
        for (std::string_view start : kStarts)
            if (rest.starts_with(start)) return true;
        const CodePoint c = next_code_point(s, i);
        if (!c.valid || !blank(c.value)) return false;
        i += c.size;
    }
    return false;
}

}  // namespace

/// One CSV field (RFC 4180), neutralised as OWASP advises against CSV injection: a field
/// that a spreadsheet would run as a formula gets a leading single quote, inside quotes. A
/// field holding ';' or a tab is quoted too, since spreadsheets in semicolon-separator
/// locales would split it there and read what follows as a cell of its own.
/// No field of the listing is a number that may be negative (dates are YYYY-MM-DD from
/// year 1400, lines count from 1), so no value loses its meaning.
std::string csv_field(const std::string& s) {
    const bool formula = formula_start(s);
    if (!formula && s.find_first_of(",;\t\"\r\n") == std::string::npos) return s;
    std::string out = formula ? "\"'" : "\"";
    for (char c : s) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
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

}  // namespace

std::string listing_csv(const std::vector<const Event*>& events, const SourceFiles& files) {
    std::string out =
        "id,date,earliest,latest,precision,title,kind,from,to,actors,confidence,tags,sources,file,"
        "line\r\n";
    for (const Event* e : events) {
        std::string sources;
        for (const Source& s : e->sources)
            sources += (sources.empty() ? "" : ";") + (s.url.empty() ? s.publisher : s.url);
        const DatePoint& last = e->date.last();
        const std::vector<std::string> fields{e->id,
                                              e->date.text(),
                                              day_or_empty(e->date.start, e->date.start.earliest),
                                              day_or_empty(last, last.latest),
                                              std::string(to_string(e->date.start.precision)),
                                              e->title,
                                              e->kind,
                                              joined(e->from),
                                              joined(e->to),
                                              joined(e->actors),
                                              std::string(to_string(e->confidence)),
                                              joined(e->tags),
                                              sources,
                                              files.path(e->loc.file),
                                              std::to_string(e->loc.line)};
        for (std::size_t i = 0; i < fields.size(); ++i)
            out += (i ? "," : "") + csv_field(fields[i]);
        out += "\r\n";
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
