// Lanes in a meaningful order (recipients first, then suppliers by weight), lane accents
// that cannot be read as kinds, named actors never folded away, and a subtitle that says
// what the chart was filtered to.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "base/text.hpp"
#include "layout/chart_heading.hpp"
#include "layout/chart_layout.hpp"
#include "layout/color.hpp"
#include "timeline/fold.hpp"
#include "timeline/lane_order.hpp"
#include "timeline/timeline.hpp"

namespace {

tl::Event support(const std::string& id, const std::string& date, std::vector<std::string> from,
                  std::vector<std::string> to, const std::string& kind = "arms-transfer") {
    tl::Event e;
    e.id = id;
    e.date = *tl::parse_date(date).value;
    e.title = id;
    e.kind = kind;
    for (auto& a : from)
        e.from.push_back({a, {}});
    for (auto& a : to)
        e.to.push_back({a, {}});
    e.sources.push_back({"Publisher", "", "https://example.org/" + id, std::nullopt, "", {}, {}});
    return e;
}

/// Donors declared alphabetically around the recipient, as in the Kiel tracker: France and
/// Germany give twice, Austria once, all to Ukraine; an event of no actor goes to "Other".
tl::Model donors() {
    tl::Model m;
    m.actors = {{"austria", "Austria", "", "", {}},
                {"france", "France", "", "", {}},
                {"germany", "Germany", "", "", {}},
                {"ukraine", "Ukraine", "", "", {}}};
    m.events.push_back(support("g1", "2024-01-04", {"germany"}, {"ukraine"}));
    m.events.push_back(support("g2", "2024-03-04", {"germany"}, {"ukraine"}));
    m.events.push_back(support("f1", "2024-02-04", {"france"}, {"ukraine"}));
    m.events.push_back(support("f2", "2024-05-04", {"france"}, {"ukraine"}));
    m.events.push_back(support("a1", "2024-06-04", {"austria"}, {"ukraine"}));
    m.events.push_back(support("n1", "2024-07-04", {}, {}, "diplomatic"));
    return m;
}

std::vector<std::string> lane_ids(const tl::Timeline& t) {
    std::vector<std::string> ids;
    for (const tl::Lane& l : t.lanes)
        ids.push_back(l.id);
    return ids;
}

/// Every actor's lane index points at the lane of that actor.
void check_lane_index(const tl::Timeline& t) {
    for (const auto& [actor, lane] : t.actor_lane) {
        CAPTURE(actor);
        REQUIRE(lane < t.lanes.size());
        if (t.mode == tl::LaneMode::actor && t.lanes[lane].name.rfind("Other (", 0) != 0)
            CHECK(t.lanes[lane].id == actor);
    }
}

const tl::Item* item_with_role(const tl::Scene& s, const std::string& role) {
    for (const tl::Item& it : s.items)
        if (it.role == role) return &it;
    return nullptr;
}

}  // namespace

TEST_CASE("lanes by role: the recipient first, then suppliers by events, ties by name") {
    const tl::Model m = donors();
    const tl::Timeline t = tl::build_timeline(m);  // role is the default
    CHECK(lane_ids(t) == std::vector<std::string>{"ukraine", "france", "germany", "austria", ""});
    check_lane_index(t);
    CHECK(t.lane_of("ukraine") == std::size_t{0});
    CHECK(t.lane_of("austria") == std::size_t{3});
}

TEST_CASE("lanes by events, by name, or as declared, the lane of no actor stays last") {
    const tl::Model m = donors();
    using O = tl::LaneOrder;
    using V = std::vector<std::string>;
    CHECK(lane_ids(tl::build_timeline(m, {}, tl::LaneMode::actor, O::events)) ==
          V{"ukraine", "france", "germany", "austria", ""});
    CHECK(lane_ids(tl::build_timeline(m, {}, tl::LaneMode::actor, O::name)) ==
          V{"austria", "france", "germany", "ukraine", ""});
    CHECK(lane_ids(tl::build_timeline(m, {}, tl::LaneMode::actor, O::input)) ==
          V{"austria", "france", "germany", "ukraine", ""});
    for (O order : {O::role, O::events, O::name, O::input})
        check_lane_index(tl::build_timeline(m, {}, tl::LaneMode::actor, order));
}

TEST_CASE("a recipient with fewer events than a donor still comes first by role") {
    tl::Model m = donors();
    // Germany also supplies Poland three times: Germany has 5 events, Ukraine 5, Poland 3.
    m.actors.push_back({"poland", "Poland", "", "", {}});
    for (int i = 0; i < 3; ++i)
        m.events.push_back(support("p" + std::to_string(i), "2024-08-0" + std::to_string(i + 1),
                                   {"germany"}, {"poland"}));
    const tl::Timeline t = tl::build_timeline(m);
    CHECK(lane_ids(t) ==
          std::vector<std::string>{"ukraine", "poland", "germany", "france", "austria", ""});
    const tl::Timeline by_events =
        tl::build_timeline(m, {}, tl::LaneMode::actor, tl::LaneOrder::events);
    CHECK(lane_ids(by_events) ==
          std::vector<std::string>{"germany", "ukraine", "poland", "france", "austria", ""});
}

TEST_CASE("lane orders have names for the command line and templates") {
    for (const char* name : {"role", "events", "name", "input"}) {
        const auto order = tl::lane_order_from_string(name);
        REQUIRE(order);
        CHECK(tl::to_string(*order) == name);
    }
    CHECK_FALSE(tl::lane_order_from_string("alphabetical"));
}

TEST_CASE("folding keeps every actor named with --actor, in the lanes' order") {
    tl::Model m = donors();
    // Many co-donors with Germany; Austria, named, gives once.
    for (int i = 0; i < 6; ++i) {
        const std::string id = "d" + std::to_string(i);
        m.actors.push_back({id, "Donor " + std::to_string(i), "", "", {}});
        for (int k = 0; k < 3; ++k)
            m.events.push_back(support(id + "-" + std::to_string(k),
                                       "2024-09-1" + std::to_string(k), {"germany", id},
                                       {"ukraine"}));
    }
    tl::EventFilter f;
    f.actors = {"germany", "austria"};
    tl::Timeline t = tl::build_timeline(m, f);
    REQUIRE(t.lanes.size() > 4);
    tl::fold_lanes(t, 4);
    REQUIRE(t.lanes.size() == 4);
    CHECK(t.lanes[0].id == "ukraine");
    CHECK(t.lanes[1].id == "germany");
    CHECK(t.lanes[2].id == "austria");  // one event, yet named: never folded into "Other"
    CHECK(t.lanes[3].name.rfind("Other (", 0) == 0);
    CHECK(t.lane_of("austria") == std::size_t{2});
    check_lane_index(t);
}

TEST_CASE("colour distance: CIE76 in Lab, 100 from black to white") {
    const tl::Color black{0, 0, 0};
    const tl::Color white{1, 1, 1};
    CHECK(tl::color_distance(black, white) == doctest::Approx(100).epsilon(0.001));
    CHECK(tl::color_distance(white, white) == doctest::Approx(0));
    // The seed's China red and the arms-transfer red read as one colour.
    CHECK(tl::color_distance(*tl::Color::parse("#c23b22"), *tl::Color::parse("#c0392b")) <
          tl::kMinAccentDistance);
}

TEST_CASE("lane accents stand apart from every kind colour, also for declared actor colours") {
    tl::Model m = donors();
    m.actors[0].color = "#c23b22";  // close to arms-transfer red: not used as an accent
    m.actors[1].color = "#f4e285";  // a pale yellow no kind has, for any reader: kept
    m.actors[2].color = "#6d597a";  // a purple-grey 18 from technology transfer: not kept
    // A yellow no kind has in normal vision, but a deuteranope's components orange (7.7
    // CIEDE2000 apart as simulated): not kept.
    m.actors[3].color = "#e9c46a";
    const tl::Theme theme = tl::default_theme();
    tl::LayoutOptions options;
    options.mode = tl::LayoutMode::detail;
    const tl::Scene s =
        tl::layout_chart(tl::build_timeline(m), m, theme, tl::FixedWidthMeasurer(), options);
    int accents = 0;
    bool yellow = false;
    bool purple = false;
    bool deutan_orange = false;
    for (const tl::Item& it : s.items) {
        if (it.role != "lane-accent") continue;
        ++accents;
        yellow |= it.fill == *tl::Color::parse("#f4e285");
        deutan_orange |= it.fill == *tl::Color::parse("#e9c46a");
        purple |= it.fill == *tl::Color::parse("#6d597a");
        for (const auto& [kind, color] : theme.kind_colors) {
            CAPTURE(kind);
            CAPTURE(it.fill.hex());
            CHECK(tl::color_distance(it.fill, color) >= tl::kMinAccentDistance);
        }
    }
    CHECK(accents == 5);
    CHECK(yellow);
    CHECK_FALSE(purple);
    CHECK_FALSE(deutan_orange);
}

TEST_CASE("the subtitle states the filter and counts actors, not lanes") {
    tl::Model m = donors();
    for (int i = 0; i < 6; ++i) {
        const std::string id = "d" + std::to_string(i);
        m.actors.push_back({id, "Donor " + std::to_string(i), "", "", {}});
        m.events.push_back(
            support(id, "2024-09-1" + std::to_string(i), {"germany", id}, {"ukraine"}));
    }
    m.events.push_back(support("old", "2023-03-01", {"germany"}, {"ukraine"}));
    tl::EventFilter f;
    f.actors = {"germany", "france"};
    f.from = tl::parse_date("2024-01-01").value->start.earliest;
    f.to = tl::parse_date("2024-12-31").value->start.earliest;
    const tl::Timeline t = tl::build_timeline(m, f);
    tl::LayoutOptions options;
    options.mode = tl::LayoutMode::density;
    options.max_lanes = 4;  // 9 actors fold into 4 lanes
    const tl::Scene s =
        tl::layout_chart(t, m, tl::default_theme(), tl::FixedWidthMeasurer(), options);
    const tl::Item* sub = item_with_role(s, "subtitle");
    REQUIRE(sub);
    CHECK(sub->text.find(tl::isolate("Germany") + ", " + tl::isolate("France")) !=
          std::string::npos);
    CHECK(sub->text.find(" \u00b7 2024") != std::string::npos);
    CHECK(sub->text.find("10 events") != std::string::npos);
    CHECK(sub->text.find("9 actors") != std::string::npos);  // ukraine, germany, france, d0..d5
    CHECK(s.subject == sub->text);
}

TEST_CASE("the subtitle says every filter: kinds, tags and confidences too") {
    // A chart of confirmed arms transfers tagged 'commitment' read as the whole record.
    tl::Model m = donors();
    m.events.push_back(support("e1", "2024-09-10", {"germany"}, {"ukraine"}));
    m.events.back().tags = {{"commitment", {}}};
    m.events.back().confidence = tl::Confidence::confirmed;
    tl::EventFilter f;
    f.kinds = {"arms-transfer"};
    f.tags = {"commitment", "allocation"};
    f.confidences = {tl::Confidence::confirmed};
    const std::string sub = tl::chart_subtitle(tl::build_timeline(m, f), m);
    CHECK(sub.find("Arms transfer \u00b7 ") != std::string::npos);
    CHECK(sub.find("tagged " + tl::isolate("commitment") + ", " + tl::isolate("allocation") +
                   " \u00b7 ") != std::string::npos);
    INFO(sub);
    CHECK(sub.find("confirmed only \u00b7 1 event") != std::string::npos);
    // No filter, nothing said.
    const std::string whole = tl::chart_subtitle(tl::build_timeline(m, {}), m);
    CHECK(whole.find("tagged") == std::string::npos);
    CHECK(whole.find("only") == std::string::npos);
}

TEST_CASE("a long list of named actors is cut short in the subtitle") {
    tl::Model m = donors();
    tl::EventFilter f;
    for (int i = 0; i < 7; ++i) {
        const std::string id = "d" + std::to_string(i);
        m.actors.push_back({id, "Donor " + std::to_string(i), "", "", {}});
        m.events.push_back(support(id, "2024-09-1" + std::to_string(i), {id}, {"ukraine"}));
        f.actors.push_back(id);
    }
    const tl::Timeline t = tl::build_timeline(m, f);
    const std::string sub = tl::chart_subtitle(t, m);
    CHECK(sub.find(tl::isolate("Donor 4") + " and 2 more \u00b7 ") != std::string::npos);
    CHECK(sub.find("Donor 5") == std::string::npos);
}

TEST_CASE("the window is said at the precision it was given") {
    const auto day = [](const char* text) { return tl::parse_date(text).value->start.earliest; };
    tl::EventFilter f;
    f.from = day("2024-01-01");
    f.to = day("2024-06-30");
    CHECK(tl::window_text(f) == "Jan \u2013 Jun 2024");
    f.to = day("2025-12-31");
    CHECK(tl::window_text(f) == "2024 \u2013 2025");
    f.from = day("2024-01-15");
    f.to = day("2024-03-10");
    CHECK(tl::window_text(f) == "15 Jan \u2013 10 Mar 2024");
    f.to.reset();
    CHECK(tl::window_text(f) == "from 15 Jan 2024");
    f.from.reset();
    f.to = day("2024-03-31");
    CHECK(tl::window_text(f) == "until Mar 2024");
    f.to.reset();
    CHECK(tl::window_text(f).empty());
}
