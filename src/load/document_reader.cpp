#include "load/document_reader.hpp"

#include <algorithm>
#include <array>

#include "base/text.hpp"
#include "model/date_fix.hpp"
#include "model/field_rules.hpp"

namespace tl::yaml {
namespace {

constexpr std::array<std::string_view, 4> kDocumentKeys{"actors", "kinds", "eras", "events"};
constexpr std::array<std::string_view, 4> kActorKeys{"id", "name", "color", "group"};
constexpr std::array<std::string_view, 3> kKindKeys{"id", "label", "color"};
constexpr std::array<std::string_view, 3> kEraKeys{"id", "title", "date"};
constexpr std::array<std::string_view, 17> kEventKeys{
    "id",      "date",    "end",     "title",    "kind",     "from",
    "to",      "actors",  "summary", "quantity", "location", "confidence",
    "grading", "sources", "tags",    "related",  "priority"};
constexpr std::array<std::string_view, 5> kSourceKeys{"publisher", "title", "url", "date", "quote"};
constexpr std::array<std::string_view, 5> kQuantityKeys{"value", "unit", "qualifier", "total",
                                                        "stage"};
constexpr std::array<std::string_view, 3> kLocationKeys{"name", "lat", "lon"};
constexpr std::string_view kUrlHint =
    "give an http or https address as a browser shows it; percent-encode other characters as "
    "%XX (a space is %20)";

/// A list of an event with a bound of its own, checked before anything reads the list.
struct ListBound {
    std::string_view key;
    std::size_t max;
    std::string_view rule;
    std::string_view limit;  ///< what the bound says, after "'KEY' lists N ITEMS; "
    std::string_view hint;
};

constexpr std::string_view kActorsHint =
    "split the event, or declare the group as one actor (such as 'EU' for its members)";
constexpr std::array<ListBound, 4> kEventListBounds{{
    {"from", kMaxActorsPerSide, "too-many-actors", "an event has at most 64 on one side",
     kActorsHint},
    {"to", kMaxActorsPerSide, "too-many-actors", "an event has at most 64 on one side",
     kActorsHint},
    {"actors", kMaxActorsPerSide, "too-many-actors", "an event has at most 64", kActorsHint},
    {"sources", kMaxSourcesPerEvent, "too-many-sources", "an event cites at most 64",
     "cite the most direct sources, or one that collects the others"},
}};

/// Reports each list of an event that is longer than its bound. The lists are still read,
/// so that their other problems are reported too; the error keeps the chart from being drawn.
void check_list_bounds(const MapReader& r) {
    for (const ListBound& b : kEventListBounds) {
        const Entry* e = r.find(b.key);
        if (!e || !e->value.is_sequence() || e->value.size() <= b.max) continue;
        const std::string noun = b.key == "sources" ? "sources" : "actors";
        r.report(*e, std::string(b.rule),
                 "'" + std::string(b.key) + "' lists " + std::to_string(e->value.size()) + " " +
                     noun + "; " + std::string(b.limit),
                 std::string(b.hint));
    }
}

bool expect_map(const NodeRef& node, const Context& ctx, std::string_view what) {
    if (node.is_map()) return true;
    ctx.error(node, "wrong-type",
              std::string(what) + " must be a mapping, not " + std::string(describe(node)));
    return false;
}

std::optional<Date> read_date(const MapReader& r, const Entry& e) {
    const auto text = r.text(e);
    if (!text) return std::nullopt;
    auto parsed = parse_date(*text);
    if (!parsed) {
        // The nearest valid form when there is one; the table of forms is printed once a
        // run (print_diagnostics), not under every bad date.
        std::string hint;
        if (parsed.rule == "bad-date") {
            hint = date_fix_hint(*text);
            if (hint.empty()) hint = date_forms_hint();
        }
        r.report(e, parsed.rule, parsed.error, hint);
    }
    return parsed.value;
}

/// Reads `id`, checking its shape; returns it even when malformed so that later checks
/// (duplicates, references) still have a name to work with.
std::string read_id(const MapReader& r, SourceLoc* id_loc = nullptr) {
    const Entry* e = r.require("id");
    if (!e) return {};
    const auto id = r.text(*e);
    if (!id) return {};
    if (id_loc) *id_loc = r.loc(*e);
    r.check(*e, "bad-id", check_id(*id), "ids look like iran-missiles-2024 or IR");
    return *id;
}

std::string read_color(const MapReader& r) {
    const Entry* e = r.find("color");
    if (!e) return {};
    const auto color = r.text(*e);
    if (!color || !r.check(*e, "bad-color", check_color(*color), "for example \"#2a9d8f\""))
        return {};
    return *color;
}

void read_actor(const NodeRef& node, const Context& ctx, Model& into) {
    if (!expect_map(node, ctx, "an actor")) return;
    MapReader r(node, ctx, "actor", kActorKeys);
    Actor actor;
    actor.loc = r.loc();
    actor.id = read_id(r);
    if (const Entry* e = r.require("name")) {
        const auto name = r.text_field(*e);
        if (name && name->empty()) {
            r.report(*e, "bad-name", "an actor's name may not be empty");
        } else if (name) {
            actor.name = *name;
        }
    }
    actor.color = read_color(r);
    actor.group = r.text_field("group", false).value_or("");
    if (!actor.id.empty()) into.actors.push_back(std::move(actor));
}

void read_kind(const NodeRef& node, const Context& ctx, Model& into) {
    if (!expect_map(node, ctx, "a kind")) return;
    MapReader r(node, ctx, "kind", kKindKeys);
    Kind kind;
    kind.loc = r.loc();
    kind.id = read_id(r);
    kind.label = r.text_field("label", false).value_or(kind.id);
    kind.color = read_color(r);
    if (!kind.id.empty()) into.kinds.push_back(std::move(kind));
}

void read_era(const NodeRef& node, const Context& ctx, Model& into) {
    if (!expect_map(node, ctx, "an era")) return;
    MapReader r(node, ctx, "era", kEraKeys);
    Era era;
    era.loc = r.loc();
    era.id = read_id(r);
    if (const Entry* e = r.require("title")) {
        if (auto title = r.text_field(*e); title && r.check(*e, "bad-title", check_title(*title)))
            era.title = *title;
    }
    std::optional<Date> date;
    if (const Entry* e = r.require("date")) date = read_date(r, *e);
    if (!era.id.empty() && date) {
        era.date = std::move(*date);
        into.eras.push_back(std::move(era));
    }
}

std::optional<Source> read_source(const NodeRef& node, const Context& ctx) {
    Source src;
    src.loc = src.url_loc = ctx.loc(node);
    if (node.is_scalar()) {
        const std::string s(node.scalar());
        if (s.empty()) {
            ctx.error(node, "missing-field", "a source may not be empty",
                      "name the publisher or give the URL");
            return std::nullopt;
        }
        if (s.find("://") == std::string::npos) {
            if (!check_text_field(ctx, node, s, "a source's publisher")) return std::nullopt;
            src.publisher = s;
        } else if (const auto problem = check_url(s)) {
            ctx.error(node, "bad-url", *problem, std::string(kUrlHint));
            return std::nullopt;
        } else {
            src.url = s;
        }
        return src;
    }
    if (!expect_map(node, ctx, "a source")) return std::nullopt;
    MapReader r(node, ctx, "source", kSourceKeys);
    if (const Entry* e = r.require("publisher")) {
        const auto publisher = r.text_field(*e);
        src.publisher = publisher.value_or("");
        if (publisher && src.publisher.empty())
            r.report(*e, "missing-field", "a source's publisher is empty");
    }
    src.title = r.text_field("title", false).value_or("");
    src.quote = r.text_field("quote", false, TextLines::many).value_or("");
    if (const Entry* e = r.find("url")) {
        src.url_loc = r.loc(*e);
        if (auto url = r.text(*e);
            url && r.check(*e, "bad-url", check_url(*url), std::string(kUrlHint)))
            src.url = *url;
    }
    if (const Entry* e = r.find("date")) src.date = read_date(r, *e);
    return src;
}

/// Every number of a quantity goes through here, so that each is one the label can draw.
bool check_quantity_range(const MapReader& r, const Entry& e, double number, bool zero_allowed) {
    return r.check(e, "quantity-range", check_quantity_number(number, zero_allowed),
                   "write a count or amount from 0.001 to 1e15; for more or less, choose "
                   "another unit (million tonnes, grams)");
}

/// One of the names of an enumeration, read by `parse`: nothing for a name that is not one
/// (reported as `rule`, and `ok` becomes false) or a value that is not text (reported too).
template <typename Enum>
std::optional<Enum> read_name(const MapReader& r, const Entry& e,
                              std::optional<Enum> (*parse)(std::string_view), std::string_view what,
                              std::string_view rule, std::string hint, bool& ok) {
    const auto text = r.text(e);
    const auto value = text ? parse(*text) : std::nullopt;
    if (text && !value) {
        r.report(e, std::string(rule), "unknown " + std::string(what) + " '" + *text + "'",
                 std::move(hint));
        ok = false;
    }
    return value;
}

std::optional<Quantity> read_quantity(const NodeRef& node, const Context& ctx) {
    if (!node.is_map()) {
        ctx.error(node, "wrong-type",
                  "a quantity must be a mapping, not " + std::string(describe(node)),
                  "write {value: 200, unit: missiles}, or a list of such mappings");
        return std::nullopt;
    }
    MapReader r(node, ctx, "quantity", kQuantityKeys);
    Quantity q;
    q.loc = r.loc();
    bool ok = true;
    const Entry* value_entry = r.require("value");
    const auto value = value_entry ? r.number(*value_entry) : std::nullopt;
    ok &= value.has_value();
    q.value = value.value_or(0);
    if (value_entry && value_entry->value.is_scalar()) q.value_text = value_entry->value.scalar();
    const auto unit = r.text_field("unit", true);
    ok &= unit.has_value();
    q.unit = unit.value_or("");
    if (const Entry* e = r.find("qualifier")) {
        if (const auto qualifier =
                read_name(r, *e, qualifier_from_string, "qualifier", "bad-qualifier",
                          "use exact, about, more-than, less-than or up-to", ok))
            q.qualifier = *qualifier;
    }
    if (const Entry* e = r.find("stage")) {
        q.stage = read_name(r, *e, stage_from_string, "stage", "bad-stage",
                            "use announced (stated as intended), pledged (committed, ordered "
                            "or allocated) or delivered (handed over)",
                            ok);
    }
    if (const Entry* e = r.find("total")) {
        q.total = r.number(*e);
        ok &= q.total.has_value();
        if (q.total) ok &= check_quantity_range(r, *e, *q.total, false);
    }
    if (value) {
        const bool exact = q.qualifier == QuantityQualifier::exact && !r.find("total");
        ok &= check_quantity_range(r, *value_entry, q.value, exact);
    }
    return ok ? std::optional<Quantity>(std::move(q)) : std::nullopt;
}

/// Whether two units name the same thing as an analyst would read them: "Aircraft" is
/// "aircraft".
bool same_unit(std::string_view a, std::string_view b) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                              [&](char x, char y) { return lower(x) == lower(y); });
}

/// Reports each quantity that repeats the unit and stage (or the lack of one) of an earlier
/// one: the spec allows one figure per unit and stage, so that nothing is counted twice.
void check_distinct_quantities(const std::vector<Quantity>& qs, const Context& ctx) {
    for (std::size_t i = 1; i < qs.size(); ++i) {
        for (std::size_t k = 0; k < i; ++k) {
            if (!same_unit(qs[i].unit, qs[k].unit) || qs[i].stage != qs[k].stage) continue;
            const std::string stage =
                qs[i].stage ? "stage '" + std::string(to_string(*qs[i].stage)) + "'" : "no stage";
            ctx.diags.add({Severity::error, qs[i].loc, "duplicate-quantity",
                           "a second quantity in '" + qs[i].unit + "' with " + stage,
                           "give each unit one figure per stage: keep one, or tell them apart "
                           "with 'stage' (announced, pledged, delivered)",
                           qs[k].loc, "the first is here"});
            break;
        }
    }
}

/// `quantity`: one mapping (format 1) or a list of them (1.1); an empty list is no quantity.
std::vector<Quantity> read_quantities(const Entry& entry, const Context& ctx) {
    std::vector<Quantity> qs;
    if (!entry.value.is_sequence()) {
        if (auto q = read_quantity(entry.value, ctx)) qs.push_back(std::move(*q));
        return qs;
    }
    for (const NodeRef item : entry.value)
        if (auto q = read_quantity(item, ctx)) qs.push_back(std::move(*q));
    check_distinct_quantities(qs, ctx);
    return qs;
}

std::optional<Location> read_location(const MapReader& parent, const Entry& entry) {
    const Context& ctx = parent.context();
    Location loc;
    if (entry.value.is_scalar()) {
        loc.name = entry.value.scalar();
        loc.written_as_text = true;
        if (!check_text_field(ctx, entry.value, loc.name, "'location' of event"))
            return std::nullopt;
        return loc;
    }
    if (!expect_map(entry.value, ctx, "'location'")) return std::nullopt;
    MapReader r(entry.value, ctx, "location", kLocationKeys);
    bool ok = true;
    if (const Entry* name = r.find("name")) {
        const auto text = r.text_field(*name);
        ok = text.has_value();
        loc.name = text.value_or("");
    }
    const auto coordinate = [&](std::string_view key, double limit, std::optional<double>& out,
                                SourceLoc& at) {
        const Entry* e = r.find(key);
        if (!e) return;
        at = r.loc(*e);
        out = r.number(*e);
        if (!out) {
            ok = false;
        } else if (*out < -limit || *out > limit) {
            r.report(*e, "bad-location",
                     std::string(key) + " must lie between -" + std::to_string(int(limit)) +
                         " and " + std::to_string(int(limit)));
            ok = false;
        }
    };
    coordinate("lat", 90, loc.lat, loc.lat_loc);
    coordinate("lon", 180, loc.lon, loc.lon_loc);
    if (loc.lat.has_value() != loc.lon.has_value() && ok) {
        ctx.diags.error(r.loc(), "bad-location", "give both 'lat' and 'lon', or neither");
        ok = false;
    }
    if (loc.name.empty() && !loc.lat && ok) {
        ctx.diags.error(r.loc(), "bad-location", "a location needs a 'name' or 'lat' and 'lon'");
        ok = false;
    }
    return ok ? std::optional<Location>(std::move(loc)) : std::nullopt;
}

void read_event_date(const MapReader& r, Event& ev) {
    const Entry* date_entry = r.require("date");
    if (!date_entry) return;
    auto date = read_date(r, *date_entry);
    if (!date) return;
    ev.date = std::move(*date);
    const Entry* end_entry = r.find("end");
    if (!end_entry) return;
    auto end = read_date(r, *end_entry);
    if (!end) return;
    auto joined = join_interval(ev.date, *end);
    if (joined) {
        ev.date = std::move(*joined.value);
    } else {
        r.report(*end_entry, joined.rule, joined.error);
    }
}

void read_event_sources(const MapReader& r, Event& ev) {
    const Entry* e = r.require("sources");
    if (!e) return;
    ev.sources_loc = r.loc(*e);
    if (!e->value.is_sequence() || e->value.size() == 0) {
        r.report(*e, "no-sources", "'sources' must be a list of at least one source",
                 "cite where the event is reported, e.g. '- publisher: Reuters'");
        return;
    }
    for (const NodeRef item : e->value)
        if (auto src = read_source(item, r.context())) ev.sources.push_back(std::move(*src));
}

void read_event_fields(const MapReader& r, Event& ev) {
    if (const Entry* e = r.require("title")) {
        ev.title_loc = r.loc(*e);
        if (auto title = r.text_field(*e); title && r.check(*e, "bad-title", check_title(*title)))
            ev.title = *title;
    }
    if (const Entry* e = r.require("kind")) {
        ev.kind_loc = r.loc(*e);
        ev.kind = r.text(*e).value_or("");
    }
    ev.from = r.list("from");
    ev.to = r.list("to");
    ev.actors = r.list("actors");
    if (ev.from.empty() != ev.to.empty()) {
        const Entry* given = r.find(ev.from.empty() ? "to" : "from");
        if (given)
            r.report(*given, "from-to-pairing", "'from' and 'to' come together",
                     ev.from.empty() ? "add 'from:' with the supplier"
                                     : "add 'to:' with the recipient, or use 'actors:'");
    }
    if (const Entry* e = r.find("summary")) {
        ev.summary_loc = r.loc(*e);
        if (auto summary = r.text_field(*e, TextLines::many)) {
            if (utf8_length(*summary) > kMaxSummaryLength)
                r.report(*e, "bad-summary", "a summary has at most 2000 characters");
            else
                ev.summary = *summary;
        }
    }
    if (const Entry* e = r.find("quantity")) ev.quantities = read_quantities(*e, r.context());
    if (const Entry* e = r.find("location")) ev.location = read_location(r, *e);
    if (const Entry* e = r.find("confidence")) {
        ev.confidence_loc = r.loc(*e);
        const auto text = r.text(*e);
        if (const auto c = text ? confidence_from_string(*text) : std::nullopt) {
            ev.confidence = *c;
        } else if (text) {
            r.report(*e, "bad-confidence", "unknown confidence '" + *text + "'",
                     "use confirmed, reported, alleged or assessed");
        }
    }
    if (const Entry* e = r.find("grading")) {
        ev.grading_loc = r.loc(*e);
        if (auto g = r.text(*e); g && r.check(*e, "bad-grading", check_grading(*g)))
            ev.grading = *g;
    }
    ev.tags = r.list("tags");
    for (const Ref& tag : ev.tags)
        if (auto problem = check_tag(tag.id))
            r.context().diags.error(tag.loc, "bad-tag", *problem + ": '" + tag.id + "'");
    ev.related = r.list("related");
    if (const Entry* e = r.find("priority")) {
        const auto p = r.number(*e);
        if (p && (*p < 0 || *p > 10)) {
            r.report(*e, "bad-priority", "'priority' must lie between 0 and 10",
                     "higher means more significant; it decides which events a dense chart "
                     "labels");
        } else {
            ev.priority = p;
        }
    }
}

void read_event(const NodeRef& node, const Context& ctx, Model& into) {
    if (!expect_map(node, ctx, "an event")) return;
    MapReader r(node, ctx, "event", kEventKeys);
    Event ev;
    ev.loc = r.loc();
    ev.id = read_id(r, &ev.id_loc);
    check_list_bounds(r);
    read_event_date(r, ev);
    read_event_fields(r, ev);
    read_event_sources(r, ev);
    if (!ev.id.empty()) into.events.push_back(std::move(ev));
}

template <typename ReadItem>
void read_list(const MapReader& r, std::string_view key, Model& into, ReadItem read_item) {
    const Entry* e = r.find(key);
    if (!e) return;
    if (e->value.is_null()) return;  // "events:" with nothing yet
    if (!e->value.is_sequence()) {
        r.report(
            *e, "wrong-type",
            "'" + std::string(key) + "' must be a list, not " + std::string(describe(e->value)));
        return;
    }
    for (const NodeRef item : e->value)
        read_item(item, r.context(), into);
}

}  // namespace

void read_document(const NodeRef& doc, const Context& ctx, Model& into) {
    if (doc.is_null()) return;
    if (!expect_map(doc, ctx, "a document")) return;
    if (doc.find("id").defined()) {  // the single-event shorthand
        read_event(doc, ctx, into);
        return;
    }
    MapReader r(doc, ctx, "the document", kDocumentKeys);
    read_list(r, "actors", into, read_actor);
    read_list(r, "kinds", into, read_kind);
    read_list(r, "eras", into, read_era);
    read_list(r, "events", into, read_event);
}

}  // namespace tl::yaml
