// The axis covers the window asked for (--from, --to): events that reach beyond it are cut
// at its edge with a mark that says they go on, and every page says which days it shows.
#include <doctest/doctest.h>

#include <optional>
#include <string>

#include "generated_model.hpp"
#include "layout/chart_layout.hpp"
#include "layout/density.hpp"
#include "timeline/timeline.hpp"

namespace {

using tl::Item;

tl::DayNumber day(const char* iso) {
    return tl::parse_date(iso).value->start.earliest;
}

void add(tl::Model& m, const char* id, const char* date) {
    tl::Event e;
    e.id = id;
    e.title = id;
    e.kind = "arms-transfer";
    e.date = *tl::parse_date(date).value;
    e.from.push_back({"A0", {}});
    e.to.push_back({"A1", {}});
    e.sources.push_back({});
    m.events.push_back(e);
}

/// Two actors; a package delivered from 2022 into 2025, a month known only to the month
/// that began before the window, and events on the window's first and last days.
tl::Model window_model() {
    tl::Model m = tl::testing::generated_model(0, 2);
    add(m, "ongoing", "2022-08-15/2025-03-01");
    add(m, "first", "2024-01-01");
    add(m, "middle", "2024-03-05");
    add(m, "last", "2024-06-30");
    add(m, "before", "2023-05-10");
    return m;
}

tl::EventFilter first_half_of_2024() {
    tl::EventFilter f;
    f.from = day("2024-01-01");
    f.to = day("2024-06-30");
    return f;
}

/// The window model laid out in `mode` over the first half of 2024, as `render --from
/// 2024-01-01 --to 2024-06-30` lays it out.
tl::Document in_first_half_of_2024(tl::LayoutMode mode, std::optional<tl::DayNumber> today = {}) {
    const tl::Model m = window_model();
    const tl::Timeline t = tl::build_timeline(m, first_half_of_2024());
    tl::LayoutOptions options;
    options.mode = mode;
    options.window = tl::window_of(first_half_of_2024(), t.span);
    options.today = today;
    return tl::layout_document(t, m, tl::default_theme(), tl::FixedWidthMeasurer(), options);
}

const Item* find(const tl::Scene& s, const std::string& role, const std::string& event) {
    for (const Item& it : s.items)
        if (it.role == role && it.event == event) return &it;
    return nullptr;
}

}  // namespace

TEST_CASE("the window a filter asks for: exactly its days, a missing side from the events") {
    tl::Model m = window_model();
    const tl::Timeline all = tl::build_timeline(m);
    CHECK_FALSE(tl::window_of({}, all.span).has_value());

    const tl::Timeline t = tl::build_timeline(m, first_half_of_2024());
    const auto both = tl::window_of(first_half_of_2024(), t.span);
    REQUIRE(both.has_value());
    CHECK(both->first == day("2024-01-01"));
    CHECK(both->last == day("2024-06-30"));

    tl::EventFilter from_only;
    from_only.from = day("2024-01-01");
    const auto from = tl::window_of(from_only, tl::build_timeline(m, from_only).span);
    REQUIRE(from.has_value());
    CHECK(from->first == day("2024-01-01"));
    CHECK(from->last == day("2025-03-01"));  // the ongoing package's end

    tl::EventFilter to_only;
    to_only.to = day("2023-12-31");
    const auto to = tl::window_of(to_only, tl::build_timeline(m, to_only).span);
    REQUIRE(to.has_value());
    CHECK(to->first == day("2022-08-15"));
    CHECK(to->last == day("2023-12-31"));

    // No event kept: the window is the day named.
    const auto none = tl::window_of(from_only, tl::DaySpan{1, 0});
    REQUIRE(none.has_value());
    CHECK(none->first == day("2024-01-01"));
    CHECK(none->last == day("2024-01-01"));
}

TEST_CASE("with a window the axis is the window, and what reaches beyond it is cut and marked") {
    // --today lies outside the window: it must not widen the axis.
    const tl::Document doc = in_first_half_of_2024(tl::LayoutMode::detail, day("2024-10-01"));
    const tl::Theme theme = tl::default_theme();
    const tl::Scene& s = doc.pages.front();

    CHECK(s.range.first == day("2024-01-01"));
    CHECK(s.range.last == day("2024-06-30"));
    CHECK(find(s, "today", "") == nullptr);  // --today lies outside the window: not drawn

    // The package is cut at both edges of the axis, each cut marked as going on.
    const Item* bar = find(s, "event-bar", "ongoing");
    const Item* before = find(s, "continues-before", "ongoing");
    const Item* after = find(s, "continues-after", "ongoing");
    REQUIRE(bar != nullptr);
    REQUIRE(before != nullptr);
    REQUIRE(after != nullptr);
    // The bar runs to the axis's ends; each wedge points on out of it from there. The axis
    // ends short of the margin by the room a callout number needs right of the window's
    // last day.
    const double x0 = bar->box.x;
    const double x1 = bar->box.right();
    CHECK(x1 < s.width - theme.margin - 10);
    CHECK(before->box.right() == doctest::Approx(x0));
    CHECK(after->box.x == doctest::Approx(x1));
    CHECK(before->box.x < x0);
    CHECK(after->box.right() > x1);
    CHECK(before->lane == bar->lane);
    // Outside the axis, they reach no text: not the lane names, not a label.
    for (const Item& text : s.items)
        if (text.type == tl::ItemType::text) {
            CAPTURE(text.text);
            CHECK_FALSE(text.box.intersects(before->box));
            CHECK_FALSE(text.box.intersects(after->box));
        }
    // Events inside the window go on nowhere.
    for (const char* id : {"first", "middle", "last"}) {
        CAPTURE(std::string(id));
        CHECK(find(s, "continues-before", id) == nullptr);
        CHECK(find(s, "continues-after", id) == nullptr);
    }
    // The window's first and last days are the axis's ends: their markers sit in the first
    // and last day of the axis, inside it. (The stretches between them, where only the
    // package runs on, are broken out of the axis, so days are wider than 1/182 of it.)
    const Item* first = find(s, "event-marker", "first");
    const Item* middle = find(s, "event-marker", "middle");
    const Item* last = find(s, "event-marker", "last");
    REQUIRE(first != nullptr);
    REQUIRE(middle != nullptr);
    REQUIRE(last != nullptr);
    CHECK(first->box.x >= x0);
    CHECK(last->box.right() <= x1);
    CHECK(first->box.right() < middle->box.x);
    CHECK(middle->box.right() < last->box.x);
    // Half a day from each end, and a day has one width wherever it is kept.
    CHECK(first->box.x + first->box.width / 2 - x0 ==
          doctest::Approx(x1 - (last->box.x + last->box.width / 2)).epsilon(0.05));
    // An event of the window's months before the window is not drawn: it was filtered out.
    CHECK(find(s, "event-marker", "before") == nullptr);

    const std::string json = tl::document_to_json(doc);
    CHECK(json.find("\"range\": {\"from\": \"2024-01-01\", \"to\": \"2024-06-30\"}") !=
          std::string::npos);
}

TEST_CASE("every page of a pages document carries the days it shows, inside the window") {
    const tl::Document doc = in_first_half_of_2024(tl::LayoutMode::pages);
    REQUIRE(doc.pages.size() >= 2);
    for (const tl::Scene& page : doc.pages) {
        CHECK_FALSE(page.range.empty());
        CHECK(page.range.first >= day("2024-01-01"));
        CHECK(page.range.last <= day("2024-06-30"));
    }
    CHECK(doc.pages.front().range.first == day("2024-01-01"));
    CHECK(doc.pages.front().range.last == day("2024-06-30"));
    const std::string json = tl::document_to_json(doc);
    std::size_t ranges = 0;
    for (std::size_t at = json.find("\"range\""); at != std::string::npos;
         at = json.find("\"range\"", at + 1))
        ++ranges;
    CHECK(ranges == doc.pages.size());
}

TEST_CASE("without a window the axis frames the events, and nothing is marked as cut") {
    tl::Model m = window_model();
    const tl::Timeline t = tl::build_timeline(m);
    tl::LayoutOptions options;
    options.mode = tl::LayoutMode::detail;
    const tl::Scene s =
        tl::layout_chart(t, m, tl::default_theme(), tl::FixedWidthMeasurer(), options);
    CHECK(s.range.first < t.span.first);
    CHECK(s.range.last > t.span.last);
    for (const Item& it : s.items)
        CHECK(it.role.rfind("continues-", 0) == std::string::npos);
}

TEST_CASE("a density view of a window counts a long event in the middle of what it shows") {
    const tl::Model m = window_model();
    const tl::TimeScale window{day("2024-01-01"), day("2024-06-30"), 100, 1100, {}};
    const tl::Bins bins = tl::choose_bins(window, 5);
    REQUIRE(bins.size() > 20);
    const tl::Event& ongoing = m.events.front();
    REQUIRE(ongoing.id == "ongoing");
    // Its whole range's middle is in November 2023, before the window: it was piled into
    // the first bin, with the events of the window's first week.
    const std::size_t bin = tl::bin_of(ongoing, bins);
    CHECK(bins.edges[bin] <= day("2024-04-01"));
    CHECK(day("2024-04-01") < bins.edges[bin + 1] + 7);
    CHECK(bin > 0);
    CHECK(bin + 1 < bins.size());
}
