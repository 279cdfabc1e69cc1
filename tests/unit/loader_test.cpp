#include <doctest/doctest.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "load/loader.hpp"

namespace {

/// Loads YAML text as the file "test.yaml" and keeps the diagnostics.
struct Loaded {
    tl::Model model;
    tl::Diagnostics diags;

    explicit Loaded(const std::string& text) {
        const auto file = model.files.add("test.yaml");
        tl::load_text(text, file, model, diags);
        diags.sort();
    }
    bool has(const std::string& rule, unsigned line = 0, unsigned column = 0) const {
        for (const auto& d : diags.items())
            if (d.rule == rule && (line == 0 || d.loc.line == line) &&
                (column == 0 || d.loc.column == column))
                return true;
        return false;
    }
};

const char* const kValid = R"(actors:
  - id: IR
    name: Iran
  - id: RU
    name: Russia
events:
  - id: shipment
    date: 2024-09
    title: Iran delivers missiles
    kind: arms-transfer
    from: IR
    to: RU
    quantity: {value: 200, unit: ballistic missiles, qualifier: more-than}
    sources:
      - publisher: Ukrinform
        url: https://www.ukrinform.net/
    x-note: free extension
)";

}  // namespace

TEST_CASE("a valid document loads every field") {
    Loaded l(kValid);
    CHECK(l.diags.empty());
    REQUIRE(l.model.events.size() == 1);
    const tl::Event& e = l.model.events[0];
    CHECK(e.id == "shipment");
    CHECK(e.title == "Iran delivers missiles");
    CHECK(e.date.start.precision == tl::Precision::month);
    REQUIRE(e.from.size() == 1);
    CHECK(e.from[0].id == "IR");
    CHECK(e.from[0].loc.line == 11);
    REQUIRE(e.quantities.size() == 1);
    CHECK(e.quantities[0].value == 200);
    CHECK(e.quantities[0].qualifier == tl::QuantityQualifier::more_than);
    REQUIRE(e.sources.size() == 1);
    CHECK(e.sources[0].url == "https://www.ukrinform.net/");
    CHECK(e.loc.line == 7);
    CHECK(e.loc.column == 5);
    CHECK(l.model.actors.size() == 2);
}

TEST_CASE("positions are 1-based line and column of the offending node") {
    Loaded l(
        "events:\n  - id: a\n    date: 2024-13\n    title: T\n    kind: other\n"
        "    sources: [S]\n");
    CHECK(l.has("bad-date", 3, 11));
}

TEST_CASE("unknown keys are reported with a suggestion") {
    Loaded l(
        "events:\n  - id: a\n    date: 2024\n    titel: T\n    kind: other\n"
        "    sources: [S]\n");
    REQUIRE(l.has("unknown-key", 4, 5));
    for (const auto& d : l.diags.items())
        if (d.rule == "unknown-key")
            CHECK(d.hint.find("did you mean 'title'") != std::string::npos);
    CHECK(l.has("missing-field"));
}

TEST_CASE("a repeated key is an error that points at both places") {
    Loaded l("id: a\ndate: 2024\ntitle: T\ntitle: U\nkind: other\nsources: [S]\n");
    REQUIRE(l.has("duplicate-key", 4, 1));
    for (const auto& d : l.diags.items())
        if (d.rule == "duplicate-key") CHECK(d.related->line == 3);
}

TEST_CASE("the single-event shorthand and several documents per file") {
    Loaded l(
        "id: a\ndate: 2024\ntitle: A\nkind: other\nsources: [S]\n---\n"
        "id: b\ndate: 2023\ntitle: B\nkind: other\nsources: [S]\n");
    CHECK(l.diags.empty());
    REQUIRE(l.model.events.size() == 2);
    CHECK(l.model.events[1].loc.line == 7);
}

TEST_CASE("sources may be strings: a publisher, or a URL") {
    Loaded l(
        "id: a\ndate: 2024\ntitle: A\nkind: other\n"
        "sources: [Reuters, 'https://example.org/x', 'ftp://example.org/']\n");
    REQUIRE(l.model.events.size() == 1);
    const auto& s = l.model.events[0].sources;
    REQUIRE(s.size() == 2);
    CHECK(s[0].publisher == "Reuters");
    CHECK(s[1].url == "https://example.org/x");
    CHECK(l.has("bad-url"));
}

TEST_CASE("numbers must parse exactly") {
    Loaded l(
        "id: a\ndate: 2024\ntitle: A\nkind: other\nsources: [S]\n"
        "quantity: {value: 200+, unit: missiles}\n");
    CHECK(l.has("bad-number", 6, 19));
    Loaded quoted(
        "id: a\ndate: 2024\ntitle: A\nkind: other\nsources: [S]\n"
        "quantity: {value: '200', unit: missiles}\n");
    CHECK(quoted.has("bad-number"));
    Loaded exp(
        "id: a\ndate: 2024\ntitle: A\nkind: other\nsources: [S]\n"
        "quantity: {value: 1.5e6, unit: troops}\n");
    CHECK(exp.diags.empty());
}

TEST_CASE("date with end is an interval, and both together are an error") {
    Loaded ok("id: a\ndate: 2014-10-01\nend: 2024-10-01\ntitle: A\nkind: other\nsources: [S]\n");
    REQUIRE(ok.model.events.size() == 1);
    CHECK(ok.model.events[0].date.is_interval());
    Loaded both("id: a\ndate: 2014/2015\nend: 2024\ntitle: A\nkind: other\nsources: [S]\n");
    CHECK(both.has("end-with-interval", 3, 6));
    Loaded backwards("id: a\ndate: 2024/2014\ntitle: A\nkind: other\nsources: [S]\n");
    CHECK(backwards.has("interval-order", 2, 7));
}

TEST_CASE("from without to, and field shapes") {
    Loaded l(
        "id: a\ndate: 2024\ntitle: A\nkind: other\nsources: [S]\nfrom: IR\n"
        "confidence: sure\ngrading: Z9\ntags: [Bad Tag]\n"
        "location: {name: X, lat: 95, lon: 10}\n");
    CHECK(l.has("from-to-pairing", 6));
    CHECK(l.has("bad-confidence", 7));
    CHECK(l.has("bad-grading", 8));
    CHECK(l.has("bad-tag", 9));
    CHECK(l.has("bad-location", 10));
}

TEST_CASE("what yaml-cpp lets through is caught by the loader") {
    Loaded bad_utf8(std::string("id: a\ntitle: caf\xC3") + "\n");
    CHECK(bad_utf8.has("invalid-utf8", 2, 11));
    Loaded empty("  \n\n");
    CHECK(empty.has("empty-file"));
    CHECK(!empty.diags.has_errors());
    Loaded syntax("events: [\n  - id: a\n");
    CHECK(syntax.has("yaml-syntax"));
}

TEST_CASE("a document that is not a mapping") {
    Loaded l("- just\n- a list\n");
    CHECK(l.has("wrong-type", 1, 1));
}

TEST_CASE("inputs that cannot be read are reported, never thrown") {
    tl::Diagnostics diags;
    const tl::Model m = tl::load_inputs({"/nonexistent/events.yaml"}, diags);
    CHECK(diags.has_errors());
    CHECK(diags.items()[0].rule == "unreadable-input");
    CHECK(m.events.empty());
}

TEST_CASE("folders are read recursively in byte order, skipping dot files") {
    tl::Diagnostics diags;
    const tl::Model m = tl::load_inputs({TIMELINE_SOURCE_DIR "/events"}, diags);
    CHECK_FALSE(diags.has_errors());
    REQUIRE(m.files.paths.size() >= 2);
    for (std::size_t i = 1; i < m.files.paths.size(); ++i)
        CHECK(m.files.paths[i - 1] < m.files.paths[i]);
    CHECK(m.events.size() >= 10);
}

namespace {

/// `n` minimal events as one YAML list, each on two lines.
std::string events_text(int n, const std::string& prefix = "e") {
    std::string text = "events:\n";
    for (int i = 0; i < n; ++i)
        text += "  - {id: " + prefix + std::to_string(i) +
                ", date: 2024, title: T, kind: other,\n     sources: [P]}\n";
    return text;
}

}  // namespace

TEST_CASE("more events than max_events is an error at the first one too many") {
    tl::Model model;
    tl::Diagnostics diags;
    const auto file = model.files.add("test.yaml");
    tl::LoadOptions options;
    options.max_events = 2;
    tl::load_text(events_text(3), file, model, diags, options);
    REQUIRE(diags.items().size() == 1);
    CHECK(diags.items()[0].rule == "too-many-events");
    CHECK(diags.items()[0].loc.line == 6);
    CHECK(model.events.size() == 2);
    CHECK(tl::LoadOptions{}.max_events == 1'000'000);

    // Across documents of one file, and across files.
    tl::Model docs;
    tl::Diagnostics docs_diags;
    tl::load_text(events_text(1) + "---\n" + events_text(1, "f") + "---\n" + events_text(1, "g"),
                  docs.files.add("docs.yaml"), docs, docs_diags, options);
    CHECK(docs_diags.items().size() == 1);
    CHECK(docs.events.size() == 2);

    const std::string a = "/tmp/timeline-max-events-a.yaml";
    const std::string b = "/tmp/timeline-max-events-b.yaml";
    std::ofstream(a) << events_text(2, "a");
    std::ofstream(b) << events_text(2, "b");
    options.max_events = 3;
    tl::Diagnostics files_diags;
    const tl::Model both = tl::load_inputs({a, b}, files_diags, options);
    REQUIRE(files_diags.items().size() == 1);
    CHECK(files_diags.items()[0].rule == "too-many-events");
    CHECK(files_diags.items()[0].loc.file == 1);
    CHECK(files_diags.items()[0].loc.line == 4);
    CHECK(both.events.size() == 3);
    std::remove(a.c_str());
    std::remove(b.c_str());
}

TEST_CASE("YAML aliases are refused where they are used, anchors alone are harmless") {
    Loaded alias(
        "x-year: &year 2024\nevents:\n  - id: a\n    date: *year\n    title: T\n"
        "    kind: other\n    sources: [P]\n");
    CHECK(alias.has("alias", 4, 11));
    CHECK(alias.model.events.empty());
    Loaded merge("x-base: &base {kind: other}\nevents:\n  - <<: *base\n    id: a\n");
    CHECK(merge.has("alias", 3, 9));
    Loaded anchor("x-year: &year 2024\n" + events_text(1));
    CHECK_FALSE(anchor.diags.has_errors());
    // '*' and '&' inside text are not aliases.
    Loaded stars(events_text(1) +
                 "  - {id: b, date: 2024, title: 'A & B * C', kind: other, "
                 "sources: ['*P&']}\n");
    CHECK_FALSE(stars.diags.has_errors());
    CHECK(stars.model.events.size() == 2);
}

TEST_CASE("a scalar of more than 1 MiB is refused before yaml-cpp reads it") {
    Loaded plain("x-pad: " + std::string(std::size_t{2} << 20, 'a') + "\n" + events_text(1));
    CHECK(plain.has("too-long", 1, 7));
    Loaded quoted(events_text(1) + "  - id: b\n    title: \"" +
                  std::string(std::size_t{1} << 20, 'a') + "\"\n");
    CHECK(quoted.has("too-long", 5, 11));
    std::string block = "x-pad: |\n";
    for (int i = 0; i < 20000; ++i)
        block += "  " + std::string(60, 'a') + "\n";
    Loaded folded(block);
    CHECK(folded.has("too-long", 1, 7));
    // A long file of ordinary events is not one long scalar.
    Loaded many(events_text(5000));
    CHECK_FALSE(many.diags.has_errors());
    CHECK(many.model.events.size() == 5000);
}

TEST_CASE("a comma outside brackets at the top of a document is an error, not a hang") {
    // yaml-cpp 0.7 reads these as empty documents forever (its issue 1040).
    CHECK(Loaded(",").has("yaml-syntax", 1, 1));
    CHECK(Loaded("- a\n,\n").has("yaml-syntax", 2, 1));
    CHECK(Loaded("[a],").has("yaml-syntax", 1, 4));
    CHECK(Loaded("&x ,").has("yaml-syntax", 1, 4));
    CHECK(Loaded("--- ,\n").has("yaml-syntax", 1, 5));
    CHECK(Loaded(events_text(1) + "---\n\"a\" ,\n").has("yaml-syntax", 5, 5));
    // Commas in text and in flow collections are fine.
    Loaded fine(events_text(2) +
                "  - {id: c, date: 2024, title: \"Iran, Russia\", kind: other, "
                "sources: [\"P\", 'Q']}\n");
    CHECK_FALSE(fine.diags.has_errors());
    CHECK(fine.model.events.size() == 3);
}

TEST_CASE("control characters other than tab and line breaks are refused where they are") {
    CHECK(Loaded(std::string("id: a\0\n", 7)).has("control-character", 1, 6));
    CHECK(Loaded("title: a\x1b[31mred\n").has("control-character", 1, 9));
    CHECK(Loaded("title: a\x7f\n").has("control-character", 1, 9));
    Loaded tabs("x-note: a\tb\r\n" + events_text(1));
    CHECK_FALSE(tabs.diags.has_errors());
}

TEST_CASE("YAML tags: !!str makes text, any other tag is refused where it is") {
    const std::string event = "id: a\ndate: 2024\ntitle: A\nkind: other\nsources: [S]\n";
    Loaded str(event + "quantity: {value: !!str 200, unit: missiles}\n");
    CHECK(str.has("bad-number", 6, 19));
    CHECK_FALSE(str.has("yaml-tag"));
    Loaded text(event + "summary: !!str 2024\n");
    CHECK_FALSE(text.diags.has_errors());
    REQUIRE(text.model.events.size() == 1);
    CHECK(text.model.events[0].summary == "2024");
    for (const char* tagged :
         {"quantity: {value: !!int 200, unit: missiles}\n",
          "quantity: {value: !!float 200, unit: missiles}\n",
          "quantity: !!map {value: 200, unit: missiles}\n", "tags: !!seq [a]\n",
          "summary: !!null\n", "summary: !local x\n", "summary: !<tag:example.org,2024:x> x\n"}) {
        Loaded refused(event + tagged);
        CHECK_MESSAGE(refused.has("yaml-tag", 6), tagged);
        CHECK_MESSAGE(refused.model.events.empty(), tagged);
    }
    Loaded shown(event + "quantity: {value: !!int 200, unit: missiles}\n");
    REQUIRE_FALSE(shown.diags.items().empty());
    CHECK(shown.diags.items()[0].message.find("'!!int'") != std::string::npos);
}

namespace {

/// The title of the one event loaded without errors, or "(not loaded cleanly)".
std::string only_title(const Loaded& l) {
    if (l.diags.has_errors() || l.model.events.size() != 1) return "(not loaded cleanly)";
    return l.model.events[0].title;
}

}  // namespace

TEST_CASE("an emoji written as a JSON surrogate pair is one character") {
    // Python's json.dumps writes U+1F680 as "\ud83d\ude80"; YAML has \U0001F680 for it.
    Loaded pair(
        events_text(1) +
        "x-note: \"\\ud83d\\ude80\"\nx-bad: [unknown, {title: \"\\uD83D\\uDE80 x\", z: 1}]\n");
    CHECK_FALSE(pair.diags.has_errors());
    Loaded title(
        "id: a\ndate: 2024\ntitle: \"Launch \\ud83d\\ude80 and \\U0001F680\"\nkind: other\n"
        "sources: [S]\n");
    CHECK(only_title(title) == "Launch \xF0\x9F\x9A\x80 and \xF0\x9F\x9A\x80");
    // Columns after a joined pair still count the bytes as written.
    Loaded after("{id: a, title: \"\\ud83d\\ude80\", bogus: 1}\n");
    CHECK(after.has("unknown-key", 1, 32));
    // Single-quoted and plain text holds no escapes: the backslashes are text.
    Loaded plain(
        "id: a\ndate: 2024\ntitle: x \"\\ud83d\" \\ude80\nkind: other\nsources: [S]\n"
        "summary: '\\ud83d'\n");
    REQUIRE(only_title(plain) == "x \"\\ud83d\" \\ude80");
    CHECK(plain.model.events[0].summary == "\\ud83d");
}

TEST_CASE("half a surrogate pair is an error that says so") {
    for (const char* text : {"title: \"a \\ud83d b\"\n", "title: \"a \\ude80\"\n",
                             "title: \"\\ud83d\\u0041\"\n", "title: \"x\\ud83d\"\n"}) {
        Loaded lone(text);
        CHECK_MESSAGE(lone.has("bad-escape", 1), text);
        REQUIRE_FALSE(lone.diags.items().empty());
        CHECK_MESSAGE(lone.diags.items()[0].message.find("surrogate") != std::string::npos, text);
    }
    // Beyond the last code point yaml-cpp says only "invalid unicode: 1114112".
    Loaded beyond("x-a: 1\nx-b: \"\\U00110000\"\n");
    CHECK(beyond.has("bad-escape", 2, 7));
    REQUIRE_FALSE(beyond.diags.items().empty());
    CHECK(beyond.diags.items()[0].message.find("U+10FFFF") != std::string::npos);
    // An escaped backslash before 'u' is not an escape.
    CHECK_FALSE(Loaded("x-a: \"\\\\ud83d\"\n").diags.has_errors());
}

TEST_CASE("carriage returns alone as line ends are refused with a hint to convert") {
    Loaded mac("actors:\r  - id: A\r    name: Alpha\r");
    CHECK(mac.has("line-ending", 1, 8));
    REQUIRE(mac.diags.items().size() == 1);
    CHECK(mac.diags.items()[0].message.find("carriage return") != std::string::npos);
    CHECK(mac.diags.items()[0].hint.find("LF") != std::string::npos);
    Loaded mixed("x-a: 1\nx-b: 2\rx-c: 3\n");
    CHECK(mixed.has("line-ending", 2, 7));
    // CR LF and LF line ends are both fine.
    CHECK_FALSE(Loaded("x-note: a\r\n" + events_text(1)).diags.has_errors());
}

namespace {

/// Loads one file of tests/fixtures with the validator's view: every diagnostic, sorted.
struct LoadedFixture {
    tl::Model model;
    tl::Diagnostics diags;

    explicit LoadedFixture(const std::string& name) {
        model = tl::load_inputs({TIMELINE_FIXTURES "/" + name}, diags);
        diags.sort();
    }
    const tl::Event& event(const std::string& id) const {
        for (const tl::Event& e : model.events)
            if (e.id == id) return e;
        FAIL("no event " << id);
        return model.events.front();
    }
};

}  // namespace

TEST_CASE("format 1.1: a quantity is a mapping or a list, each with an optional stage") {
    const LoadedFixture f("valid/quantity-lists-and-stages.yaml");
    CHECK(f.diags.empty());
    using S = tl::QuantityStage;
    const tl::Event& f16 = f.event("f16-pledged-delivered");
    REQUIRE(f16.quantities.size() == 2);
    CHECK(f16.quantities[0].value == 100);
    CHECK(f16.quantities[0].unit == "aircraft");
    CHECK(f16.quantities[0].stage == S::pledged);
    CHECK(f16.quantities[1].value == 60);
    CHECK(f16.quantities[1].stage == S::delivered);
    CHECK(f16.quantities[1].qualifier == tl::QuantityQualifier::about);
    CHECK(f16.quantities[1].loc.line == 19);
    const tl::Event& aid = f.event("german-aid-2024");
    REQUIRE(aid.quantities.size() == 4);  // in the order written
    CHECK(aid.quantities[0].value == 23417159.98);
    CHECK(aid.quantities[0].stage == S::announced);
    CHECK(aid.quantities[1].stage == S::pledged);
    CHECK_FALSE(aid.quantities[2].stage.has_value());  // tanks without a stage, and ...
    CHECK(aid.quantities[3].stage == S::delivered);    // ... tanks delivered: both allowed
    const tl::Event& troops = f.event("troops-total-delivered");
    REQUIRE(troops.quantities.size() == 1);  // a single mapping, as in format 1
    CHECK(troops.quantities[0].stage == S::delivered);
    CHECK(troops.quantities[0].total == 10000);
    CHECK(f.event("no-quantity-yet").quantities.empty());  // `quantity: []` is none
}

TEST_CASE("format 1.1: quantity stages round-trip by name") {
    for (const auto s :
         {tl::QuantityStage::announced, tl::QuantityStage::pledged, tl::QuantityStage::delivered})
        CHECK(tl::stage_from_string(tl::to_string(s)) == s);
    CHECK_FALSE(tl::stage_from_string("ordered").has_value());
    CHECK_FALSE(tl::stage_from_string("Pledged").has_value());
}

TEST_CASE("format 1.1: each quantity mistake is reported where it is, with a rule and hint") {
    struct Case {
        const char* fixture;
        unsigned line, column;
        const char* rule;
    };
    for (const Case c :
         {Case{"quantity-stage-unknown.yaml", 13, 45, "bad-stage"},
          Case{"quantity-duplicate-unit-and-stage.yaml", 14, 9, "duplicate-quantity"},
          Case{"quantity-duplicate-unit-without-stage.yaml", 15, 9, "duplicate-quantity"},
          Case{"quantity-duplicate-identical.yaml", 14, 9, "duplicate-quantity"},
          Case{"quantity-list-of-numbers.yaml", 12, 16, "wrong-type"}}) {
        const std::string fixture = c.fixture;
        CAPTURE(fixture);
        const LoadedFixture f(std::string("invalid/") + c.fixture);
        REQUIRE_FALSE(f.diags.empty());
        const tl::Diagnostic& d = f.diags.items().front();
        CHECK(d.severity == tl::Severity::error);
        CHECK(d.rule == c.rule);
        CHECK(d.loc.line == c.line);
        CHECK(d.loc.column == c.column);
        CHECK_FALSE(d.hint.empty());
    }
}

TEST_CASE("format 1.1: a repeated unit and stage points at both quantities") {
    const LoadedFixture f("invalid/quantity-duplicate-unit-and-stage.yaml");
    REQUIRE(f.diags.items().size() == 1);
    const tl::Diagnostic& d = f.diags.items().front();
    CHECK(d.message == "a second quantity in 'aircraft' with stage 'pledged'");
    REQUIRE(d.related.has_value());
    CHECK(d.related->line == 13);
    // Units are compared as an analyst reads them: "Aircraft" repeats "aircraft".
    const Loaded cased(
        "id: e\ndate: 2024\ntitle: T\nkind: other\nsources: [P]\nquantity:\n"
        "  - {value: 1, unit: aircraft}\n  - {value: 2, unit: Aircraft}\n"
        "  - {value: 3, unit: aircraft, stage: pledged}\n");
    CHECK(cased.has("duplicate-quantity", 8, 5));
    CHECK(cased.diags.items().size() == 1);
}

namespace {

std::string hint_of(const std::string& yaml, const std::string& rule) {
    tl::Model m;
    tl::Diagnostics diags;
    tl::load_text(yaml, m.files.add("a.yaml"), m, diags);
    for (const auto& d : diags.items())
        if (d.rule == rule) return d.hint;
    return "(no " + rule + ")";
}

const std::string kHead = "events:\n  - id: e\n    date: 2024\n    kind: other\n    actors: [A]\n";

}  // namespace

TEST_CASE("YAML slips are named with their fix, from the raw line") {
    CHECK(hint_of("actors:\n  - id: A\n    name: A\n    color: #cc0000\n", "wrong-type") ==
          "the '#' after 'color:' begins a YAML comment, so the value is empty: quote the "
          "text, as color: \"#cc0000\"");
    CHECK(hint_of(kHead + "    title: T\n    quantity: {value: 800,000, unit: shells}\n",
                  "unknown-key") ==
          "'800,000' reads as 800 and a key, as a comma separates the items of { }: write "
          "800000, without thousands separators");
    CHECK(hint_of(kHead + "    title: T\n    quantity:\n      value: 1,200,000\n      unit: x\n",
                  "bad-number") == "write 1200000, without thousands separators");
    CHECK(hint_of(kHead + "    title: Iran: drones delivered\n", "yaml-syntax") ==
          "the text after 'title:' holds ': ', which YAML reads as another key: quote the "
          "text, as title: \"Iran: drones delivered\"");
    CHECK(hint_of("events:\n  - id: e\n    date: 12/03/2024\n", "bad-date")
              .starts_with("write '2024-03-12' (or '2024-12-03' if 12/03 is month/day): 12/03 "
                           "is ambiguous between day/month and month/day"));
}
