#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>
#include <tuple>
#include <vector>

#include "model/date.hpp"
#include "model/model.hpp"
#include "timeline/order.hpp"

namespace {

tl::Event event(std::string id, std::string_view date) {
    const auto parsed = tl::parse_date(date);
    REQUIRE_MESSAGE(parsed, "bad test date '", date, "': ", parsed.error);
    tl::Event e;
    e.id = std::move(id);
    e.date = *parsed.value;
    return e;
}

std::vector<std::string> ids_in_order(const std::vector<tl::Event>& events) {
    std::vector<std::string> ids;
    for (const tl::Event* e : tl::sorted_events(events))
        ids.push_back(e->id);
    return ids;
}

/// `a` sorts strictly before `b`, and not the other way round.
void check_before(const tl::Event& a, const tl::Event& b) {
    CAPTURE(a.id);
    CAPTURE(a.date.text());
    CAPTURE(b.id);
    CAPTURE(b.date.text());
    CHECK(tl::timeline_less(a, b));
    CHECK_FALSE(tl::timeline_less(b, a));
    // Whatever order they are given in, the result is the same.
    CHECK(ids_in_order({a, b}) == std::vector<std::string>{a.id, b.id});
    CHECK(ids_in_order({b, a}) == std::vector<std::string>{a.id, b.id});
}

/// The spec's order written out independently of the code under test.
bool spec_less(const tl::Event& a, const tl::Event& b) {
    const auto key = [](const tl::Event& e) {
        const tl::DatePoint& s = e.date.start;
        const tl::DatePoint& end = e.date.end ? *e.date.end : e.date.start;
        const long long before = -(1LL << 40);
        const long long after = 1LL << 40;
        const long long s_earliest = s.bounded() ? s.earliest : before;
        const long long s_latest = s.bounded() ? s.latest : before;
        const long long e_latest = end.bounded() ? end.latest : after;
        return std::make_tuple(s_earliest, s_latest, e_latest, e.id);
    };
    return key(a) < key(b);
}

}  // namespace

TEST_CASE("an earlier start comes first") {
    check_before(event("b", "2024-09-15"), event("a", "2024-09-16"));
    check_before(event("z", "2023"), event("a", "2024-01-01"));
    check_before(event("z", "2024-08"), event("a", "2024-09"));
    check_before(event("z", "2024-08-31"), event("a", "2024-09"));
    check_before(event("z", "2024-22"), event("a", "2024-09-01"));  // summer starts in June
    check_before(event("z", "202X"), event("a", "2021"));
    check_before(event("z", "1400-01-01"), event("a", "9999-12-31"));
    // The earliest day wins even over a much later end.
    check_before(event("z", "2020/2030"), event("a", "2021-01-01"));
}

TEST_CASE("same earliest start: the latest day of the start decides") {
    // Both start on 1 September; the day is narrower than the month.
    check_before(event("z", "2024-09-01"), event("a", "2024-09"));
    check_before(event("z", "2024-09"), event("a", "2024-23"));  // Sep..Nov
    check_before(event("z", "2024-01"), event("a", "2024"));
    check_before(event("z", "2020"), event("a", "202X"));
    check_before(event("z", "200X"), event("a", "20XX"));
    check_before(event("z", "2024-12"), event("a", "2024-24"));
    // It outranks the end: a narrow start with a long end still comes first.
    check_before(event("z", "2024-09-01/2030"), event("a", "2024-09"));
    check_before(event("z", "2024-09-01/.."), event("a", "2024-09-XX"));
}

TEST_CASE("same start: the latest day of the end decides") {
    check_before(event("z", "2024-09-01/2024-10"), event("a", "2024-09-01/2024-11"));
    // A single date is its own end.
    check_before(event("z", "2024-09"), event("a", "2024-09/2024-10"));
    check_before(event("z", "2024-09-16"), event("a", "2024-09-16/2024-09-17"));
    check_before(event("z", "2024"), event("a", "2024/2025"));
    // The end's latest day, not its earliest: these two tie, so the id decides.
    check_before(event("a", "2024/2025-06-30"), event("b", "2024/2025-06"));
    check_before(event("a", "2024/2025-06"), event("b", "2024/2025-06-30"));
    check_before(event("z", "2024/2025-03"), event("a", "2024/2025-21"));
}

TEST_CASE("equal keys: the id decides") {
    check_before(event("a", "2024-09"), event("b", "2024-09"));
    check_before(event("a", "2024-09"), event("b", "2024-09-XX"));   // the same range
    check_before(event("a", "2024-09?"), event("b", "2024-09~"));    // qualifiers do not count
    check_before(event("a", "2024-09/.."), event("b", "2024-09/"));  // open and unknown end
    check_before(event("a", "/2024"), event("b", "../2024"));        // open and unknown start
    check_before(event("B", "2024"), event("a", "2024"));            // byte order of ids
    check_before(event("a", "2024"), event("a-1", "2024"));
    check_before(event("a-1", "2024"), event("a.1", "2024"));
    check_before(event("e10", "2024"), event("e9", "2024"));
}

TEST_CASE("an open or unknown start sorts before every day") {
    check_before(event("z", "../9999"), event("a", "1400-01-01"));
    check_before(event("z", "/9999"), event("a", "1400-01-01"));
    check_before(event("z", "../9999-12-31"), event("a", "1400-01-01/1400-01-01"));
    // Then by the end: two open starts compare by their latest end day.
    check_before(event("z", "../2023"), event("a", "../2024"));
    check_before(event("z", "/2023"), event("a", "../2024"));
    check_before(event("z", "../2024-09-01"), event("a", "/2024-09"));
}

TEST_CASE("an open or unknown end sorts after every day") {
    check_before(event("z", "2024/9999-12-31"), event("a", "2024/.."));
    check_before(event("z", "2024/9999-12-31"), event("a", "2024/"));
    check_before(event("z", "2024-09"), event("a", "2024-09/.."));
    check_before(event("z", "2024-09"), event("a", "2024-09/"));
    // The start still comes first.
    check_before(event("z", "2023/.."), event("a", "2024-01-01"));
    check_before(event("z", "2024-06/.."), event("a", "2024-07/2024-07"));
}

TEST_CASE("an event is never before itself") {
    for (const char* date : {"2024", "2024-09-16", "2024/..", "../2024", "/2024", "2024/"}) {
        CAPTURE(date);
        const tl::Event e = event("x", date);
        CHECK_FALSE(tl::timeline_less(e, e));
    }
}

TEST_CASE("sorted_events on a small example") {
    const std::vector<tl::Event> events = {
        event("war", "2022-02-24/.."),
        event("missiles", "2024-09"),
        event("drones", "2022-22"),
        event("before", "../2022-01"),
        event("advisers", "2024-09-01"),
        event("term", "2014-10-01/2024-10-01"),
        event("unknown-start", "/2022-05"),
        event("tail", "2024-09/"),
        event("decade", "202X"),
    };
    const std::vector<std::string> expected = {
        "before", "unknown-start", "term",     "decade", "war",
        "drones", "advisers",      "missiles", "tail",
    };
    CHECK(ids_in_order(events) == expected);

    const auto sorted = tl::sorted_events(events);
    REQUIRE(sorted.size() == events.size());
    // Pointers into the caller's events, each exactly once.
    for (const tl::Event& e : events)
        CHECK(std::count(sorted.begin(), sorted.end(), &e) == 1);

    CHECK(tl::sorted_events({}).empty());
}

namespace {

/// About 200 events with dates of every form, many sharing keys, with unique ids.
std::vector<tl::Event> generated_events(std::mt19937& rng, int n) {
    std::vector<std::string> dates;
    for (int year : {2022, 2023, 2024}) {
        const std::string y = std::to_string(year);
        dates.push_back(y);
        dates.push_back(y + "~");
        dates.push_back(y + "-XX");
        dates.push_back(y + "-02");
        dates.push_back(y + "-02-XX");
        dates.push_back(y + "-02-01");
        dates.push_back(year == 2024 ? y + "-02-29" : y + "-02-28");
        dates.push_back(y + "-09");
        dates.push_back(y + "-09-01");
        dates.push_back(y + "-09-16%");
        dates.push_back(y + "-21");
        dates.push_back(y + "-24");
        dates.push_back(y + "-12-01");
    }
    dates.push_back("202X");
    dates.push_back("20XX");
    dates.push_back("2020");

    std::vector<tl::Event> events;
    std::uniform_int_distribution<std::size_t> pick(0, dates.size() - 1);
    std::uniform_int_distribution<int> form(0, 9);
    for (int i = 0; i < n; ++i) {
        std::string text;
        const std::string a = dates[pick(rng)];
        const std::string b = dates[pick(rng)];
        switch (form(rng)) {
            case 0: text = a + "/.."; break;
            case 1: text = a + "/"; break;
            case 2: text = "../" + a; break;
            case 3: text = "/" + a; break;
            case 4:
            case 5:
                text = a + "/" + b;
                if (!tl::parse_date(text)) text = b + "/" + a;  // one of the two orders works
                break;
            default: text = a;
        }
        // Ids in an order unrelated to the dates, some differing only in case.
        const int k = (i * 7919) % n;
        events.push_back(event((k % 3 == 0 ? "E" : "e") + std::to_string(k), text));
    }
    return events;
}

}  // namespace

TEST_CASE("the order is total: shuffling never changes the result") {
    std::mt19937 rng(20240916);
    const std::vector<tl::Event> original = generated_events(rng, 200);
    REQUIRE(original.size() == 200);

    const std::vector<std::string> first = ids_in_order(original);
    REQUIRE(first.size() == 200);
    std::vector<std::string> unique = first;
    std::sort(unique.begin(), unique.end());
    CHECK(std::adjacent_find(unique.begin(), unique.end()) == unique.end());

    // It is the spec's order.
    std::vector<tl::Event> by_spec = original;
    std::sort(by_spec.begin(), by_spec.end(), spec_less);
    std::vector<std::string> expected;
    for (const tl::Event& e : by_spec)
        expected.push_back(e.id);
    CHECK(first == expected);

    std::vector<tl::Event> events = original;
    for (int round = 0; round < 100; ++round) {
        std::shuffle(events.begin(), events.end(), rng);
        const std::vector<std::string> again = ids_in_order(events);
        CAPTURE(round);
        REQUIRE(again == first);
    }
    // Reversed input too.
    std::reverse(events.begin(), events.end());
    CHECK(ids_in_order(events) == first);
}

TEST_CASE("timeline_less is a strict weak order (a strict total order on distinct ids)") {
    std::mt19937 rng(7);
    const std::vector<tl::Event> events = generated_events(rng, 200);
    const auto less = [](const tl::Event& a, const tl::Event& b) {
        return tl::timeline_less(a, b);
    };

    // Irreflexive, asymmetric and total on every pair.
    for (std::size_t i = 0; i < events.size(); ++i) {
        CHECK_FALSE(less(events[i], events[i]));
        for (std::size_t j = i + 1; j < events.size(); ++j) {
            const bool ab = less(events[i], events[j]);
            const bool ba = less(events[j], events[i]);
            if (ab && ba) FAIL("asymmetry broken: ", events[i].id, " ", events[j].id);
            if (!ab && !ba) FAIL("incomparable distinct ids: ", events[i].id, " ", events[j].id);
            if (ab != spec_less(events[i], events[j]))
                FAIL("differs from the spec: ", events[i].id, " ", events[j].id);
        }
    }

    // Transitive on sampled triples.
    std::uniform_int_distribution<std::size_t> pick(0, events.size() - 1);
    int chains = 0;
    for (int t = 0; t < 20000; ++t) {
        const tl::Event& a = events[pick(rng)];
        const tl::Event& b = events[pick(rng)];
        const tl::Event& c = events[pick(rng)];
        if (less(a, b) && less(b, c)) {
            ++chains;
            if (!less(a, c)) FAIL("transitivity broken: ", a.id, " ", b.id, " ", c.id);
        }
        // Incomparability is transitive too (here it only holds for equal events).
        if (!less(a, b) && !less(b, a) && !less(b, c) && !less(c, b)) {
            CHECK_FALSE(less(a, c));
            CHECK_FALSE(less(c, a));
        }
    }
    CHECK(chains > 1000);
}
