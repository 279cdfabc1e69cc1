#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>

#include "theme/template_loader.hpp"

TEST_CASE("the shipped default template loads cleanly") {
    tl::SourceFiles files;
    tl::Diagnostics diags;
    const tl::Theme t =
        tl::load_template(TIMELINE_SOURCE_DIR "/templates/default.yaml", files, diags);
    CHECK(diags.empty());
    CHECK(t.name == "default");
    CHECK(t.font_family == "Noto Sans, Noto Sans Arabic, Noto Sans CJK SC");
}

TEST_CASE("template mistakes get the same diagnostics as event files") {
    const char* path = "/tmp/timeline-template-test.yaml";
    std::ofstream(path) << "name: x\npage:\n  widht: 500\ncolors:\n  text: red\n";
    tl::SourceFiles files;
    tl::Diagnostics diags;
    tl::load_template(path, files, diags);
    diags.sort();
    REQUIRE(diags.items().size() == 2);
    CHECK(diags.items()[0].rule == "unknown-key");
    CHECK(diags.items()[0].loc.line == 3);
    CHECK(diags.items()[0].hint.find("width") != std::string::npos);
    CHECK(diags.items()[1].rule == "bad-color");
    std::remove(path);
}

TEST_CASE("templates are found by name or path") {
    const std::vector<std::string> dirs{TIMELINE_SOURCE_DIR "/templates"};
    CHECK(tl::find_template("default", dirs) == TIMELINE_SOURCE_DIR "/templates/default.yaml");
    CHECK(tl::find_template("no-such-template", dirs).empty());
    CHECK(tl::find_template(TIMELINE_SOURCE_DIR "/templates/default.yaml", {}) ==
          TIMELINE_SOURCE_DIR "/templates/default.yaml");
}

TEST_CASE("templates are read from text with the event files' checks before parsing") {
    tl::Diagnostics diags;
    const tl::Theme t = tl::load_template_text("name: x\npage: {width: 500}\n", 0, diags);
    CHECK(diags.empty());
    CHECK(t.page_width == 500);
    tl::Diagnostics deep;
    tl::load_template_text("name: " + std::string(100000, '[') + "\n", 0, deep);
    REQUIRE(deep.items().size() == 1);
    CHECK(deep.items()[0].rule == "too-deep");
    tl::Diagnostics bad;
    tl::load_template_text("name: caf\xC3\n", 0, bad);
    REQUIRE(bad.items().size() == 1);
    CHECK(bad.items()[0].rule == "invalid-utf8");
}
