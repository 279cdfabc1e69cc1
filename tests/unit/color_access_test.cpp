// Colour for every reader (docs/accessibility.md, "Colour"): each shipped template's kind
// colours stay apart in normal vision and under simulated protanopia, deuteranopia and
// tritanopia, its lane accent is never taken for a kind, and every text on its charts meets
// WCAG 2.x contrast against what lies under it.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "diff/revisions.hpp"
#include "generated_model.hpp"
#include "layout/chart_colors.hpp"
#include "layout/chart_layout.hpp"
#include "layout/color_vision.hpp"
#include "layout/theme.hpp"
#include "model/kinds.hpp"
#include "template_charts.hpp"
#include "timeline/timeline.hpp"

namespace {

using tl::testing::template_named;

tl::Color hex(const char* s) {
    return *tl::Color::parse(s);
}

/// One confirmed event of each built-in kind, each on its own day, with a quantity (drawn in
/// its kind's colour).
tl::Model every_kind_model() {
    tl::Model m;
    m.actors.push_back({"a", "Supplier", "", "", {}});
    m.actors.push_back({"b", "Recipient", "", "", {}});
    int day = 1;
    for (const tl::BuiltinKind& k : tl::builtin_kinds()) {
        tl::Event e;
        e.id = std::string(k.id);
        e.title = std::string(k.label) + " event";
        char date[32];
        std::snprintf(date, sizeof date, "2024-%02d-%02d", 1 + day / 2, 1 + 10 * (day % 2));
        ++day;
        e.date = *tl::parse_date(date).value;
        e.kind = std::string(k.id);
        e.confidence = tl::Confidence::confirmed;
        e.from.push_back({"a", {}});
        e.to.push_back({"b", {}});
        tl::Quantity q;
        q.value = 12;
        q.value_text = "12";
        q.unit = "units";
        e.quantities.push_back(q);
        e.sources.push_back(
            {"Publisher", "", "https://example.org/" + e.id, std::nullopt, "", {}, {}});
        m.events.push_back(std::move(e));
    }
    return m;
}

tl::LayoutOptions detail_on(const char* today) {
    tl::LayoutOptions options;
    options.mode = tl::LayoutMode::detail;
    options.today = tl::parse_date(today).value->start.earliest;
    return options;
}

/// Each kind's colour as the chart draws it: the outline of its events' marks.
std::map<std::string, tl::Color> drawn_kind_colors(const tl::Scene& scene, const tl::Model& model) {
    std::map<std::string, std::string> kind_of;
    for (const tl::Event& e : model.events)
        kind_of[e.id] = e.kind;
    std::map<std::string, tl::Color> colors;
    for (const tl::Item& it : scene.items) {
        if (it.event.empty() ||
            (it.role != "event-marker" && it.role != "event-range" && it.role != "event-bar"))
            continue;
        const std::string& kind = kind_of.at(it.event);
        const auto [at, added] = colors.emplace(kind, it.stroke);
        CAPTURE(kind);
        CHECK(at->second == it.stroke);  // one colour per kind
    }
    return colors;
}

/// Checks every pair of `colors` (and each against the lane accents) in every vision.
void check_apart(const std::map<std::string, tl::Color>& colors,
                 const std::vector<tl::Color>& accents) {
    for (const tl::ColorVision v : tl::kColorVisions) {
        const std::string vision = tl::to_string(v);
        CAPTURE(vision);
        for (auto a = colors.begin(); a != colors.end(); ++a) {
            const tl::Color seen = tl::simulate(a->second, v);
            for (auto b = std::next(a); b != colors.end(); ++b) {
                CAPTURE(a->first);
                CAPTURE(b->first);
                CHECK(tl::ciede2000(seen, tl::simulate(b->second, v)) >= tl::kMinKindDifference);
            }
            for (const tl::Color& accent : accents) {
                CAPTURE(a->first);
                CAPTURE(accent.hex());
                CHECK(tl::ciede2000(seen, tl::simulate(accent, v)) >= tl::kMinKindDifference);
            }
        }
    }
}

std::vector<tl::Color> lane_accents(const tl::Scene& scene) {
    std::vector<tl::Color> accents;
    for (const tl::Item& it : scene.items)
        if (it.role == "lane-accent" &&
            std::find(accents.begin(), accents.end(), it.fill) == accents.end())
            accents.push_back(it.fill);
    return accents;
}

/// Whether `p` lies on what `it` paints with its fill.
bool covers(const tl::Item& it, double x, double y) {
    const tl::Rect& b = it.box;
    if (x < b.x || x > b.right() || y < b.y || y > b.bottom()) return false;
    if (it.type != tl::ItemType::marker || it.shape != tl::MarkerShape::circle) return true;
    const double rx = b.width / 2, ry = b.height / 2;
    const double dx = (x - b.x - rx) / rx, dy = (y - b.y - ry) / ry;
    return dx * dx + dy * dy <= 1;
}

/// The colour under (x, y) before item `upto` is drawn: the page, then each filled band, bar
/// and marker over it in the painter's order, composited by its alpha.
tl::Color backdrop(const tl::Scene& scene, std::size_t upto, double x, double y) {
    tl::Color under = scene.background;
    for (std::size_t i = 0; i < upto; ++i) {
        const tl::Item& it = scene.items[i];
        const bool paints = it.type == tl::ItemType::band || it.type == tl::ItemType::bar ||
                            it.type == tl::ItemType::marker;
        if (paints && it.fill.a > 0 && covers(it, x, y)) under = tl::composite(it.fill, under);
    }
    return under;
}

/// The texts of `scene` that read below WCAG's minimum on what lies under them, one line each:
/// each text's box is sampled at 15 points, and the worst of them counts.
std::vector<std::string> contrast_problems(const tl::Scene& scene) {
    std::vector<std::string> problems;
    for (std::size_t i = 0; i < scene.items.size(); ++i) {
        const tl::Item& text = scene.items[i];
        if (text.type != tl::ItemType::text || text.text.empty()) continue;
        const double needed = tl::is_large_text(text.font.size, text.font.bold)
                                  ? tl::kMinLargeTextContrast
                                  : tl::kMinTextContrast;
        double worst = 21;
        tl::Color worst_under;
        for (const double fx : {0.05, 0.275, 0.5, 0.725, 0.95}) {
            for (const double fy : {0.3, 0.5, 0.7}) {
                const tl::Color under = backdrop(scene, i, text.box.x + fx * text.box.width,
                                                 text.box.y + fy * text.box.height);
                const double ratio = tl::contrast_ratio(tl::composite(text.fill, under), under);
                if (ratio < worst) {
                    worst = ratio;
                    worst_under = under;
                }
            }
        }
        if (worst < needed)
            problems.push_back(text.role + " '" + text.text.substr(0, 40) + "' " + text.fill.hex() +
                               " on " + worst_under.hex() + ": " + std::to_string(worst) + " < " +
                               std::to_string(needed));
    }
    return problems;
}

void check_contrast(const tl::Document& doc) {
    CAPTURE(doc.title);
    for (std::size_t page = 0; page < doc.pages.size(); ++page) {
        CAPTURE(page);
        std::string problems;
        for (const std::string& p : contrast_problems(doc.pages[page]))
            problems += "\n  " + p;
        CHECK_MESSAGE(problems.empty(), problems);
    }
}

}  // namespace

TEST_CASE("colour vision: CIEDE2000 and the simulations give the published values") {
    // Sharma, Wu & Dalal (2005), table 1, pairs 1, 7 and 34.
    CHECK(tl::ciede2000(tl::Lab{50, 2.6772, -79.7751}, tl::Lab{50, 0, -82.7485}) ==
          doctest::Approx(2.0425).epsilon(1e-4));
    CHECK(tl::ciede2000(tl::Lab{50, 0, 0}, tl::Lab{50, -1, 2}) ==
          doctest::Approx(2.3669).epsilon(1e-4));
    CHECK(tl::ciede2000(tl::Lab{2.0776, 0.0795, -1.135}, tl::Lab{0.9033, -0.0636, -0.5514}) ==
          doctest::Approx(0.9082).epsilon(1e-3));
    // A grey looks the same to everyone; red and green fall together for the red-green
    // dichromacies and stay apart for tritanopia.
    const tl::Color grey{0.5, 0.5, 0.5};
    const tl::Color red = hex("#d62728"), green = hex("#2ca02c");
    for (const tl::ColorVision v : tl::kColorVisions) {
        const std::string vision = tl::to_string(v);
        CAPTURE(vision);
        CHECK(tl::ciede2000(tl::simulate(grey, v), grey) < 0.1);
    }
    CHECK(tl::ciede2000(red, green) > 60);
    CHECK(tl::ciede2000(tl::simulate(red, tl::ColorVision::deuteranopia),
                        tl::simulate(green, tl::ColorVision::deuteranopia)) < 15);
    CHECK(tl::ciede2000(tl::simulate(red, tl::ColorVision::tritanopia),
                        tl::simulate(green, tl::ColorVision::tritanopia)) > 40);
    // WCAG's own examples: black on white is 21:1, #767676 on white just passes 4.5:1.
    CHECK(tl::contrast_ratio({0, 0, 0}, {1, 1, 1}) == doctest::Approx(21));
    CHECK(tl::contrast_ratio(hex("#767676"), {1, 1, 1}) >= 4.5);
    CHECK(tl::contrast_ratio(hex("#777777"), {1, 1, 1}) < 4.5);
    CHECK(tl::is_large_text(18, false));
    CHECK(tl::is_large_text(14, true));
    CHECK_FALSE(tl::is_large_text(14, false));
}

TEST_CASE(
    "every template: the kinds of a chart of every built-in kind stay apart for every reader") {
    const tl::Model model = every_kind_model();
    for (const std::string name : tl::testing::kTemplates) {
        CAPTURE(name);
        tl::SourceFiles files;
        const tl::Theme theme = template_named(name, files);
        const tl::Scene chart =
            tl::layout_chart(tl::build_timeline(model, {}, theme.lanes, theme.lane_order), model,
                             theme, tl::FixedWidthMeasurer(), detail_on("2024-12-31"));
        const auto colors = drawn_kind_colors(chart, model);
        CHECK(colors.size() == tl::builtin_kinds().size());
        check_apart(colors, lane_accents(chart));
        std::vector<tl::Color> list;
        for (const auto& [kind, color] : colors)
            list.push_back(color);
        for (const tl::ColorVision v : tl::kColorVisions) {
            const std::string vision = tl::to_string(v);
            CAPTURE(vision);  // the figure docs/accessibility.md lists per template and vision
            CHECK(tl::min_difference(list, v) >= tl::kMinKindDifference);
        }
    }
}

TEST_CASE("every template: the seed's kinds stay apart for every reader") {
    tl::Diagnostics diags;
    tl::Model model = tl::testing::load_seed(diags);
    REQUIRE_FALSE(diags.has_errors());
    for (const std::string name : tl::testing::kTemplates) {
        CAPTURE(name);
        const tl::Theme theme = template_named(name, model.files);
        const tl::Scene chart =
            tl::layout_chart(tl::build_timeline(model, {}, theme.lanes, theme.lane_order), model,
                             theme, tl::FixedWidthMeasurer(), detail_on("2024-10-01"));
        check_apart(drawn_kind_colors(chart, model), lane_accents(chart));
    }
}

TEST_CASE("the contrast check finds text that does not read on what lies under it") {
    tl::Diagnostics diags;
    tl::Model seed = tl::testing::load_seed(diags);
    REQUIRE_FALSE(diags.has_errors());
    tl::Theme theme = tl::default_theme();
    theme.muted = hex("#c8ccd2");  // the lane names' grey, too pale for the lanes under it
    const tl::Scene chart = tl::layout_chart(tl::build_timeline(seed), seed, theme,
                                             tl::FixedWidthMeasurer(), detail_on("2024-10-01"));
    CHECK_FALSE(contrast_problems(chart).empty());
    // Text on a band: the band's colour counts, composited over the page by its alpha.
    tl::Scene scene;
    tl::Item band;
    band.type = tl::ItemType::band;
    band.box = {0, 0, 100, 20};
    band.fill = tl::Color{0, 0, 0, 0.8};
    tl::Item text;
    text.type = tl::ItemType::text;
    text.text = "label";
    text.box = {10, 5, 30, 10};
    text.fill = hex("#333333");
    scene.items = {band, text};
    CHECK(contrast_problems(scene).size() == 1);
    scene.items[1].fill = hex("#ffffff");
    CHECK(contrast_problems(scene).empty());
}

namespace {

/// The kinds of the events an item stands for (one for an event, its members' for a group).
std::set<std::string> kinds_of(const tl::Item& it, const std::map<std::string, std::string>& kind) {
    std::set<std::string> out;
    if (!it.event.empty()) out.insert(kind.at(it.event));
    for (const std::string& id : it.events)
        out.insert(kind.at(id));
    return out;
}

/// The letters of a shortened label's title: what follows its date's " · ", without the
/// isolation marks, the ellipsis and the note's number.
std::size_t title_letters(const std::string& text) {
    const std::size_t at = text.find(" \u00b7 ");
    std::string title = text.substr(at == std::string::npos ? 0 : at + 4);
    title = title.substr(0, title.rfind(" ("));
    std::size_t letters = 0;
    for (std::size_t i = 0; i < title.size(); ++i) {
        const auto byte = static_cast<unsigned char>(title[i]);
        if ((byte & 0xC0) == 0x80) continue;  // inside a code point
        const std::string_view rest(title.c_str() + i, title.size() - i);
        letters += !rest.starts_with("\u2068") && !rest.starts_with("\u2069") &&
                   !rest.starts_with("\u2026");
    }
    return letters;
}

/// A label cut short ends with its note's number, "(N)".
bool is_shortened(const std::string& text) {
    const std::size_t open = text.rfind('(');
    if (open == std::string::npos || text.empty() || text.back() != ')') return false;
    const std::string digits = text.substr(open + 1, text.size() - open - 2);
    return !digits.empty() && std::all_of(digits.begin(), digits.end(),
                                          [](char ch) { return ch >= '0' && ch <= '9'; });
}

/// The second cue for kinds on one page: every label of events of one kind starts with that
/// kind's glyph unless it was cut short; a glyph stands right before its label, on no other
/// text, at WCAG's 3:1 against what lies under it; one kind, one shape, and the key's.
/// Returns how many labels of one kind are drawn whole, and how many of them have their
/// glyph: one that fits whole only without it goes without it.
std::pair<std::size_t, std::size_t> check_kind_glyphs(const tl::Scene& scene,
                                                      const tl::Model& model) {
    std::map<std::string, std::string> kind;
    for (const tl::Event& e : model.events)
        kind[e.id] = e.kind;
    std::map<std::string, tl::MarkerShape> shape_of;
    std::map<tl::MarkerShape, std::string> kind_of_shape;
    const auto note_shape = [&](const std::string& k, tl::MarkerShape shape) {
        CAPTURE(k);
        CAPTURE(tl::to_string(shape));
        const auto [at, added] = shape_of.emplace(k, shape);
        CHECK(at->second == shape);
        const auto [by, added_shape] = kind_of_shape.emplace(shape, k);
        CHECK(by->second == k);
    };
    std::size_t labels = 0;
    std::size_t whole = 0;       // labels of one kind drawn whole
    std::size_t with_glyph = 0;  // of them, those with their glyph
    for (std::size_t i = 0; i < scene.items.size(); ++i) {
        const tl::Item& it = scene.items[i];
        if (it.role == "event-label") {
            const std::set<std::string> kinds = kinds_of(it, kind);
            const bool has_glyph = i > 0 && scene.items[i - 1].role == "kind-glyph";
            CAPTURE(it.text);
            // A shortened label keeps its glyph only while some of its title shows.
            if (is_shortened(it.text) && has_glyph) CHECK(title_letters(it.text) >= 3);
            if (!is_shortened(it.text) && kinds.size() == 1) {
                ++whole;
                with_glyph += has_glyph;
            }
            labels += has_glyph;
        }
        if (it.role == "legend-sample" && !it.kind.empty()) note_shape(it.kind, it.shape);
        if (it.role != "kind-glyph") continue;
        CAPTURE(it.event);
        REQUIRE(i + 1 < scene.items.size());
        const tl::Item& label = scene.items[i + 1];
        REQUIRE(label.role == "event-label");
        CHECK(label.event == it.event);
        CHECK(label.events == it.events);
        CHECK(kinds_of(label, kind) == std::set<std::string>{it.kind});
        note_shape(it.kind, it.shape);
        // Right before the label's first glyph (or its badge's box), within its line.
        CHECK(it.box.right() <= label.box.x + 0.01);
        CHECK(it.box.right() >= label.box.x - 4.5);
        CHECK(it.box.y >= label.box.y - 0.01);
        CHECK(it.box.bottom() <= label.box.bottom() + 0.01);
        for (const tl::Item& other : scene.items) {
            if (other.type == tl::ItemType::text) {
                CAPTURE(other.text);
                CHECK_FALSE(other.box.intersects(it.box));
            }
            // A NEW or REVISED badge starts the label: the glyph keeps the gap it keeps
            // from text.
            if (other.role == "change-badge" && other.event == it.event)
                CHECK(other.box.x - it.box.right() >= 2.4);
        }
        const tl::Rect& b = it.box;
        for (const auto& [fx, fy] : {std::pair{0.5, 0.5}, {0.2, 0.8}, {0.8, 0.8}, {0.5, 0.2}}) {
            const tl::Color under = backdrop(scene, i, b.x + fx * b.width, b.y + fy * b.height);
            CHECK(tl::contrast_ratio(tl::composite(it.fill, under), under) >=
                  tl::kMinGraphicContrast - 0.01);
        }
    }
    if (!shape_of.empty()) CHECK(labels > 0);
    return {whole, with_glyph};
}

}  // namespace

namespace {

/// What a reader needs of each page of `doc`: text contrast, and the kinds' glyphs, each
/// glyph drawn on any page explained by a key (of `--layout pages`, the overview's: the
/// detail pages have none), in the same shape.
void check_reader_cues(const tl::Document& doc, const tl::Model& model) {
    check_contrast(doc);
    std::map<std::string, tl::MarkerShape> keyed;
    std::map<std::string, tl::MarkerShape> drawn;
    std::size_t whole = 0;
    std::size_t with_glyph = 0;
    for (const tl::Scene& page : doc.pages) {
        const auto [labels, glyphs] = check_kind_glyphs(page, model);
        whole += labels;
        with_glyph += glyphs;
        for (const tl::Item& it : page.items) {
            if (it.role == "legend-sample" && !it.kind.empty()) keyed[it.kind] = it.shape;
            if (it.role == "kind-glyph") drawn[it.kind] = it.shape;
        }
    }
    for (const auto& [kind, shape] : drawn) {
        CAPTURE(kind);
        REQUIRE(keyed.count(kind));
        CHECK(keyed[kind] == shape);
    }
    // Nine in ten labels drawn whole, at least, have their glyph (94% and more on these
    // charts; the others fill their room): the cue is there, not only in the key.
    CAPTURE(whole);
    CHECK(with_glyph * 10 >= whole * 9);
}

}  // namespace

TEST_CASE(
    "every template and view: every text meets WCAG contrast on what lies under it, and a label "
    "of one kind starts with its glyph") {
    tl::Diagnostics diags;
    tl::Model seed = tl::testing::load_seed(diags);
    tl::LoadOptions load;
    load.threads = 1;
    const tl::Model before = tl::load_inputs(
        {(tl::testing::kSourceDir / "tests" / "fixtures" / "since" / "seed-before").string()},
        diags, load);
    REQUIRE_FALSE(diags.has_errors());
    const tl::ModelRevisions revisions = tl::compare_models(before, seed);
    const tl::Model every_kind = every_kind_model();
    const tl::Model dense = tl::testing::generated_model(600, 30);
    const tl::Model paged = tl::testing::generated_model(150, 12);
    for (const std::string name : tl::testing::kTemplates) {
        CAPTURE(name);
        const tl::Theme theme = template_named(name, seed.files);
        const auto timeline = [&](const tl::Model& m) {
            return tl::build_timeline(m, {}, theme.lanes, theme.lane_order);
        };
        const auto lay_out = [&](const tl::Model& m, const tl::LayoutOptions& options) {
            return tl::layout_document(timeline(m), m, theme, tl::FixedWidthMeasurer(), options);
        };
        check_reader_cues(lay_out(seed, detail_on("2024-10-01")), seed);
        tl::LayoutOptions since = detail_on("2024-10-01");
        since.revisions = &revisions;
        since.since = "week-1";
        check_reader_cues(lay_out(seed, since), seed);
        check_reader_cues(lay_out(every_kind, detail_on("2024-12-31")), every_kind);
        tl::LayoutOptions density;
        density.mode = tl::LayoutMode::density;
        check_reader_cues(lay_out(dense, density), dense);
        tl::LayoutOptions pages;
        pages.mode = tl::LayoutMode::pages;
        check_reader_cues(lay_out(paged, pages), paged);
    }
}

TEST_CASE("the kinds' glyphs: every built-in kind its own, declared kinds the spare ones first") {
    tl::Model m = every_kind_model();
    // Three declared kinds, with every built-in kind in use: the first two take the two
    // spare glyphs; the third, with none free, the first again.
    for (const char* id : {"drones", "fuel", "loans"}) {
        tl::Kind k;
        k.id = id;
        k.label = id;
        m.kinds.push_back(k);
        tl::Event e = m.events.front();
        e.id = std::string(id) + "-event";
        e.kind = id;
        m.events.push_back(std::move(e));
    }
    const tl::Theme theme = tl::default_theme();
    const tl::ChartColors colors(tl::build_timeline(m), m, theme);
    std::set<tl::MarkerShape> shapes;
    for (const tl::BuiltinKind& k : tl::builtin_kinds())
        shapes.insert(*colors.glyph(std::string(k.id)));
    CHECK(shapes.size() == tl::builtin_kinds().size());
    CHECK(*colors.glyph("drones") == tl::MarkerShape::glyph_triangle_left);
    CHECK(*colors.glyph("fuel") == tl::MarkerShape::glyph_pentagon);
    CHECK_FALSE(shapes.count(*colors.glyph("drones")));
    CHECK_FALSE(shapes.count(*colors.glyph("fuel")));
    CHECK(*colors.glyph("loans") == *colors.glyph("drones"));
    CHECK_FALSE(shapes.count(tl::MarkerShape::circle));  // the mark of an exact day
    CHECK_FALSE(colors.glyph("no-such-kind").has_value());
    // A filter changes no glyph: each kind's comes from the input, not the chart.
    tl::EventFilter only_loans;
    only_loans.kinds = {"loans"};
    const tl::ChartColors filtered(tl::build_timeline(m, only_loans), m, theme);
    CHECK(*filtered.glyph("loans") == *colors.glyph("loans"));
    // With arms transfers in no event, the third declared kind takes their glyph.
    tl::Model fewer = m;
    std::erase_if(fewer.events, [](const tl::Event& e) { return e.kind == "arms-transfer"; });
    const tl::ChartColors freed(tl::build_timeline(fewer), fewer, theme);
    CHECK(*freed.glyph("loans") == *freed.glyph("arms-transfer"));
    CHECK(*freed.glyph("fuel") == tl::MarkerShape::glyph_pentagon);
}
