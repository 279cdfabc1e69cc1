// Fixed-page templates (the briefing's A4): no text is printed under the template's minimum
// size. A chart a little too tall for its page is shrunk to fit; one that would have to
// shrink below the minimum goes on over more pages at the template's own scale.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>

#include "generated_model.hpp"
#include "layout/chart_layout.hpp"
#include "timeline/timeline.hpp"

namespace {

using tl::Item;
using tl::ItemType;

/// The briefing template's page and sizes, without reading it (core tests read no YAML).
tl::Theme briefing_like() {
    tl::Theme t = tl::default_theme();
    t.page_width = 841.89;
    t.page_height = 595.28;
    t.margin = 28;
    t.title_size = 16;
    t.subtitle_size = 9;
    t.lane_name_size = 9.5;
    t.label_size = 7;
    t.axis_size = 7;
    t.legend_size = 7;
    t.reference_size = 6.5;
    return t;
}

tl::Document lay_out(const tl::Model& m, const tl::Theme& theme, tl::LayoutMode mode) {
    tl::LayoutOptions options;
    options.mode = mode;
    return tl::layout_document(tl::build_timeline(m), m, theme, tl::FixedWidthMeasurer(), options);
}

int overlapping_texts(const tl::Scene& page) {
    std::vector<const Item*> texts;
    for (const Item& it : page.items)
        if (it.type == ItemType::text) texts.push_back(&it);
    int n = 0;
    for (std::size_t i = 0; i < texts.size(); ++i)
        for (std::size_t j = i + 1; j < texts.size(); ++j)
            if (texts[i]->box.intersects(texts[j]->box)) {
                ++n;
                MESSAGE("overlap: '" << texts[i]->text << "' and '" << texts[j]->text << "'");
            }
    return n;
}

/// The events that have a label (event-label text) anywhere in the document.
std::set<std::string> labelled(const tl::Document& doc) {
    std::set<std::string> out;
    for (const tl::Scene& page : doc.pages)
        for (const Item& it : page.items)
            if (it.role == "event-label") out.insert(it.event);
    return out;
}

}  // namespace

TEST_CASE("a fixed page prints no text under 6 pt: a tall chart goes on over more pages") {
    // Enough lanes that the density view, too, needs more than one page.
    const tl::Model m = tl::testing::generated_model(400, 30);
    const tl::Theme theme = briefing_like();
    for (const tl::LayoutMode mode :
         {tl::LayoutMode::detail, tl::LayoutMode::density, tl::LayoutMode::pages}) {
        CAPTURE(static_cast<int>(mode));
        const tl::Document doc = lay_out(m, theme, mode);
        REQUIRE(doc.pages.size() > 1);
        for (std::size_t p = 0; p < doc.pages.size(); ++p) {
            CAPTURE(p);
            const tl::Scene& page = doc.pages[p];
            CHECK(page.width == theme.page_width);
            CHECK(page.height == theme.page_height);
            CHECK(overlapping_texts(page) == 0);
            for (const Item& it : page.items) {
                CAPTURE(it.role);
                CAPTURE(it.text);
                if (it.type == ItemType::text) {
                    CHECK(it.font.size >= 6);
                    CHECK(it.box.x >= theme.margin - 0.01);
                    CHECK(it.box.right() <= page.width - theme.margin + 0.01);
                }
                // Everything drawn lies between the top and bottom margins.
                CHECK(it.box.y >= theme.margin - 0.01);
                CHECK(it.box.bottom() <= page.height - theme.margin + 0.01);
            }
        }
    }
    // The same labels as on one endless page: pagination loses nothing.
    tl::Theme endless = theme;
    endless.page_height = 0;
    CHECK(labelled(lay_out(m, theme, tl::LayoutMode::detail)) ==
          labelled(lay_out(m, endless, tl::LayoutMode::detail)));
    // The overview of `pages` keeps every lane, whatever number of pages it takes.
    const tl::Document pages = lay_out(m, theme, tl::LayoutMode::pages);
    std::set<std::string> overview_lanes;
    for (const tl::Scene& page : pages.pages) {
        bool dense = false;
        for (const Item& it : page.items)
            dense |= it.role == "density-bin";
        if (!dense) continue;
        for (const Item& it : page.items)
            if (it.role == "lane") overview_lanes.insert(it.lane);
    }
    CHECK(overview_lanes.size() == 30);
}

TEST_CASE("continued pages repeat the axis and the name of a lane split between pages") {
    const tl::Model m = tl::testing::generated_model(200, 2);
    const tl::Document doc = lay_out(m, briefing_like(), tl::LayoutMode::detail);
    int continued = 0;
    for (std::size_t p = 1; p < doc.pages.size(); ++p) {
        CAPTURE(p);
        const tl::Scene& page = doc.pages[p];
        const bool lanes = std::any_of(page.items.begin(), page.items.end(),
                                       [](const Item& it) { return it.role == "lane"; });
        if (!lanes) continue;
        ++continued;
        // The axis at the top of the page (a tall lane also repeats it among its rows).
        double axis_top = page.height;
        for (const Item& it : page.items)
            if (it.role == "axis-label") axis_top = std::min(axis_top, it.box.y);
        double axis_bottom = 0, first_lane = page.height, first_name = page.height;
        for (const Item& it : page.items) {
            if (it.role == "axis-label" && it.box.y < axis_top + 1)
                axis_bottom = std::max(axis_bottom, it.box.bottom());
            if (it.role == "lane") first_lane = std::min(first_lane, it.box.y);
            if (it.role == "lane-label") first_name = std::min(first_name, it.box.y);
        }
        CHECK(axis_bottom > 0);
        CHECK(axis_bottom <= first_lane);
        // The lane at the top of the page is named at its top.
        CHECK(first_name < first_lane + 10);
    }
    CHECK(continued >= 2);
}

TEST_CASE("a chart a little too tall for its page is shrunk onto it, never under 6 pt") {
    const tl::Model m = tl::testing::generated_model(12, 3);
    tl::Theme theme = briefing_like();
    theme.page_height = 0;
    const tl::Document natural = lay_out(m, theme, tl::LayoutMode::detail);
    REQUIRE(natural.pages.size() == 1);
    // The references take up the last part of the natural page: a page 5% shorter than the
    // chart alone needs the chart shrunk by less than 6/7.
    double chart_bottom = 0;
    for (const Item& it : natural.pages[0].items)
        if (it.role == "legend" || it.role == "legend-sample")
            chart_bottom = std::max(chart_bottom, it.box.bottom());
    theme.page_height = theme.margin * 2 + (chart_bottom - theme.margin) * 0.95;
    const tl::Document doc = lay_out(m, theme, tl::LayoutMode::detail);
    REQUIRE(doc.pages.size() >= 2);  // the chart, then its sources
    double smallest = 100;
    for (const Item& it : doc.pages[0].items)
        if (it.type == ItemType::text) smallest = std::min(smallest, it.font.size);
    CHECK(smallest < 7);
    CHECK(smallest >= 6);
    CHECK(labelled(doc) == labelled(natural));
}

TEST_CASE("text items carry the size they are printed at in the scene's JSON") {
    const tl::Model m = tl::testing::generated_model(12, 3);
    const std::string json =
        tl::document_to_json(lay_out(m, briefing_like(), tl::LayoutMode::detail));
    CHECK(json.find("\"role\": \"title\"") != std::string::npos);
    CHECK(json.find("\"font_size\": 16.00") != std::string::npos);
    CHECK(json.find("\"font_size\": 7.00") != std::string::npos);
}
