#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "layout/chart_layout.hpp"
#include "support_event.hpp"
#include "timeline/timeline.hpp"

namespace {

/// The seed's shape: four actors in one group, two on their own.
tl::Model grouped_model() {
    tl::Model m;
    m.actors = {{"CN", "China", "", "authoritarian-alignment", {}},
                {"RU", "Russia", "", "authoritarian-alignment", {}},
                {"IR", "Iran", "", "authoritarian-alignment", {}},
                {"KP", "North Korea", "", "authoritarian-alignment", {}},
                {"UA", "Ukraine", "", "", {}},
                {"EU", "EU", "", "Western partners", {}}};
    m.events = {tl::testing::flow_event("a", "2024-01-05", "arms-transfer", {"IR"}, {"RU"}),
                tl::testing::flow_event("b", "2024-02-05", "arms-transfer", {"KP"}, {"RU"}),
                tl::testing::flow_event("c", "2024-03-05", "arms-transfer", {"CN"}, {"RU"}),
                tl::testing::flow_event("d", "2024-04-05", "arms-transfer", {"EU"}, {"UA"})};
    for (tl::Event& e : m.events)
        e.title = "Event " + e.id;
    return m;
}

const tl::Lane* lane_named(const tl::Timeline& t, const std::string& id) {
    for (const tl::Lane& l : t.lanes)
        if (l.id == id) return &l;
    return nullptr;
}

}  // namespace

TEST_CASE("a group's lane reads as a name and says who is in it") {
    const tl::Model m = grouped_model();
    const tl::Timeline t = tl::build_timeline(m, {}, tl::LaneMode::group);
    const tl::Lane* axis = lane_named(t, "authoritarian-alignment");
    REQUIRE(axis);
    // A slug is written as words; a group written as a name is kept as written.
    CHECK(axis->name == "Authoritarian alignment");
    CHECK(axis->members == std::vector<std::string>{"China", "Russia", "Iran", "North Korea"});
    REQUIRE(lane_named(t, "Western partners"));
    CHECK(lane_named(t, "Western partners")->name == "Western partners");
    REQUIRE(lane_named(t, "UA"));
    CHECK(lane_named(t, "UA")->members.empty());  // an actor's own lane names only it
}

TEST_CASE("a group's lane lists its members under its name, inside the lane") {
    const tl::Model m = grouped_model();
    const tl::Timeline t = tl::build_timeline(m, {}, tl::LaneMode::group);
    tl::Theme theme = tl::default_theme();
    theme.lanes = tl::LaneMode::group;
    const tl::Scene s = tl::layout_chart(t, m, theme, tl::FixedWidthMeasurer(), {});
    const tl::Item* members = nullptr;
    const tl::Item* band = nullptr;
    for (const tl::Item& it : s.items) {
        if (it.role == "lane-members" && it.lane == "authoritarian-alignment") members = &it;
        if (it.role == "lane" && it.lane == "authoritarian-alignment") band = &it;
    }
    REQUIRE(members);
    REQUIRE(band);
    CHECK(members->text.find("China") != std::string::npos);
    CHECK(members->box.y >= band->box.y);
    CHECK(members->box.y + members->box.height <= band->box.y + band->box.height);
    for (const tl::Item& it : s.items)
        if (&it != members && it.type == tl::ItemType::text)
            CHECK_MESSAGE(!members->box.intersects(it.box), it.text);
    // The subtitle counts actors, not lanes.
    for (const tl::Item& it : s.items)
        if (it.role == "subtitle") CHECK(it.text.find("6 actors") != std::string::npos);
}
