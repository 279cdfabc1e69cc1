#include "layout/revision_marks.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "base/text.hpp"
#include "layout/date_label.hpp"
#include "layout/legend.hpp"

namespace tl {
namespace {

constexpr double kOldDateHeight = 10;  // a little taller than a bar, so its edge shows
/// Lines of each list under the chart at most: a revision of a whole tracker would otherwise
/// print thousands; `timeline diff` lists every one.
constexpr std::size_t kMostListed = 100;

const EventRevision* revision_of(const LayoutOptions& o, const Event& e) {
    return o.revisions ? o.revisions->find_event(e.id) : nullptr;
}

bool is_date_revision(RevisionClass r) {
    return r == RevisionClass::date_refined || r == RevisionClass::date_widened ||
           r == RevisionClass::date_moved;
}

/// "date refined", "confidence upgraded": the class as a reader says it.
std::string revision_words(RevisionClass r) {
    std::string words(to_string(r));
    std::replace(words.begin(), words.end(), '-', ' ');
    return words;
}

/// One revised event as a line: "Title: date refined, Mar 2024 → 12 Mar 2024; confidence
/// upgraded, alleged → confirmed; sources added: https://...".
std::string revision_line(const EventRevision& r) {
    // The date names the event too, unless it is among what changed.
    const bool dated = std::none_of(r.fields.begin(), r.fields.end(), [](const FieldRevision& f) {
        return is_date_revision(f.revision);
    });
    std::string line = (dated ? human_date(r.new_event->date) + " \u00b7 " : std::string()) +
                       isolate(r.new_event->title) + ": ";
    for (std::size_t i = 0; i < r.fields.size(); ++i) {
        const FieldRevision& f = r.fields[i];
        if (i > 0) line += "; ";
        line += f.revision == RevisionClass::other || f.revision == RevisionClass::text_edited
                    ? f.field + " edited"
                    : revision_words(f.revision);
        if (f.revision == RevisionClass::sources_added) {
            line += " " + isolate(f.new_text);
        } else if (f.revision == RevisionClass::sources_removed) {
            line += " " + isolate(f.old_text);
        } else if (f.field == "date") {  // as the chart writes dates: "Sep 2024"
            line +=
                ", " + human_date(r.old_event->date) + " \u2192 " + human_date(r.new_event->date);
        } else if (f.field != "summary") {  // a summary is too long to quote twice
            line += ", " + isolate(f.old_text.empty() ? "(none)" : f.old_text) + " \u2192 " +
                    isolate(f.new_text.empty() ? "(none)" : f.new_text);
        }
    }
    return line;
}

/// A heading, then one line per entry, each fitted to the page's width (never wrapped into
/// the next), as the notes of shortened labels are. Entries that read alike (eleven
/// allocations of one day refined alike) share a line, "11 × ...", where the first stands;
/// after kMostListed lines, one more says how many are not listed.
double draw_list(ChartCanvas& c, double y, const std::string& heading,
                 const std::vector<const EventRevision*>& entries, const std::string& role,
                 std::string_view change, std::string (*line_of)(const EventRevision&)) {
    struct Line {
        std::string text;
        std::vector<std::string> events;
    };
    std::vector<Line> lines;
    std::unordered_map<std::string, std::size_t> index;
    for (const EventRevision* entry : entries) {
        std::string text = line_of(*entry);
        const auto [at, fresh] = index.try_emplace(text, lines.size());
        if (fresh) lines.push_back({std::move(text), {}});
        lines[at->second].events.push_back(entry->id);
    }
    PageWriter& page = c.page;
    const Theme& theme = page.theme;
    const FontSpec font = theme.font(theme.reference_size);
    y += 8;
    y += page.text(theme.margin, y, heading, theme.font(theme.legend_size, true), theme.text,
                   role + "-heading")
             .box.height +
         2;
    const std::size_t shown = std::min(lines.size(), kMostListed);
    for (std::size_t i = 0; i < shown; ++i) {
        const Line& line = lines[i];
        const std::string text =
            (line.events.size() > 1 ? std::to_string(line.events.size()) + " \u00d7 " : "") +
            line.text;
        Item& it = page.text(theme.margin, y, page.measurer.fit(text, font, page.inner_width()),
                             font, theme.text, role);
        if (line.events.size() == 1) {
            it.event = line.events.front();
        } else {
            it.events = line.events;
        }
        it.change = std::string(change);
        y += it.box.height + 1;
    }
    if (shown < lines.size()) {
        std::size_t rest = 0;
        for (std::size_t i = shown; i < lines.size(); ++i)
            rest += lines[i].events.size();
        y += page.text(theme.margin, y,
                       "and " + std::to_string(rest) + " more (timeline diff lists every one)",
                       font, theme.muted, role + "-more")
                 .box.height +
             1;
    }
    return y;
}

std::string withdrawn_line(const EventRevision& r) {
    return human_date(r.old_event->date) + "  " + isolate(r.old_event->title);
}

}  // namespace

std::string_view event_change(const LayoutOptions& o, const Event& e) {
    const EventRevision* r = revision_of(o, e);
    return r ? to_string(r->change) : std::string_view{};
}

std::string_view placement_change(const LayoutOptions& o, const Placement& p) {
    if (!o.revisions) return {};
    if (p.members.empty()) return event_change(o, *p.event);
    bool added = false, changed = false;
    for (const Event* m : p.members) {
        if (const EventRevision* r = revision_of(o, *m))
            (r->change == Change::added ? added : changed) = true;
    }
    return changed ? to_string(Change::changed) : added ? to_string(Change::added) : "";
}

std::string_view change_badge(std::string_view change) {
    if (change == to_string(Change::added)) return "NEW";
    if (change == to_string(Change::changed)) return "REVISED";
    return {};
}

void draw_old_dates(ChartCanvas& c, const PlacedEvents& placed, const LaneStack& lanes) {
    if (!c.options.revisions) return;
    const TimeScale& scale = c.columns.scale;
    for (const Placement& p : placed.placements) {
        if (!p.members.empty()) continue;
        const EventRevision* r = revision_of(c.options, *p.event);
        if (!r || r->change != Change::changed || !r->old_event) continue;
        if (std::none_of(r->fields.begin(), r->fields.end(),
                         [](const FieldRevision& f) { return is_date_revision(f.revision); }))
            continue;
        Placement old;
        old.event = r->old_event;
        set_extent(c.columns, old);
        const double x0 = std::max(old.x0, scale.x0);
        const double x1 = std::min(old.x1, scale.x1);
        if (x1 <= x0) continue;  // the old range lies outside the axis
        const Color color = c.colors.kind(p.event->kind);
        Item bar;
        bar.type = ItemType::bar;
        bar.role = "old-date";
        bar.event = p.event->id;
        bar.lane = c.timeline.lanes[p.lane].id;
        const double cy = lanes.row_y(p.lane, p.row);
        bar.box = {x0, cy - kOldDateHeight / 2, std::max(x1 - x0, 1.0), kOldDateHeight};
        bar.fill = c.page.tint(color, 0.9);
        bar.stroke = c.page.tint(color, 0.4);
        bar.stroke_width = 0.6;
        bar.style = LineStyle::dotted;
        bar.change = std::string(to_string(Change::changed));
        c.scene.items.push_back(std::move(bar));
    }
}

void draw_change_badge(ChartCanvas& c, std::string_view change, const Rect& badge,
                       const Placement& p) {
    Item it;
    it.type = ItemType::band;
    it.role = "change-badge";
    it.box = badge;
    // Pale enough that the label's own ink reads on it at full contrast (tests check).
    it.fill = c.page.tint(change_badge_color(change == to_string(Change::added)), kBadgeWash);
    it.lane = c.timeline.lanes[p.lane].id;
    if (p.members.empty()) {
        it.event = p.event->id;
    } else {
        for (const Event* m : p.members)
            it.events.push_back(m->id);
    }
    it.change = std::string(change);
    c.scene.items.push_back(std::move(it));
}

void mark_changed_items(Scene& scene, std::size_t first, const LayoutOptions& o) {
    if (!o.revisions) return;
    for (std::size_t i = first; i < scene.items.size(); ++i) {
        Item& it = scene.items[i];
        if (!it.change.empty()) continue;
        if (!it.event.empty()) {
            if (const EventRevision* r = o.revisions->find_event(it.event))
                it.change = std::string(to_string(r->change));
            continue;
        }
        bool added = false, changed = false;
        for (const std::string& id : it.events)
            if (const EventRevision* r = o.revisions->find_event(id))
                (r->change == Change::added ? added : changed) = true;
        if (changed || added)
            it.change = std::string(to_string(changed ? Change::changed : Change::added));
    }
}

double draw_revision_lists(ChartCanvas& c, double y) {
    const LayoutOptions& o = c.options;
    if (!o.revisions || !o.revision_lists) return y;
    std::unordered_set<std::string_view> drawn;
    for (const Event* e : c.timeline.events)
        drawn.insert(e->id);
    std::vector<const EventRevision*> revised, withdrawn;
    for (const EventRevision& r : o.revisions->events) {
        if (r.change == Change::changed && r.new_event && drawn.count(r.id)) revised.push_back(&r);
        if (r.change == Change::removed && r.old_event) withdrawn.push_back(&r);
    }
    const std::string since = isolate(o.since);
    if (!revised.empty())
        y = draw_list(c, y, "Revised since " + since, revised, "revision",
                      to_string(Change::changed), revision_line);
    if (!withdrawn.empty())
        y = draw_list(c, y, "Withdrawn since " + since, withdrawn, "withdrawn",
                      to_string(Change::removed), withdrawn_line);
    return y;
}

}  // namespace tl
