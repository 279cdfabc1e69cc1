// Rows of a table, read with a mapping file, become events (timeline import csv|xlsx).

#include "import/mapped_import.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdlib>
#include <map>
#include <set>

#include "base/suggest.hpp"
#include "base/text.hpp"
#include "import/date_formats.hpp"
#include "import/sipri_fields.hpp"
#include "import/stable_ids.hpp"
#include "import/yaml_text.hpp"
#include "model/date.hpp"
#include "model/field_rules.hpp"
#include "model/kinds.hpp"

namespace tl::importer {
namespace {

constexpr std::array<std::string_view, 4> kConfidences{"confirmed", "reported", "alleged",
                                                       "assessed"};
constexpr std::array<std::string_view, 5> kQualifiers{"exact", "about", "more-than", "less-than",
                                                      "up-to"};
constexpr std::array<std::string_view, 3> kStages{"announced", "pledged", "delivered"};

bool one_of(std::string_view s, std::span<const std::string_view> set) {
    return std::find(set.begin(), set.end(), s) != set.end();
}

std::string choices_text(std::span<const std::string_view> set) {
    std::string out;
    for (const std::string_view s : set)
        out += (out.empty() ? "" : ", ") + std::string(s);
    return out;
}

/// A column's name reduced to its ASCII letters and digits, in lower case.
std::string column_key(std::string_view name) {
    std::string out;
    for (const char c : name)
        if (std::isalnum(static_cast<unsigned char>(c)))
            out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

/// An event of one row before actor ids are known: the names of its parties.
struct RowEvent {
    ImportedEvent event;
    std::string from_name;
    std::string to_name;
    std::vector<std::string> actor_names;  ///< without from and to
    bool hashed_id = false;
    SourceLoc id_loc;
};

class RowMapper {
  public:
    RowMapper(const CsvMapping& m, const CsvRecord& row, std::uint32_t file, Diagnostics& diags,
              const std::set<std::string>& kinds)
        : m_(m), row_(row), file_(file), diags_(diags), kinds_(kinds) {}

    /// The place of a value in the row: its first column's cell, else the row's start.
    SourceLoc loc(const ValueSpec& v) const {
        for (const TemplatePart& p : v.parts)
            if (p.column && p.index < row_.fields.size())
                return {file_, row_.fields[p.index].line, row_.fields[p.index].column};
        return {file_, row_.line, 1};
    }
    SourceLoc loc(const DateSpec& d) const { return loc(d.year.present() ? d.year : d.value); }

    void warn(SourceLoc at, std::string rule, std::string message, std::string hint = {}) const {
        diags_.warning(at, std::move(rule), std::move(message), std::move(hint));
    }

    /// The date of `spec` as the format writes one; "" (after a warning unless the cells
    /// are empty) when it is not one. `empty` tells an empty cell from a bad one.
    std::string date(const DateSpec& spec, std::string_view what, bool& empty) const {
        std::string raw;
        std::optional<std::string> out;
        if (spec.year.present()) {
            const std::string y = expand(spec.year, row_);
            const std::string mo = expand(spec.month, row_);
            const std::string d = expand(spec.day, row_);
            raw = y + (mo.empty() ? "" : "-" + mo) + (d.empty() ? "" : "-" + d);
            empty = y.empty() && mo.empty() && d.empty();
            out = date_from_parts(y, mo, d);
        } else {
            raw = expand(spec.value, row_);
            empty = raw.empty();
            if (spec.formats.empty()) {
                if (parse_date(raw)) out = raw;
            } else {
                for (const std::string& f : spec.formats)
                    if ((out = read_formatted_date(raw, f))) break;
                // A workbook's date cell arrives as YYYY-MM-DD, whatever the mapping's
                // format for text says.
                if (!out) out = read_formatted_date(raw, "%Y-%m-%d");
            }
        }
        if (out || empty) return out.value_or("");
        std::string formats;
        for (const std::string& f : spec.formats)
            formats += (formats.empty() ? "" : ", ") + f;
        warn(loc(spec), "unreadable-date",
             "the " + std::string(what) + " '" + visible(raw) + "' is not a date" +
                 (formats.empty() ? "" : " in the format " + formats),
             formats.empty() ? "the mapping reads this column as a date of the format (2024, "
                               "2024-03, 2024-03-12); give a 'format' for other forms"
                             : "check the mapping's 'format' against the column");
        return "";
    }

    std::optional<RowEvent> map() const {
        RowEvent r;
        ImportedEvent& e = r.event;
        bool empty = false;
        e.date = date(m_.date, "date", empty);
        if (e.date.empty()) {
            if (empty)
                warn(loc(m_.date), "unreadable-date", "the row has no date; the row is skipped");
            return std::nullopt;
        }
        if (m_.end.present()) {
            bool end_empty = false;
            const std::string end = date(m_.end, "end", end_empty);
            if (!end.empty() && end != e.date) {
                const Parsed<Date> joined_date = parse_date(e.date + "/" + end);
                if (joined_date)
                    e.date += "/" + end;
                else
                    warn(loc(m_.end), "unreadable-date",
                         "the end " + end + " is before the start " + e.date + "; left out");
            }
        }
        e.title = cut_text(one_line(expand(m_.title, row_)), kMaxTitleLength);
        if (e.title.empty()) {
            warn(loc(m_.title), "missing-title", "the row has no title; the row is skipped",
                 "check the mapping's 'title' against the columns");
            return std::nullopt;
        }
        e.kind = expand(m_.kind, row_);
        if (!is_builtin_kind(e.kind) && !kinds_.contains(e.kind)) {
            warn(loc(m_.kind), "unknown-kind",
                 "the kind '" + visible(e.kind) +
                     "' is neither built in nor declared in the "
                     "mapping's 'kinds'; the row is skipped",
                 "add the value to the kind's 'map', or give the map a 'default'");
            return std::nullopt;
        }
        r.from_name = one_line(expand(m_.from, row_));
        r.to_name = one_line(expand(m_.to, row_));
        if (r.from_name.empty() && !r.to_name.empty()) {
            warn(loc(m_.from), "missing-party",
                 "the row has a recipient but no supplier; the row is skipped");
            return std::nullopt;
        }
        for (const ValueSpec& a : m_.actors) {
            std::string name = one_line(expand(a, row_));
            const auto& names = r.actor_names;
            if (!name.empty() && std::find(names.begin(), names.end(), name) == names.end())
                r.actor_names.push_back(std::move(name));
        }
        e.summary = cut_text(expand(m_.summary, row_), kMaxSummaryLength);
        confidence(e);
        quantities(e);
        tags(e);
        location(e);
        if (!sources(e)) return std::nullopt;
        if (!id(r)) return std::nullopt;
        return r;
    }

  private:
    void confidence(ImportedEvent& e) const {
        const std::string c = expand(m_.confidence, row_);
        if (c.empty() || one_of(c, kConfidences)) {
            e.confidence = c;
            return;
        }
        warn(loc(m_.confidence), "bad-confidence",
             "the confidence '" + visible(c) + "' is not one of " + choices_text(kConfidences) +
                 "; left out (reported)",
             "give the confidence a 'map' from the column's values");
    }

    void quantities(ImportedEvent& e) const {
        for (const QuantitySpec& q : m_.quantities) {
            const std::string text = expand(q.value, row_);
            if (text.empty()) continue;
            const std::optional<std::string> value = read_number_cell(text);
            if (!value) {
                warn(loc(q.value), "bad-number",
                     "the quantity '" + visible(text) + "' is not a number; left out",
                     "a plain number such as 250 or 0.5, without thousands separators");
                continue;
            }
            if (q.omit_zero && decimal_is_zero(*value)) continue;
            ImportedQuantity out{*value, one_line(expand(q.unit, row_)), expand(q.qualifier, row_),
                                 expand(q.stage, row_)};
            if (out.unit.empty()) {
                warn(loc(q.unit), "missing-unit", "the quantity has no unit; left out");
                continue;
            }
            if (out.qualifier == "exact") out.qualifier.clear();
            if (!out.qualifier.empty() && !one_of(out.qualifier, kQualifiers)) {
                warn(loc(q.qualifier), "bad-qualifier",
                     "the qualifier '" + visible(out.qualifier) + "' is not one of " +
                         choices_text(kQualifiers) + "; read as exact");
                out.qualifier.clear();
            }
            if (!out.stage.empty() && !one_of(out.stage, kStages)) {
                warn(loc(q.stage), "bad-stage",
                     "the stage '" + visible(out.stage) + "' is not one of " +
                         choices_text(kStages) + "; left out");
                out.stage.clear();
            }
            e.quantities.push_back(std::move(out));
        }
    }

    void tags(ImportedEvent& e) const {
        for (const ValueSpec& t : m_.tags) {
            const std::string tag = slug(expand(t, row_), 64);
            if (!tag.empty() && std::find(e.tags.begin(), e.tags.end(), tag) == e.tags.end())
                e.tags.push_back(tag);
        }
    }

    void location(ImportedEvent& e) const {
        e.location = one_line(expand(m_.location, row_));
        const std::string lat = expand(m_.latitude, row_);
        const std::string lon = expand(m_.longitude, row_);
        if (lat.empty() && lon.empty()) return;
        const std::optional<std::string> la = read_number_cell(lat);
        const std::optional<std::string> lo = read_number_cell(lon);
        const auto in = [](const std::optional<std::string>& s, double limit) {
            // strtod, not stod: a cell of 400 digits is out of range, not an exception.
            return s && std::abs(std::strtod(s->c_str(), nullptr)) <= limit;
        };
        if (!in(la, 90) || !in(lo, 180) || e.location.empty()) {
            warn(loc(m_.latitude), "bad-coordinates",
                 "the coordinates '" + visible(lat) + "', '" + visible(lon) +
                     "' are not a latitude and longitude of a named place; left out",
                 "decimal degrees, -90 to 90 and -180 to 180, with a 'location' name");
            return;
        }
        e.latitude = *la;
        e.longitude = *lo;
    }

    bool sources(ImportedEvent& e) const {
        for (const SourceSpec& s : m_.sources) {
            ImportedSource out{one_line(expand(s.publisher, row_)), one_line(expand(s.title, row_)),
                               expand(s.url, row_), ""};
            if (out.publisher.empty()) continue;
            if (!out.url.empty() && check_url(out.url)) {
                warn(loc(s.url), "bad-url",
                     "the URL '" + visible(out.url) + "' is not an http or https URL; left out");
                out.url.clear();
            }
            if (s.date.present()) {
                bool empty = false;
                out.date = date(s.date, "source's date", empty);
            }
            e.sources.push_back(std::move(out));
            if (e.sources.size() == kMaxSourcesPerEvent) break;
        }
        if (!e.sources.empty()) return true;
        warn({file_, row_.line, 1}, "missing-source",
             "the row has no source with a publisher; the row is skipped",
             "give a source a constant publisher, as {publisher: ACLED, title: \"{source}\"}");
        return false;
    }

    bool id(RowEvent& r) const {
        if (m_.id.present()) {
            const std::string raw = expand(m_.id, row_);
            std::string id;
            for (const char c : raw)
                id +=
                    std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '_' || c == '-'
                        ? c
                        : '-';
            while (!id.empty() && !std::isalnum(static_cast<unsigned char>(id.front())))
                id.erase(0, 1);
            if (id.empty() || id.size() > kMaxIdLength) {
                warn(loc(m_.id), "bad-id",
                     "the id '" + visible(raw) + "' is empty or too long; the row is skipped");
                return false;
            }
            r.event.id = std::move(id);
            r.id_loc = loc(m_.id);
            return true;
        }
        std::string identity;
        if (m_.identity.empty()) {
            for (const CsvField& f : row_.fields)
                identity += std::string(trim_blanks(f.text)) + '\x1f';
        } else {
            for (const ValueSpec& v : m_.identity)
                identity += expand(v, row_) + '\x1f';
        }
        r.event.id = m_.id_prefix + "-" + hex_digits(stable_hash(identity), 12);
        r.hashed_id = true;
        return true;
    }

    const CsvMapping& m_;
    const CsvRecord& row_;
    std::uint32_t file_;
    Diagnostics& diags_;
    const std::set<std::string>& kinds_;
};

/// Actor ids for the parties' names, and each event's from, to or actors from them.
void assign_actors(std::vector<RowEvent>& rows, MappedImport& out) {
    std::vector<std::string> names;
    for (const RowEvent& r : rows)
        for (const std::string* n : {&r.from_name, &r.to_name})
            if (!n->empty()) names.push_back(*n);
    for (const RowEvent& r : rows)
        names.insert(names.end(), r.actor_names.begin(), r.actor_names.end());
    const std::map<std::string, std::string> actor_of = actor_ids(names);
    for (RowEvent& r : rows) {
        for (const std::string& name : r.actor_names)
            r.event.actors.push_back(actor_of.at(name));
        if (r.from_name.empty()) continue;
        const std::string& from = actor_of.at(r.from_name);
        if (r.to_name.empty()) {
            r.event.actors = {from};
        } else {
            r.event.from = from;
            r.event.to = actor_of.at(r.to_name);
        }
    }
    std::set<std::pair<std::string, std::string>> actors;
    for (const auto& [name, id] : actor_of)
        actors.insert({id, name});
    for (const auto& [id, name] : actors)
        out.actors.push_back({id, name});
}

}  // namespace

char detect_delimiter(std::string_view header_line) {
    constexpr std::array<char, 4> kDelimiters{',', ';', '\t', '|'};
    std::array<std::size_t, 4> counts{};
    bool quoted = false;
    for (const char c : header_line) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        for (std::size_t i = 0; i < kDelimiters.size(); ++i)
            counts[i] += c == kDelimiters[i] ? 1 : 0;
    }
    const auto most = std::max_element(counts.begin(), counts.end());
    return *most == 0 ? ',' : kDelimiters[static_cast<std::size_t>(most - counts.begin())];
}

Table read_delimited_table(std::string_view text, const CsvMapping& mapping) {
    Table t;
    std::size_t at = 0;
    std::uint32_t line = 1;
    for (std::size_t i = 0; i < mapping.skip_lines && at < text.size(); ++i, ++line) {
        const std::size_t end = text.find('\n', at);
        at = end == std::string_view::npos ? text.size() : end + 1;
    }
    const std::string_view rest = text.substr(at);
    const char delimiter =
        mapping.delimiter ? mapping.delimiter : detect_delimiter(rest.substr(0, rest.find('\n')));
    CsvReader reader(rest, line, delimiter);
    CsvRecord record;
    bool header = false;
    while (reader.next(record)) {
        if (record.blank()) continue;
        if (!header) {
            for (const CsvField& f : record.fields)
                t.header.emplace_back(trim_blanks(f.text));
            t.header_line = record.line;
            header = true;
        } else {
            t.rows.push_back(record);
        }
    }
    return t;
}

bool resolve_columns(CsvMapping& mapping, const std::vector<std::string>& header,
                     std::string_view input_name, Diagnostics& diags) {
    std::vector<SourceLoc> where;
    const std::vector<TemplatePart*> columns = mapping_columns(mapping, where);
    std::vector<std::string_view> names(header.begin(), header.end());
    bool all = true;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        TemplatePart& c = *columns[i];
        const std::string_view wanted = trim_blanks(c.text);
        auto it = std::find(names.begin(), names.end(), wanted);
        if (it == names.end())
            it = std::find_if(names.begin(), names.end(),
                              [&](std::string_view n) { return equal_ignoring_case(n, wanted); });
        // Trackers rename columns between releases in small ways ("Announcement Date",
        // "announcement_date"): letters and digits alone, in any case, still match.
        if (it == names.end())
            it = std::find_if(names.begin(), names.end(), [&](std::string_view n) {
                return column_key(n) == column_key(wanted) && !column_key(n).empty();
            });
        if (it != names.end()) {
            c.index = static_cast<std::size_t>(it - names.begin());
            continue;
        }
        const std::string near = suggest(wanted, names);
        diags.error(where[i], "missing-column",
                    std::string(input_name) + " has no column '" + visible(c.text) + "'",
                    near.empty() ? "the header's columns are named in the first row (after "
                                   "'skip-lines')"
                                 : "did you mean '" + near + "'?");
        all = false;
    }
    return all;
}

std::string expand(const ValueSpec& value, const CsvRecord& row) {
    std::string text;
    for (const TemplatePart& p : value.parts) {
        if (!p.column)
            text += p.text;
        else if (p.index < row.fields.size())
            text += trim_blanks(row.fields[p.index].text);
    }
    if (!value.table.empty()) {
        const auto it = value.table.find(text);
        if (it != value.table.end()) return it->second;
        if (value.fallback) return *value.fallback;
        return text;
    }
    if (text.empty() && value.fallback) return *value.fallback;
    return text;
}

MappedImport map_tables(const std::vector<std::pair<CsvMapping, TableInput>>& inputs,
                        Diagnostics& diags) {
    MappedImport out;
    std::vector<RowEvent> rows;
    std::set<std::string> kinds;
    if (!inputs.empty()) {
        out.kinds = inputs.front().first.kinds;
        for (const KindDeclaration& k : out.kinds)
            kinds.insert(k.id);
    }
    std::map<std::string, SourceLoc> first_id;
    std::map<std::string, int> repeats;
    for (const auto& [mapping, input] : inputs) {
        for (const CsvRecord& record : input.table->rows) {
            ++out.rows;
            const SourceLoc at{input.file, record.line, 1};
            if (record.unclosed_quote || record.fields.size() > input.table->header.size()) {
                diags.warning(at, "bad-row",
                              record.unclosed_quote
                                  ? "a quoted field is never closed; the row is skipped"
                                  : "the row has " + std::to_string(record.fields.size()) +
                                        " fields, the header " +
                                        std::to_string(input.table->header.size()) +
                                        "; the row is skipped",
                              "a field holding the delimiter must be in double quotes");
                ++out.skipped;
                continue;
            }
            std::optional<RowEvent> r = RowMapper(mapping, record, input.file, diags, kinds).map();
            if (!r) {
                ++out.skipped;
                continue;
            }
            const std::string& id = r->event.id;
            if (r->hashed_id) {
                if (const int n = ++repeats[id]; n > 1) r->event.id += "-" + std::to_string(n);
            } else if (const auto [it, fresh] = first_id.emplace(id, r->id_loc); !fresh) {
                Diagnostic d;
                d.severity = Severity::warning;
                d.loc = r->id_loc;
                d.rule = "duplicate-id";
                d.message = "the id '" + id + "' is a second time here; the row is skipped";
                d.related = it->second;
                d.related_message = "first here";
                diags.add(std::move(d));
                ++out.skipped;
                continue;
            }
            rows.push_back(std::move(*r));
        }
    }
    assign_actors(rows, out);
    std::stable_sort(rows.begin(), rows.end(), [](const RowEvent& a, const RowEvent& b) {
        return std::tie(a.event.date, a.event.id) < std::tie(b.event.date, b.event.id);
    });
    for (RowEvent& r : rows)
        out.events.push_back(std::move(r.event));
    return out;
}

std::string kinds_file(const std::vector<KindDeclaration>& kinds, const std::string& comment) {
    if (kinds.empty()) return "";
    std::string out = "# " + comment + "\nkinds:\n";
    for (const KindDeclaration& k : kinds) {
        out += "  - {id: " + yaml_quoted(k.id) + ", label: " + yaml_quoted(k.label);
        if (!k.color.empty()) out += ", color: " + yaml_quoted(k.color);
        out += "}\n";
    }
    return out;
}

}  // namespace tl::importer
