// Every event drawn is named, and a burst of events on one day in one lane is one group mark
// with one label (issue 12, points 1 and 2).
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>

#include "generated_model.hpp"
#include "layout/chart_layout.hpp"
#include "named_events.hpp"
#include "timeline/timeline.hpp"

namespace {

using tl::Item;
using tl::ItemType;

tl::Document lay_out(const tl::Model& m, tl::LayoutMode mode) {
    tl::LayoutOptions options;
    options.mode = mode;
    return tl::layout_document(tl::build_timeline(m), m, tl::default_theme(),
                               tl::FixedWidthMeasurer(), options);
}

/// Whether the naming check finds nothing wrong with a generated chart of `events` among
/// `actors` in `mode`; each problem it finds is logged.
bool named_generated(int events, int actors, tl::LayoutMode mode) {
    const auto problems =
        tl::testing::naming_problems(lay_out(tl::testing::generated_model(events, actors), mode));
    for (const std::string& p : problems)
        MESSAGE(p);
    return problems.empty();
}

void add_event(tl::Model& m, const std::string& id, const char* date, const char* kind,
               const std::string& from, const std::string& to) {
    tl::Event e;
    e.id = id;
    e.title = "title of " + id;
    e.kind = kind;
    e.date = *tl::parse_date(date).value;
    if (to.empty()) {
        e.actors.push_back({from, {}});
    } else {
        e.from.push_back({from, {}});
        e.to.push_back({to, {}});
    }
    e.sources.push_back({"Publisher", "", "https://example.org/" + id, std::nullopt, "", {}, {}});
    m.events.push_back(std::move(e));
}

/// Nine allocations by A0 to A1 on 4 Jan 2024, among other events.
tl::Model burst(const char* second_kind = "arms-transfer") {
    tl::Model m = tl::testing::generated_model(0, 3);
    for (int i = 0; i < 9; ++i)
        add_event(m, "burst-" + std::to_string(i), "2024-01-04",
                  i == 8 ? second_kind : "arms-transfer", "A0", "A1");
    add_event(m, "before", "2023-11-20", "arms-transfer", "A0", "A1");
    add_event(m, "after", "2024-03-02", "diplomatic", "A0", "");
    add_event(m, "other-lane", "2024-01-04", "arms-transfer", "A2", "A1");
    return m;
}

std::vector<const Item*> items_with_role(const tl::Scene& s, const std::string& role) {
    std::vector<const Item*> out;
    for (const Item& it : s.items)
        if (it.role == role) out.push_back(&it);
    return out;
}

std::vector<std::string> burst_ids() {
    std::vector<std::string> ids;
    for (int i = 0; i < 9; ++i)
        ids.push_back("burst-" + std::to_string(i));
    return ids;
}

}  // namespace

TEST_CASE("every callout number listed under a chart is drawn on it, in every view") {
    for (const auto& [events, actors] :
         std::vector<std::pair<int, int>>{{60, 4}, {100, 8}, {400, 12}, {1000, 30}}) {
        const tl::Model m = tl::testing::generated_model(events, actors);
        for (const tl::LayoutMode mode :
             {tl::LayoutMode::detail, tl::LayoutMode::density, tl::LayoutMode::pages}) {
            if (mode == tl::LayoutMode::detail && events > 100) continue;
            CAPTURE(events);
            CAPTURE(static_cast<int>(mode));
            const auto problems = tl::testing::naming_problems(lay_out(m, mode), false);
            for (const std::string& p : problems)
                MESSAGE(p);
            CHECK(problems.empty());
        }
    }
}

TEST_CASE("every event a density view marks is named") {
    for (const auto& [events, actors] :
         std::vector<std::pair<int, int>>{{60, 4}, {400, 12}, {1000, 30}, {3000, 60}}) {
        CAPTURE(events);
        CHECK(named_generated(events, actors, tl::LayoutMode::density));
    }
}

TEST_CASE("every event a page marks is named") {
    for (const auto& [events, actors] : std::vector<std::pair<int, int>>{{400, 12}, {1000, 30}}) {
        CAPTURE(events);
        CHECK(named_generated(events, actors, tl::LayoutMode::pages));
    }
}

// Known open (issue 12, point 1): 60 events are named in detail, 100 leave 2 marks unnamed
// and 400 about 200. These markers stand among the arrows of other lanes' events that cross
// their lane every few points on both sides, in every row alike: no gap within reach of the
// marker holds a callout number (a label may stand past one thin line, not past seven).
// Naming them needs a new rule (a number knocked out over the arrows, or arrows bundled),
// not a better row. should_fail reports when it is fixed: then drop it.
TEST_CASE("every event a detail view marks is named" * doctest::should_fail()) {
    for (const auto& [events, actors] :
         std::vector<std::pair<int, int>>{{60, 4}, {100, 8}, {400, 12}}) {
        CAPTURE(events);
        CHECK(named_generated(events, actors, tl::LayoutMode::detail));
    }
}

namespace {

/// A page of a chart: its title when it starts one, then items of `role` with these texts,
/// each an event's whose id is its text.
tl::Scene page_with(bool title, const std::string& role, const std::vector<std::string>& texts) {
    tl::Scene page;
    const auto add = [&](ItemType type, const std::string& r, const std::string& text) {
        Item it;
        it.type = type;
        it.role = r;
        it.text = text;
        if (r != "title") it.event = text;
        page.items.push_back(std::move(it));
    };
    if (title) add(ItemType::text, "title", "Chart");
    for (const std::string& t : texts) {
        add(ItemType::text, role, t);
        if (role == "event-label") add(ItemType::marker, "event-marker", t);
    }
    return page;
}

}  // namespace

TEST_CASE("the naming check reads a chart that goes on over pages as one chart") {
    // A briefing chart too tall for its page goes on over the next, numbering its callouts
    // on, and lists them all after its last page: that reads right.
    tl::Document doc;
    doc.pages = {page_with(true, "event-label", {"a (1)", "b"}),
                 page_with(false, "event-label", {"c (2)"}),
                 page_with(false, "note", {"(1) a", "(2) c"})};
    CHECK(tl::testing::naming_problems(doc).empty());
    // A note on a page before its number is not, nor one drawn only on the next chart.
    doc.pages = {page_with(true, "event-label", {"a (1)"}), page_with(false, "note", {"(1) a"}),
                 page_with(false, "event-label", {"c (2)"}), page_with(false, "note", {"(2) c"})};
    CHECK(tl::testing::naming_problems(doc).empty());
    doc.pages = {page_with(true, "event-label", {"a (1)"}),
                 page_with(false, "note", {"(1) a", "(2) c"}),
                 page_with(false, "event-label", {"c (2)"})};
    CHECK(tl::testing::naming_problems(doc) ==
          std::vector<std::string>{"chart ending on page 2: note (2) on page 1 comes before "
                                   "its number on page 2"});
    doc.pages = {page_with(true, "event-label", {"a (1)"}), page_with(false, "note", {"(1) a"}),
                 page_with(true, "event-label", {"c (2)"}), page_with(false, "note", {"(1) c"})};
    CHECK(tl::testing::naming_problems(doc).size() == 2);
}

TEST_CASE("an event on a window's last day, hemmed in by a neighbour's arrow, is named") {
    // The axis of a window ends at its last day, so that day's marker has no room right of
    // it on the axis; left of it, the arrows of events a few days before run up (from its
    // lane and through it from the lane below). Kiel's 2024 chart had kiel-01503 so.
    tl::Model m = tl::testing::generated_model(0, 3);
    add_event(m, "early", "2024-02-10", "arms-transfer", "A1", "A0");
    add_event(m, "through-1", "2024-12-18", "arms-transfer", "A2", "A0");
    add_event(m, "through-2", "2024-12-20", "arms-transfer", "A2", "A0");
    add_event(m, "before-last", "2024-12-22", "arms-transfer", "A1", "A0");
    add_event(m, "last", "2024-12-31", "arms-transfer", "A1", "A0");
    tl::LayoutOptions options;
    options.mode = tl::LayoutMode::detail;
    options.window = tl::DaySpan{tl::day_number(2024, 1, 1), tl::day_number(2024, 12, 31)};
    const tl::Document doc = tl::layout_document(tl::build_timeline(m), m, tl::default_theme(),
                                                 tl::FixedWidthMeasurer(), options);
    const auto problems = tl::testing::naming_problems(doc);
    for (const std::string& p : problems)
        MESSAGE(p);
    CHECK(problems.empty());
}

TEST_CASE("a same-day burst in one lane is one group mark with one label and one arrow") {
    const tl::Document doc = lay_out(burst(), tl::LayoutMode::detail);
    REQUIRE(doc.pages.size() == 1);
    const tl::Scene& s = doc.pages[0];
    const auto groups = items_with_role(s, "event-group");
    REQUIRE(groups.size() == 1);
    CHECK(groups[0]->type == ItemType::marker);
    CHECK(groups[0]->lane == "A0");
    CHECK(groups[0]->events == burst_ids());
    // No member has a mark or a label of its own.
    for (const Item& it : s.items)
        if (it.role == "event-marker" || it.role == "event-label")
            CHECK(it.event.rfind("burst-", 0) != 0);
    std::vector<const Item*> labels;
    for (const Item* it : items_with_role(s, "event-label"))
        if (it->events == burst_ids()) labels.push_back(it);
    REQUIRE(labels.size() == 1);
    CHECK(labels[0]->text == "9 arms transfers, 4 Jan 2024");
    std::vector<const Item*> arrows;
    for (const Item* it : items_with_role(s, "support"))
        if (it->events == burst_ids()) arrows.push_back(it);
    REQUIRE(arrows.size() == 1);
    CHECK(arrows[0]->lane == "A0");
    CHECK(arrows[0]->to_lane == "A1");
    // The event in another lane on the same day keeps its own mark and label.
    int other = 0;
    for (const Item& it : s.items)
        other +=
            it.event == "other-lane" && (it.role == "event-marker" || it.role == "event-label");
    CHECK(other == 2);
    CHECK(tl::testing::naming_problems(doc).empty());
}

TEST_CASE("a group's members are listed under the chart with their titles") {
    const tl::Document doc = lay_out(burst(), tl::LayoutMode::detail);
    const tl::Scene& s = doc.pages[0];
    const auto headings = items_with_role(s, "group");
    REQUIRE(headings.size() == 1);
    CHECK(headings[0]->text.find("9 arms transfers, 4 Jan 2024") != std::string::npos);
    CHECK(headings[0]->events == burst_ids());
    std::vector<std::string> members;
    for (const Item* it : items_with_role(s, "group-member")) {
        members.push_back(it->event);
        CHECK(it->text.find("title of " + it->event) != std::string::npos);
        CHECK(it->box.y > headings[0]->box.y);
    }
    CHECK(members == burst_ids());
}

TEST_CASE("members that read alike share one line of the key") {
    tl::Model m = burst();
    for (tl::Event& e : m.events)
        if (e.id.rfind("burst-", 0) == 0) {
            e.title = "military allocation";
            e.sources = m.events.front().sources;  // one source: one citation mark
        }
    const tl::Document doc = lay_out(m, tl::LayoutMode::detail);
    const auto members = items_with_role(doc.pages[0], "group-member");
    REQUIRE(members.size() == 1);
    CHECK(members[0]->events == burst_ids());
    CHECK(members[0]->text.rfind("9 \u00d7 4 Jan 2024 \u00b7 \u2068military allocation", 0) == 0);
}

TEST_CASE("a burst of several kinds is counted as events") {
    const tl::Document doc = lay_out(burst("diplomatic"), tl::LayoutMode::detail);
    bool found = false;
    for (const Item* it : items_with_role(doc.pages[0], "event-label"))
        found |= it->text == "9 events, 4 Jan 2024";
    CHECK(found);
}

TEST_CASE("events on neighbouring days that one drawn x holds are a group") {
    // Over thirty years a day is far narrower than a marker: two days share its x.
    tl::Model m = burst();
    add_event(m, "early", "1994-01-01", "other", "A2", "");
    add_event(m, "next-day", "2024-01-05", "arms-transfer", "A0", "A1");
    const tl::Document doc = lay_out(m, tl::LayoutMode::detail);
    const auto groups = items_with_role(doc.pages[0], "event-group");
    REQUIRE(groups.size() == 1);
    CHECK(groups[0]->events.size() == 10);
    CHECK(std::count(groups[0]->events.begin(), groups[0]->events.end(), "next-day") == 1);
    bool found = false;
    for (const Item* it : items_with_role(doc.pages[0], "group"))
        found |= it->text.rfind("10 arms transfers, 4 Jan 2024 \u2013 5 Jan 2024", 0) == 0;
    CHECK(found);
}

TEST_CASE("a group's events are in the Scene JSON") {
    const tl::Document doc = lay_out(burst(), tl::LayoutMode::detail);
    const std::string json = tl::document_to_json(doc);
    CHECK(json.find("\"role\": \"event-group\"") != std::string::npos);
    CHECK(json.find("\"events\": [\"burst-0\", \"burst-1\", \"burst-2\", \"burst-3\", \"burst-4\", "
                    "\"burst-5\", \"burst-6\", \"burst-7\", \"burst-8\"]") != std::string::npos);
}
