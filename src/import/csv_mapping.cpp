// Mapping files for `timeline import csv|xlsx`, read with the event files' diagnostics.

#include "import/csv_mapping.hpp"

#include <array>

#include "load/yaml_prescan.hpp"
#include "load/yaml_reader.hpp"
#include "model/field_rules.hpp"

namespace tl::importer {
namespace {

using yaml::Entry;
using yaml::MapReader;
using yaml::NodeRef;

constexpr std::array<std::string_view, 20> kTopKeys{
    "actors",  "delimiter", "skip-lines", "id",        "date",       "end",      "title",
    "kind",    "from",      "to",         "summary",   "confidence", "quantity", "tags",
    "sources", "location",  "latitude",   "longitude", "kinds",      "version"};
constexpr std::array<std::string_view, 4> kValueKeys{"column", "template", "map", "default"};
constexpr std::array<std::string_view, 6> kDateKeys{"column", "template", "format",
                                                    "year",   "month",    "day"};
constexpr std::array<std::string_view, 3> kIdKeys{"template", "hash", "prefix"};
constexpr std::array<std::string_view, 5> kQuantityKeys{"value", "unit", "qualifier", "stage",
                                                        "omit-zero"};
constexpr std::array<std::string_view, 4> kSourceKeys{"publisher", "title", "url", "date"};
constexpr std::array<std::string_view, 3> kKindKeys{"id", "label", "color"};

const std::string kTemplateHint =
    "a template is text with columns in braces, as \"{Weapon} ({Type})\"; write {{ and }} "
    "for a brace";

class MappingReader {
  public:
    explicit MappingReader(const yaml::Context& ctx) : ctx_(ctx) {}

    /// A template from a scalar node.
    bool read_template(const NodeRef& node, ValueSpec& out) const {
        std::string error;
        const std::optional<std::vector<TemplatePart>> parts = parse_template(node.scalar(), error);
        if (!parts) {
            ctx_.error(node, "bad-template", error, kTemplateHint);
            return false;
        }
        out.parts = *parts;
        return true;
    }

    /// A value: a template written as text, or a mapping with `column` or `template`, and
    /// optionally `map` and `default`.
    ValueSpec value(const NodeRef& node, std::string_view what) const {
        ValueSpec out;
        out.loc = ctx_.loc(node);
        if (node.is_scalar()) {
            read_template(node, out);
            return out;
        }
        if (!node.is_map()) {
            ctx_.error(node, "wrong-type",
                       "'" + std::string(what) + "' must be text (a template) or a mapping, not " +
                           std::string(yaml::describe(node)),
                       "write \"{Column}\" for a column, or {column: Column, map: {...}}");
            return out;
        }
        const MapReader r(node, ctx_, "'" + std::string(what) + "'", kValueKeys);
        read_value_fields(r, out, what);
        return out;
    }

    void read_value_fields(const MapReader& r, ValueSpec& out, std::string_view what) const {
        const Entry* column = r.find("column");
        const Entry* tmpl = r.find("template");
        if (column && tmpl)
            r.report(*tmpl, "conflicting-fields", "give 'column' or 'template', not both");
        if (column) {
            if (const auto name = r.text(*column)) out.parts = {TemplatePart{*name, true, 0}};
        } else if (tmpl && tmpl->value.is_scalar()) {
            read_template(tmpl->value, out);
        } else if (tmpl) {
            r.report(*tmpl, "wrong-type", "'template' must be text");
        }
        if (const Entry* map = r.find("map")) {
            if (!map->value.is_map()) {
                r.report(*map, "wrong-type", "'map' must be a mapping of values to values",
                         "as map: {Battles: military-action, Protests: other}");
            } else {
                for (auto it = map->value.begin(); it != map->value.end(); ++it) {
                    const NodeRef key = *it;
                    const NodeRef to = *++it;
                    if (!key.is_scalar() || !to.is_scalar()) {
                        ctx_.error(to.defined() ? to : key, "wrong-type",
                                   "each entry of 'map' must be text: text");
                        continue;
                    }
                    out.table[std::string(key.scalar())] = std::string(to.scalar());
                }
            }
        }
        if (const Entry* d = r.find("default"))
            if (const auto text = r.text(*d)) out.fallback = *text;
        if (out.parts.empty() && !column && !tmpl)
            ctx_.error(r.find("map") ? r.find("map")->key : NodeRef(), "missing-field",
                       "'" + std::string(what) + "' names no 'column' or 'template'");
    }

    DateSpec date(const NodeRef& node, std::string_view what) const {
        DateSpec out;
        out.loc = ctx_.loc(node);
        if (node.is_scalar()) {
            out.value = value(node, what);
            return out;
        }
        if (!node.is_map()) {
            ctx_.error(node, "wrong-type",
                       "'" + std::string(what) + "' must be text or a mapping, not " +
                           std::string(yaml::describe(node)),
                       "as {column: Date, format: \"%d/%m/%Y\"} or {year: Y, month: M, day: D}");
            return out;
        }
        const MapReader r(node, ctx_, "'" + std::string(what) + "'", kDateKeys);
        if (const Entry* year = r.find("year")) {
            out.year = value(year->value, "year");
            if (const Entry* m = r.find("month")) out.month = value(m->value, "month");
            if (const Entry* d = r.find("day")) out.day = value(d->value, "day");
            if (out.day.present() && !out.month.present())
                r.report(*r.find("day"), "missing-field", "a day column needs a month column");
        } else {
            const Entry* column = r.find("column");
            const Entry* tmpl = r.find("template");
            if (!column && !tmpl) {
                ctx_.error(node, "missing-field",
                           "'" + std::string(what) + "' names no 'column', 'template' or 'year'");
            } else if (column) {
                if (const auto name = r.text(*column))
                    out.value.parts = {TemplatePart{*name, true, 0}};
                out.value.loc = r.loc(*column);
            } else if (tmpl->value.is_scalar()) {
                read_template(tmpl->value, out.value);
                out.value.loc = r.loc(*tmpl);
            }
        }
        if (const Entry* f = r.find("format")) {
            std::vector<NodeRef> items;
            if (f->value.is_sequence())
                for (const NodeRef item : f->value)
                    items.push_back(item);
            else
                items.push_back(f->value);
            for (const NodeRef& item : items) {
                if (!item.is_scalar()) {
                    ctx_.error(item, "wrong-type", "a date format must be text");
                    continue;
                }
                const std::string format(item.scalar());
                if (format == "edtf") continue;
                if (const std::string problem = check_date_format(format); !problem.empty())
                    ctx_.error(item, "bad-date-format", problem,
                               "formats use %Y, %m, %d, %B (March), %b (Mar), %% and %* (the "
                               "rest ignored), as \"%d/%m/%Y\"; or edtf");
                else
                    out.formats.push_back(format);
            }
        }
        return out;
    }

    QuantitySpec quantity(const NodeRef& node) const {
        QuantitySpec q;
        if (!node.is_map()) {
            ctx_.error(node, "wrong-type", "a quantity must be a mapping",
                       "as {value: \"{Amount}\", unit: EUR}");
            return q;
        }
        const MapReader r(node, ctx_, "the quantity", kQuantityKeys);
        if (const Entry* v = r.require("value")) q.value = value(v->value, "value");
        if (const Entry* u = r.require("unit")) q.unit = value(u->value, "unit");
        if (const Entry* e = r.find("qualifier")) q.qualifier = value(e->value, "qualifier");
        if (const Entry* e = r.find("stage")) q.stage = value(e->value, "stage");
        if (const Entry* e = r.find("omit-zero")) {
            const auto text = r.text(*e);
            if (text && (*text == "true" || *text == "false"))
                q.omit_zero = *text == "true";
            else if (text)
                r.report(*e, "wrong-type", "'omit-zero' is true or false");
        }
        return q;
    }

    SourceSpec source(const NodeRef& node) const {
        SourceSpec s;
        if (!node.is_map()) {
            ctx_.error(node, "wrong-type", "a source must be a mapping",
                       "as {publisher: ACLED, url: \"{source_url}\"}");
            return s;
        }
        const MapReader r(node, ctx_, "the source", kSourceKeys);
        if (const Entry* e = r.require("publisher")) s.publisher = value(e->value, "publisher");
        if (const Entry* e = r.find("title")) s.title = value(e->value, "title");
        if (const Entry* e = r.find("url")) s.url = value(e->value, "url");
        if (const Entry* e = r.find("date")) s.date = date(e->value, "date");
        return s;
    }

    /// The items of a list, or the one node when it is not a list.
    static std::vector<NodeRef> items(const NodeRef& node) {
        std::vector<NodeRef> out;
        if (node.is_sequence())
            for (const NodeRef item : node)
                out.push_back(item);
        else
            out.push_back(node);
        return out;
    }

    void read_id(const MapReader& top, CsvMapping& m) const {
        const Entry* e = top.find("id");
        if (!e) return;
        if (e->value.is_scalar()) {
            m.id = value(e->value, "id");
            return;
        }
        if (!e->value.is_map()) {
            top.report(*e, "wrong-type", "'id' must be a template or a mapping",
                       "as \"acled-{event_id_cnty}\" or {hash: [date, actor1], prefix: acled}");
            return;
        }
        const MapReader r(e->value, ctx_, "'id'", kIdKeys);
        if (const Entry* t = r.find("template")) m.id = value(t->value, "template");
        if (const Entry* h = r.find("hash"))
            for (const NodeRef& item : items(h->value)) {
                // The columns that identify a row, by name: a template here would make it
                // too easy to hash a constant.
                if (!item.is_scalar()) {
                    ctx_.error(item, "wrong-type", "'hash' lists column names");
                    continue;
                }
                ValueSpec column;
                column.loc = ctx_.loc(item);
                column.parts = {TemplatePart{std::string(item.scalar()), true, 0}};
                m.identity.push_back(std::move(column));
            }
        if (const Entry* p = r.find("prefix")) {
            if (const auto prefix = r.text(*p)) {
                if (const auto problem = check_id(*prefix))
                    r.report(*p, "bad-id", "the prefix: " + *problem);
                else
                    m.id_prefix = *prefix;
            }
        }
    }

    void read_kinds(const MapReader& top, CsvMapping& m) const {
        const Entry* e = top.find("kinds");
        if (!e) return;
        if (!e->value.is_sequence()) {
            top.report(*e, "wrong-type", "'kinds' must be a list of {id, label, color}");
            return;
        }
        for (const NodeRef item : e->value) {
            if (!item.is_map()) {
                ctx_.error(item, "wrong-type", "a kind must be a mapping {id, label, color}");
                continue;
            }
            const MapReader r(item, ctx_, "the kind", kKindKeys);
            KindDeclaration k;
            if (const auto id = r.text("id", true)) k.id = *id;
            if (const auto label = r.text_field("label", true)) k.label = *label;
            if (const auto color = r.text("color", false)) {
                if (const auto problem = check_color(*color))
                    r.report(*r.find("color"), "bad-color", *problem);
                else
                    k.color = *color;
            }
            if (!k.id.empty()) {
                if (const auto problem = check_id(k.id))
                    r.report(*r.find("id"), "bad-id", *problem);
                else
                    m.kinds.push_back(std::move(k));
            }
        }
    }

    void read(const MapReader& top, CsvMapping& m) const {
        if (const Entry* e = top.find("delimiter")) {
            const auto d = top.text(*e);
            const std::string text = d ? *d : "";
            if (text == "," || text == ";" || text == "|" || text == "\t" || text == "\\t" ||
                text == "tab")
                m.delimiter = text.size() == 1 ? text[0] : '\t';
            else if (d)
                top.report(*e, "bad-delimiter", "the delimiter is one of , ; | or tab",
                           "leave 'delimiter' out to detect it from the header line");
        }
        if (const Entry* e = top.find("skip-lines")) {
            const auto n = top.number(*e);
            if (n && *n >= 0 && *n < 1000 && *n == static_cast<double>(static_cast<int>(*n)))
                m.skip_lines = static_cast<std::size_t>(*n);
            else if (n)
                top.report(*e, "bad-number", "'skip-lines' is a whole number from 0 to 999");
        }
        read_id(top, m);
        if (const Entry* e = top.require("date")) m.date = date(e->value, "date");
        if (const Entry* e = top.find("end")) m.end = date(e->value, "end");
        const std::array<std::pair<std::string_view, ValueSpec*>, 8> values{{
            {"title", &m.title},
            {"kind", &m.kind},
            {"from", &m.from},
            {"to", &m.to},
            {"summary", &m.summary},
            {"confidence", &m.confidence},
            {"latitude", &m.latitude},
            {"longitude", &m.longitude},
        }};
        for (const auto& [key, spec] : values) {
            const bool required = key == "title" || key == "kind";
            const Entry* e = required ? top.require(key) : top.find(key);
            if (e) *spec = value(e->value, key);
        }
        if (const Entry* e = top.find("location")) m.location = value(e->value, "location");
        if (const Entry* e = top.find("quantity"))
            for (const NodeRef& item : items(e->value))
                m.quantities.push_back(quantity(item));
        if (const Entry* e = top.find("tags"))
            for (const NodeRef& item : items(e->value))
                m.tags.push_back(value(item, "tags"));
        if (const Entry* e = top.require("sources"))
            for (const NodeRef& item : items(e->value))
                m.sources.push_back(source(item));
        read_kinds(top, m);
        const Entry* from = top.find("from");
        const Entry* to = top.find("to");
        if (const Entry* e = top.find("actors")) {
            if (from)
                top.report(*e, "conflicting-fields",
                           "give 'from' and 'to', or 'actors' (no direction), not both");
            for (const NodeRef& item : items(e->value))
                m.actors.push_back(value(item, "actors"));
        }
        if (to && !from)
            top.report(*to, "missing-field", "'to' needs 'from'",
                       "the format's from and to come together");
    }

  private:
    const yaml::Context& ctx_;
};

void add_columns(ValueSpec& v, std::vector<TemplatePart*>& out, std::vector<SourceLoc>& where) {
    for (TemplatePart& p : v.parts)
        if (p.column) {
            out.push_back(&p);
            where.push_back(v.loc);
        }
}

void add_date_columns(DateSpec& d, std::vector<TemplatePart*>& out, std::vector<SourceLoc>& where) {
    for (ValueSpec* v : {&d.value, &d.year, &d.month, &d.day})
        add_columns(*v, out, where);
}

}  // namespace

std::optional<std::vector<TemplatePart>> parse_template(std::string_view text, std::string& error) {
    std::vector<TemplatePart> parts;
    std::string literal;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if ((c == '{' || c == '}') && i + 1 < text.size() && text[i + 1] == c) {
            literal += c;
            ++i;
            continue;
        }
        if (c == '}') {
            error = "a '}' closes no '{' in \"" + std::string(text) + "\"";
            return std::nullopt;
        }
        if (c != '{') {
            literal += c;
            continue;
        }
        const std::size_t close = text.find('}', i + 1);
        if (close == std::string_view::npos) {
            error = "a '{' is never closed in \"" + std::string(text) + "\"";
            return std::nullopt;
        }
        const std::string_view name = text.substr(i + 1, close - i - 1);
        if (name.empty() || name.find('{') != std::string_view::npos) {
            error = "a column in braces must have a name in \"" + std::string(text) + "\"";
            return std::nullopt;
        }
        if (!literal.empty()) parts.push_back({std::move(literal), false, 0});
        literal.clear();
        parts.push_back({std::string(name), true, 0});
        i = close;
    }
    if (!literal.empty() || parts.empty()) parts.push_back({std::move(literal), false, 0});
    return parts;
}

std::string check_date_format(std::string_view format) {
    bool year = false;
    for (std::size_t i = 0; i < format.size(); ++i) {
        if (format[i] != '%') continue;
        if (i + 1 == format.size()) return "the format ends in a lone '%'";
        const char c = format[++i];
        if (c == 'Y') year = true;
        if (std::string_view("YmdBb%*").find(c) == std::string_view::npos)
            return "'%" + std::string(1, c) + "' is not a date format field";
        if (c == '*' && i + 1 != format.size()) return "'%*' must end the format";
    }
    if (!year) return "the format \"" + std::string(format) + "\" has no year (%Y)";
    return "";
}

CsvMapping read_csv_mapping(std::string_view text, std::uint32_t file, Diagnostics& diags) {
    CsvMapping mapping;
    const auto surrogate_pairs = prescan_checks(text, file, diags);
    if (!surrogate_pairs) return mapping;
    const yaml::ParsedYaml parsed = yaml::parse_yaml(text, *surrogate_pairs);
    if (parsed.error) {
        yaml::report_parse_error(*parsed.error, file, diags);
        return mapping;
    }
    const yaml::Context ctx{file, diags};
    const NodeRef doc = parsed.tree.document_count() > 0 ? parsed.tree.document(0) : NodeRef();
    if (!doc.is_map()) {
        ctx.error(doc, "wrong-type", "a mapping file must be a YAML mapping",
                  "see docs/import.md, 'Mapping files'");
        return mapping;
    }
    MappingReader(ctx).read(MapReader(doc, ctx, "the mapping", kTopKeys), mapping);
    return mapping;
}

std::vector<TemplatePart*> mapping_columns(CsvMapping& m, std::vector<SourceLoc>& where) {
    std::vector<TemplatePart*> out;
    for (ValueSpec* v : {&m.id, &m.title, &m.kind, &m.from, &m.to, &m.summary, &m.confidence,
                         &m.location, &m.latitude, &m.longitude})
        add_columns(*v, out, where);
    for (ValueSpec& v : m.identity)
        add_columns(v, out, where);
    for (ValueSpec& v : m.tags)
        add_columns(v, out, where);
    for (ValueSpec& v : m.actors)
        add_columns(v, out, where);
    add_date_columns(m.date, out, where);
    add_date_columns(m.end, out, where);
    for (QuantitySpec& q : m.quantities)
        for (ValueSpec* v : {&q.value, &q.unit, &q.qualifier, &q.stage})
            add_columns(*v, out, where);
    for (SourceSpec& s : m.sources) {
        for (ValueSpec* v : {&s.publisher, &s.title, &s.url})
            add_columns(*v, out, where);
        add_date_columns(s.date, out, where);
    }
    return out;
}

}  // namespace tl::importer
