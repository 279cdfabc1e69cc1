#include <doctest/doctest.h>

#include <map>
#include <string>

#include "generated_model.hpp"
#include "layout/chart_layout.hpp"
#include "support_event.hpp"
#include "timeline/timeline.hpp"
#include "timeline/totals.hpp"

namespace {

using tl::testing::support_event;

tl::Event pledged_event(std::string id, std::string date, std::string from, double pledged,
                        std::optional<double> delivered) {
    tl::Event e = support_event(std::move(id), std::move(date), std::move(from), pledged);
    e.quantities[0].stage = tl::QuantityStage::pledged;
    if (delivered) {
        tl::Quantity q = e.quantities[0];
        q.value = *delivered;
        q.stage = tl::QuantityStage::delivered;
        e.quantities.push_back(q);
    }
    return e;
}

struct Block {
    tl::Model model;
    tl::Timeline timeline;
    tl::Scene scene;

    Block(std::vector<tl::Event> events, std::string measure, std::size_t top,
          tl::LayoutMode mode = tl::LayoutMode::detail) {
        model.actors = {{"US", "United States", "", "", {}},
                        {"NO", "Norway", "", "", {}},
                        {"DE", "Germany", "", "", {}},
                        {"UA", "Ukraine", "", "", {}}};
        model.events = std::move(events);
        timeline = tl::build_timeline(model);
        tl::LayoutOptions options;
        options.mode = mode;
        options.measure = std::move(measure);
        options.totals_block = top;
        scene = tl::layout_chart(timeline, model, tl::default_theme(), tl::FixedWidthMeasurer(),
                                 options);
    }
    std::vector<const tl::Item*> all(const std::string& role) const {
        std::vector<const tl::Item*> out;
        for (const tl::Item& it : scene.items)
            if (it.role == role) out.push_back(&it);
        return out;
    }
    /// The block's note, its lines joined by spaces.
    std::string note() const {
        std::string text;
        for (const tl::Item* it : all("totals-note"))
            text += (text.empty() ? "" : " ") + it->text;
        return text;
    }
    /// `timeline totals --by supplier [--by stage] --unit UNIT`, keyed "supplier/stage".
    std::map<std::string, double> sums(const std::string& unit, bool by_stage) const {
        tl::TotalsOptions o{{tl::TotalsKey::supplier}, unit};
        if (by_stage) o.by.push_back(tl::TotalsKey::stage);
        std::map<std::string, double> out;
        for (const tl::TotalsRow& r : tl::compute_totals(timeline.events, o).rows) {
            const std::string key = r.keys[0] + "/" + (by_stage ? r.keys[1] : "");
            out[key] = unit.empty() ? double(r.events) : std::stod(r.sums[0]->sum.text());
        }
        return out;
    }
};

std::vector<tl::Event> block_supports() {
    return {support_event("a", "2024-01-01", "US", 1e9),
            support_event("b", "2024-03-01", "US", 2.5e9),
            support_event("c", "2024-02-01", "US"),
            support_event("d", "2024-06-01", "US", 5e8, "eur"),
            support_event("e", "2024-06-01", "US", 30, "aircraft"),
            support_event("f", "2024-03-01", "NO", 24e9),
            support_event("g", "2024-05-01", "DE", 1.25e9),
            support_event("h", "2024-04-01", "DE", 0.25e9)};
}

void check_monotonic(const tl::Item& line) {
    REQUIRE(line.points.size() >= 2);
    for (std::size_t i = 1; i < line.points.size(); ++i) {
        CHECK(line.points[i].x >= line.points[i - 1].x);
        CHECK(line.points[i].y <= line.points[i - 1].y);  // rising: y grows downward
    }
}

}  // namespace

TEST_CASE("no totals block unless asked for") {
    const Block b(block_supports(), "EUR", 0);
    CHECK(b.all("totals-line").empty());
    CHECK(b.all("totals-figure").empty());
}

TEST_CASE("totals block: one rising line per top supplier, ending on its totals sum") {
    const Block b(block_supports(), "EUR", 2);
    const auto lines = b.all("totals-line");
    REQUIRE(lines.size() == 2);  // the top two of three suppliers, largest first
    CHECK(lines[0]->lane == "NO");
    CHECK(lines[1]->lane == "US");
    const auto sums = b.sums("EUR", false);
    for (const tl::Item* line : lines) {
        CHECK(line->type == tl::ItemType::polyline);
        CHECK(line->unit == "EUR");
        CHECK(line->stage.empty());
        CHECK(line->value == doctest::Approx(sums.at(line->lane + "/")));
        check_monotonic(*line);
    }
    CHECK(lines[1]->value == doctest::Approx(4e9));  // 1 + 2.5 + 0.5 ("eur"), not aircraft
    // Each line's figure says its sum as a newsroom writes it.
    const auto figures = b.all("totals-figure");
    REQUIRE(figures.size() == 2);
    CHECK(figures[0]->text == "\u2068EUR\u2069 24 billion");
    CHECK(figures[1]->text == "\u2068EUR\u2069 4 billion");
}

TEST_CASE("totals block: steps stand where the chart's time scale puts their days") {
    const Block b(block_supports(), "EUR", 3);
    std::vector<double> grid;
    for (const tl::Item* g : b.all("grid"))
        grid.push_back(g->from.x);
    const tl::Item* us = b.all("totals-line")[1];
    REQUIRE(us->lane == "US");
    // Steps on 1 Jan, 1 Mar and 1 Jun: each vertical riser lies on that month's gridline.
    std::vector<double> risers;
    for (std::size_t i = 1; i < us->points.size(); ++i)
        if (us->points[i].x == us->points[i - 1].x && us->points[i].y < us->points[i - 1].y)
            risers.push_back(us->points[i].x);
    REQUIRE(risers.size() == 3);
    for (double x : risers) {
        bool on_grid = false;
        for (double g : grid)
            on_grid |= std::abs(g - x) < 0.01;
        CHECK_MESSAGE(on_grid, "riser at x=" << x);
    }
}

TEST_CASE("totals block: pledged and delivered as two lines per supplier, labels apart") {
    const Block b({pledged_event("a", "2024-01-01", "US", 10e9, 4e9),
                   pledged_event("b", "2024-04-01", "US", 5e9, {}),
                   pledged_event("c", "2024-02-01", "NO", 3e9, 3e9),
                   pledged_event("d", "2024-07-01", "NO", 1e9, 0.5e9)},
                  "EUR", 10);
    const auto lines = b.all("totals-line");
    REQUIRE(lines.size() == 4);
    const auto sums = b.sums("EUR", true);
    for (const tl::Item* line : lines) {
        CHECK((line->stage == "pledged" || line->stage == "delivered"));
        CHECK(line->style ==
              (line->stage == "pledged" ? tl::LineStyle::dashed : tl::LineStyle::solid));
        CHECK(line->value == doctest::Approx(sums.at(line->lane + "/" + line->stage)));
        check_monotonic(*line);
    }
    CHECK(sums.at("US/pledged") == doctest::Approx(15e9));
    std::vector<const tl::Item*> texts = b.all("totals-figure");
    REQUIRE(texts.size() == 4);
    for (const tl::Item* t : b.all("totals-supplier"))
        texts.push_back(t);
    for (const tl::Item* t : b.all("totals-note"))
        texts.push_back(t);
    for (std::size_t i = 0; i < texts.size(); ++i)
        for (std::size_t k = i + 1; k < texts.size(); ++k)
            CHECK_MESSAGE(!texts[i]->box.intersects(texts[k]->box),
                          texts[i]->text << " overlaps " << texts[k]->text);
    // No text lies on a line either.
    for (const tl::Item* t : texts)
        for (const tl::Item* l : lines)
            CHECK(!t->box.intersects(l->box));
}

TEST_CASE("totals block: each row on its own scale, its largest line filling the row") {
    // Kiel's EU line (EUR 184 billion) on one scale with the rest left Denmark's and Japan's
    // lines flat on their baselines: a line must show when its supplier's money came, and
    // the figure at its end says how much.
    const Block b({pledged_event("a", "2024-01-01", "US", 100e9, 4e9),
                   pledged_event("c", "2024-02-01", "NO", 2e9, 1e9)},
                  "EUR", 10);
    std::map<std::string, double> rise;  // per line: how far its end stands above its row's base
    for (const tl::Item* line : b.all("totals-line"))
        rise[line->lane + "/" + line->stage] = line->points.front().y - line->points.back().y;
    CHECK(rise.at("US/pledged") == doctest::Approx(rise.at("NO/pledged")));
    CHECK(rise.at("US/pledged") > 10);
    CHECK(rise.at("NO/delivered") == doctest::Approx(rise.at("NO/pledged") / 2));
    CHECK(rise.at("US/delivered") == doctest::Approx(rise.at("US/pledged") * 0.04));
    CHECK(b.note().find("each row on its own scale") != std::string::npos);
}

TEST_CASE("totals block: the note says how many of its suppliers' events carry no amount") {
    // Kiel prices 20 of the United States' 1,156 allocations: a delivered line that adds
    // only the priced ones must say that it is a floor.
    const Block b(
        {support_event("a", "2024-01-01", "US", 1e9), support_event("b", "2024-02-01", "US"),
         support_event("c", "2024-03-01", "US"), support_event("d", "2024-03-01", "NO", 2e9),
         support_event("e", "2024-03-01", "DE")},  // DE has no line: not counted
        "EUR", 10);
    CHECK(b.note().find("2 of these suppliers' 4 events carry no \u2068EUR\u2069 amount "
                        "and add nothing") != std::string::npos);
    const Block all_priced({support_event("a", "2024-01-01", "US", 1e9)}, "EUR", 10);
    CHECK(all_priced.note().find("carry no") == std::string::npos);
}

TEST_CASE("totals block: a chart that counts events counts them in the block too") {
    const Block b(block_supports(), "events", 10, tl::LayoutMode::density);
    const auto lines = b.all("totals-line");
    REQUIRE(lines.size() == 3);
    CHECK(lines[0]->lane == "US");
    CHECK(lines[0]->unit.empty());
    CHECK(lines[0]->value == 5);
    CHECK(b.all("totals-figure")[0]->text == "5 events");
}

TEST_CASE("pages: the totals block is the overview's, never a detail page's") {
    const tl::Model model = tl::testing::generated_model(60, 3);
    tl::LayoutOptions options;
    options.mode = tl::LayoutMode::pages;
    options.totals_block = 5;
    const tl::Document doc = tl::layout_document(
        tl::build_timeline(model), model, tl::default_theme(), tl::FixedWidthMeasurer(), options);
    REQUIRE(doc.pages.size() > 1);
    for (std::size_t p = 0; p < doc.pages.size(); ++p) {
        std::size_t lines = 0;
        for (const tl::Item& it : doc.pages[p].items)
            lines += it.role == "totals-line";
        CAPTURE(p);
        CHECK((p == 0 ? lines > 0 : lines == 0));
    }
}

TEST_CASE("totals block: an event known only by its end steps up at its end") {
    // "By 1 Jun 2024": it had happened then, so the line rises there, not at the axis's start.
    const Block b({support_event("a", "2024-01-01", "US", 1e9),
                   support_event("b", "../2024-06-01", "US", 2e9)},
                  "EUR", 10);
    const tl::Item* us = b.all("totals-line").at(0);
    std::vector<double> rises;  // in points, left to right
    for (std::size_t i = 1; i < us->points.size(); ++i)
        if (us->points[i].x == us->points[i - 1].x && us->points[i].y < us->points[i - 1].y)
            rises.push_back(us->points[i - 1].y - us->points[i].y);
    REQUIRE(rises.size() == 2);
    CHECK(rises[1] == doctest::Approx(2 * rises[0]));  // EUR 1 billion in January, then 2
}
