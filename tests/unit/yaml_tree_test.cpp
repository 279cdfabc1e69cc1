#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "load/yaml_tree.hpp"

using tl::yaml::NodeRef;
using tl::yaml::parse_yaml;
using tl::yaml::YamlError;

namespace {

std::vector<std::string> scalars(const NodeRef& node) {
    std::vector<std::string> out;
    for (const NodeRef child : node)
        out.emplace_back(child.scalar());
    return out;
}

}  // namespace

TEST_CASE("a document becomes nodes with yaml-cpp's 0-based marks") {
    const auto parsed = parse_yaml("events:\n  - id: a\n    tags: [x, \"y\"]\n    n: 5\n");
    REQUIRE_FALSE(parsed.error);
    REQUIRE(parsed.tree.document_count() == 1);
    const NodeRef doc = parsed.tree.document(0);
    CHECK(doc.is_map());
    CHECK(doc.size() == 1);
    const NodeRef events = doc.find("events");
    REQUIRE(events.is_sequence());
    CHECK(events.line() == 1);
    CHECK(events.column() == 2);
    const NodeRef event = *events.begin();
    CHECK(event.is_map());
    CHECK(event.size() == 3);
    CHECK(event.find("id").scalar() == "a");
    CHECK(event.find("id").line() == 1);
    CHECK(event.find("id").column() == 8);
    const NodeRef tags = event.find("tags");
    CHECK(tags.size() == 2);
    CHECK(scalars(tags) == std::vector<std::string>{"x", "y"});
    CHECK_FALSE((*tags.begin()).is_quoted());
    CHECK((*++tags.begin()).is_quoted());
    CHECK(event.find("n").scalar() == "5");
    CHECK_FALSE(event.find("missing").defined());
    CHECK(event.find("missing").is_null());
}

TEST_CASE("a mapping keeps its keys in order, repeated ones too, as key-value pairs") {
    const auto parsed = parse_yaml("b: 1\na: 2\nb: 3\n");
    REQUIRE_FALSE(parsed.error);
    const NodeRef doc = parsed.tree.document(0);
    CHECK(doc.size() == 3);
    CHECK(scalars(doc) == std::vector<std::string>{"b", "1", "a", "2", "b", "3"});
    CHECK(doc.find("b").scalar() == "1");  // the first, as yaml-cpp's own lookup
}

TEST_CASE("null, empty and plain-null values are null, quoted null is text") {
    const auto parsed = parse_yaml("a:\nb: ~\nc: null\nd: \"null\"\ne: ''\n");
    REQUIRE_FALSE(parsed.error);
    const NodeRef doc = parsed.tree.document(0);
    CHECK(doc.find("a").is_null());
    CHECK(doc.find("a").defined());
    CHECK(doc.find("b").is_null());
    CHECK(doc.find("c").is_null());
    CHECK(doc.find("d").is_scalar());
    CHECK(doc.find("d").scalar() == "null");
    CHECK(doc.find("e").is_scalar());
    CHECK(doc.find("e").scalar().empty());
}

TEST_CASE("every document of a file is kept, empty ones as null") {
    const auto parsed = parse_yaml("a: 1\n---\n---\n- x\n");
    REQUIRE_FALSE(parsed.error);
    REQUIRE(parsed.tree.document_count() == 3);
    CHECK(parsed.tree.document(0).is_map());
    CHECK(parsed.tree.document(1).is_null());
    CHECK(parsed.tree.document(2).is_sequence());
    CHECK(parse_yaml("").tree.document_count() == 0);
    CHECK(parse_yaml("# only a comment\n").tree.document_count() == 0);
}

TEST_CASE("block scalars, escapes and multi-line text arrive as yaml-cpp reads them") {
    const auto parsed = parse_yaml("a: |\n  one\n  two\nb: >\n  x\n  y\nc: \"t\\u00e9\\n\"\n");
    REQUIRE_FALSE(parsed.error);
    const NodeRef doc = parsed.tree.document(0);
    CHECK(doc.find("a").scalar() == "one\ntwo\n");
    CHECK(doc.find("b").scalar() == "x y\n");
    CHECK(doc.find("c").scalar() == "t\xC3\xA9\n");
}

TEST_CASE("syntax errors carry yaml-cpp's message and mark") {
    const auto parsed = parse_yaml("a: [1, 2\nb: c\n");
    REQUIRE(parsed.error);
    CHECK(parsed.error->kind == YamlError::syntax);
    CHECK_FALSE(parsed.error->message.empty());
    CHECK(parsed.error->line >= 0);
}

TEST_CASE("an alias stops the parse at the alias") {
    const auto parsed = parse_yaml("a: &x [1, 2]\nb: *x\n");
    REQUIRE(parsed.error);
    CHECK(parsed.error->kind == YamlError::alias);
    CHECK(parsed.error->line == 1);
    CHECK(parsed.error->column == 3);
    // An anchor alone is harmless.
    CHECK_FALSE(parse_yaml("a: &x [1, 2]\n").error);
}

TEST_CASE("a comma that yaml-cpp 0.7 never consumes ends the parse instead of looping") {
    // Each of these makes YAML::LoadAll produce empty documents until memory runs out.
    for (const char* text : {",", "- a\n,", "[a],", "&x ,", "!t,", "--- ,", "a: b\n---\n- c\n,",
                             "--- \"\"\"&\"\"RU, \"\n}\n"}) {
        const auto parsed = parse_yaml(text);
        REQUIRE_MESSAGE(parsed.error, text);
        CHECK_MESSAGE(
            (parsed.error->kind == YamlError::stall || parsed.error->kind == YamlError::syntax ||
             parsed.error->kind == YamlError::tag),  // "!t,"
            text);
    }
    CHECK(parse_yaml(",").error->kind == YamlError::stall);
    CHECK(parse_yaml("- a\n,").error->kind == YamlError::stall);
    // Commas inside text and brackets are ordinary.
    for (const char* text :
         {"title: Iran, Russia and more", "a: {b: \"c\", d: [e], f: 'g'}", "- a, b", "x: 1,5"})
        CHECK_FALSE_MESSAGE(parse_yaml(text).error, text);
}

TEST_CASE("!!str makes a scalar text, any other tag stops the parse at its node") {
    const auto str = parse_yaml("a: !!str 200\nb: ! 300\nc: 400\n");
    REQUIRE_FALSE(str.error);
    CHECK(str.tree.document(0).find("a").is_quoted());
    CHECK(str.tree.document(0).find("b").is_quoted());
    CHECK_FALSE(str.tree.document(0).find("c").is_quoted());
    const auto tagged = parse_yaml("a: 1\nb: [x, !!int 2]\n");
    REQUIRE(tagged.error);
    CHECK(tagged.error->kind == YamlError::tag);
    CHECK(tagged.error->message == "!!int");
    CHECK(tagged.error->line == 1);
    CHECK(tagged.error->column == 7);
    const auto local = parse_yaml("a: !mine {b: 1}\n");
    REQUIRE(local.error);
    CHECK(local.error->message == "!mine");
}

TEST_CASE("surrogate pairs are joined, and marks stay where the text was written") {
    const std::string text = "{a: \"\\ud83d\\ude80 \\uD83D\\uDE80\", b: [c]}\n";
    const std::size_t first = text.find('\\');
    const std::size_t pairs[] = {first, first + 13};
    const auto parsed = parse_yaml(text, pairs);
    REQUIRE_FALSE(parsed.error);
    const NodeRef doc = parsed.tree.document(0);
    CHECK(doc.find("a").scalar() == "\xF0\x9F\x9A\x80 \xF0\x9F\x9A\x80");
    CHECK(doc.find("b").column() == static_cast<int>(text.find('[')));
}

TEST_CASE("reading past the last child gives an undefined node, never a stray index") {
    const auto parsed = parse_yaml("- a\n");
    const NodeRef list = parsed.tree.document(0);
    auto it = list.begin();
    CHECK((*it).scalar() == "a");
    ++it;
    CHECK(it == list.end());
    CHECK_FALSE((*it).defined());
    CHECK((*it).scalar().empty());
    ++it;  // stays at the end
    CHECK(it == list.end());
}
