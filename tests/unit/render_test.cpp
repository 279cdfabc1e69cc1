#include <doctest/doctest.h>

#include <string>

#include "render/link_uri.hpp"
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
    const std::string problem = tl::render_scene(
        tiny_scene(), f, {150, "en", true, "timeline test", "2000-01-01T00:00:00Z", {}},
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
    CHECK(problem.find("the SVG would hold") != std::string::npos);
    CHECK(bytes.empty());
    CHECK(tl::svg_glyphs(tiny_scene()) > 10);
    // An HTML page carries the same SVG inline: the message names the file being written.
    const std::string html = tl::render_scene(big, tl::OutputFormat::html, {},
                                              [&](const unsigned char* d, std::size_t n) {
                                                  bytes.append(reinterpret_cast<const char*>(d), n);
                                                  return true;
                                              });
    CHECK(html.find("the HTML page would hold") != std::string::npos);
    CHECK(html.find("the SVG would") == std::string::npos);
    CHECK(html.find("write a PDF instead") != std::string::npos);
    CHECK(bytes.empty());
}

TEST_CASE("a link's URI reaches the PDF as printable ASCII with no string syntax in it") {
    CHECK(tl::pdf_link_uri("https://example.org/a?b=c&d=e#f") == "https://example.org/a?b=c&d=e#f");
    CHECK(tl::pdf_link_uri("https://en.wikipedia.org/wiki/Smiley_:)") ==
          "https://en.wikipedia.org/wiki/Smiley_:%29");
    CHECK(tl::pdf_link_uri("https://x.org/a)/S/JavaScript/JS(app.alert(1)") ==
          "https://x.org/a%29/S/JavaScript/JS%28app.alert%281%29");
    CHECK(tl::pdf_link_uri("https://x.org/a\\") == "https://x.org/a%5C");
    CHECK(tl::pdf_link_uri("https://x.org/'\" <>") == "https://x.org/%27%22%20%3C%3E");
    CHECK(tl::pdf_link_uri("https://x.org/%41%zz%4") == "https://x.org/%41%25zz%254");
    CHECK(tl::pdf_link_uri("https://x.org/\xD0\x9C\n\r") == "https://x.org/%D0%9C%0A%0D");
    CHECK(tl::pdf_link_uri(std::string_view("a\0b", 3)) == "a%00b");
    CHECK(tl::link_tag_attributes("https://x.org/it's") == "uri='https://x.org/it%27s'");
    // Whatever the input, nothing that PDF or cairo reads as syntax survives.
    std::string every_byte;
    for (int b = 0; b < 256; ++b)
        every_byte += static_cast<char>(b);
    for (const char c : tl::pdf_link_uri(every_byte)) {
        CHECK(c > 0x20);
        CHECK(c < 0x7f);
        CHECK(std::string_view("()\\'\"<>{}|^`").find(c) == std::string_view::npos);
    }
}
