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

TEST_CASE("a template is one document: a second one is reported, not ignored") {
    tl::Diagnostics diags;
    const tl::Theme t =
        tl::load_template_text("name: x\npage: {width: 500}\n---\npage: {width: 900}\n", 0, diags);
    REQUIRE(diags.items().size() == 1);
    CHECK(diags.items()[0].rule == "extra-document");
    CHECK(diags.items()[0].loc.line == 4);
    CHECK(t.page_width == 500);  // the first document still applies
}

TEST_CASE("an empty template, an alias and a stalling comma each get one clear diagnostic") {
    const std::pair<const char*, const char*> cases[] = {
        {"", "wrong-type"},
        {"name: &n x\ntitle: *n\n", "alias"},
        {",", "yaml-syntax"},
    };
    for (const auto& [text, rule] : cases) {
        tl::Diagnostics diags;
        tl::load_template_text(text, 0, diags);
        REQUIRE_MESSAGE(diags.items().size() == 1, text);
        CHECK_MESSAGE(diags.items()[0].rule == rule, text);
    }
}

namespace {

/// The rules and lines of the diagnostics a template's text gets, as "rule@line ...".
std::string rules(const char* text) {
    tl::Diagnostics diags;
    tl::load_template_text(text, 0, diags);
    std::string out;
    for (const tl::Diagnostic& d : diags.items())
        out += d.rule + "@" + std::to_string(d.loc.line) + " ";
    return out;
}

}  // namespace

TEST_CASE("margins must leave room for a chart across and down a fixed page") {
    CHECK(rules("page:\n  width: 1000\n  height: 100\n  margin: 50\n") == "bad-template@4 ");
    CHECK(rules("page:\n  width: 201\n  margin: 51\n") == "bad-template@3 ");
    CHECK(rules("page:\n  width: 120\n") == "bad-template@2 ");
    CHECK(rules("page:\n  size: A5\n  orientation: portrait\n  margin: 200\n") ==
          "bad-template@4 ");
    CHECK(rules("page:\n  width: 1000\n  height: 100\n  margin: 40\n").empty());
    CHECK(rules("page:\n  width: 1000\n  height: auto\n  margin: 200\n").empty());
}

TEST_CASE("a bound in a template message reads as written: 4 and 96, not 4.000000") {
    tl::Diagnostics diags;
    tl::load_template_text("fonts:\n  label: 200\n", 0, diags);
    REQUIRE(diags.items().size() == 1);
    CHECK(diags.items()[0].message == "'label' must lie between 4 and 96");
}

TEST_CASE("a template chooses the lane order, role by default, an unknown one reported") {
    const char* path = "/tmp/timeline-template-lane-order.yaml";
    tl::SourceFiles files;
    tl::Diagnostics diags;
    std::ofstream(path) << "name: x\n";
    CHECK(tl::load_template(path, files, diags).lane_order == tl::LaneOrder::role);
    std::ofstream(path) << "name: x\nlane-order: name\n";
    CHECK(tl::load_template(path, files, diags).lane_order == tl::LaneOrder::name);
    CHECK(diags.empty());
    std::ofstream(path) << "name: x\nlane-order: alphabetical\n";
    tl::load_template(path, files, diags);
    REQUIRE(diags.items().size() == 1);
    CHECK(diags.items()[0].rule == "bad-template");
    CHECK(diags.items()[0].hint.find("role, events, name, input") != std::string::npos);
    std::remove(path);
}

TEST_CASE("a template sets the smallest size text may be printed at on a fixed page") {
    CHECK(rules("fonts:\n  min-size: 7.5\n").empty());
    CHECK(rules("fonts:\n  min-size: 0\n").empty());  // no floor: shrink to fit, as before
    CHECK(rules("fonts:\n  min-size: 30\n") == "bad-template@2 ");
    CHECK(rules("fonts:\n  min-size: -1\n") == "bad-template@2 ");
    CHECK(rules("fonts:\n  min-size: big\n") == "bad-number@2 ");
    tl::Diagnostics diags;
    CHECK(tl::load_template_text("fonts:\n  min-size: 7.5\n", 0, diags).min_font_size == 7.5);
    CHECK(tl::load_template_text("name: x\n", 0, diags).min_font_size == 6);
}

TEST_CASE("a template asks for a totals block of its top N suppliers, off by default") {
    tl::Diagnostics diags;
    CHECK(tl::load_template_text("name: x\n", 0, diags).totals_block == 0);
    CHECK(tl::load_template_text("name: x\ntotals-block: 8\n", 0, diags).totals_block == 8);
    CHECK(diags.empty());
    tl::Diagnostics bad;
    tl::load_template_text("name: x\ntotals-block: 99\n", 0, bad);
    REQUIRE(bad.items().size() == 1);
    CHECK(bad.items()[0].rule == "bad-template");
}

TEST_CASE("a colour for a kind that does not exist is a warning at its key") {
    tl::Diagnostics diags;
    const tl::Theme t = tl::load_template_text(
        "name: x\npalette:\n  kind-colors: {arms-transfr: \"#c0392b\", cyber: \"#123456\", "
        "sanctions: \"#000000\"}\n",
        0, diags);
    REQUIRE(diags.empty());
    tl::Model model;
    model.kinds.push_back({"cyber", "Cyber", "", {}});
    tl::check_template_kinds(t, model, diags);
    REQUIRE(diags.items().size() == 1);
    const tl::Diagnostic& d = diags.items()[0];
    CHECK(d.rule == "unknown-kind-color");
    CHECK(d.severity == tl::Severity::warning);
    CHECK(d.loc.line == 3);
    CHECK(d.loc.column == 17);
    CHECK(d.hint.starts_with("did you mean 'arms-transfer'?"));
}

TEST_CASE("paper sizes and other names in a template are read in any case") {
    // `size: a4` was "no paper size 'a4'": a name is not a spelling test.
    tl::Diagnostics diags;
    const tl::Theme a4 =
        tl::load_template_text("page:\n  size: a4\n  orientation: Portrait\n", 0, diags);
    CHECK(diags.empty());
    CHECK(a4.page_width == doctest::Approx(595.28));
    CHECK(a4.page_height == doctest::Approx(841.89));
    const tl::Theme letter = tl::load_template_text(
        "page:\n  size: LETTER\n  height: AUTO\n  width: 210MM\n  grow: True\nlanes: Kind\n"
        "lane-order: Events\n",
        0, diags);
    CHECK(diags.empty());
    CHECK(letter.page_height == 0);
    CHECK(letter.page_width == doctest::Approx(595.28));
    CHECK(letter.grow_width);
    CHECK(letter.lanes == tl::LaneMode::kind);
    CHECK(letter.lane_order == tl::LaneOrder::events);
    tl::Diagnostics bad;
    tl::load_template_text("page:\n  size: A7\n", 0, bad);
    REQUIRE(bad.items().size() == 1);
    CHECK(bad.items()[0].message == "no paper size 'A7'");
}
