#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>

#include "layout/chart_layout.hpp"
#include "layout/density.hpp"
#include "support_event.hpp"
#include "timeline/timeline.hpp"

namespace {

tl::Event amount_event(std::string id, std::string date, std::optional<double> value = std::nullopt,
                       std::string unit = "EUR",
                       tl::Confidence confidence = tl::Confidence::confirmed) {
    return tl::testing::support_event(std::move(id), std::move(date), "US", value, std::move(unit),
                                      confidence);
}

/// The events' ids from most to least significant (ties to the earlier in the list).
std::vector<std::string> ranked(const std::vector<tl::Event>& events) {
    std::vector<const tl::Event*> pointers;
    for (const tl::Event& e : events)
        pointers.push_back(&e);
    const std::vector<tl::Significance> keys = tl::significance(pointers);
    std::vector<std::size_t> order(events.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return keys[a] > keys[b]; });
    std::vector<std::string> ids;
    for (std::size_t i : order)
        ids.push_back(events[i].id);
    return ids;
}

}  // namespace

TEST_CASE("significance: a hundredfold amount outweighs a surer confidence") {
    using C = tl::Confidence;
    // Kiel: a reported EUR 12.8 billion commitment went unlabelled beside confirmed grants.
    const std::vector<tl::Event> events{
        amount_event("grant", "2024-06-18", 291e6, "EUR", C::confirmed),
        amount_event("commitment", "2024-04-24", 12.8e9, "EUR", C::reported),
        amount_event("item", "2024-01-05", 12e3, "EUR", C::confirmed)};
    CHECK(ranked(events) == std::vector<std::string>{"commitment", "grant", "item"});
}

TEST_CASE("significance: amounts rank within their unit, never across units by raw number") {
    // 30 aircraft are the most of their unit, 34,000 missiles the most of theirs: they rank
    // alike, above the smaller amounts of either unit, whatever the raw numbers say.
    const std::vector<tl::Event> events{
        amount_event("missiles-small", "2024-01-01", 2000, "anti-tank missiles"),
        amount_event("missiles-big", "2024-01-02", 34000, "anti-tank missiles"),
        amount_event("aircraft-small", "2024-01-03", 3, "aircraft"),
        amount_event("aircraft-big", "2024-01-04", 30, "aircraft")};
    CHECK(ranked(events) == std::vector<std::string>{"missiles-big", "aircraft-big",
                                                     "missiles-small", "aircraft-small"});
    // Units match ignoring case: "eur" amounts rank with "EUR" ones.
    const std::vector<tl::Event> mixed{amount_event("a", "2024-01-01", 5e6, "eur"),
                                       amount_event("b", "2024-01-02", 1e6, "EUR"),
                                       amount_event("c", "2024-01-03", 10, "tanks")};
    const auto keys = tl::significance({&mixed[0], &mixed[1], &mixed[2]});
    CHECK(keys[0].amount_rank == doctest::Approx(1));
    CHECK(keys[1].amount_rank == doctest::Approx(0.5));
    CHECK(keys[2].amount_rank == doctest::Approx(1));
}

TEST_CASE("significance: priority first, then amount, then confidence, then the earlier") {
    using C = tl::Confidence;
    std::vector<tl::Event> events{
        amount_event("none", "2024-01-01"),
        amount_event("small", "2024-01-02", 10, "EUR", C::confirmed),
        amount_event("large-alleged", "2024-01-03", 1e9, "EUR", C::alleged),
        amount_event("prioritised", "2024-01-04"),
        amount_event("none-confirmed", "2024-01-05"),
        amount_event("none-assessed", "2024-01-06", {}, "", C::assessed),
        amount_event("none-later", "2024-01-07")};
    events[3].priority = 5;
    events[0].confidence = C::reported;
    events[6].confidence = C::reported;
    CHECK(ranked(events) == std::vector<std::string>{"prioritised", "large-alleged", "small",
                                                     "none-confirmed", "none-assessed", "none",
                                                     "none-later"});
}

TEST_CASE("a density chart labels a lane's largest amounts, not its surest small ones") {
    // One lane of 40 confirmed grants of EUR 291 million to 300 million and a reported
    // commitment of EUR 12.8 billion: more than the lane can label.
    tl::Model m;
    m.actors = {{"US", "United States", "", "", {}}, {"UA", "Ukraine", "", "", {}}};
    for (int i = 0; i < 40; ++i)
        m.events.push_back(amount_event("grant-" + std::to_string(i),
                                        "2022-" + std::string(i % 12 < 9 ? "0" : "") +
                                            std::to_string(i % 12 + 1) + "-1" +
                                            std::to_string(i % 9),
                                        291e6 + i * 1e5));
    m.events.push_back(
        amount_event("commitment", "2024-04-24", 12.8e9, "EUR", tl::Confidence::reported));
    m.events.push_back(amount_event("aircraft", "2023-06-10", 30, "aircraft"));
    const tl::Timeline t = tl::build_timeline(m);
    tl::LayoutOptions options;
    options.mode = tl::LayoutMode::density;
    const tl::Scene scene =
        tl::layout_chart(t, m, tl::default_theme(), tl::FixedWidthMeasurer(), options);
    std::set<std::string> labelled;
    for (const tl::Item& it : scene.items)
        if (it.role == "event-label") labelled.insert(it.event);
    CHECK(labelled.size() < m.events.size());
    CHECK(labelled.count("commitment") == 1);
    CHECK(labelled.count("aircraft") == 1);  // the most of its unit, though a small number
    CHECK(labelled.count("grant-39") == 1);  // the largest grant
    CHECK(labelled.count("grant-0") == 0);   // the smallest
}
