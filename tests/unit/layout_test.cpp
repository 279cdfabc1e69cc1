#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <tuple>

#include "base/text.hpp"
#include "generated_model.hpp"
#include "knockout_check.hpp"
#include "layout/chart_layout.hpp"
#include "named_events.hpp"
#include "timeline/timeline.hpp"

namespace {

using tl::Item;
using tl::ItemType;
using tl::Rect;

struct Laid {
    tl::Model model;
    tl::Timeline timeline;
    tl::Scene scene;

    explicit Laid(tl::Model m, tl::LayoutMode mode = tl::LayoutMode::detail,
                  tl::LaneOrder order = tl::LaneOrder::role)
        : model(std::move(m)) {
        timeline = tl::build_timeline(model, {}, tl::LaneMode::actor, order);
        tl::LayoutOptions options;
        options.mode = mode;
        scene = tl::layout_chart(timeline, model, tl::default_theme(), tl::FixedWidthMeasurer(),
                                 options);
    }
    std::vector<const Item*> all(ItemType type, const std::string& role = {}) const {
        std::vector<const Item*> out;
        for (const Item& it : scene.items)
            if (it.type == type && (role.empty() || it.role == role)) out.push_back(&it);
        return out;
    }
};

/// Strictly overlapping boxes; touching edges do not count.
bool overlap(const Rect& a, const Rect& b) {
    return a.intersects(b);
}

int text_overlaps(const Laid& l) {
    const auto texts = l.all(ItemType::text);
    // Sweep by x so that 1,000 events do not need a million comparisons.
    std::vector<const Item*> sorted(texts);
    std::sort(sorted.begin(), sorted.end(), [](auto* a, auto* b) { return a->box.x < b->box.x; });
    int n = 0;
    for (std::size_t i = 0; i < sorted.size(); ++i)
        for (std::size_t j = i + 1; j < sorted.size() && sorted[j]->box.x < sorted[i]->box.right();
             ++j)
            if (overlap(sorted[i]->box, sorted[j]->box)) {
                ++n;
                MESSAGE("overlap: '" << sorted[i]->text << "' and '" << sorted[j]->text << "'");
            }
    return n;
}

/// Labels crossed by an arrow's shaft, or covering its head or another event's marker. A
/// callout number on a knockout may stand over arrows drawn before it: it hides them.
int labels_in_the_way(const Laid& l) {
    int n = 0;
    const auto labels = l.all(ItemType::text, "event-label");
    for (const Item* arrow : l.all(ItemType::arrow)) {
        const Rect shaft{arrow->from.x - 0.5, std::min(arrow->from.y, arrow->to.y), 1,
                         std::abs(arrow->to.y - arrow->from.y)};
        for (const Item* label : labels)
            if (overlap(shaft, label->box) &&
                !(arrow < label && tl::testing::knockout_under(l.scene, *label))) {
                ++n;
                MESSAGE("arrow of "
                        << arrow->event << " x=" << arrow->from.x << " y=" << arrow->from.y << ".."
                        << arrow->to.y << " " << arrow->lane << "->" << arrow->to_lane
                        << " crosses '" << label->text << "' box " << label->box.x << ","
                        << label->box.y << " w=" << label->box.width << " lane " << label->lane);
            }
    }
    for (const Item* marker : l.all(ItemType::marker))
        for (const Item* label : labels)
            if (marker->event != label->event && overlap(marker->box, label->box)) {
                ++n;
                MESSAGE("'" << label->text << "' covers the marker of " << marker->event);
            }
    return n;
}

}  // namespace

TEST_CASE("generated sets lay out with zero overlaps") {
    for (const auto& [events, actors] : std::vector<std::pair<int, int>>{{100, 8}, {1000, 30}}) {
        CAPTURE(events);
        const Laid l(tl::testing::generated_model(events, actors));
        CHECK(text_overlaps(l) == 0);
        CHECK(labels_in_the_way(l) == 0);
        std::set<std::string> drawn;
        for (const Item& it : l.scene.items)
            if (it.type == ItemType::marker || it.type == ItemType::bar)
                for (const std::string& e : tl::testing::item_events(it))
                    drawn.insert(e);
        CHECK(drawn.size() == static_cast<std::size_t>(events));
    }
}

TEST_CASE("the axis labels never collide and sit above the lanes") {
    const Laid l(tl::testing::generated_model(100, 8));
    // The axis above the lanes (a chart this tall repeats it further down).
    std::vector<const Item*> axis = l.all(ItemType::text, "axis-label");
    REQUIRE(!axis.empty());
    const double first_row = axis.front()->box.y;
    axis.erase(std::remove_if(axis.begin(), axis.end(),
                              [&](const Item* a) { return a->box.y != first_row; }),
               axis.end());
    REQUIRE(axis.size() >= 3);
    for (std::size_t i = 1; i < axis.size(); ++i)
        CHECK(axis[i - 1]->box.right() < axis[i]->box.x);
    double lanes_top = 1e9;
    for (const Item* band : l.all(ItemType::band, "lane"))
        lanes_top = std::min(lanes_top, band->box.y);
    for (const Item* a : axis)
        CHECK(a->box.bottom() <= lanes_top);
}

TEST_CASE("x increases with the date, and a month spans its month") {
    tl::Model m = tl::testing::generated_model(0, 2);
    const auto add = [&](const char* id, const char* date) {
        tl::Event e;
        e.id = id;
        e.title = id;
        e.kind = "other";
        e.date = *tl::parse_date(date).value;
        e.actors.push_back({"A0", {}});
        m.events.push_back(e);
    };
    add("early", "2020-01-15");
    add("month", "2022-09");
    add("late", "2024-06-01");
    // An event each quarter, so that no stretch is empty enough to be broken out of the axis.
    std::vector<std::string> quarters;
    for (int year = 2020; year <= 2024; ++year)
        for (const char* month : {"-02-10", "-05-10", "-08-10", "-11-10"})
            quarters.push_back(std::to_string(year) + month);
    for (const std::string& q : quarters)
        add(q.c_str(), q.c_str());
    const Laid l(std::move(m));
    std::map<std::string, Rect> marker;
    for (const Item* it : l.all(ItemType::marker))
        if (it->role != "kind-glyph") marker[it->event] = it->box;
    CHECK(marker["early"].x < marker["month"].x);
    CHECK(marker["month"].right() < marker["late"].x);
    const Rect year_span{marker["early"].x, 0, marker["late"].right() - marker["early"].x, 0};
    // September is 30 of the 1,600-odd days between the markers: its bracket is that wide.
    const double days = 1600.0;
    CHECK(marker["month"].width == doctest::Approx(year_span.width * 30 / days).epsilon(0.15));
}

TEST_CASE("arrows leave the supplier's lane and end at the recipient's lane") {
    const Laid l(tl::testing::generated_model(100, 8));
    std::map<std::string, Rect> lane;
    for (const Item* band : l.all(ItemType::band, "lane"))
        lane[band->lane] = band->box;
    const auto arrows = l.all(ItemType::arrow, "support");
    REQUIRE(arrows.size() > 20);
    for (const Item* a : arrows) {
        const Rect& from = lane.at(a->lane);
        const Rect& to = lane.at(a->to_lane);
        CHECK(a->from.y >= from.y);
        CHECK(a->from.y <= from.bottom());
        CHECK((a->to.y == doctest::Approx(to.y) || a->to.y == doctest::Approx(to.bottom())));
    }
}

TEST_CASE("an event's arrows: one per recipient and side, however many suppliers it has") {
    // Work and ink grow with the arrows drawn. Every arrow of an event runs at its x, so one
    // from a nearer supplier lies under the one from the farthest: 64 suppliers and 64
    // recipients draw 64 arrows, not 4,096.
    tl::Model m = tl::testing::generated_model(0, 130);
    tl::Event e;
    e.id = "wide";
    e.title = "wide";
    e.kind = "arms-transfer";
    e.date = *tl::parse_date("2024-03-05").value;
    e.sources.push_back({});
    for (int a = 0; a < 64; ++a) {
        e.from.push_back({"A" + std::to_string(a), {}});
        e.to.push_back({"A" + std::to_string(64 + a), {}});
    }
    tl::Event both = e;  // recipients above and below its suppliers
    both.id = "both";
    both.date = *tl::parse_date("2024-03-07").value;  // not one group with "wide" in A10
    both.from = {{"A10", {}}, {"A128", {}}};
    both.to = {{"A0", {}}, {"A64", {}}, {"A129", {}}};
    m.events.push_back(e);
    m.events.push_back(both);
    // Lanes as declared, so that A0 is the top lane and A129 the bottom one.
    const Laid l(std::move(m), tl::LayoutMode::detail, tl::LaneOrder::input);
    std::map<std::string, std::set<std::pair<std::string, std::string>>> arrows;
    for (const Item* a : l.all(ItemType::arrow, "support"))
        arrows[a->event].insert({a->lane, a->to_lane});
    CHECK(arrows["wide"].size() == 64);
    for (const auto& [from, to] : arrows["wide"])
        CHECK(from == "A0");
    // A0 is above both suppliers; A64 lies between them; A129 below both.
    const std::set<std::pair<std::string, std::string>> expected{
        {"A128", "A0"}, {"A10", "A64"}, {"A128", "A64"}, {"A10", "A129"}};
    CHECK(arrows["both"] == expected);
    CHECK(l.all(ItemType::arrow, "support").size() == 68);
    CHECK(text_overlaps(l) == 0);
    CHECK(labels_in_the_way(l) == 0);
}

TEST_CASE("a density view of 2,000 events: every lane shown, labels apart, strips counted") {
    tl::Model m = tl::testing::generated_model(2000, 30);
    const tl::Timeline t = tl::build_timeline(m);
    tl::LayoutOptions options;
    options.mode = tl::LayoutMode::density;
    const tl::Scene scene =
        tl::layout_chart(t, m, tl::default_theme(), tl::FixedWidthMeasurer(), options);
    Laid l(tl::testing::generated_model(0, 1));
    l.scene = scene;
    CHECK(text_overlaps(l) == 0);
    CHECK(labels_in_the_way(l) == 0);
    std::set<std::string> lanes;
    for (const Item* band : l.all(ItemType::band, "lane"))
        lanes.insert(band->lane);
    CHECK(lanes.size() == t.lanes.size());
    int counted = 0;
    for (const Item* bin : l.all(ItemType::band, "density-bin"))
        counted += bin->count;
    CHECK(counted >= 2000);  // an event counts in each lane it is drawn in
    const auto labels = l.all(ItemType::text, "event-label");
    CHECK(labels.size() > 30);
    CHECK(labels.size() < 2000);
    for (const Item* label : labels)
        CHECK(label->text.find("\u2026") == std::string::npos);
}

TEST_CASE("automatic layout: detail for a few events, density for many, lanes folded") {
    tl::Model few = tl::testing::generated_model(100, 8);
    const Laid small(std::move(few), tl::LayoutMode::automatic);
    CHECK(small.all(ItemType::band, "density-bin").empty());
    tl::Model many = tl::testing::generated_model(30000, 250);
    const tl::Timeline t = tl::build_timeline(many);
    const tl::Scene scene =
        tl::layout_chart(t, many, tl::default_theme(), tl::FixedWidthMeasurer());
    int lanes = 0;
    bool other = false;
    for (const Item& it : scene.items) {
        lanes += it.role == "lane";
        // Lane names are isolated (U+2068 ... U+2069) like every name in a label.
        other |= it.role == "lane-label" && it.text.rfind("\u2068Other (", 0) == 0;
    }
    CHECK(lanes == 40);
    CHECK(other);
}

namespace {

/// A pages document of generated events, with the timeline it was laid out from.
struct Paged {
    tl::Model model;
    tl::Timeline timeline;
    tl::Document doc;

    Paged(tl::Model m, const tl::Theme& theme) : model(std::move(m)) {
        timeline = tl::build_timeline(model);
        tl::LayoutOptions options;
        options.mode = tl::LayoutMode::pages;
        doc = tl::layout_document(timeline, model, theme, tl::FixedWidthMeasurer(), options);
    }
    /// How many pages the overview takes: those before the first detail page's.
    std::size_t overview_pages() const {
        std::size_t n = 1;
        while (n < doc.pages.size() && doc.pages[n].outline.rfind("p. ", 0) != 0)
            ++n;
        return n;
    }
    /// The lane ids a page draws, top to bottom.
    static std::vector<std::string> lanes(const tl::Scene& page) {
        std::vector<std::string> out;
        for (const Item& it : page.items)
            if (it.role == "lane") out.push_back(it.lane);
        return out;
    }
};

}  // namespace

TEST_CASE("pages: an overview, then detail pages that hold every event") {
    const Paged p(tl::testing::generated_model(1000, 10), tl::default_theme());
    const tl::Document& doc = p.doc;
    REQUIRE(doc.pages.size() >= 1 + 1000 / tl::kEventsPerPage);
    bool overview_is_dense = false;
    for (const Item& it : doc.pages[0].items)
        overview_is_dense |= it.role == "density-bin";
    CHECK(overview_is_dense);
    std::set<std::string> drawn;
    for (std::size_t i = 1; i < doc.pages.size(); ++i) {
        Laid page(tl::testing::generated_model(0, 1));
        page.scene = doc.pages[i];
        CHECK(text_overlaps(page) == 0);
        CHECK(labels_in_the_way(page) == 0);
        for (const Item& it : page.scene.items)
            if (it.type == ItemType::marker || it.type == ItemType::bar)
                for (const std::string& e : tl::testing::item_events(it))
                    drawn.insert(e);
    }
    drawn.erase("");
    CHECK(drawn.size() == 1000);  // every event is on some detail page
}

TEST_CASE("pages: the same document on one thread as on two, run after run") {
    // Over 1,000 events, so that the detail pages come from several runs (pages_layout.hpp).
    const tl::Model model = tl::testing::generated_model(1500, 20);
    const tl::Timeline timeline = tl::build_timeline(model);
    const auto lay_out = [&](unsigned threads) {
        tl::LayoutOptions options;
        options.mode = tl::LayoutMode::pages;
        options.threads = threads;
        options.measurer_factory = [] { return std::make_unique<tl::FixedWidthMeasurer>(); };
        return tl::document_to_json(tl::layout_document(timeline, model, tl::default_theme(),
                                                        tl::FixedWidthMeasurer(), options));
    };
    const std::string one = lay_out(1);
    CHECK(one == lay_out(2));
    CHECK(one == lay_out(2));
}

TEST_CASE("pages: every page has the same size, within PDF's 14,400 pt, and nothing shrinks") {
    tl::Theme fixed = tl::default_theme();
    fixed.page_width = 841.89;  // A4 landscape, as a template sets it
    fixed.page_height = 595.28;
    tl::Theme grown = tl::default_theme();
    grown.grow_width = true;  // a page as wide as the events want, in the other modes
    const std::vector<std::pair<const char*, tl::Theme>> themes{
        {"default", tl::default_theme()}, {"fixed A4", fixed}, {"grow", grown}};
    for (const auto& [name, theme] : themes) {
        for (const auto& [events, actors] :
             std::vector<std::pair<int, int>>{{1000, 10}, {3000, 250}}) {
            CAPTURE(name);
            CAPTURE(events);
            const Paged p(tl::testing::generated_model(events, actors), theme);
            const tl::Scene& first = p.doc.pages.front();
            if (theme.page_height > 0) {
                CHECK(first.width == doctest::Approx(theme.page_width));
                CHECK(first.height == doctest::Approx(theme.page_height));
            }
            for (const tl::Scene& page : p.doc.pages) {
                CHECK(page.width == first.width);
                CHECK(page.height == first.height);
                CHECK(page.width <= 14400);
                CHECK(page.height <= 14400);
                CHECK(page.height > 0);
            }
            // Each page's chart fits it as laid out: no text was scaled down to fit, on the
            // overview's pages or the detail pages.
            for (const tl::Scene& page : p.doc.pages)
                for (const Item& it : page.items) {
                    if (it.role == "event-label") CHECK(it.font.size == theme.label_size);
                    if (it.role == "lane-label") CHECK(it.font.size == theme.lane_name_size);
                }
        }
    }
}

TEST_CASE("pages: a detail page shows exactly the lanes of its events, in the overview's order") {
    const Paged p(tl::testing::generated_model(1000, 30), tl::default_theme());
    std::vector<std::string> overview;  // over its pages
    for (std::size_t i = 0; i < p.overview_pages(); ++i)
        for (const std::string& lane : Paged::lanes(p.doc.pages[i]))
            overview.push_back(lane);
    REQUIRE(overview.size() == 30);
    std::map<std::string, const tl::Event*> by_id;
    for (const tl::Event* e : p.timeline.events)
        by_id[e->id] = e;
    std::size_t detail_pages = 0;
    for (std::size_t i = p.overview_pages(); i < p.doc.pages.size(); ++i) {
        const std::vector<std::string> drawn = Paged::lanes(p.doc.pages[i]);
        std::set<std::string> wanted;
        for (const Item& it : p.doc.pages[i].items) {
            if (it.type != ItemType::marker && it.type != ItemType::bar) continue;
            for (const std::string& id : tl::testing::item_events(it))  // a group: its members
                for (std::size_t lane : p.timeline.involved_lanes(*by_id.at(id)))
                    wanted.insert(p.timeline.lanes[lane].id);
        }
        if (drawn.empty()) continue;  // a page of references that runs on
        ++detail_pages;
        CHECK(std::set<std::string>(drawn.begin(), drawn.end()) == wanted);
        CHECK(drawn.size() < overview.size());
        // In the overview's order: a subsequence of it.
        auto at = overview.begin();
        for (const std::string& lane : drawn) {
            at = std::find(at, overview.end(), lane);
            CHECK(at != overview.end());
        }
    }
    CHECK(detail_pages >= 1000 / tl::kEventsPerPage);
}

TEST_CASE("pages: the overview marks the period of each detail page, which has an outline entry") {
    const Paged p(tl::testing::generated_model(1000, 10), tl::default_theme());
    const tl::Scene& overview = p.doc.pages.front();
    CHECK(overview.outline == "Overview");
    std::set<std::string> starts;  // page numbers, from 1, where a detail slice begins
    for (std::size_t i = p.overview_pages(); i < p.doc.pages.size(); ++i)
        if (!Paged::lanes(p.doc.pages[i]).empty()) {
            starts.insert(std::to_string(i + 1));
            CHECK_FALSE(p.doc.pages[i].outline.empty());
        }
    REQUIRE(starts.size() >= 2);
    std::set<std::string> marked;
    std::vector<const Item*> marks;
    double axis_top = 1e9, lanes_top = 1e9;
    for (const Item& it : overview.items) {
        if (it.role == "page-mark") {
            marked.insert(it.text);
            marks.push_back(&it);
        }
        if (it.role == "axis-label") axis_top = std::min(axis_top, it.box.y);
        if (it.role == "lane") lanes_top = std::min(lanes_top, it.box.y);
    }
    CHECK(marked == starts);
    for (std::size_t i = 0; i < marks.size(); ++i) {
        CHECK(marks[i]->box.y > axis_top);  // under the axis, above the lanes
        CHECK(marks[i]->box.bottom() <= lanes_top);
        if (i > 0) CHECK(marks[i]->box.x >= marks[i - 1]->box.right() - 0.01);  // in order
    }
    // Some of the marks are labelled "p. N" where they have room.
    bool labelled = false;
    for (const Item& it : overview.items)
        labelled |= it.role == "page-mark-label" && it.text.rfind("p. ", 0) == 0;
    CHECK(labelled);
}

namespace {

/// Whether every year (a run of four or more digits) in an axis label lies in 1400..9999.
bool years_in_calendar(const std::string& label) {
    std::size_t i = 0;
    while (i < label.size()) {
        const std::size_t end = label.find_first_not_of("0123456789", i);
        const std::string run = label.substr(i, end - i);
        if (run.size() >= 4 && (run.size() > 4 || run < "1400")) return false;
        if (end == std::string::npos) break;
        i = end + 1;
    }
    return true;
}

}  // namespace

TEST_CASE("dates at either end of the calendar lay out in every mode, with today at either end") {
    const char* const kDates[] = {"1400",       "1400-01-01",    "1400-21",  "14XX",
                                  "1400/..",    "../1400-01-01", "/1400-01", "9999",
                                  "9999-12",    "9999-12-31",    "9999-23",  "99XX",
                                  "9999-12/..", "../9999-12-31", "9999-12/", "1400/9999"};
    const std::optional<tl::DayNumber> kTodays[] = {std::nullopt, tl::kFirstDay, tl::kLastDay};
    for (const char* date : kDates) {
        tl::Model m = tl::testing::generated_model(1, 2);
        m.events[0].date = *tl::parse_date(date).value;
        const tl::Timeline t = tl::build_timeline(m);
        for (const auto mode : {tl::LayoutMode::automatic, tl::LayoutMode::detail,
                                tl::LayoutMode::density, tl::LayoutMode::pages}) {
            for (const auto& today : kTodays) {
                CAPTURE(std::string(date));
                CAPTURE(static_cast<int>(mode));
                CAPTURE(today.value_or(0));
                tl::LayoutOptions options;
                options.mode = mode;
                options.today = today;
                tl::Document doc;
                CHECK_NOTHROW(doc = tl::layout_document(t, m, tl::default_theme(),
                                                        tl::FixedWidthMeasurer(), options));
                for (const tl::Scene& page : doc.pages)
                    for (const Item& it : page.items)
                        if (it.role == "axis-label") CHECK(years_in_calendar(it.text));
            }
        }
    }
}

TEST_CASE("the test measurer, like Pango, gives invisible characters no width") {
    const tl::FixedWidthMeasurer measurer;
    const tl::FontSpec font{};
    CHECK(measurer.measure(tl::isolate("Actor 0"), font).width ==
          measurer.measure("Actor 0", font).width);
    CHECK(measurer.measure("a\u200bb", font).width == measurer.measure("ab", font).width);
    CHECK(measurer.measure("\u00e9", font).width == measurer.measure("e", font).width);
}

TEST_CASE("a narrow page lays out inside its margins (no clamp with its bounds reversed)") {
    // A 150 pt chart area: the lane gutter's 70 pt floor is above 22% of it, and the "today"
    // label is wider than a column. std::clamp with a lower bound above the upper one is
    // undefined (libstdc++ asserts it in Debug builds, as the sanitizer run builds).
    tl::Theme theme = tl::default_theme();
    theme.page_width = 170;
    theme.margin = 10;
    theme.grow_width = false;
    const tl::Model m = tl::testing::generated_model(30, 4);
    tl::LayoutOptions options;
    options.today = tl::parse_date("2024-06-01").value->start.earliest;
    options.mode = tl::LayoutMode::detail;
    const tl::Scene scene =
        tl::layout_chart(tl::build_timeline(m), m, theme, tl::FixedWidthMeasurer(), options);
    for (const tl::Item& it : scene.items) {
        if (it.role != "lane-label" && it.role != "today-label") continue;
        CAPTURE(it.role);
        CHECK(it.box.x >= theme.margin - 1e-9);
    }
}

TEST_CASE("format 1.1: an event's quantities are one label, each unit said once") {
    tl::Model m;
    m.actors.push_back({"US", "United States", "", "", {}});
    m.actors.push_back({"UA", "Ukraine", "", "", {}});
    tl::Event e;
    e.id = "f16";
    e.title = "Aircraft for Ukraine";
    e.kind = "arms-transfer";
    e.date = *tl::parse_date("2024-05").value;
    e.from.push_back({"US", {}});
    e.to.push_back({"UA", {}});
    e.sources.push_back({"P", "", "https://example.org/", std::nullopt, "", {}, {}});
    for (const auto& [value, stage, qualifier] :
         {std::tuple{100.0, tl::QuantityStage::pledged, tl::QuantityQualifier::exact},
          std::tuple{60.0, tl::QuantityStage::delivered, tl::QuantityQualifier::about}}) {
        tl::Quantity q;
        q.value = value;
        q.unit = "aircraft";
        q.stage = stage;
        q.qualifier = qualifier;
        e.quantities.push_back(q);
    }
    m.events.push_back(e);
    const Laid l(std::move(m));
    std::vector<std::string> drawn;
    for (const Item* t : l.all(ItemType::text, "quantity"))
        drawn.push_back(t->text);
    CHECK(drawn ==
          std::vector<std::string>{"100 " + tl::isolate("aircraft") + " pledged, c. 60 delivered"});
}
