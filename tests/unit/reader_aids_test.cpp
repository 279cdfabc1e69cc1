// What helps a reader find their way in a chart: an axis within reach however tall the
// chart is, a legend of only what is drawn, one source said once, a shared event drawn once.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "base/text.hpp"
#include "generated_model.hpp"
#include "layout/chart_layout.hpp"
#include "legend_check.hpp"
#include "reader_text.hpp"
#include "support_event.hpp"
#include "timeline/timeline.hpp"

namespace {

using tl::Item;
using tl::ItemType;

constexpr double kAxisEvery = 567;  // 20 cm in points

tl::Scene lay_out(const tl::Model& m, tl::LayoutMode mode = tl::LayoutMode::detail) {
    tl::LayoutOptions options;
    options.mode = mode;
    return tl::layout_chart(tl::build_timeline(m), m, tl::default_theme(), tl::FixedWidthMeasurer(),
                            options);
}

std::vector<const Item*> with_role(const tl::Scene& s, const std::string& role) {
    std::vector<const Item*> out;
    for (const Item& it : s.items)
        if (it.role == role) out.push_back(&it);
    return out;
}

/// The tops of the rows of axis labels, top to bottom.
std::vector<double> axis_rows(const tl::Scene& s) {
    std::set<double> rows;
    for (const Item* it : with_role(s, "axis-label"))
        rows.insert(it->box.y);
    return {rows.begin(), rows.end()};
}

tl::Event event(const std::string& id, const char* date, const std::string& kind = "diplomatic") {
    tl::Event e;
    e.id = id;
    e.title = "Event " + id;
    e.kind = kind;
    e.date = *tl::parse_date(date).value;
    e.confidence = tl::Confidence::confirmed;
    return e;
}

tl::Source source(const std::string& publisher) {
    return {publisher, "Tracker", "https://example.org/" + publisher, std::nullopt, "", {}, {}};
}

}  // namespace

TEST_CASE("a tall chart repeats its axis between lanes at least every 20 cm, and at the bottom") {
    for (const auto mode : {tl::LayoutMode::detail, tl::LayoutMode::density}) {
        CAPTURE(static_cast<int>(mode));
        const tl::Model m = tl::testing::generated_model(
            mode == tl::LayoutMode::detail ? 1000 : 3000, mode == tl::LayoutMode::detail ? 30 : 80);
        const tl::Scene s = lay_out(m, mode);
        double lanes_top = 1e9, lanes_bottom = 0;
        for (const Item* band : with_role(s, "lane")) {
            lanes_top = std::min(lanes_top, band->box.y);
            lanes_bottom = std::max(lanes_bottom, band->box.bottom());
        }
        REQUIRE(lanes_bottom - lanes_top > 3 * kAxisEvery);
        const std::vector<double> rows = axis_rows(s);
        REQUIRE(rows.size() >= 2);
        CHECK(rows.front() < lanes_top);
        CHECK(rows.back() >= lanes_bottom);  // an axis under the last lane
        for (std::size_t i = 1; i < rows.size(); ++i)
            CHECK(rows[i] - rows[i - 1] <= kAxisEvery);
        // Never through a label or a mark: no axis label meets another text or an event's
        // marker or bar.
        int met = 0;
        for (const Item* a : with_role(s, "axis-label"))
            for (const Item& it : s.items) {
                if (it.role == "axis-label" || it.role == "axis-backdrop") continue;
                if (it.type != ItemType::text && it.type != ItemType::marker &&
                    it.type != ItemType::bar)
                    continue;
                if (!a->box.intersects(it.box)) continue;
                ++met;
                MESSAGE("'" << a->text << "' meets '" << it.role << "' " << it.text);
            }
        CHECK(met == 0);
    }
}

TEST_CASE("a lane taller than 20 cm has the axis between its rows, and its name again") {
    tl::Model m = tl::testing::generated_model(0, 2);
    for (int i = 0; i < 120; ++i) {
        tl::Event e = event("e" + std::to_string(i), "2024-03-05");
        // Bars, never grouped (markers on one day would be one group mark): a stack of rows.
        e.date = *tl::parse_date(i % 2 ? "2024-03-05/2024-03-07" : "2024-03-06/2024-03-08").value;
        e.actors.push_back({i < 110 ? "A0" : "A1", {}});
        e.sources.push_back(source("P" + std::to_string(i % 3)));
        m.events.push_back(e);
    }
    const tl::Scene s = lay_out(m);
    const Item* lane = nullptr;
    for (const Item* band : with_role(s, "lane"))
        if (band->lane == "A0") lane = band;
    REQUIRE(lane);
    REQUIRE(lane->box.height > 2 * kAxisEvery);
    // The lane's name, at its top and again down the lane, never more than 20 cm apart,
    // and an axis row above each repeat.
    std::vector<double> names{lane->box.y};
    for (const Item& it : s.items)
        if (it.role == "lane-label-repeat" && it.text == tl::isolate("Actor 0"))
            names.push_back(it.box.y);
    names.push_back(lane->box.bottom());
    std::sort(names.begin(), names.end());
    for (std::size_t i = 1; i < names.size(); ++i)
        CHECK(names[i] - names[i - 1] <= kAxisEvery);
    const std::vector<double> rows = axis_rows(s);
    for (std::size_t i = 1; i < rows.size(); ++i)
        CHECK(rows[i] - rows[i - 1] <= kAxisEvery);
}

TEST_CASE("a short chart keeps its one axis above the lanes") {
    const tl::Scene s = lay_out(tl::testing::generated_model(20, 3));
    CHECK(axis_rows(s).size() == 1);
}

TEST_CASE("the legend lists only what the chart draws") {
    SUBCASE("one kind, exact days, confirmed, no support") {
        tl::Model m = tl::testing::generated_model(0, 2);
        for (int i = 0; i < 5; ++i) {
            // A day each: events of one lane on one day would be drawn as one group.
            tl::Event e =
                event("e" + std::to_string(i), ("2024-03-0" + std::to_string(i + 1)).c_str());
            e.actors.push_back({"A" + std::to_string(i % 2), {}});
            e.sources.push_back(source("P" + std::to_string(i)));
            m.events.push_back(e);
        }
        const tl::Scene s = lay_out(m);
        std::set<std::string> labels;
        for (const auto& entry : tl::testing::legend_entries(s)) {
            CAPTURE(entry.label);
            CHECK(tl::testing::legend_entry_is_drawn(s, entry));
            labels.insert(entry.label);
        }
        CHECK(labels == std::set<std::string>{"Diplomatic", "exact day", "confirmed"});
    }
    SUBCASE("generated events of every kind") {
        const tl::Scene s = lay_out(tl::testing::generated_model(100, 8));
        const auto entries = tl::testing::legend_entries(s);
        CHECK(entries.size() > 10);
        for (const auto& entry : entries) {
            CAPTURE(entry.label);
            CHECK(tl::testing::legend_entry_is_drawn(s, entry));
        }
    }
}

TEST_CASE("one source cited by every event is said once under the chart, not on each label") {
    tl::Model m = tl::testing::generated_model(0, 2);
    for (int i = 0; i < 6; ++i) {
        tl::Event e = event("e" + std::to_string(i), ("2024-03-0" + std::to_string(i + 1)).c_str());
        e.from.push_back({"A0", {}});
        e.to.push_back({"A1", {}});
        e.sources.push_back(source("Kiel"));
        m.events.push_back(e);
    }
    SUBCASE("one source") {
        const tl::Scene s = lay_out(m);
        const auto labels = with_role(s, "event-label");
        REQUIRE(labels.size() == 6);
        for (const Item* label : labels)
            CHECK(label->text.find('[') == std::string::npos);
        const auto note = with_role(s, "source-note");
        REQUIRE(note.size() == 1);
        CHECK(note[0]->text.rfind("Source: ", 0) == 0);
        CHECK(note[0]->text.find("Kiel") != std::string::npos);
        CHECK(with_role(s, "references-heading").empty());
        CHECK(with_role(s, "reference").empty());
    }
    SUBCASE("one event cites another source: every label keeps its marks") {
        m.events[3].sources = {source("Other")};
        const tl::Scene s = lay_out(m);
        for (const Item* label : with_role(s, "event-label"))
            CHECK(label->text.find('[') != std::string::npos);
        CHECK(with_role(s, "source-note").empty());
    }
    SUBCASE("one event cites nothing: the others keep their marks") {
        m.events[3].sources.clear();
        const tl::Scene s = lay_out(m);
        int marked = 0;
        for (const Item* label : with_role(s, "event-label"))
            marked += label->text.find(" [1]") != std::string::npos;
        CHECK(marked == 5);
        CHECK(with_role(s, "source-note").empty());
    }
}

TEST_CASE("an event shared by several lanes without a direction is drawn once, its lanes marked") {
    tl::Model m = tl::testing::generated_model(0, 5);
    tl::Event shared = event("shared", "2024-05-10");
    shared.actors = {{"A1", {}}, {"A3", {}}, {"A4", {}}};
    shared.sources.push_back(source("P"));
    m.events.push_back(shared);
    // Neighbours in the lanes the link passes through and ends in, so that it has labels to
    // keep clear of.
    for (int a = 0; a < 5; ++a) {
        tl::Event e = event("n" + std::to_string(a), "2024-05-09");
        e.actors.push_back({"A" + std::to_string(a), {}});
        e.sources.push_back(source("P"));
        m.events.push_back(e);
    }
    const tl::Scene s = lay_out(m);
    int labels = 0, marks = 0;
    std::set<std::string> marked_lanes;
    for (const Item& it : s.items) {
        if (it.event != "shared") continue;
        labels += it.role == "event-label";
        marks += it.role == "event-marker";
        if (it.role == "shared-mark") marked_lanes.insert(it.lane);
    }
    CHECK(labels == 1);
    CHECK(marks == 1);
    CHECK(marked_lanes == std::set<std::string>{"A3", "A4"});
    // The link is a vertical line at the marker's x, which shows between the labels it
    // passes and never crosses one.
    const auto links = with_role(s, "shared-link");
    REQUIRE_FALSE(links.empty());
    const Item* marker = nullptr;
    for (const Item* it : with_role(s, "event-marker"))
        if (it->event == "shared") marker = it;
    REQUIRE(marker);
    const double x = marker->box.x + marker->box.width / 2;
    for (const Item* link : links) {
        CHECK(link->event == "shared");
        CHECK(link->from.x == doctest::Approx(x));
        CHECK(link->to.x == doctest::Approx(x));
        const tl::Rect line{x - 0.5, std::min(link->from.y, link->to.y), 1,
                            std::abs(link->to.y - link->from.y)};
        for (const Item* label : with_role(s, "event-label"))
            CHECK_MESSAGE(!line.intersects(label->box), label->text);
    }
    // No label was shortened for it.
    for (const Item* label : with_role(s, "event-label"))
        CHECK(label->text.find("\u2026") == std::string::npos);
    for (const auto& entry : tl::testing::legend_entries(s))
        CHECK(tl::testing::legend_entry_is_drawn(s, entry));
    bool legend_says_shared = false;
    for (const auto& entry : tl::testing::legend_entries(s))
        legend_says_shared |= entry.label == "shared by several actors";
    CHECK(legend_says_shared);
}

TEST_CASE("a density view labels a shared event once") {
    tl::Model m = tl::testing::generated_model(0, 4);
    tl::Event shared = event("shared", "2024-05-10");
    shared.actors = {{"A0", {}}, {"A1", {}}, {"A2", {}}, {"A3", {}}};
    m.events.push_back(shared);
    const tl::Scene s = lay_out(m, tl::LayoutMode::density);
    int labels = 0;
    for (const Item* label : with_role(s, "event-label"))
        labels += label->event == "shared";
    CHECK(labels == 1);
}

TEST_CASE("the chart in words: span, lanes and the largest flows, and each label's event") {
    tl::Model m;
    for (const char* id : {"IR", "RU", "KP"})
        m.actors.push_back({id, std::string("Name of ") + id, "", "", {}});
    const auto flow = [&m](const char* id, const char* date, const char* from, const char* to) {
        tl::Event e = tl::testing::flow_event(id, date, "arms-transfer", {from}, {to});
        e.title = std::string("Title ") + id;
        m.events.push_back(e);
    };
    flow("a", "2024-01-05", "IR", "RU");
    flow("b", "2024-02-05", "IR", "RU");
    flow("c", "2024-03-05", "KP", "RU");
    flow("d", "2024-09", "RU", "IR");
    m.events.back().quantities.push_back(
        {200, "200", "missiles", tl::QuantityQualifier::more_than, std::nullopt, std::nullopt, {}});
    m.events.back().confidence = tl::Confidence::alleged;
    const tl::Scene s = lay_out(m);
    const std::string summary = tl::testing::seen(s.description);
    CHECK(summary.rfind("4 events from Jan 2024 to Sep 2024 in 3 lanes: ", 0) == 0);
    for (const char* id : {"IR", "RU", "KP"})
        CHECK(summary.find(std::string("Name of ") + id) != std::string::npos);
    // The largest first; equals in the order of their ids.
    CHECK(summary.find("Largest flows of support: Name of IR to Name of RU, 2 events; Name of KP "
                       "to Name of RU, 1 event; Name of RU to Name of IR, 1 event.") !=
          std::string::npos);
    const auto labels = with_role(s, "event-label");
    const auto d =
        std::find_if(labels.begin(), labels.end(), [](const Item* it) { return it->event == "d"; });
    REQUIRE(d != labels.end());
    CHECK(tl::testing::seen((*d)->alt) ==
          "Sep 2024 \u00b7 Title d \u00b7 Arms transfer \u00b7 200+ missiles "
          "\u00b7 alleged");
}
