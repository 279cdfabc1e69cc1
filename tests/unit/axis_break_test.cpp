// Long spans do not squash the story: on the seed events, where a ten-year term of office
// sets the axis, the years that hold nothing but that bar's continuation are broken out of
// the axis, so that the events of September 2024 get the width (issue 12, point 6).
#include <doctest/doctest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <string>
#include <vector>

#include "layout/chart_layout.hpp"
#include "load/loader.hpp"
#include "theme/template_loader.hpp"
#include "timeline/timeline.hpp"
#include "validate/validate.hpp"

namespace {

namespace fs = std::filesystem;

/// The seed chart as the command line lays it out with a template, measured with the
/// fixed-width test measurer.
struct SeedChart {
    tl::Model model;
    tl::Scene scene;

    explicit SeedChart(const std::string& template_name) {
        const fs::path source = TIMELINE_SOURCE_DIR;
        tl::Diagnostics diags;
        tl::LoadOptions load;
        load.threads = 1;
        model = tl::load_inputs({(source / "events").string()}, diags, load);
        tl::validate(model, diags);
        const tl::Theme theme = tl::load_template(
            (source / "templates" / (template_name + ".yaml")).string(), model.files, diags);
        REQUIRE_FALSE(diags.has_errors());
        const tl::Timeline timeline = tl::build_timeline(model, {}, theme.lanes);
        scene = tl::layout_chart(timeline, model, theme, tl::FixedWidthMeasurer(), {});
    }

    std::vector<const tl::Item*> with_role(const std::string& role) const {
        std::vector<const tl::Item*> out;
        for (const tl::Item& it : scene.items)
            if (it.role == role) out.push_back(&it);
        return out;
    }
};

}  // namespace

TEST_CASE("axis breaks: the seed's September 2024 gets the width the empty years gave up") {
    for (const std::string name : {"default", "briefing"}) {
        CAPTURE(name);
        const SeedChart chart(name);
        // The month-long brackets of September 2024 span the month as drawn.
        double sep = 0;
        for (const tl::Item& it : chart.scene.items)
            if (it.role == "event-range" && it.event == "iran-ballistic-missiles-caspian-2024")
                sep = it.box.width;
        CHECK(sep >= 100);
        // The break is marked across the lanes and on the axis, and the legend explains it.
        CHECK_FALSE(chart.with_role("axis-break").empty());
        CHECK_FALSE(chart.with_role("axis-break-mark").empty());
        CHECK_FALSE(chart.with_role("break-mark").empty());  // on the term of office's bar
        bool explained = false;
        for (const tl::Item* it : chart.with_role("legend"))
            explained = explained || it->text.find("break") != std::string::npos;
        CHECK(explained);
        // No event is placed inside a broken-out stretch.
        for (const tl::Item* gap : chart.with_role("axis-break"))
            for (const tl::Item& it : chart.scene.items)
                if (it.role == "event-marker" || it.role == "event-range") {
                    CAPTURE(it.event);
                    CHECK_FALSE((it.box.x < gap->box.right() && gap->box.x < it.box.right()));
                }
    }
}

TEST_CASE("axis breaks: tick labels run left to right, one per place, none inside a break") {
    for (const std::string name : {"default", "briefing"}) {
        CAPTURE(name);
        const SeedChart chart(name);
        const auto ticks = chart.with_role("axis-label");
        REQUIRE(ticks.size() >= 3);
        for (std::size_t i = 1; i < ticks.size(); ++i)
            CHECK(ticks[i - 1]->box.right() < ticks[i]->box.x);
        for (const tl::Item* gap : chart.with_role("axis-break"))
            for (const tl::Item* grid : chart.with_role("grid"))
                CHECK_FALSE((grid->from.x > gap->box.x && grid->from.x < gap->box.right()));
    }
}

TEST_CASE("axis breaks: no two arrows of the seed are drawn over each other") {
    for (const std::string name : {"default", "briefing"}) {
        CAPTURE(name);
        const SeedChart chart(name);
        const auto arrows = chart.with_role("support");
        REQUIRE(arrows.size() >= 5);
        int over = 0;
        for (std::size_t i = 0; i < arrows.size(); ++i)
            for (std::size_t j = i + 1; j < arrows.size(); ++j) {
                const tl::Item& a = *arrows[i];
                const tl::Item& b = *arrows[j];
                if (a.event == b.event) continue;  // one event's arrows are one arrow's parts
                const double a0 = std::min(a.from.y, a.to.y), a1 = std::max(a.from.y, a.to.y);
                const double b0 = std::min(b.from.y, b.to.y), b1 = std::max(b.from.y, b.to.y);
                if (std::abs(a.from.x - b.from.x) < 2 && a0 < b1 && b0 < a1) {
                    ++over;
                    MESSAGE(a.event << " and " << b.event << " at x=" << a.from.x);
                }
            }
        CHECK(over == 0);
    }
}
