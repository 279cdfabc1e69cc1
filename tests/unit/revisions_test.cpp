#include <doctest/doctest.h>

#include <functional>
#include <string>
#include <vector>

#include "diff/revisions.hpp"
#include "support_event.hpp"

namespace {

using tl::Change;
using tl::RevisionClass;

/// A model of one event each side; `edit` revises the new side's copy.
struct EventPair {
    tl::Model old_model;
    tl::Model new_model;

    explicit EventPair(const std::function<void(tl::Event&)>& edit,
                       const std::function<void(tl::Event&)>& setup = {}) {
        tl::Event e = tl::testing::support_event("e1", "2024-03", "germany", 200.0, "missiles",
                                                 tl::Confidence::reported);
        e.quantities[0].value_text = "200";
        e.sources.push_back({"Reuters",
                             "Germany sends missiles",
                             "https://example.org/a",
                             {},
                             "",
                             {0, 5, 3},
                             {0, 6, 3}});
        e.loc = {0, 1, 3};
        if (setup) setup(e);
        old_model.events.push_back(e);
        edit(e);
        new_model.events.push_back(e);
    }
    tl::ModelRevisions compare() const { return tl::compare_models(old_model, new_model); }
    /// The one field revision the edit made.
    tl::FieldRevision only_field() const {
        const tl::ModelRevisions r = compare();
        REQUIRE(r.events.size() == 1);
        CHECK(r.events[0].change == Change::changed);
        REQUIRE(r.events[0].fields.size() == 1);
        return r.events[0].fields[0];
    }
};

tl::Date revision_date(const char* text) {
    REQUIRE(tl::parse_date(text));
    return *tl::parse_date(text).value;
}

RevisionClass date_change(const char* from, const char* to) {
    EventPair pair([&](tl::Event& e) { e.date = revision_date(to); },
                   [&](tl::Event& e) { e.date = revision_date(from); });
    const tl::FieldRevision f = pair.only_field();
    CHECK(f.field == "date");
    CHECK(f.old_text == from);
    CHECK(f.new_text == to);
    return f.revision;
}

}  // namespace

TEST_CASE("revisions: the same model, moved about in its files, has no differences") {
    EventPair pair([](tl::Event& e) {
        e.loc = {3, 40, 1};
        e.title_loc = {3, 41, 5};
        e.quantities[0].loc = {3, 44, 5};
        e.quantities[0].value_text = "200.0";  // the same number written another way
        e.sources[0].loc = {3, 50, 7};
        e.date = revision_date("2024-03-XX");  // the same month written another way
    });
    const tl::ModelRevisions r = pair.compare();
    CHECK(r.empty());
    CHECK(r.find_event("e1") == nullptr);
}

TEST_CASE(
    "revisions: events are matched by id, added and changed in the new order, removed in "
    "the old") {
    tl::Model old_model;
    tl::Model new_model;
    using tl::testing::support_event;
    old_model.events = {support_event("a", "2024-01", "x"), support_event("gone", "2024-02", "x"),
                        support_event("b", "2024-03", "x"), support_event("gone2", "2024-04", "x")};
    new_model.events = {support_event("new", "2024-05", "x"), support_event("b", "2024-03", "y"),
                        support_event("a", "2024-01", "x")};
    const tl::ModelRevisions r = tl::compare_models(old_model, new_model);
    REQUIRE(r.events.size() == 4);
    CHECK(r.events[0].id == "new");
    CHECK(r.events[0].change == Change::added);
    CHECK(r.events[0].old_event == nullptr);
    CHECK(r.events[0].new_event == &new_model.events[0]);
    CHECK(r.events[0].fields.empty());
    CHECK(r.events[1].id == "b");
    CHECK(r.events[1].change == Change::changed);
    CHECK(r.events[1].old_event == &old_model.events[2]);
    CHECK(r.events[2].id == "gone");
    CHECK(r.events[2].change == Change::removed);
    CHECK(r.events[2].new_event == nullptr);
    CHECK(r.events[3].id == "gone2");
    CHECK(r.find_event("b") == &r.events[1]);
    CHECK(r.find_event("a") == nullptr);
    // A list made by hand, as a layout test makes one, is found too.
    tl::ModelRevisions by_hand;
    by_hand.events.push_back({"x", Change::added, nullptr, nullptr, {}});
    CHECK(by_hand.find_event("x") == &by_hand.events[0]);
    CHECK(by_hand.find_event("y") == nullptr);
    CHECK_FALSE(r.empty());
    CHECK(tl::to_string(Change::removed) == "removed");
}

TEST_CASE("revisions: a date made narrower is refined, wider widened, elsewhere moved") {
    CHECK(date_change("2024-21", "2024-04-10") == RevisionClass::date_refined);  // spring -> day
    CHECK(date_change("2024-03~", "2024-03-12") == RevisionClass::date_refined);
    CHECK(date_change("2024", "2024-03") == RevisionClass::date_refined);
    CHECK(date_change("2024-03/..", "2024-03/2024-05") == RevisionClass::date_refined);
    CHECK(date_change("2024-03%", "2024-03") == RevisionClass::date_refined);  // hedge dropped
    CHECK(date_change("2024-03-12", "2024-03") == RevisionClass::date_widened);
    CHECK(date_change("2024-03", "2024-03?") == RevisionClass::date_widened);
    CHECK(date_change("2024-03", "2024-04") == RevisionClass::date_moved);
    CHECK(date_change("2024-03-12", "2024-03-13") == RevisionClass::date_moved);
    CHECK(date_change("2024-03/2024-05", "2024-04/2024-06") == RevisionClass::date_moved);
    // The same days in another form: a difference a reader may want, but not a revision.
    CHECK(date_change("2024-03", "2024-03-01/2024-03-31") == RevisionClass::other);
    CHECK(tl::to_string(RevisionClass::date_refined) == "date-refined");
}

TEST_CASE("revisions: confidence rises alleged, reported, assessed, confirmed") {
    using C = tl::Confidence;
    auto change = [](C from, C to) {
        EventPair pair([&](tl::Event& e) { e.confidence = to; },
                       [&](tl::Event& e) { e.confidence = from; });
        const tl::FieldRevision f = pair.only_field();
        CHECK(f.field == "confidence");
        CHECK(f.old_text == tl::to_string(from));
        CHECK(f.new_text == tl::to_string(to));
        return f.revision;
    };
    CHECK(change(C::alleged, C::confirmed) == RevisionClass::confidence_upgraded);
    CHECK(change(C::alleged, C::reported) == RevisionClass::confidence_upgraded);
    CHECK(change(C::reported, C::assessed) == RevisionClass::confidence_upgraded);
    CHECK(change(C::assessed, C::confirmed) == RevisionClass::confidence_upgraded);
    CHECK(change(C::confirmed, C::reported) == RevisionClass::confidence_downgraded);
    CHECK(change(C::assessed, C::alleged) == RevisionClass::confidence_downgraded);
}

TEST_CASE("revisions: a quantity's value, unit, qualifier, stage or total is a change") {
    auto field = [](const std::function<void(tl::Quantity&)>& edit) {
        EventPair pair([&](tl::Event& e) { edit(e.quantities[0]); });
        const tl::FieldRevision f = pair.only_field();
        CHECK(f.field == "quantity");
        CHECK(f.revision == RevisionClass::quantity_changed);
        CHECK(f.old_text == "200 missiles");
        return f.new_text;
    };
    CHECK(field([](tl::Quantity& q) { q.value = 250; }) == "250 missiles");
    CHECK(field([](tl::Quantity& q) { q.unit = "launchers"; }) == "200 launchers");
    CHECK(field([](tl::Quantity& q) { q.qualifier = tl::QuantityQualifier::more_than; }) ==
          "more than 200 missiles");
    CHECK(field([](tl::Quantity& q) { q.stage = tl::QuantityStage::delivered; }) ==
          "200 missiles, delivered");
    CHECK(field([](tl::Quantity& q) { q.total = 1500; }) == "200 missiles, total 1500");
    EventPair added([](tl::Event& e) { e.quantities.push_back(e.quantities[0]); });
    CHECK(added.only_field().new_text == "200 missiles; 200 missiles");
    EventPair dropped([](tl::Event& e) { e.quantities.clear(); });
    CHECK(dropped.only_field().new_text.empty());
}

TEST_CASE("revisions: sources are a set, named by url or by publisher and title") {
    EventPair reordered(
        [](tl::Event& e) {
            e.sources.insert(e.sources.begin(), {"AP", "", "", {}, "", {}, {}});
        },
        [](tl::Event& e) {
            e.sources.push_back({"AP", "", "", {}, "", {}, {}});
        });
    CHECK(reordered.compare().empty());

    EventPair added([](tl::Event& e) {
        e.sources.push_back({"Kyiv Post", "Missiles arrive", "", {}, "", {0, 9, 7}, {}});
    });
    tl::FieldRevision f = added.only_field();
    CHECK(f.field == "sources");
    CHECK(f.revision == RevisionClass::sources_added);
    CHECK(f.old_text.empty());
    CHECK(f.new_text == "Kyiv Post: Missiles arrive");
    CHECK(f.new_loc == tl::SourceLoc{0, 9, 7});

    EventPair removed([](tl::Event& e) { e.sources.clear(); });
    f = removed.only_field();
    CHECK(f.revision == RevisionClass::sources_removed);
    CHECK(f.old_text == "https://example.org/a");
    CHECK(f.new_text.empty());
    CHECK(f.old_loc == tl::SourceLoc{0, 5, 3});

    // The same source (the same url) with a new quote: its text edited.
    EventPair quoted([](tl::Event& e) { e.sources[0].quote = "sent in March"; });
    f = quoted.only_field();
    CHECK(f.revision == RevisionClass::text_edited);
    CHECK(f.new_text ==
          "Reuters; title: Germany sends missiles; url: https://example.org/a; "
          "quote: sent in March");

    // A changed url is another source: one removed, one added.
    EventPair moved([](tl::Event& e) { e.sources[0].url = "https://example.org/b"; });
    const tl::ModelRevisions r = moved.compare();
    REQUIRE(r.events.size() == 1);
    REQUIRE(r.events[0].fields.size() == 2);
    CHECK(r.events[0].fields[0].revision == RevisionClass::sources_added);
    CHECK(r.events[0].fields[1].revision == RevisionClass::sources_removed);
}

TEST_CASE("revisions: titles, texts, actors, kinds and the rest each have their class") {
    struct Case {
        const char* field;
        RevisionClass revision;
        std::function<void(tl::Event&)> edit;
        const char* new_text;
    };
    const std::vector<Case> cases{
        {"title", RevisionClass::title_edited, [](tl::Event& e) { e.title = "Missiles"; },
         "Missiles"},
        {"summary", RevisionClass::text_edited, [](tl::Event& e) { e.summary = "More."; }, "More."},
        {"location", RevisionClass::text_edited,
         [](tl::Event& e) { e.location = tl::Location{"Kyiv", true, 50.45, 30.5, {}, {}}; },
         "Kyiv (50.45, 30.5)"},
        {"from", RevisionClass::actors_changed,
         [](tl::Event& e) {
             e.from.push_back({"france", {}});
         },
         "germany, france"},
        {"to", RevisionClass::actors_changed, [](tl::Event& e) { e.to.clear(); }, ""},
        {"actors", RevisionClass::actors_changed,
         [](tl::Event& e) {
             e.actors.push_back({"nato", {}});
         },
         "nato"},
        {"kind", RevisionClass::kind_changed, [](tl::Event& e) { e.kind = "aid"; }, "aid"},
        {"grading", RevisionClass::other, [](tl::Event& e) { e.grading = "B2"; }, "B2"},
        {"tags", RevisionClass::other,
         [](tl::Event& e) {
             e.tags.push_back({"air", {}});
         },
         "air"},
        {"related", RevisionClass::other,
         [](tl::Event& e) {
             e.related.push_back({"e0", {}});
         },
         "e0"},
        {"priority", RevisionClass::other, [](tl::Event& e) { e.priority = 7.5; }, "7.5"},
    };
    for (const Case& c : cases) {
        CAPTURE(c.field);
        const tl::FieldRevision f = EventPair(c.edit).only_field();
        CHECK(f.field == c.field);
        CHECK(f.revision == c.revision);
        CHECK(f.new_text == c.new_text);
    }
    // A field without a position of its own is placed at its event.
    CHECK(EventPair([](tl::Event& e) { e.kind = "aid"; }).only_field().new_loc ==
          tl::SourceLoc{0, 1, 3});
}

TEST_CASE("revisions: actors, kinds and eras are compared by id like events") {
    tl::Model old_model;
    tl::Model new_model;
    old_model.actors = {{"germany", "Germany", "#000", "", {0, 2, 1}},
                        {"gdr", "GDR", "", "", {0, 3, 1}}};
    new_model.actors = {{"germany", "Federal Republic", "#000", "EU", {1, 2, 1}},
                        {"france", "France", "", "", {1, 4, 1}}};
    old_model.kinds = {{"aid", "Aid", "#111", {}}};
    new_model.kinds = {{"aid", "Aid", "#222", {}}};
    old_model.eras = {{"war", "War", revision_date("2022-02-24/.."), {0, 9, 1}}};
    new_model.eras = {{"war", "War", revision_date("2022-02-24/2025"), {1, 9, 1}}};
    const tl::ModelRevisions r = tl::compare_models(old_model, new_model);
    CHECK(r.events.empty());

    REQUIRE(r.actors.size() == 3);
    CHECK(r.actors[0].id == "germany");
    CHECK(r.actors[0].change == Change::changed);
    REQUIRE(r.actors[0].fields.size() == 2);
    CHECK(r.actors[0].fields[0].field == "name");
    CHECK(r.actors[0].fields[0].revision == RevisionClass::title_edited);
    CHECK(r.actors[0].fields[0].old_text == "Germany");
    CHECK(r.actors[0].fields[1].field == "group");
    CHECK(r.actors[0].fields[1].revision == RevisionClass::other);
    CHECK(r.actors[0].new_loc == tl::SourceLoc{1, 2, 1});
    CHECK(r.actors[1].id == "france");
    CHECK(r.actors[1].change == Change::added);
    CHECK(r.actors[2].id == "gdr");
    CHECK(r.actors[2].change == Change::removed);
    CHECK(r.actors[2].old_loc == tl::SourceLoc{0, 3, 1});
    CHECK(r.actors[2].new_loc.file == tl::kNoFile);

    REQUIRE(r.kinds.size() == 1);
    REQUIRE(r.kinds[0].fields.size() == 1);
    CHECK(r.kinds[0].fields[0].field == "color");
    CHECK(r.kinds[0].fields[0].new_text == "#222");

    REQUIRE(r.eras.size() == 1);
    REQUIRE(r.eras[0].fields.size() == 1);
    CHECK(r.eras[0].fields[0].field == "date");
    CHECK(r.eras[0].fields[0].revision == RevisionClass::date_refined);
}
