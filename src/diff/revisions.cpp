#include "diff/revisions.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <utility>

#include "base/exact_number.hpp"

namespace tl {
namespace {

constexpr std::array<std::string_view, 3> kChangeNames{"added", "changed", "removed"};

constexpr std::array<std::string_view, 13> kRevisionNames{"date-refined",
                                                          "date-widened",
                                                          "date-moved",
                                                          "confidence-upgraded",
                                                          "confidence-downgraded",
                                                          "quantity-changed",
                                                          "sources-added",
                                                          "sources-removed",
                                                          "title-edited",
                                                          "text-edited",
                                                          "actors-changed",
                                                          "kind-changed",
                                                          "other"};

/// Collects the differences of one element, field by field.
class FieldDiffer {
  public:
    FieldDiffer(SourceLoc old_loc, SourceLoc new_loc) : old_loc_(old_loc), new_loc_(new_loc) {}

    void add(std::string field, RevisionClass revision, std::string old_text, std::string new_text,
             SourceLoc old_loc = {}, SourceLoc new_loc = {}) {
        fields_.push_back({std::move(field), revision, std::move(old_text), std::move(new_text),
                           own_or(old_loc, old_loc_), own_or(new_loc, new_loc_)});
    }
    /// A plain text field: a difference only when the texts differ.
    void text(std::string field, RevisionClass revision, const std::string& old_text,
              const std::string& new_text, SourceLoc old_loc = {}, SourceLoc new_loc = {}) {
        if (old_text != new_text)
            add(std::move(field), revision, old_text, new_text, old_loc, new_loc);
    }
    std::vector<FieldRevision> take() { return std::move(fields_); }

  private:
    /// A field without a position of its own (SourceLoc{}) is placed at its element.
    static SourceLoc own_or(SourceLoc own, SourceLoc element) {
        return own.file == kNoFile ? element : own;
    }
    SourceLoc old_loc_;
    SourceLoc new_loc_;
    std::vector<FieldRevision> fields_;
};

// --- dates --------------------------------------------------------------------------------

/// The days a date may fall on, first to last; an open or unknown side reaches past every day,
/// so `2024/..` holds `2024/2025` and an end made known is a refinement.
struct DaySpan {
    DayNumber first;
    DayNumber last;
};
DaySpan span_of(const Date& d) {
    return {d.start.sort_earliest(), d.last().sort_latest()};
}
bool holds(DaySpan outer, DaySpan inner) {
    return outer.first <= inner.first && inner.last <= outer.last;
}
/// Whether a side is written as approximate (~) or uncertain (?), on either side.
bool hedged(const Date& d) {
    auto side = [](const DatePoint& p) { return p.approximate || p.uncertain; };
    return side(d.start) || (d.end && side(*d.end));
}
bool same_point(const DatePoint& a, const DatePoint& b) {
    return a.precision == b.precision && a.approximate == b.approximate &&
           a.uncertain == b.uncertain &&
           (!a.bounded() || (a.earliest == b.earliest && a.latest == b.latest));
}
/// Same meaning, whatever the spelling (`2024-09-XX` is `2024-09`).
bool same_date(const Date& a, const Date& b) {
    if (a.is_interval() != b.is_interval() || !same_point(a.start, b.start)) return false;
    return !a.end || same_point(*a.end, *b.end);
}

/// refined: the new days lie inside the old and are fewer, or the same days lost a ~ or ?;
/// widened: the reverse; moved: neither holds the other; other: the same days and hedges
/// written in another form (a month as an interval of its days).
std::optional<RevisionClass> classify_date(const Date& old_date, const Date& new_date) {
    if (same_date(old_date, new_date)) return std::nullopt;
    const DaySpan was = span_of(old_date);
    const DaySpan now = span_of(new_date);
    const bool inside = holds(was, now);
    const bool outside = holds(now, was);
    if (inside && !outside) return RevisionClass::date_refined;
    if (outside && !inside) return RevisionClass::date_widened;
    if (!inside) return RevisionClass::date_moved;
    // The same days: a hedge dropped is a refinement, one added a widening.
    const bool was_hedged = hedged(old_date);
    const bool now_hedged = hedged(new_date);
    if (was_hedged && !now_hedged) return RevisionClass::date_refined;
    if (now_hedged && !was_hedged) return RevisionClass::date_widened;
    return RevisionClass::other;
}

void compare_dates(FieldDiffer& fields, const Date& old_date, const Date& new_date) {
    if (auto revision = classify_date(old_date, new_date))
        fields.add("date", *revision, old_date.text(), new_date.text());
}

// --- lists, quantities, sources ---------------------------------------------------------------

std::string ref_list(const std::vector<Ref>& refs) {
    std::string out;
    for (const Ref& r : refs) {
        if (!out.empty()) out += ", ";
        out += r.id;
    }
    return out;
}

/// "more than 200 ballistic missiles, delivered, total 500": the words of the format.
std::string quantity_text(const Quantity& q) {
    std::string out;
    if (q.qualifier != QuantityQualifier::exact) {
        std::string qualifier{to_string(q.qualifier)};
        std::replace(qualifier.begin(), qualifier.end(), '-', ' ');
        out += qualifier + " ";
    }
    out += exact_number(q.value) + " " + q.unit;
    if (q.stage) out += ", " + std::string(to_string(*q.stage));
    if (q.total) out += ", total " + exact_number(*q.total);
    return out;
}
std::string quantities_text(const std::vector<Quantity>& qs) {
    std::string out;
    for (const Quantity& q : qs) {
        if (!out.empty()) out += "; ";
        out += quantity_text(q);
    }
    return out;
}
bool same_quantity(const Quantity& a, const Quantity& b) {
    return a.value == b.value && a.unit == b.unit && a.qualifier == b.qualifier &&
           a.total == b.total && a.stage == b.stage;
}

/// Everything a source says, for a source edited under the same identity.
std::string source_text(const Source& s) {
    std::string out = s.publisher;
    auto part = [&out](std::string_view label, const std::string& value) {
        if (value.empty()) return;
        if (!out.empty()) out += "; ";
        out += label;
        out += value;
    };
    part("title: ", s.title);
    part("url: ", s.url);
    part("date: ", s.date ? s.date->text() : std::string());
    part("quote: ", s.quote);
    return out;
}

void compare_sources(FieldDiffer& fields, const std::vector<Source>& old_sources,
                     const std::vector<Source>& new_sources) {
    // First occurrence of each identity: sources are a set.
    auto by_identity = [](const std::vector<Source>& sources) {
        std::map<std::string, const Source*> out;
        for (const Source& s : sources)
            out.emplace(source_identity(s), &s);
        return out;
    };
    const auto was = by_identity(old_sources);
    const auto now = by_identity(new_sources);
    // Added and edited in the new order, removed in the old: the order the files show.
    for (const Source& s : new_sources) {
        const std::string key = source_identity(s);
        if (now.at(key) != &s) continue;
        const auto it = was.find(key);
        if (it == was.end()) {
            fields.add("sources", RevisionClass::sources_added, "", key, {}, s.loc);
        } else {
            fields.text("sources", RevisionClass::text_edited, source_text(*it->second),
                        source_text(s), it->second->loc, s.loc);
        }
    }
    for (const Source& s : old_sources) {
        const std::string key = source_identity(s);
        if (was.at(key) == &s && !now.contains(key))
            fields.add("sources", RevisionClass::sources_removed, key, "", s.loc, {});
    }
}

std::string location_text(const std::optional<Location>& l) {
    if (!l) return {};
    std::string out = l->name;
    if (l->lat && l->lon)
        out += (out.empty() ? "" : " ") +
               ("(" + exact_number(*l->lat) + ", " + exact_number(*l->lon) + ")");
    return out;
}

std::string priority_text(const std::optional<double>& p) {
    return p ? exact_number(*p) : std::string();
}

// --- elements ---------------------------------------------------------------------------------

std::vector<FieldRevision> element_fields(const Event& a, const Event& b) {
    FieldDiffer f(a.loc, b.loc);
    f.text("title", RevisionClass::title_edited, a.title, b.title, a.title_loc, b.title_loc);
    compare_dates(f, a.date, b.date);
    f.text("kind", RevisionClass::kind_changed, a.kind, b.kind, a.kind_loc, b.kind_loc);
    f.text("from", RevisionClass::actors_changed, ref_list(a.from), ref_list(b.from));
    f.text("to", RevisionClass::actors_changed, ref_list(a.to), ref_list(b.to));
    f.text("actors", RevisionClass::actors_changed, ref_list(a.actors), ref_list(b.actors));
    f.text("summary", RevisionClass::text_edited, a.summary, b.summary, a.summary_loc,
           b.summary_loc);
    if (!std::equal(a.quantities.begin(), a.quantities.end(), b.quantities.begin(),
                    b.quantities.end(), same_quantity)) {
        f.add("quantity", RevisionClass::quantity_changed, quantities_text(a.quantities),
              quantities_text(b.quantities),
              a.quantities.empty() ? SourceLoc{} : a.quantities[0].loc,
              b.quantities.empty() ? SourceLoc{} : b.quantities[0].loc);
    }
    f.text("location", RevisionClass::text_edited, location_text(a.location),
           location_text(b.location));
    const int rank_was = confidence_rank(a.confidence);
    const int rank_now = confidence_rank(b.confidence);
    if (rank_was != rank_now) {
        f.add("confidence",
              rank_now > rank_was ? RevisionClass::confidence_upgraded
                                  : RevisionClass::confidence_downgraded,
              std::string(to_string(a.confidence)), std::string(to_string(b.confidence)),
              a.confidence_loc, b.confidence_loc);
    }
    f.text("grading", RevisionClass::other, a.grading, b.grading, a.grading_loc, b.grading_loc);
    compare_sources(f, a.sources, b.sources);
    f.text("tags", RevisionClass::other, ref_list(a.tags), ref_list(b.tags));
    f.text("related", RevisionClass::other, ref_list(a.related), ref_list(b.related));
    f.text("priority", RevisionClass::other, priority_text(a.priority), priority_text(b.priority));
    return f.take();
}

std::vector<FieldRevision> element_fields(const Actor& a, const Actor& b) {
    FieldDiffer f(a.loc, b.loc);
    f.text("name", RevisionClass::title_edited, a.name, b.name);
    f.text("color", RevisionClass::other, a.color, b.color);
    f.text("group", RevisionClass::other, a.group, b.group);
    return f.take();
}
std::vector<FieldRevision> element_fields(const Kind& a, const Kind& b) {
    FieldDiffer f(a.loc, b.loc);
    f.text("label", RevisionClass::title_edited, a.label, b.label);
    f.text("color", RevisionClass::other, a.color, b.color);
    return f.take();
}
std::vector<FieldRevision> element_fields(const Era& a, const Era& b) {
    FieldDiffer f(a.loc, b.loc);
    f.text("title", RevisionClass::title_edited, a.title, b.title);
    compare_dates(f, a.date, b.date);
    return f.take();
}

/// The first element of each id, by id.
template <typename T>
std::unordered_map<std::string_view, const T*> first_by_id(const std::vector<T>& elements) {
    std::unordered_map<std::string_view, const T*> out;
    out.reserve(elements.size());
    for (const T& e : elements)
        out.emplace(e.id, &e);
    return out;
}

/// Walks two versions of one list: added and changed in the new order, removed in the old.
/// `report(id, old, new)` is called for each element present in either (old or new null
/// where missing), once per id.
template <typename T, typename Report>
void match_by_id(const std::vector<T>& old_list, const std::vector<T>& new_list, Report report) {
    const auto was = first_by_id(old_list);
    const auto now = first_by_id(new_list);
    for (const T& e : new_list) {
        if (now.at(e.id) != &e) continue;
        const auto it = was.find(e.id);
        report(e.id, it == was.end() ? nullptr : it->second, &e);
    }
    for (const T& e : old_list)
        if (was.at(e.id) == &e && !now.contains(e.id)) report(e.id, &e, nullptr);
}

/// What happened to an element present on at least one side (null where missing), with the
/// differences of its fields; nothing when both sides are present and the same.
template <typename T>
std::optional<Change> change_of(const T* was, const T* now, std::vector<FieldRevision>& fields) {
    if (!was) return Change::added;
    if (!now) return Change::removed;
    fields = element_fields(*was, *now);
    if (fields.empty()) return std::nullopt;
    return Change::changed;
}

template <typename T>
std::vector<ElementRevision> compare_elements(const std::vector<T>& old_list,
                                              const std::vector<T>& new_list) {
    std::vector<ElementRevision> out;
    match_by_id(old_list, new_list, [&out](std::string_view id, const T* was, const T* now) {
        ElementRevision r{std::string(id),
                          Change::changed,
                          was ? was->loc : SourceLoc{},
                          now ? now->loc : SourceLoc{},
                          {}};
        if (const auto change = change_of(was, now, r.fields)) {
            r.change = *change;
            out.push_back(std::move(r));
        }
    });
    return out;
}

}  // namespace

std::string_view to_string(Change c) {
    return kChangeNames.at(static_cast<std::size_t>(c));
}

std::string_view to_string(RevisionClass r) {
    return kRevisionNames.at(static_cast<std::size_t>(r));
}

int confidence_rank(Confidence c) {
    switch (c) {
        case Confidence::alleged: return 0;
        case Confidence::reported: return 1;
        case Confidence::assessed: return 2;
        case Confidence::confirmed: return 3;
    }
    return 1;
}

std::string source_identity(const Source& s) {
    if (!s.url.empty()) return s.url;
    if (s.title.empty()) return s.publisher;
    return s.publisher + ": " + s.title;
}

const EventRevision* ModelRevisions::find_event(std::string_view id) const {
    // A list made by hand (a test's) or grown since has no index of its own: searched in turn.
    if (event_index_.size() != events.size()) {
        const auto it = std::find_if(events.begin(), events.end(),
                                     [id](const EventRevision& r) { return r.id == id; });
        return it == events.end() ? nullptr : &*it;
    }
    const auto it = event_index_.find(std::string(id));
    return it == event_index_.end() ? nullptr : &events[it->second];
}

ModelRevisions compare_models(const Model& old_model, const Model& new_model) {
    ModelRevisions out;
    match_by_id(old_model.events, new_model.events,
                [&out](std::string_view id, const Event* was, const Event* now) {
                    EventRevision r{std::string(id), Change::changed, was, now, {}};
                    if (const auto change = change_of(was, now, r.fields)) {
                        r.change = *change;
                        out.events.push_back(std::move(r));
                    }
                });
    for (std::size_t i = 0; i < out.events.size(); ++i)
        out.event_index_.emplace(out.events[i].id, i);
    out.actors = compare_elements(old_model.actors, new_model.actors);
    out.kinds = compare_elements(old_model.kinds, new_model.kinds);
    out.eras = compare_elements(old_model.eras, new_model.eras);
    return out;
}

}  // namespace tl
