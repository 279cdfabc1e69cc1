// The pieces every importer reads and writes text with: encodings, CSV, YAML strings, ids.

#include <doctest/doctest.h>

#include "import/csv_reader.hpp"
#include "import/imported_event.hpp"
#include "import/stable_ids.hpp"
#include "import/text_encoding.hpp"
#include "import/yaml_text.hpp"
#include "load/loader.hpp"

using namespace tl::importer;

TEST_CASE("a Latin-1 export becomes UTF-8, and a UTF-8 one is kept as it is") {
    CHECK(export_text_to_utf8("Sj\xF6ormen, Daphn\xE9, Wa\xE4rtsil\xE4") ==
          "Sj\u00F6ormen, Daphn\u00E9, Wa\u00E4rtsil\u00E4");
    // Windows-1252's marks in 0x80..0x9F, and its undefined bytes as U+FFFD.
    CHECK(export_text_to_utf8("deal\x92s \x80 \x81") == "deal\u2019s \u20AC \uFFFD");
    CHECK(export_text_to_utf8("\xEF\xBB\xBFT\xC3\xBCrkiye") == "T\u00FCrkiye");
    CHECK(export_text_to_utf8("T\xFCrkiye") == "T\u00FCrkiye");
}

TEST_CASE("the CSV reader keeps quoted separators and line ends, and where each field starts") {
    CsvReader reader("a,\"b, \"\"c\"\"\",d\r\n\"x\ny\",z\n,,\n", 10);
    CsvRecord r;
    REQUIRE(reader.next(r));
    REQUIRE(r.fields.size() == 3);
    CHECK(r.fields[1].text == "b, \"c\"");
    CHECK(r.fields[2].column == 14);
    CHECK(r.line == 10);
    REQUIRE(reader.next(r));
    CHECK(r.fields[0].text == "x\ny");
    CHECK(r.fields[1].line == 12);
    CHECK(r.fields[1].column == 4);
    REQUIRE(reader.next(r));
    CHECK(r.blank());
    CHECK_FALSE(reader.next(r));
    CsvReader open("a,\"never closed\n", 1);
    REQUIRE(open.next(r));
    CHECK(r.unclosed_quote);
}

TEST_CASE("every string written to an event file reads back as exactly itself") {
    const std::string nasty =
        "She said \"no\": \\ # [x] {y} &a *b !c | > % @ ` '\t\xEF\xBB\xBF \u202E end\n- x: y";
    CHECK(yaml_quoted("a\"b\\c\nd") == "\"a\\\"b\\\\c\\nd\"");
    // Characters the format refuses in text are still escaped, never written raw.
    CHECK(yaml_quoted("\x01\xC2\x85\u2028") == "\"\\x01\\x85\\u2028\"");
    ImportedEvent e;
    e.id = "e1";
    e.date = "2024";
    e.title = "t";
    e.kind = "other";
    e.summary = nasty;
    const std::string line = one_line(nasty);
    CHECK(line.find_first_of("\t\n") == std::string::npos);
    e.sources.push_back({});
    e.sources[0].publisher = line;
    e.sources[0].url = "https://example.org/a?b=c#d";
    const std::vector<ImportedFile> files = event_files({e}, {}, "comment");
    tl::Model m;
    tl::Diagnostics diags;
    tl::load_text(files.at(1).bytes, m.files.add("x.yaml"), m, diags);
    REQUIRE(m.events.size() == 1);
    std::string problems;
    for (const tl::Diagnostic& d : diags.items())
        problems += d.rule + ": " + d.message + "\n";
    CHECK(problems == "");
    CHECK(m.events[0].summary == nasty);
    CHECK(m.events[0].sources.at(0).publisher == line);
}

TEST_CASE("names become ids of lower-case ASCII words, told apart where they clash") {
    CHECK(slug("C\u00F4te d'Ivoire") == "cote-d-ivoire");
    CHECK(slug("unknown supplier(s)") == "unknown-supplier-s");
    CHECK(slug("Syria rebels*") == "syria-rebels");
    const auto ids = actor_ids({"Syria rebels*", "Syria rebels", "T\u00FCrkiye", "\u4E2D\u56FD"});
    CHECK(ids.at("Syria rebels") == "syria-rebels");
    CHECK(ids.at("Syria rebels*").starts_with("syria-rebels-"));
    CHECK(ids.at("Syria rebels*").size() == std::string("syria-rebels-").size() + 6);
    CHECK(ids.at("T\u00FCrkiye") == "turkiye");
    CHECK(ids.at("\u4E2D\u56FD").starts_with("actor-"));
    // The hash is fixed (FNV-1a), so ids are the same on every machine and in every release.
    CHECK(hex_digits(stable_hash("a"), 16) == "af63dc4c8601ec8c");
}
