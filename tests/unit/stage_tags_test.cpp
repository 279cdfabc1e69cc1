#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "support_event.hpp"
#include "timeline/stage_tags.hpp"
#include "timeline/totals.hpp"

namespace {

/// A Kiel-like row: EUR from `from` to Ukraine, tagged as the tracker tags its measure.
tl::Event tagged(const std::string& id, const std::string& from, double eur,
                 const std::vector<std::string>& tags) {
    tl::Event e = tl::testing::support_event(id, "2024-03-01", from, eur);
    for (const std::string& t : tags)
        e.tags.push_back({t, {}});
    return e;
}

const std::vector<tl::StageTag> kKiel = {{tl::QuantityStage::pledged, "commitment"},
                                         {tl::QuantityStage::delivered, "allocation"}};

}  // namespace

TEST_CASE("stage tags read STAGE=TAG, and nothing else") {
    const auto rule = tl::parse_stage_tag("pledged=commitment");
    REQUIRE(rule);
    CHECK(rule->stage == tl::QuantityStage::pledged);
    CHECK(rule->tag == "commitment");
    CHECK(tl::parse_stage_tag("delivered=a=b")->tag == "a=b");  // a tag may hold '='
    CHECK_FALSE(tl::parse_stage_tag("pledged"));
    CHECK_FALSE(tl::parse_stage_tag("pledged="));
    CHECK_FALSE(tl::parse_stage_tag("=commitment"));
    CHECK_FALSE(tl::parse_stage_tag("promised=commitment"));
}

TEST_CASE("quantities without a stage take the stage of their event's tag") {
    std::vector<tl::Event> events{tagged("c", "US", 98e9, {"kiel", "military", "commitment"}),
                                  tagged("a", "US", 20e9, {"kiel", "allocation"}),
                                  tagged("n", "US", 1e9, {"kiel"})};
    CHECK(tl::apply_stage_tags(events, kKiel) == 2);
    CHECK(events[0].quantities[0].stage == tl::QuantityStage::pledged);
    CHECK(events[1].quantities[0].stage == tl::QuantityStage::delivered);
    CHECK_FALSE(events[2].quantities[0].stage);  // no rule's tag: left as written

    // The sums then tell pledged from delivered, rather than adding the two.
    tl::TotalsOptions by_stage;
    by_stage.by = {tl::TotalsKey::stage};
    by_stage.unit = "EUR";
    std::vector<const tl::Event*> pointers;
    for (const tl::Event& e : events)
        pointers.push_back(&e);
    std::vector<std::string> rows;
    for (const tl::TotalsRow& r : tl::compute_totals(pointers, by_stage).rows)
        rows.push_back(r.keys[0] + " " + r.sums[0]->sum.text());
    CHECK(rows == std::vector<std::string>{"pledged 98000000000", "delivered 20000000000",
                                           " 1000000000"});  // no stage: last
}

TEST_CASE("a stage written in the file wins, and one unit never gets one stage twice") {
    tl::Event e = tagged("x", "US", 100, {"commitment"});
    e.quantities[0].unit = "tanks";
    e.quantities[0].stage = tl::QuantityStage::delivered;  // as written
    tl::Quantity pledged_tank;
    pledged_tank.value = 120;
    pledged_tank.unit = "Tank";
    pledged_tank.stage = tl::QuantityStage::pledged;
    tl::Quantity unstaged_tanks = pledged_tank;  // the same unit, no stage
    unstaged_tanks.stage.reset();
    tl::Quantity unstaged_eur;
    unstaged_eur.value = 5e6;
    unstaged_eur.unit = "EUR";
    e.quantities = {e.quantities[0], pledged_tank, unstaged_tanks, unstaged_eur};
    std::vector<tl::Event> events{e};
    CHECK(tl::apply_stage_tags(events, kKiel) == 1);  // the euros only
    const auto& q = events[0].quantities;
    CHECK(q[0].stage == tl::QuantityStage::delivered);
    CHECK(q[1].stage == tl::QuantityStage::pledged);
    CHECK_FALSE(q[2].stage);  // would be a second pledged tank figure
    CHECK(q[3].stage == tl::QuantityStage::pledged);
}

TEST_CASE("an event with the tags of two rules takes the first rule given") {
    std::vector<tl::Event> events{tagged("both", "US", 1, {"allocation", "commitment"})};
    tl::apply_stage_tags(events, kKiel);
    CHECK(events[0].quantities[0].stage == tl::QuantityStage::pledged);
    std::vector<tl::Event> again{tagged("both", "US", 1, {"allocation", "commitment"})};
    tl::apply_stage_tags(again, {kKiel[1], kKiel[0]});
    CHECK(again[0].quantities[0].stage == tl::QuantityStage::delivered);
}
