#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <string>

#include "layout/chart_layout.hpp"
#include "support_event.hpp"
#include "timeline/timeline.hpp"

namespace {

using tl::testing::support_event;

struct Strips {
    tl::Model model;
    tl::Scene scene;

    Strips(std::vector<tl::Event> events, std::string measure) {
        model.actors = {{"US", "United States", "", "", {}},
                        {"NO", "Norway", "", "", {}},
                        {"UA", "Ukraine", "", "", {}}};
        model.events = std::move(events);
        const tl::Timeline t = tl::build_timeline(model);
        tl::LayoutOptions options;
        options.mode = tl::LayoutMode::density;
        options.measure = std::move(measure);
        scene = tl::layout_chart(t, model, tl::default_theme(), tl::FixedWidthMeasurer(), options);
    }
    std::vector<const tl::Item*> all(const std::string& role, const std::string& lane = {}) const {
        std::vector<const tl::Item*> out;
        for (const tl::Item& it : scene.items)
            if (it.role == role && (lane.empty() || it.lane == lane)) out.push_back(&it);
        return out;
    }
    /// The sum of a lane's bins.
    double lane_sum(const std::string& lane) const {
        double sum = 0;
        for (const tl::Item* bin : all("density-bin", lane))
            sum += bin->value;
        return sum;
    }
    std::string note() const {
        std::string text;
        for (const tl::Item* it : all("density-note"))
            text += it->text + "\n";
        return text;
    }
};

std::vector<tl::Event> supports() {
    return {support_event("a", "2024-01-10", "US", 1e9),
            support_event("b", "2024-01-10", "US", 2e9),
            support_event("c", "2024-01-10", "US"),
            support_event("d", "2024-06-07", "US", 5e8, "eur"),
            support_event("e", "2024-06-07", "US", 30, "aircraft"),
            support_event("f", "2024-03-01", "NO", 24e9)};
}

}  // namespace

TEST_CASE("density strips sum the measured unit per bin, ignoring its case") {
    const Strips s(supports(), "eur");
    double us = 0;
    int counted = 0;
    for (const tl::Item* bin : s.all("density-bin", "US")) {
        CHECK(bin->unit == "EUR");  // as the events write it
        us += bin->value;
        counted += bin->count;
    }
    CHECK(us == doctest::Approx(3.5e9));
    CHECK(counted == 5);  // every event in the bins; only those in EUR in the sums
    CHECK(s.lane_sum("UA") ==
          doctest::Approx(27.5e9));  // a recipient's strip sums what it receives
    // The note says what is measured and how many events no sum holds.
    CHECK(s.note().find("sums the \u2068EUR\u2069 amounts") != std::string::npos);
    CHECK(s.note().find("2 of 6 events carry no \u2068EUR\u2069 amount") != std::string::npos);
}

TEST_CASE("density strips match units as totals does: case, number and spacing aside") {
    // One rule for every sum: `timeline totals` adds "Tank" and "tanks" together, so the
    // strips must too (the layout once had a case-only copy of the rule).
    const Strips s({support_event("a", "2024-01-10", "US", 3, "Tank"),
                    support_event("b", "2024-01-10", "US", 4, "tanks"),
                    support_event("c", "2024-01-10", "US", 5, "main  battle tanks"),
                    support_event("d", "2024-01-10", "US", 6, "main battle tank")},
                   "tank");
    CHECK(s.lane_sum("US") == doctest::Approx(7));
    const Strips mbt({support_event("c", "2024-01-10", "US", 5, "main  battle tanks"),
                      support_event("d", "2024-01-10", "US", 6, "main battle tank")},
                     "Main Battle Tanks");
    CHECK(mbt.lane_sum("US") == doctest::Approx(11));
}

TEST_CASE("each strip reads off a scale: its largest bin's figure, bars as tall as the lane") {
    const Strips s(supports(), "EUR");
    const auto peak = s.all("strip-peak", "US");
    REQUIRE(peak.size() == 1);
    CHECK(peak.front()->text == "\u2068EUR\u2069 3 billion");
    REQUIRE(s.all("strip-peak", "NO").size() == 1);
    CHECK(s.all("strip-peak", "NO").front()->text == "\u2068EUR\u2069 24 billion");
    // All strips share one scale and one height: the chart's largest bin (Ukraine's, EUR 24
    // billion in March) fills its lane but for the lane's padding.
    std::map<std::string, double> lane_height;
    for (const tl::Item* band : s.all("lane"))
        lane_height[band->lane] = band->box.height;
    CHECK(lane_height["US"] == lane_height["UA"]);
    CHECK(lane_height["NO"] == lane_height["UA"]);
    double tallest = 0;
    for (const tl::Item* bin : s.all("density-bin"))
        tallest = std::max(tallest, bin->box.height);
    CHECK(tallest >= 0.8 * lane_height["UA"]);
    // Square root: a bin of a quarter of the largest value stands half as tall.
    const Strips q(
        {support_event("a", "2024-01-10", "US", 4e9), support_event("b", "2024-06-10", "NO", 1e9)},
        "EUR");
    const tl::Item* big = q.all("density-bin", "US").front();
    const tl::Item* small = q.all("density-bin", "NO").front();
    CHECK(small->box.height == doctest::Approx(big->box.height / 2));
}

TEST_CASE("by default strips sum the unit most events carry when at least half do, else count") {
    // Five of six events carry EUR (one spelled eur): EUR is summed.
    std::vector<tl::Event> most = supports();
    most[4].quantities.front().unit = "EUR";
    const Strips summed(most, "");
    for (const tl::Item* bin : summed.all("density-bin"))
        CHECK(bin->unit == "EUR");
    // Two of six carry aircraft and one EUR: events are counted, and the bar's value is the
    // count.
    std::vector<tl::Event> few{support_event("a", "2024-01-10", "US", 3, "aircraft"),
                               support_event("b", "2024-01-10", "US", 4, "aircraft"),
                               support_event("c", "2024-01-10", "US", 1e6),
                               support_event("d", "2024-01-10", "US"),
                               support_event("e", "2024-01-10", "US"),
                               support_event("f", "2024-01-10", "US")};
    const Strips counted(few, "");
    for (const tl::Item* bin : counted.all("density-bin")) {
        CHECK(bin->unit.empty());
        CHECK(bin->value == bin->count);
    }
    CHECK(counted.note().find("counts the events") != std::string::npos);
    CHECK(counted.all("strip-peak", "US").front()->text == "6 events");
    // "events" counts even where a unit would be summed.
    const Strips forced(most, "events");
    for (const tl::Item* bin : forced.all("density-bin"))
        CHECK(bin->unit.empty());
}

TEST_CASE("an event with several quantities in the unit counts once, by its largest") {
    // Format 1.1: EUR 3 billion pledged and EUR 1 billion of it delivered is not 4 billion.
    std::vector<tl::Event> events = supports();
    tl::Quantity delivered;
    delivered.value = 1e9;
    delivered.unit = "EUR";
    delivered.stage = tl::QuantityStage::delivered;
    events[0].quantities.front().value = 3e9;
    events[0].quantities.front().stage = tl::QuantityStage::pledged;
    events[0].quantities.push_back(delivered);
    const Strips s(events, "EUR");
    CHECK(s.lane_sum("US") == doctest::Approx(5.5e9));  // 3 + 2 + 0.5 billion
}

TEST_CASE("each lane's total under its name, whole, or no lane's") {
    const Strips s(supports(), "EUR");
    std::map<std::string, std::string> totals;
    for (const tl::Item* it : s.all("lane-total"))
        totals[it->lane] = it->text;
    CHECK(totals["US"] == "\u2068EUR\u2069 3.5 billion");
    CHECK(totals["UA"] == "\u2068EUR\u2069 27.5 billion");
    CHECK(s.note().find("the one under a lane's name its total") != std::string::npos);
    // Short names leave a narrow column: the totals would be cut short, so none is drawn.
    Strips narrow(supports(), "EUR");
    narrow.model.actors = {
        {"US", "US", "", "", {}}, {"NO", "NO", "", "", {}}, {"UA", "UA", "", "", {}}};
    const tl::Timeline t = tl::build_timeline(narrow.model);
    tl::LayoutOptions options;
    options.mode = tl::LayoutMode::density;
    options.measure = "EUR";
    narrow.scene =
        tl::layout_chart(t, narrow.model, tl::default_theme(), tl::FixedWidthMeasurer(), options);
    CHECK(narrow.all("lane-total").empty());
    CHECK(narrow.note().find("its total") == std::string::npos);
    CHECK_FALSE(narrow.all("lane-count").empty());
}
