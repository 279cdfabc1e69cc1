#include <doctest/doctest.h>

#include "support_event.hpp"
#include "timeline/filter.hpp"
#include "timeline/timeline.hpp"

namespace {

using tl::testing::flow_event;

tl::DayNumber day(const std::string& text) {
    return tl::parse_date(text).value->start.earliest;
}

}  // namespace

TEST_CASE("the date window keeps events whose range overlaps it") {
    tl::EventFilter f;
    f.from = day("2024-09-10");
    f.to = day("2024-09-20");
    CHECK(f.keeps(flow_event("month", "2024-09", "other")));               // Sep 1..30 overlaps
    CHECK(f.keeps(flow_event("long", "2014-10-01/2024-10-01", "other")));  // spans the window
    CHECK_FALSE(f.keeps(flow_event("before", "2024-09-09", "other")));
    CHECK_FALSE(f.keeps(flow_event("after", "2024-09-21", "other")));
    CHECK(f.keeps(flow_event("ongoing", "2022-02-24/..", "other")));  // an open end reaches on
    CHECK(f.keeps(flow_event("by", "/2024-09-15", "other")));         // unknown start
}

TEST_CASE("values of one option are alternatives, options combine") {
    const tl::Event shipment = flow_event("s", "2024-09", "arms-transfer", {"IR"}, {"RU"});
    tl::EventFilter f;
    f.kinds = {"components", "arms-transfer"};
    CHECK(f.keeps(shipment));
    f.actors = {"CN"};
    CHECK_FALSE(f.keeps(shipment));
    f.actors = {"CN", "RU"};  // a recipient counts as involved
    CHECK(f.keeps(shipment));
    f.confidences = {tl::Confidence::confirmed};
    CHECK_FALSE(f.keeps(shipment));  // the default confidence is reported
}

TEST_CASE("filtered timelines form lanes only for the actors that remain") {
    tl::Model m;
    m.actors = {
        {"IR", "Iran", "", "", {}}, {"RU", "Russia", "", "", {}}, {"CN", "China", "", "", {}}};
    m.events.push_back(flow_event("a", "2024-09", "arms-transfer", {"IR"}, {"RU"}));
    m.events.push_back(flow_event("b", "2023", "components", {"CN"}, {"RU"}));
    tl::EventFilter f;
    f.kinds = {"arms-transfer"};
    const tl::Timeline t = tl::build_timeline(m, f);
    REQUIRE(t.events.size() == 1);
    REQUIRE(t.lanes.size() == 2);
    CHECK(t.lanes[0].id == "RU");  // the recipient first
    CHECK(t.lanes[1].id == "IR");
}
