// The interactive HTML page (render -o chart.html): its structure, built from the Scene and
// the Model, and input text that stays data in every place it is written.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "layout/chart_layout.hpp"
#include "layout/html_page.hpp"
#include "timeline/timeline.hpp"

namespace {

std::size_t count(const std::string& s, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1))
        ++n;
    return n;
}

tl::Event html_event(const std::string& id, const std::string& title, const std::string& date) {
    tl::Event e;
    e.id = id;
    e.title = title;
    e.date = *tl::parse_date(date).value;
    e.kind = "military-aid";
    e.from = {{"iran", {}}};
    e.to = {{"russia", {}}};
    return e;
}

tl::Model html_model() {
    tl::Model m;
    m.actors = {{"iran", "Iran", "", "", {}}, {"russia", "Russia \"RU\"", "", "", {}}};
    m.events.push_back(html_event("late", "Later </script><script>alert(1)</script>", "2024-09~"));
    m.events.push_back(html_event("early", "Drones <b>& 'shells'</b>", "2022-08/2022-10"));
    tl::Source s;
    s.publisher = "Reuters";
    s.title = "Report <!-- \u2028";
    s.url = "https://example.org/a?b=1&c=2";
    m.events.back().sources.push_back(s);
    s.url = "javascript:alert(1)";
    m.events.back().sources.push_back(s);
    tl::Quantity q;
    q.value = 200;
    q.value_text = "200";
    q.unit = "drones";
    q.qualifier = tl::QuantityQualifier::more_than;
    m.events.back().quantities.push_back(q);
    // Two on one day in one lane: one group mark.
    m.events.push_back(html_event("same-a", "Burst one", "2023-05-01"));
    m.events.push_back(html_event("same-b", "Burst two", "2023-05-01"));
    return m;
}

struct HtmlFixture {
    tl::Model model = html_model();
    tl::Timeline timeline = tl::build_timeline(model);
    tl::Scene scene =
        tl::layout_chart(timeline, model, tl::default_theme(), tl::FixedWidthMeasurer(), {});
    std::string page() const {
        tl::HtmlPageInput in;
        in.page = &scene;
        in.svg = "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>";
        in.timeline = &timeline;
        in.model = &model;
        in.generator = "timeline test";
        return tl::html_page(in);
    }
};

}  // namespace

TEST_CASE("html page: one focusable element per event drawn, in time order, and the picture") {
    const HtmlFixture f;
    const std::string page = f.page();
    CHECK(page.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    CHECK(page.find("<?xml") == std::string::npos);  // the SVG as an element
    CHECK(page.find("<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>") != std::string::npos);
    std::set<std::string> drawn;
    for (const tl::Item& it : f.scene.items) {
        if (!it.event.empty()) drawn.insert(it.event);
        drawn.insert(it.events.begin(), it.events.end());
    }
    REQUIRE(drawn.size() == 4);
    CHECK(tl::html_page_events(f.scene) == 4);
    CHECK(count(page, "tabindex=\"0\" role=\"button\"") == 4);
    // Time order, the order of Tab: ev-0 is the earliest.
    std::vector<std::size_t> at;
    for (const char* id : {"early", "same-a", "same-b", "late"}) {
        at.push_back(page.find("data-id=\"" + std::string(id) + "\""));
        CHECK(at.back() != std::string::npos);
    }
    CHECK(std::is_sorted(at.begin(), at.end()));
    CHECK(page.find("id=\"ev-0\" data-i=\"0\" data-id=\"early\"") != std::string::npos);
    // The burst's members stand in its mark; hovering it names both.
    CHECK(count(page, "class=\"ev member\"") >= 1);
    CHECK(page.find("class=\"hit\" data-i=\"1 2\"") != std::string::npos);
    // Each member's card says where it sits in the mark, in the Scene's order.
    CHECK(count(page, "\"group\":{\"at\":1,\"of\":2}") == 1);
    CHECK(count(page, "\"group\":{\"at\":2,\"of\":2}") == 1);
    // The key's kind is a filter button, hidden until the script shows it.
    CHECK(count(page, "<div class=\"key\" data-kind=\"military-aid\" role=\"button\"") == 1);
    CHECK(page.find("aria-pressed=\"false\" aria-label=\"Show only military-aid\" hidden") !=
          std::string::npos);
    // Nothing is fetched: no external script, style, font or image.
    CHECK(page.find("src=") == std::string::npos);
    CHECK(page.find("<link") == std::string::npos);
    CHECK(page.find("@import") == std::string::npos);
    CHECK(page.find("url(") == std::string::npos);
    CHECK(page == f.page());  // the same bytes
}

TEST_CASE("html page: input text is data in text, attributes and the script's JSON") {
    const HtmlFixture f;
    const std::string page = f.page();
    // Two script elements, each closed once: no title can end one or open another.
    CHECK(count(page, "<script") == 2);
    CHECK(count(page, "</script>") == 2);
    CHECK(page.find("alert(1)</script>") == std::string::npos);
    CHECK(page.find("<b>") == std::string::npos);
    CHECK(page.find("<!-- ") == std::string::npos);
    CHECK(page.find("\xE2\x80\xA8") == std::string::npos);
    // Escaped where it is written: the aria-label, the filter's option, the JSON.
    CHECK(page.find("Drones &lt;b&gt;&amp; &#39;shells&#39;&lt;/b&gt;") != std::string::npos);
    CHECK(page.find(">Russia \"RU\"</option>") != std::string::npos);
    CHECK(page.find("\"title\":\"Later \\u003c/script\\u003e") != std::string::npos);
    // The date as written, as a reader says it, and how finely it is known.
    CHECK(page.find("\"date\":\"2024-09~\",\"when\":\"c. Sep 2024\",\"precision\":\"month "
                    "precision\"") != std::string::npos);
    CHECK(page.find("\"precision\":\"month to month precision\"") != std::string::npos);
    CHECK(page.find("\"quantities\":[\"200+ \\u2068drones\\u2069\"]") != std::string::npos);
    // A web link is a link; anything else is not written at all.
    CHECK(page.find("\"url\":\"https://example.org/a?b=1\\u0026c=2\"") != std::string::npos);
    CHECK(page.find("javascript:alert") == std::string::npos);
    // The script writes no markup: every text goes in as textContent.
    CHECK(page.find("innerHTML") == std::string::npos);
    CHECK(page.find("outerHTML") == std::string::npos);
    CHECK(page.find("insertAdjacentHTML") == std::string::npos);
    CHECK(page.find("document.write") == std::string::npos);
}

namespace {

/// The ids of the events a Scene draws.
std::set<std::string> drawn_events(const tl::Scene& scene) {
    std::set<std::string> drawn;
    for (const tl::Item& it : scene.items) {
        if (!it.event.empty()) drawn.insert(it.event);
        drawn.insert(it.events.begin(), it.events.end());
    }
    return drawn;
}

/// The data-id of every event element between `from` and the end of its overlay.
std::vector<std::string> overlay_events(const std::string& page, const std::string& from) {
    const std::size_t start = page.find(from);
    const std::size_t end = page.find("</div>\n</div>\n", start);
    std::vector<std::string> ids;
    if (start == std::string::npos) return ids;
    const std::string overlay = page.substr(start, end - start);
    const std::string tag = "data-id=\"";
    for (std::size_t at = overlay.find(tag); at != std::string::npos;
         at = overlay.find(tag, at + 1)) {
        const std::size_t value = at + tag.size();
        ids.push_back(overlay.substr(value, overlay.find('"', value) - value));
    }
    return ids;
}

/// An SVG as cairo writes it: ids, references to them, and text that only reads like one.
constexpr const char* kLevelSvg =
    "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
    "aria-labelledby=\"chart-title chart-desc\"><desc id=\"chart-desc\">says id=\"x\" and "
    "url(#y)</desc><defs><g id=\"glyph0-1\"></g><linearGradient id=\"linear0\"/></defs>"
    "<use xlink:href=\"#glyph0-1\" x=\"1\"/><rect fill=\"url(#linear0)\"/>"
    "<a xlink:href=\"https://example.org/url(#z)\" aria-label=\"url(#z) id=&quot;\"></a></svg>";

struct ZoomFixture : HtmlFixture {
    std::vector<tl::Scene> wider;
    ZoomFixture() {
        for (const int times : {2, 4}) {
            tl::Theme wide = tl::default_theme();
            wide.page_width = scene.width * times;
            wider.push_back(tl::layout_chart(timeline, model, wide, tl::FixedWidthMeasurer(), {}));
        }
    }
    std::string zoomed() const {
        tl::HtmlPageInput in;
        in.page = &scene;
        in.svg = kLevelSvg;
        in.levels = {{2, &wider[0], kLevelSvg}, {4, &wider[1], kLevelSvg}};
        in.timeline = &timeline;
        in.model = &model;
        return tl::html_page(in);
    }
};

}  // namespace

TEST_CASE("html page: the time zoom's levels, each its own picture and overlay") {
    const ZoomFixture f;
    const std::string page = f.zoomed();
    REQUIRE(f.wider[0].width == doctest::Approx(2 * f.scene.width));
    // The chart's own level shown, the wider ones hidden until the script shows one.
    CHECK(page.find("<div class=\"stage\" id=\"stage\" data-times=\"1\" data-axis=\"") !=
          std::string::npos);
    for (const char* times : {"2", "4"}) {
        const std::string id = std::string("stage-x") + times;
        const std::size_t at = page.find("id=\"" + id + "\"");
        REQUIRE(at != std::string::npos);
        CHECK(page.find(" hidden>\n", at) < page.find("<svg", at));
    }
    CHECK(page.find("id=\"stage\"") < page.find("id=\"stage-x2\""));
    CHECK(page.find("id=\"stage-x2\"") < page.find("id=\"stage-x4\""));
    // Each level's overlay: exactly the events its Scene draws, each once.
    const std::vector<std::pair<std::string, const tl::Scene*>> levels{
        {"id=\"overlay\">", &f.scene},
        {"id=\"overlay-x2\">", &f.wider[0]},
        {"id=\"overlay-x4\">", &f.wider[1]}};
    for (const auto& [overlay, scene] : levels) {
        const std::vector<std::string> ids = overlay_events(page, overlay);
        CHECK(std::set<std::string>(ids.begin(), ids.end()) == drawn_events(*scene));
        CHECK(ids.size() == drawn_events(*scene).size());
    }
    CHECK(page.find("id=\"ev-0-x2\" data-i=\"0\" data-id=\"early\"") != std::string::npos);
    // Each level says where a member sits in its mark there (a wider one may draw it apart).
    CHECK(count(page, "data-i=\"1\" data-group=\"1 2\" data-id=\"same-a\"") == 3);
    CHECK(count(page, "data-i=\"2\" data-group=\"2 2\" data-id=\"same-b\"") == 3);
    // One card per event, however many levels draw it.
    CHECK(count(page, "{\"id\":") == 4);
    for (const char* id : {"early", "same-a", "same-b", "late"})
        CHECK(count(page, "{\"id\":\"" + std::string(id) + "\"") == 1);
    // The control: a pressed button per level.
    CHECK(count(page, "class=\"time-level\"") == 3);
    CHECK(page.find("data-times=\"1\" aria-pressed=\"true\">1\u00d7</button>") !=
          std::string::npos);
    CHECK(page == f.zoomed());  // the same bytes
}

TEST_CASE("html page: a wider level's SVG has ids of its own, its text untouched") {
    const ZoomFixture f;
    const std::string page = f.zoomed();
    // The chart's own SVG as it is; the others prefixed where an id is named or referred to.
    CHECK(count(page, "<g id=\"glyph0-1\">") == 1);
    CHECK(count(page, "<g id=\"x2-glyph0-1\">") == 1);
    CHECK(count(page, "<use xlink:href=\"#x4-glyph0-1\" x=\"1\"/>") == 1);
    CHECK(count(page, "<rect fill=\"url(#x2-linear0)\"/>") == 1);
    CHECK(count(page, "aria-labelledby=\"x2-chart-title x2-chart-desc\"") == 1);
    CHECK(count(page, "<desc id=\"x4-chart-desc\">says id=\"x\" and url(#y)</desc>") == 1);
    CHECK(count(page, "id=\"chart-desc\"") == 1);
    CHECK(count(page,
                "<a xlink:href=\"https://example.org/url(#z)\" aria-label=\"url(#z) "
                "id=&quot;\"></a>") == 3);
}

TEST_CASE("html page: without levels, no time control, or a disabled one that says why") {
    const HtmlFixture f;
    CHECK(f.page().find("class=\"time-level\"") == std::string::npos);
    CHECK(f.page().find("stage-x2") == std::string::npos);
    tl::HtmlPageInput in;
    in.page = &f.scene;
    in.svg = "<svg></svg>";
    in.no_levels_why = "laid out over <pages>";
    const std::string page = tl::html_page(in);
    CHECK(page.find("title=\"laid out over &lt;pages&gt;\">Time:<button type=\"button\" "
                    "class=\"time-level\" data-times=\"1\" aria-pressed=\"true\" disabled>") !=
          std::string::npos);
}
