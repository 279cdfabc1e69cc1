#include <doctest/doctest.h>

#include "load/loader.hpp"
#include "validate/validate.hpp"

namespace {

tl::Diagnostics check(const std::string& a, const std::string& b = {}) {
    tl::Model m;
    tl::Diagnostics diags;
    tl::load_text(a, m.files.add("a.yaml"), m, diags);
    if (!b.empty()) tl::load_text(b, m.files.add("b.yaml"), m, diags);
    tl::validate(m, diags);
    diags.sort();
    return diags;
}

bool has(const tl::Diagnostics& d, const std::string& rule) {
    for (const auto& x : d.items())
        if (x.rule == rule) return true;
    return false;
}

const std::string kActors = "actors:\n  - {id: IR, name: Iran}\n  - {id: RU, name: Russia}\n";
const std::string kEvent =
    "id: e1\ndate: 2024\ntitle: T\nkind: arms-transfer\nfrom: IR\nto: RU\n"
    "sources: [{publisher: P, url: 'https://example.org/'}]\n";

}  // namespace

TEST_CASE("a consistent model has no problems") {
    CHECK(check(kActors, kEvent).empty());
}

TEST_CASE("duplicate ids across files point at both places") {
    const auto d = check(
        kActors + "events:\n  - " +
            std::string("id: e1\n    date: 2024\n    title: T\n"
                        "    kind: other\n    sources: [{publisher: P, url: 'https://e.org/'}]\n"),
        kEvent);
    REQUIRE(has(d, "duplicate-id"));
    for (const auto& x : d.items()) {
        if (x.rule != "duplicate-id") continue;
        CHECK(x.loc.file == 1);
        REQUIRE(x.related.has_value());
        CHECK(x.related->file == 0);
    }
}

TEST_CASE("unknown actors, kinds and related events are reported with hints") {
    const auto d = check(kActors,
                         "id: e1\ndate: 2024\ntitle: T\nkind: arms-transfr\nfrom: IRR\n"
                         "to: RU\nrelated: [e1, nope]\n"
                         "sources: [{publisher: P, url: 'https://e.org/'}]\n");
    CHECK(has(d, "unknown-actor"));
    CHECK(has(d, "unknown-kind"));
    CHECK(has(d, "related-self"));
    CHECK(has(d, "unknown-related"));
    for (const auto& x : d.items()) {
        if (x.rule == "unknown-kind") CHECK(x.hint == "did you mean 'arms-transfer'?");
        if (x.rule == "unknown-actor")
            CHECK(x.hint ==
                  "did you mean 'IR' (Iran)? If not, declare it under 'actors:', as "
                  "'- {id: IRR, name: ...}'");
    }
}

TEST_CASE("an unknown actor is suggested by name, and how to declare it is always said") {
    const auto d =
        check("actors:\n  - {id: GB, name: United Kingdom}\n  - {id: UA, name: Ukraine}\n",
              "id: e1\ndate: 2024\ntitle: T\nkind: other\nactors: [UK, KR]\n"
              "sources: [{publisher: P, url: 'https://e.org/'}]\n");
    std::vector<std::string> hints;
    for (const auto& x : d.items())
        if (x.rule == "unknown-actor") hints.push_back(x.hint);
    REQUIRE(hints.size() == 2);
    CHECK(hints[0] ==
          "did you mean 'GB' (United Kingdom)? If not, declare it under 'actors:', "
          "as '- {id: UK, name: ...}'");
    CHECK(hints[1] == "declare it under 'actors:', as '- {id: KR, name: ...}'");
}

TEST_CASE("a declared kind may not reuse a built-in id") {
    CHECK(has(check("kinds:\n  - {id: sanctions, label: S}\n"), "kind-clash"));
    CHECK(check("kinds:\n  - {id: cyber-support, label: Cyber}\n").empty());
}

TEST_CASE("an event citing no URL is a warning, not an error") {
    const auto d =
        check(kActors, "id: e1\ndate: 2024\ntitle: T\nkind: other\nsources: [Reuters]\n");
    CHECK(has(d, "missing-url"));
    CHECK_FALSE(d.has_errors());
}

TEST_CASE("a supplier that is also the recipient of the same event is a warning at the recipient") {
    const auto d = check(kActors,
                         "id: e1\ndate: 2024\ntitle: T\nkind: arms-transfer\nfrom: IR\n"
                         "to: [RU, IR]\nsources: [{publisher: P, url: 'https://e.org/'}]\n");
    REQUIRE(d.items().size() == 1);
    const auto& x = d.items()[0];
    CHECK(x.rule == "self-supply");
    CHECK(x.severity == tl::Severity::warning);
    CHECK(x.loc.line == 6);
    CHECK(x.message == "'IR' is both a supplier and a recipient of 'e1'");
    CHECK_FALSE(x.hint.empty());
}

TEST_CASE("the same event pasted under a new id is a warning that points at the first") {
    const std::string e2 = kEvent.substr(0, kEvent.find('\n')) == "id: e1"
                               ? "id: e2" + kEvent.substr(kEvent.find('\n'))
                               : kEvent;
    const auto d = check(kActors + "events:\n  - " +
                             std::string("{id: e0, date: 2024, title: T, kind: other, from: IR, "
                                         "to: RU, sources: ['https://e.org/']}\n"),
                         e2);
    REQUIRE(d.items().size() == 1);
    const auto& x = d.items()[0];
    CHECK(x.rule == "duplicate-event");
    CHECK(x.severity == tl::Severity::warning);
    CHECK(x.loc.file == 1);
    REQUIRE(x.related.has_value());
    CHECK(x.related->file == 0);
    // Another date, title or set of actors is another event.
    CHECK(check(kActors, e2 + "---\nid: e3\ndate: 2023\ntitle: T\nkind: other\nfrom: IR\nto: RU\n"
                              "sources: ['https://e.org/']\n")
              .empty());
}
