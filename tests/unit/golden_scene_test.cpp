// Golden Scenes: a handful of charts laid out with the fixed-width test measurer (so that the
// installed fonts do not matter) and compared, as the JSON that `--scene` writes, with the
// files in tests/golden/. A reviewer reads the diff of a golden file to see what a change did
// to the chart. To accept a change, run the test with TIMELINE_UPDATE_GOLDEN=1 and review
// `git diff tests/golden/` before committing it (as d2 accepts its golden tests with
// TESTDATA_ACCEPT).
#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "generated_model.hpp"
#include "layout/chart_layout.hpp"
#include "layout/color.hpp"
#include "legend_check.hpp"
#include "load/loader.hpp"
#include "template_charts.hpp"
#include "theme/template_loader.hpp"
#include "timeline/timeline.hpp"
#include "validate/validate.hpp"

namespace {

namespace fs = std::filesystem;

const fs::path& kSource = tl::testing::kSourceDir;

std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// Compares `actual` with tests/golden/<name>.json, or rewrites the file when asked to.
void check_golden(const std::string& name, const std::string& actual) {
    const fs::path path = kSource / "tests" / "golden" / (name + ".json");
    const char* update = std::getenv("TIMELINE_UPDATE_GOLDEN");
    if (update && *update && std::string(update) != "0") {
        fs::create_directories(path.parent_path());
        std::ofstream(path, std::ios::binary) << actual;
        MESSAGE("rewrote ", path.string(), ": review its diff before committing it");
        return;
    }
    INFO("golden file: ", path.string(),
         " (run with TIMELINE_UPDATE_GOLDEN=1 to accept a change, then review its diff)");
    REQUIRE(fs::exists(path));
    const std::string expected = read_file(path);
    if (expected == actual) return;
    // Point at the first line that differs rather than printing two whole scenes.
    std::size_t line = 1;
    std::size_t i = 0;
    while (i < expected.size() && i < actual.size() && expected[i] == actual[i])
        line += expected[i++] == '\n';
    const auto line_at = [](const std::string& s, std::size_t at) {
        const std::size_t start = s.rfind('\n', at == 0 ? 0 : at - 1);
        const std::size_t begin = start == std::string::npos ? 0 : start + 1;
        return s.substr(begin, s.find('\n', begin) - begin);
    };
    FAIL("first difference at line ", line, "\n  golden: ", line_at(expected, i),
         "\n  now:    ", line_at(actual, i));
}

using tl::testing::load_seed;
using tl::testing::template_named;

std::string lay_out(const tl::Timeline& timeline, const tl::Model& model, const tl::Theme& theme,
                    const tl::LayoutOptions& options) {
    return tl::document_to_json(
        tl::layout_document(timeline, model, theme, tl::FixedWidthMeasurer(), options));
}

tl::LayoutOptions with_today() {
    tl::LayoutOptions options;
    options.today = tl::parse_date("2024-10-01").value->start.earliest;
    return options;
}

/// Calls `check(name, model, theme, timeline)` for the seed events with each shipped template.
template <typename Check>
void for_each_template(Check check) {
    tl::Diagnostics diags;
    tl::Model model = load_seed(diags);
    REQUIRE_FALSE(diags.has_errors());
    for (const char* name : {"default", "briefing", "dark"}) {
        CAPTURE(name);
        const tl::Theme theme = template_named(name, model.files);
        check(name, model, theme, tl::build_timeline(model, {}, theme.lanes, theme.lane_order));
    }
}

}  // namespace

TEST_CASE("golden scenes: the seed events with every template") {
    for_each_template([](const std::string& name, const tl::Model& model, const tl::Theme& theme,
                         const tl::Timeline& timeline) {
        check_golden("seed-" + name, lay_out(timeline, model, theme, with_today()));
    });
}

TEST_CASE("golden scenes: the seed events in a window of 2024") {
    tl::Diagnostics diags;
    tl::Model model = load_seed(diags);
    REQUIRE_FALSE(diags.has_errors());
    const tl::Theme theme = template_named("default", model.files);
    tl::EventFilter window;
    window.from = tl::parse_date("2024-01-01").value->start.earliest;
    window.to = tl::parse_date("2024-12-31").value->start.earliest;
    const tl::Timeline timeline = tl::build_timeline(model, window, theme.lanes);
    tl::LayoutOptions options = with_today();
    options.window = tl::window_of(window, timeline.span);  // as `render --from --to` does
    check_golden("seed-window-2024", lay_out(timeline, model, theme, options));
}

TEST_CASE("golden scenes: the seed marked with what changed since the week before") {
    tl::Diagnostics diags;
    tl::Model model = load_seed(diags);
    tl::LoadOptions load;
    load.threads = 1;
    const tl::Model before = tl::load_inputs(
        {(kSource / "tests" / "fixtures" / "since" / "seed-before").string()}, diags, load);
    REQUIRE_FALSE(diags.has_errors());
    const tl::ModelRevisions revisions = tl::compare_models(before, model);
    const tl::Theme theme = template_named("default", model.files);
    tl::LayoutOptions options = with_today();
    options.revisions = &revisions;
    options.since = "week-1";
    check_golden("seed-since",
                 lay_out(tl::build_timeline(model, {}, theme.lanes), model, theme, options));
}

TEST_CASE("golden scenes: a density chart and a pages document of generated events") {
    const tl::Model model = tl::testing::generated_model(600, 30);
    const tl::Theme theme = tl::default_theme();
    const tl::Timeline timeline = tl::build_timeline(model);
    tl::LayoutOptions options;
    options.mode = tl::LayoutMode::density;
    check_golden("generated-density", lay_out(timeline, model, theme, options));

    const tl::Model smaller = tl::testing::generated_model(150, 12);
    options.mode = tl::LayoutMode::pages;
    check_golden("generated-pages", lay_out(tl::build_timeline(smaller), smaller, theme, options));
}

TEST_CASE("every template: the seed's lane accents stand apart from the kind colours") {
    for_each_template([](const std::string&, const tl::Model& model, const tl::Theme& theme,
                         const tl::Timeline& timeline) {
        const tl::Scene scene =
            tl::layout_chart(timeline, model, theme, tl::FixedWidthMeasurer(), with_today());
        std::vector<tl::Color> kinds;
        for (const auto& [kind, color] : theme.kind_colors)
            kinds.push_back(color);
        for (const tl::Kind& k : model.kinds)
            if (auto c = tl::Color::parse(k.color)) kinds.push_back(*c);
        int accents = 0;
        for (const tl::Item& it : scene.items) {
            if (it.role != "lane-accent") continue;
            ++accents;
            for (const tl::Color& kind : kinds) {
                CAPTURE(it.fill.hex());
                CAPTURE(kind.hex());
                CHECK(tl::color_distance(it.fill, kind) >= tl::kMinAccentDistance);
            }
        }
        CHECK(accents == static_cast<int>(timeline.lanes.size()));
    });
}

TEST_CASE("the seed's legend lists only what its charts draw") {
    tl::Diagnostics diags;
    tl::Model model = load_seed(diags);
    REQUIRE_FALSE(diags.has_errors());
    for (const char* name : {"default", "briefing"}) {
        CAPTURE(name);
        const tl::Theme theme = template_named(name, model.files);
        const tl::Timeline timeline = tl::build_timeline(model, {}, theme.lanes);
        const tl::Scene chart =
            tl::layout_chart(timeline, model, theme, tl::FixedWidthMeasurer(), with_today());
        const auto entries = tl::testing::legend_entries(chart);
        CHECK_FALSE(entries.empty());
        for (const auto& entry : entries) {
            CAPTURE(entry.label);
            CHECK(tl::testing::legend_entry_is_drawn(chart, entry));
        }
    }
}

TEST_CASE("golden scenes: a briefing chart too tall for its A4 page goes on over pages") {
    tl::Model model = tl::testing::generated_model(60, 3);
    const tl::Theme theme = template_named("briefing", model.files);
    tl::LayoutOptions options;
    options.mode = tl::LayoutMode::detail;
    const std::string json = lay_out(tl::build_timeline(model), model, theme, options);
    // More than one page of chart, not a chart shrunk below the template's minimum.
    CHECK(json.find("\"role\": \"lane\"", json.find("\"pages\"")) != std::string::npos);
    check_golden("generated-briefing", json);
}

TEST_CASE("golden scenes: a totals block of pledged and delivered amounts") {
    tl::Diagnostics diags;
    tl::LoadOptions load;
    load.threads = 1;
    tl::Model model = tl::load_inputs(
        {(kSource / "tests" / "fixtures" / "totals-block.yaml").string()}, diags, load);
    tl::validate(model, diags);
    REQUIRE_FALSE(diags.has_errors());
    tl::LayoutOptions options;
    options.measure = "EUR";
    options.totals_block = 10;
    check_golden("totals-block",
                 lay_out(tl::build_timeline(model), model, tl::default_theme(), options));
}
