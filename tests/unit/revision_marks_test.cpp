// render --since: the chart marks what changed since an old version (issue 16), and the Scene
// says so on every item (Item::change), so that these checks read the marks as drawn.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "diff/revisions.hpp"
#include "layout/chart_layout.hpp"
#include "reader_text.hpp"
#include "support_event.hpp"
#include "timeline/timeline.hpp"

namespace {

using tl::Item;

/// Two versions: "kept" unchanged, "refined" from the year 2024 to 12 May 2024, "upgraded"
/// from alleged to confirmed, "gone" withdrawn, and "fresh" new.
struct Versions {
    tl::Model old_model;
    tl::Model new_model;

    Versions() {
        using tl::testing::support_event;
        const auto both = [this](const tl::Event& e) {
            old_model.events.push_back(e);
            new_model.events.push_back(e);
        };
        both(support_event("kept", "2024-02-10", "germany"));
        tl::Event refined = support_event("refined", "2024", "france");
        old_model.events.push_back(refined);
        refined.date = *tl::parse_date("2024-05-12").value;
        new_model.events.push_back(refined);
        tl::Event upgraded =
            support_event("upgraded", "2024-07-01", "germany", {}, "EUR", tl::Confidence::alleged);
        old_model.events.push_back(upgraded);
        upgraded.confidence = tl::Confidence::confirmed;
        new_model.events.push_back(upgraded);
        old_model.events.push_back(support_event("gone", "2024-03-03", "poland"));
        new_model.events.push_back(support_event("fresh", "2024-09-20", "poland"));
        for (tl::Model* m : {&old_model, &new_model}) {
            for (const char* id : {"germany", "france", "poland", "UA"})
                m->actors.push_back({id, id, "", "", {}});
            for (tl::Event& e : m->events)
                e.title = "Title of " + e.id;
        }
    }
};

tl::Document lay_out(const Versions& v, const tl::ModelRevisions* revisions,
                     const tl::EventFilter& filter = {}) {
    tl::LayoutOptions options;
    options.mode = tl::LayoutMode::detail;
    options.revisions = revisions;
    options.since = "v1";
    return tl::layout_document(tl::build_timeline(v.new_model, filter), v.new_model,
                               tl::default_theme(), tl::FixedWidthMeasurer(), options);
}

std::vector<const Item*> with_role(const tl::Scene& s, const std::string& role,
                                   const std::string& event = {}) {
    std::vector<const Item*> found;
    for (const Item& it : s.items)
        if (it.role == role && (event.empty() || it.event == event)) found.push_back(&it);
    return found;
}

bool says(const std::string& text, const std::string& needle) {
    return tl::testing::seen(text).find(needle) != std::string::npos;
}

const Item* text_item(const tl::Scene& s, const std::string& needle) {
    for (const Item& it : s.items)
        if (it.type == tl::ItemType::text && says(it.text, needle)) return &it;
    return nullptr;
}

}  // namespace

TEST_CASE("render --since: every item of a new or revised event says so, the others nothing") {
    const Versions v;
    const tl::ModelRevisions r = tl::compare_models(v.old_model, v.new_model);
    const tl::Scene s = lay_out(v, &r).pages.front();
    int fresh = 0, refined = 0, kept = 0;
    for (const Item& it : s.items) {
        if (it.event == "fresh") {
            CHECK(it.change == "added");
            ++fresh;
        }
        if (it.event == "refined" || it.event == "upgraded") {
            CHECK(it.change == "changed");
            ++refined;
        }
        if (it.event == "kept") {
            CHECK(it.change.empty());
            ++kept;
        }
    }
    CHECK(fresh >= 2);  // a marker and a label at least
    CHECK(refined >= 4);
    CHECK(kept >= 2);
}

TEST_CASE("render --since: a badge starts the label of a new or revised event, behind its text") {
    const Versions v;
    const tl::ModelRevisions r = tl::compare_models(v.old_model, v.new_model);
    const tl::Scene s = lay_out(v, &r).pages.front();
    const auto check_badge = [&](const std::string& id, const std::string& word,
                                 const std::string& change) {
        CAPTURE(id);
        const auto labels = with_role(s, "event-label", id);
        REQUIRE(labels.size() == 1);
        CHECK(labels[0]->text.rfind(word + " ", 0) == 0);
        const auto badges = with_role(s, "change-badge", id);
        REQUIRE(badges.size() == 1);
        const Item& badge = *badges[0];
        CHECK(badge.change == change);
        // Under the word: from just left of the label's start, as tall as its line, and
        // drawn before it (the text lies on top).
        CHECK(badge.box.x <= labels[0]->box.x);
        CHECK(badge.box.x >= labels[0]->box.x - 3);
        CHECK(badge.box.right() < labels[0]->box.right());
        CHECK(badge.box.y == doctest::Approx(labels[0]->box.y));
        CHECK(&badge < labels[0]);
    };
    check_badge("fresh", "NEW", "added");
    check_badge("refined", "REVISED", "changed");
    check_badge("upgraded", "REVISED", "changed");
    CHECK(with_role(s, "change-badge", "kept").empty());
    CHECK(with_role(s, "event-label", "kept")[0]->text.find("NEW") == std::string::npos);
}

TEST_CASE("render --since: a refined date keeps its old range, drawn faintly behind the event") {
    const Versions v;
    const tl::ModelRevisions r = tl::compare_models(v.old_model, v.new_model);
    const tl::Scene s = lay_out(v, &r).pages.front();
    const auto old = with_role(s, "old-date", "refined");
    REQUIRE(old.size() == 1);
    const auto marker = std::find_if(s.items.begin(), s.items.end(), [](const Item& it) {
        return it.event == "refined" && it.role == "event-marker";
    });
    REQUIRE(marker != s.items.end());
    // The whole of 2024 holds 12 May, so the old bar spans the new marker, in its row.
    CHECK(old[0]->box.x < marker->box.x);
    CHECK(old[0]->box.right() > marker->box.right());
    CHECK(old[0]->box.y < marker->box.y + marker->box.height / 2);
    CHECK(old[0]->box.bottom() > marker->box.y + marker->box.height / 2);
    CHECK(old[0]->style == tl::LineStyle::dotted);
    CHECK(&*old[0] < &*marker);  // behind it
    // A revision that is not a date's draws no old range.
    CHECK(with_role(s, "old-date", "upgraded").empty());
}

TEST_CASE("render --since: revisions and withdrawn events are listed, with old and new values") {
    const Versions v;
    const tl::ModelRevisions r = tl::compare_models(v.old_model, v.new_model);
    const tl::Document doc = lay_out(v, &r);
    const tl::Scene& s = doc.pages.front();
    CHECK(says(s.subject, "changes since v1"));
    REQUIRE(text_item(s, "Revised since") != nullptr);
    const auto revised = with_role(s, "revision", "refined");
    REQUIRE(revised.size() == 1);
    CHECK(says(revised[0]->text, "date refined, 2024 \u2192 12 May 2024"));
    const auto upgraded = with_role(s, "revision", "upgraded");
    REQUIRE(upgraded.size() == 1);
    CHECK(says(upgraded[0]->text, "confidence upgraded, alleged \u2192 confirmed"));
    const auto gone = with_role(s, "withdrawn", "gone");
    REQUIRE(gone.size() == 1);
    CHECK(gone[0]->change == "removed");
    CHECK(says(gone[0]->text, "3 Mar 2024"));
    CHECK(says(gone[0]->text, "Title of gone"));
    // The legend explains the marks it draws.
    REQUIRE(text_item(s, "added since v1") != nullptr);
    REQUIRE(text_item(s, "the date as it was") != nullptr);
}

TEST_CASE("render --since --changed-only: only what changed is drawn, and the subtitle says so") {
    const Versions v;
    const tl::ModelRevisions r = tl::compare_models(v.old_model, v.new_model);
    tl::EventFilter only;
    only.ids = std::vector<std::string>{"fresh", "refined", "upgraded"};
    const tl::Scene s = lay_out(v, &r, only).pages.front();
    CHECK(with_role(s, "event-label", "kept").empty());
    CHECK(with_role(s, "event-label", "fresh").size() == 1);
    CHECK(says(s.subject, "only what changed since v1"));
    CHECK(says(s.subject, "3 events"));
    CHECK(with_role(s, "withdrawn", "gone").size() == 1);  // still said
}

TEST_CASE("without --since nothing is marked") {
    const Versions v;
    const tl::Scene s = lay_out(v, nullptr).pages.front();
    for (const Item& it : s.items) {
        CHECK(it.change.empty());
        CHECK(it.role != "change-badge");
        CHECK(it.role != "old-date");
    }
    CHECK(text_item(s, "Changes") == nullptr);
    CHECK(s.subject.find("since") == std::string::npos);
}

TEST_CASE("render --since: revisions that read alike share a line, and the lists are bounded") {
    tl::Model old_model, new_model;
    for (tl::Model* m : {&old_model, &new_model})
        for (const char* id : {"germany", "UA"})
            m->actors.push_back({id, id, "", "", {}});
    // Three allocations refined alike, then 150 withdrawn events with titles of their own.
    for (int i = 0; i < 3; ++i) {
        tl::Event e =
            tl::testing::support_event("alike-" + std::to_string(i), "2024-01", "germany");
        e.title = "Germany: military allocation";
        old_model.events.push_back(e);
        e.date = *tl::parse_date("2024-01-04").value;
        new_model.events.push_back(e);
    }
    for (int i = 0; i < 150; ++i) {
        tl::Event e =
            tl::testing::support_event("gone-" + std::to_string(i), "2023-05-01", "germany");
        e.title = "Withdrawn " + std::to_string(i);
        old_model.events.push_back(e);
    }
    const tl::ModelRevisions r = tl::compare_models(old_model, new_model);
    tl::LayoutOptions options;
    options.mode = tl::LayoutMode::detail;
    options.revisions = &r;
    options.since = "v1";
    const tl::Scene s = tl::layout_document(tl::build_timeline(new_model), new_model,
                                            tl::default_theme(), tl::FixedWidthMeasurer(), options)
                            .pages.front();
    const auto revised = with_role(s, "revision");
    REQUIRE(revised.size() == 1);
    CHECK(says(revised[0]->text, "3 \u00d7 Germany: military allocation: date refined"));
    CHECK(revised[0]->events == std::vector<std::string>{"alike-0", "alike-1", "alike-2"});
    CHECK(with_role(s, "withdrawn").size() == 100);
    const auto more = with_role(s, "withdrawn-more");
    REQUIRE(more.size() == 1);
    CHECK(says(more[0]->text, "and 50 more"));
}
