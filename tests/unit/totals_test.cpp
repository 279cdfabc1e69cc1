#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "support_event.hpp"
#include "timeline/totals.hpp"

namespace {

using tl::SumQualifier;
using tl::TotalsKey;
using Q = tl::QuantityQualifier;

/// An event from `from` to `to` (the argument order these tests read best in).
tl::Event exchange(const std::string& id, const std::string& date,
                   std::vector<std::string> from = {}, std::vector<std::string> to = {},
                   const std::string& kind = "arms-transfer") {
    return tl::testing::flow_event(id, date, kind, from, to);
}

/// Gives `e` a quantity written as `value` (the loader keeps the text as written).
tl::Event& amount(tl::Event& e, const std::string& value, const std::string& unit,
                  Q qualifier = Q::exact) {
    tl::Quantity q;
    q.value_text = value;
    q.value = std::stod(value);
    q.unit = unit;
    q.qualifier = qualifier;
    e.quantities.push_back(q);
    return e;
}

/// Gives `e` a quantity at a stage (format 1.1).
tl::Event& staged(tl::Event& e, const std::string& value, const std::string& unit,
                  tl::QuantityStage stage) {
    amount(e, value, unit).quantities.back().stage = stage;
    return e;
}

std::vector<const tl::Event*> pointers(const std::vector<tl::Event>& events) {
    std::vector<const tl::Event*> out;
    for (const tl::Event& e : events)
        out.push_back(&e);
    return out;
}

tl::TotalsTable totals(const std::vector<tl::Event>& events, std::vector<TotalsKey> by = {},
                       const std::string& unit = "") {
    return tl::compute_totals(pointers(events), {std::move(by), unit});
}

/// The row whose keys are `keys`, or nullptr.
const tl::TotalsRow* row(const tl::TotalsTable& t, const std::vector<std::string>& keys) {
    for (const tl::TotalsRow& r : t.rows)
        if (r.keys == keys) return &r;
    return nullptr;
}

/// The text of a cell: "at least 1,234.50", or "-" when the row has nothing in the unit.
std::string cell(const tl::TotalsRow& r, std::size_t column) {
    if (column >= r.sums.size() || !r.sums[column]) return "-";
    const std::string words(tl::sum_words(r.sums[column]->qualifier));
    return (words.empty() ? "" : words + " ") + r.sums[column]->sum.text(true);
}

}  // namespace

TEST_CASE("amounts add exactly to the cent where doubles do not") {
    tl::Amount sum;
    for (int i = 0; i < 10; ++i)
        sum += *tl::Amount::parse("0.10");
    CHECK(sum.text() == "1.00");  // 0.1 added ten times as doubles is 0.9999999999999999
    tl::Amount big = *tl::Amount::parse("1e15");
    big += *tl::Amount::parse("0.01");
    CHECK(big.text(true) == "1,000,000,000,000,000.01");  // a double keeps 0.0 or 0.125
    tl::Amount kiel;
    for (const char* v : {"90752.69", "3850000.00", "25000000.00", "0.01"})
        kiel += *tl::Amount::parse(v);
    CHECK(kiel.text(true) == "28,940,752.70");
}

TEST_CASE("amounts read every way YAML writes a number and print as many decimals as written") {
    CHECK(tl::Amount::parse("200")->text() == "200");
    CHECK(tl::Amount::parse("1.5e6")->text(true) == "1,500,000");
    CHECK(tl::Amount::parse("+3")->text() == "3");
    CHECK(tl::Amount::parse(".5")->text() == "0.5");
    CHECK(tl::Amount::parse("1e-3")->text() == "0.001");
    CHECK(tl::Amount::parse("12.50")->text() == "12.50");
    CHECK(tl::Amount::parse("0.1234567894")->text() == "0.123456789");  // 9 decimals at most
    CHECK(tl::Amount::parse("0.1234567895")->text() == "0.123456790");
    CHECK(tl::Amount::parse("999999999999999")->text(true) == "999,999,999,999,999");
    CHECK_FALSE(tl::Amount::parse("200+"));
    CHECK_FALSE(tl::Amount::parse("many"));
    CHECK_FALSE(tl::Amount::parse(""));
    CHECK_FALSE(tl::Amount::parse("1e40"));
    // An amount built in code, with no text, is its double to the digits it needs.
    tl::Quantity q;
    q.value = 1234.5;
    CHECK(tl::Amount::of(q).text() == "1234.5");
}

TEST_CASE("units match whatever their case and number, and nothing else") {
    CHECK(tl::unit_key("Tank") == tl::unit_key("tanks"));
    CHECK(tl::unit_key("TANKS") == "tank");
    CHECK(tl::unit_key("ballistic  missiles") == "ballistic missile");
    CHECK(tl::unit_key("batteries") == "battery");
    CHECK(tl::unit_key("boxes") == "box");
    CHECK(tl::unit_key("howitzers") == tl::unit_key("Howitzer"));
    CHECK(tl::unit_key("EUR") == "eur");
    CHECK(tl::unit_key("glasses") == "glass");
    CHECK(tl::unit_key("gas") == "gas");  // not a plural: a short word keeps its -s
    CHECK(tl::unit_key("bus") == "bus");
    CHECK(tl::unit_key("EUR") != tl::unit_key("USD"));
    CHECK(tl::unit_key("missiles") != tl::unit_key("ballistic missiles"));
}

TEST_CASE("one column per unit: euros are never added to missiles") {
    std::vector<tl::Event> events(4);
    events[0] = exchange("a", "2024-01-05", {"germany"});
    amount(events[0], "1000000.00", "EUR");
    events[1] = exchange("b", "2024-02-05", {"germany"});
    amount(events[1], "40", "Tanks");
    events[2] = exchange("c", "2024-03-05", {"germany"});
    amount(events[2], "2", "tank");
    events[3] = exchange("d", "2024-04-05", {"germany"});
    amount(events[3], "500000.50", "eur");
    const tl::TotalsTable t = totals(events);
    REQUIRE(t.units.size() == 2);
    CHECK(t.units[0].name == "EUR");  // ties on events: the spelling sorted first names it
    CHECK(t.units[0].spellings == std::vector<std::string>{"EUR", "eur"});
    CHECK(t.units[1].spellings == std::vector<std::string>{"Tanks", "tank"});
    CHECK(cell(t.total, 0) == "1,500,000.50");
    CHECK(cell(t.total, 1) == "42");
    CHECK(t.total.sums[1]->events == 2);

    const tl::TotalsTable only_tanks = totals(events, {}, "TANK");
    REQUIRE(only_tanks.units.size() == 1);
    CHECK(cell(only_tanks.total, 0) == "42");
    CHECK(only_tanks.total.events == 4);
    CHECK(only_tanks.total.without_amount == 2);  // no amount in tanks
}

TEST_CASE("qualifiers make a sum at least, about, at most, or mixed") {
    const auto sum_of = [](std::vector<Q> qualifiers) {
        std::vector<tl::Event> events;
        for (std::size_t i = 0; i < qualifiers.size(); ++i) {
            events.push_back(exchange("e" + std::to_string(i), "2024"));
            amount(events.back(), "10", "drones", qualifiers[i]);
        }
        return cell(totals(events).total, 0);
    };
    CHECK(sum_of({Q::exact, Q::exact}) == "20");
    CHECK(sum_of({Q::exact, Q::more_than}) == "at least 20");
    CHECK(sum_of({Q::about, Q::exact}) == "about 20");
    CHECK(sum_of({Q::about, Q::more_than}) == "at least about 20");
    CHECK(sum_of({Q::exact, Q::up_to}) == "at most 20");
    CHECK(sum_of({Q::less_than, Q::about}) == "at most about 20");
    CHECK(sum_of({Q::more_than, Q::up_to}) == "mixed bounds 20");
    CHECK(sum_of({Q::more_than, Q::less_than, Q::about}) == "mixed bounds 30");
}

TEST_CASE("an event with two suppliers counts in full in each supplier's row and once in all") {
    std::vector<tl::Event> events(3);
    events[0] = exchange("joint", "2024-05", {"france", "germany"}, {"ukraine"});
    amount(events[0], "100.00", "EUR");
    events[1] = exchange("alone", "2024-06", {"germany"}, {"ukraine"});
    amount(events[1], "50.00", "EUR");
    events[2] = exchange("none", "2024-07", {"france"}, {"ukraine"});  // no amount
    const tl::TotalsTable t = totals(events, {TotalsKey::supplier});
    REQUIRE(t.rows.size() == 2);
    CHECK(t.rows[0].keys == std::vector<std::string>{"germany"});  // the larger sum first
    CHECK(cell(t.rows[0], 0) == "150.00");
    CHECK(t.rows[0].events == 2);
    CHECK(t.rows[1].keys == std::vector<std::string>{"france"});
    CHECK(cell(t.rows[1], 0) == "100.00");
    CHECK(t.rows[1].events == 2);
    CHECK(t.rows[1].without_amount == 1);
    CHECK(cell(t.total, 0) == "150.00");  // not 250: the joint event once
    CHECK(t.total.events == 3);
    CHECK(t.total.without_amount == 1);
    CHECK(t.several_suppliers == 1);
    CHECK(t.several_recipients == 0);
}

TEST_CASE("events without a supplier or an amount have rows of their own, last") {
    std::vector<tl::Event> events(3);
    events[0] = exchange("a", "2024", {"iran"});
    amount(events[0], "5", "drones");
    events[1] = exchange("b", "2024");  // actors only: no supplier
    amount(events[1], "7", "drones");
    events[2] = exchange("c", "2024", {"iran"});
    const tl::TotalsTable t = totals(events, {TotalsKey::supplier, TotalsKey::unit});
    REQUIRE(t.rows.size() == 3);
    CHECK(t.rows[0].keys == std::vector<std::string>{"iran", "drones"});
    CHECK(t.rows[1].keys == std::vector<std::string>{"iran", ""});
    CHECK(t.rows[1].without_amount == 1);
    CHECK(t.rows[2].keys == std::vector<std::string>{"", "drones"});
    CHECK(cell(t.rows[2], 0) == "7");
}

TEST_CASE("by year, quarter and month of the start date, a vaguer date in a row of its own") {
    std::vector<tl::Event> events(6);
    events[0] = exchange("day", "2024-02-10");
    events[1] = exchange("month", "2024-02");
    events[2] = exchange("year", "2024");       // some month of 2024
    events[3] = exchange("spring", "2024-21");  // March to May: 2024, quarter unknown
    events[4] = exchange("interval", "2023-12-30/2024-01-02");  // its start counts
    events[5] = exchange("decade", "202X");                     // no known year
    for (tl::Event& e : events)
        amount(e, "1", "tanks");
    const tl::TotalsTable months = totals(events, {TotalsKey::month});
    std::vector<std::vector<std::string>> keys;
    for (const tl::TotalsRow& r : months.rows)
        keys.push_back(r.keys);
    CHECK(keys ==
          std::vector<std::vector<std::string>>{{"2023-12"}, {"2024-02"}, {"2024-XX"}, {""}});
    CHECK(cell(*row(months, {"2024-02"}), 0) == "2");
    CHECK(cell(*row(months, {"2024-XX"}), 0) == "2");
    const tl::TotalsTable quarters = totals(events, {TotalsKey::quarter});
    CHECK(cell(*row(quarters, {"2024-Q1"}), 0) == "2");
    CHECK(cell(*row(quarters, {"2024-QX"}), 0) == "2");
    CHECK(cell(*row(quarters, {"2023-Q4"}), 0) == "1");
    const tl::TotalsTable years = totals(events, {TotalsKey::year});
    CHECK(cell(*row(years, {"2024"}), 0) == "4");
    CHECK(cell(*row(years, {""}), 0) == "1");
    CHECK(years.rows.back().keys == std::vector<std::string>{""});
}

TEST_CASE("two keys: rows for each pair, and missing amounts counted per row") {
    std::vector<tl::Event> events(4);
    events[0] = exchange("a", "2023-05", {"poland"}, {"ukraine"}, "arms-transfer");
    amount(events[0], "10", "tanks");
    events[1] = exchange("b", "2024-05", {"poland"}, {"ukraine"}, "arms-transfer");
    amount(events[1], "5", "tanks", Q::more_than);
    events[2] = exchange("c", "2024-06", {"poland"}, {"ukraine"}, "arms-transfer");
    events[3] = exchange("d", "2024-06", {"poland"}, {"ukraine"}, "humanitarian");
    const tl::TotalsTable t = totals(events, {TotalsKey::year, TotalsKey::kind});
    REQUIRE(t.rows.size() == 3);
    CHECK(t.rows[0].keys == std::vector<std::string>{"2023", "arms-transfer"});
    CHECK(cell(t.rows[0], 0) == "10");
    CHECK(t.rows[1].keys == std::vector<std::string>{"2024", "arms-transfer"});
    CHECK(cell(t.rows[1], 0) == "at least 5");
    CHECK(t.rows[1].events == 2);
    CHECK(t.rows[1].without_amount == 1);
    CHECK(t.rows[2].keys == std::vector<std::string>{"2024", "humanitarian"});
    CHECK(cell(t.rows[2], 0) == "-");
    CHECK(t.rows[2].without_amount == 1);
    CHECK(cell(t.total, 0) == "at least 15");
}

TEST_CASE("pledged 100 and delivered 60 are in both stage rows and add 100 once elsewhere") {
    using S = tl::QuantityStage;
    std::vector<tl::Event> events(3);
    events[0] = exchange("deal", "2024-03", {"norway"});
    staged(events[0], "100", "aircraft", S::pledged);
    staged(events[0], "60", "aircraft", S::delivered);
    events[1] = exchange("talk", "2024-04", {"norway"});
    staged(events[1], "200", "aircraft", S::announced);
    events[2] = exchange("plain", "2024-05", {"norway"});
    amount(events[2], "5", "aircraft");
    const tl::TotalsTable by_stage = totals(events, {TotalsKey::stage});
    std::vector<std::string> rows;
    for (const tl::TotalsRow& r : by_stage.rows)
        rows.push_back(r.keys[0] + " " + cell(r, 0) + " in " + std::to_string(r.events));
    CHECK(rows == std::vector<std::string>{"announced 200 in 1", "pledged 100 in 1",
                                           "delivered 60 in 1", " 5 in 1"});
    // The total: 100 for the deal (pledged before delivered), 200 announced, 5.
    CHECK(cell(by_stage.total, 0) == "305");
    CHECK(by_stage.total.events == 3);
    CHECK(by_stage.total.sums[0]->events == 3);
    CHECK(by_stage.several_stages == 1);
    const tl::TotalsTable by_supplier = totals(events, {TotalsKey::supplier});
    CHECK(cell(by_supplier.rows[0], 0) == "305");  // never 365 nor 565
    CHECK(by_supplier.several_stages == 1);
}

TEST_CASE(
    "where stages are not told apart, an event adds its first of none, pledged, "
    "delivered, announced") {
    using S = tl::QuantityStage;
    const auto added = [](const std::vector<std::pair<std::string, std::optional<S>>>& qs) {
        std::vector<tl::Event> events{exchange("e", "2024")};
        for (const auto& [value, stage] : qs) {
            amount(events[0], value, "tanks");
            events[0].quantities.back().stage = stage;
        }
        return cell(totals(events).total, 0);
    };
    CHECK(added({{"200", S::announced}, {"50", S::delivered}}) == "50");
    CHECK(added({{"60", S::delivered}, {"100", S::pledged}}) == "100");
    CHECK(added({{"100", S::pledged}, {"80", std::nullopt}}) == "80");
    CHECK(added({{"3", std::nullopt}}) == "3");
}

TEST_CASE("stages of different units are each their unit's only figure") {
    using S = tl::QuantityStage;
    std::vector<tl::Event> events{exchange("e", "2024")};
    staged(events[0], "100.00", "EUR", S::pledged);
    staged(events[0], "4", "tanks", S::delivered);
    const tl::TotalsTable t = totals(events, {TotalsKey::stage});
    CHECK(t.several_stages == 0);
    CHECK(cell(t.total, 0) == "100.00");
    CHECK(cell(t.total, 1) == "4");
    REQUIRE(t.rows.size() == 2);
    CHECK(cell(t.rows[0], 0) == "100.00");
    CHECK(cell(t.rows[0], 1) == "-");
    CHECK(cell(t.rows[1], 1) == "4");
}

TEST_CASE("keys are named as on the command line") {
    for (const char* name :
         {"supplier", "recipient", "kind", "stage", "unit", "year", "quarter", "month"})
        CHECK(tl::to_string(*tl::totals_key_from_string(name)) == name);
    CHECK_FALSE(tl::totals_key_from_string("donor"));
}
