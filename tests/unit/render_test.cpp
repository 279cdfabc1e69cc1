#include <doctest/doctest.h>

#include <string>

#include "render/render.hpp"
#include "render/text_shaper.hpp"

namespace {

tl::Scene tiny_scene() {
    tl::Scene s;
    s.width = 200;
    s.height = 100;
    s.title = "Test";
    tl::Item t;
    t.type = tl::ItemType::text;
    t.text = "<b>not markup</b> & Россия 中国 ایران";
    t.font = {"Noto Sans, Noto Sans Arabic, Noto Sans CJK SC", 10, false, false};
    t.box = {10, 10, 150, 14};
    t.fill = {0, 0, 0, 1};
    t.link = "https://example.org/";
    s.items.push_back(t);
    return s;
}

std::string render(tl::OutputFormat f, std::string* error = nullptr) {
    std::string bytes;
    const std::string problem =
        tl::render_scene(tiny_scene(), f, {150, "timeline test", "2000-01-01T00:00:00Z"},
                         [&](const unsigned char* d, std::size_t n) {
                             bytes.append(reinterpret_cast<const char*>(d), n);
                             return true;
                         });
    if (error) *error = problem;
    return bytes;
}

}  // namespace

TEST_CASE("one drawing path writes each format") {
    std::string error;
    CHECK(render(tl::OutputFormat::pdf, &error).rfind("%PDF-", 0) == 0);
    CHECK(error.empty());
    CHECK(render(tl::OutputFormat::svg).find("<svg") != std::string::npos);
    CHECK(render(tl::OutputFormat::png).rfind("\x89PNG", 0) == 0);
}

TEST_CASE("output is the same bytes every time") {
    CHECK(render(tl::OutputFormat::pdf) == render(tl::OutputFormat::pdf));
    CHECK(render(tl::OutputFormat::png) == render(tl::OutputFormat::png));
    // cairo numbers SVG glyphs and surfaces with process-wide counters, so two SVGs from one
    // process differ in their ids; across runs they are identical (tests/e2e checks that).
}

TEST_CASE("a failing sink is reported as an error") {
    const std::string problem =
        tl::render_scene(tiny_scene(), tl::OutputFormat::pdf, {},
                         [](const unsigned char*, std::size_t) { return false; });
    CHECK_FALSE(problem.empty());
}

TEST_CASE("formats come from extensions") {
    CHECK(tl::format_from_path("out/a.PDF") == tl::OutputFormat::pdf);
    CHECK(tl::format_from_path("a.svg") == tl::OutputFormat::svg);
    CHECK_FALSE(tl::format_from_path("a.docx").has_value());
    CHECK_FALSE(tl::format_from_path("noext").has_value());
}

TEST_CASE("Pango measures text as points, wider for longer text") {
    const tl::TextShaper shaper;
    const tl::FontSpec font{"Noto Sans", 10, false, false};
    const auto short_text = shaper.measure("Iran", font);
    const auto long_text = shaper.measure("Iran delivers missiles", font);
    CHECK(short_text.width > 10);
    CHECK(long_text.width > short_text.width * 3);
    CHECK(short_text.height > 10);
    CHECK(short_text.height < 20);
}

TEST_CASE("an SVG too large for its viewers is refused with advice, not written") {
    tl::Scene big = tiny_scene();
    big.items.front().text = std::string(tl::kMaxSvgGlyphs + 1, 'x');
    std::string bytes;
    const std::string problem = tl::render_scene(
        big, tl::OutputFormat::svg, {}, [&](const unsigned char* d, std::size_t n) {
            bytes.append(reinterpret_cast<const char*>(d), n);
            return true;
        });
    CHECK(problem.find("write a PDF instead") != std::string::npos);
    CHECK(bytes.empty());
    CHECK(tl::svg_glyphs(tiny_scene()) > 10);
}
