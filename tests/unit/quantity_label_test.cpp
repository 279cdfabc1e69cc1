#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <string>

#include "layout/quantity_label.hpp"
#include "layout/title_amount.hpp"
#include "reader_text.hpp"

namespace {

tl::Quantity q(double value, std::string unit,
               tl::QuantityQualifier qualifier = tl::QuantityQualifier::exact,
               std::optional<double> total = std::nullopt) {
    tl::Quantity out;
    out.value = value;
    out.unit = std::move(unit);
    out.qualifier = qualifier;
    out.total = total;
    return out;
}

using tl::testing::seen;

}  // namespace

TEST_CASE("numbers as a reader writes them") {
    CHECK(tl::readable_number(200) == "200");
    CHECK(tl::readable_number(180000) == "180,000");
    CHECK(tl::readable_number(1500000) == "1.5 million");
    CHECK(tl::readable_number(2250000000) == "2.25 billion");
    CHECK(tl::readable_number(1234567) == "1,234,567");
    CHECK(tl::readable_number(2.5) == "2.5");
    CHECK(tl::readable_number(-3000) == "-3,000");
}

TEST_CASE("quantities say what the source says, no more") {
    using Q = tl::QuantityQualifier;
    CHECK(seen(tl::quantity_label(q(200, "ballistic missiles", Q::more_than))) ==
          "200+ ballistic missiles");
    CHECK(seen(tl::quantity_label(q(180000, "troops", Q::exact, 1500000))) ==
          "+180,000 troops, total 1.5 million");
    CHECK(seen(tl::quantity_label(q(40, "drones", Q::about))) == "c. 40 drones");
    CHECK(seen(tl::quantity_label(q(10, "tanks", Q::up_to))) == "up to 10 tanks");
    CHECK(seen(tl::quantity_label(q(5, "advisers", Q::less_than))) == "under 5 advisers");
}

TEST_CASE("the unit is input: isolated, so that a right-to-left unit keeps the number in place") {
    const std::string unit = "\u202emissiles";  // a right-to-left override, never closed
    CHECK(tl::quantity_label(q(200, unit, tl::QuantityQualifier::exact, 300)) ==
          "+200 \u2068" + unit + "\u2069, total 300");
}

namespace {

/// The number a label's digits spell: separators and scale words read back.
double read_back(std::string text) {
    double scale = 1;
    for (const auto& [word, factor] :
         {std::pair{" trillion", 1e12}, {" billion", 1e9}, {" million", 1e6}}) {
        if (const auto at = text.find(word); at != std::string::npos) {
            text.erase(at);
            scale = factor;
        }
    }
    text.erase(std::remove(text.begin(), text.end(), ','), text.end());
    return std::strtod(text.c_str(), nullptr) * scale;  // stod refuses subnormals
}

}  // namespace

TEST_CASE("no number is cut short, however long its digits run") {
    for (const double v : {1e15, 999999999999999.0, 123456789012345.6, 1e16 + 2, 1e70, 1e300, -1e70,
                           1.7976931348623157e308}) {
        CAPTURE(v);
        const std::string text = tl::readable_number(v);
        CHECK(read_back(text) == doctest::Approx(v).epsilon(1e-6));
    }
    CHECK(tl::readable_number(1e15) == "1,000 trillion");
    CHECK(tl::readable_number(2.5e12) == "2.5 trillion");
    CHECK(tl::readable_number(123456789012345.6) == "123,456,789,012,346");
}

TEST_CASE("a small number is never drawn as 0") {
    CHECK(tl::readable_number(0.001) == "0.001");
    CHECK(tl::readable_number(0.0015) == "0.0015");
    CHECK(tl::readable_number(0.25) == "0.25");
    CHECK(tl::readable_number(0) == "0");
    for (const double v : {0.004, 0.0001, 1e-9, 1e-320}) {
        CAPTURE(v);
        CHECK(read_back(tl::readable_number(v)) == doctest::Approx(v).epsilon(0.05));
    }
}

TEST_CASE("amounts read as a newsroom writes them: three significant figures") {
    // From a million, a scale word; below it, written out with commas.
    CHECK(tl::amount_text(2911272872.02) == "2.91 billion");
    CHECK(tl::amount_text(12800000000) == "12.8 billion");
    CHECK(tl::amount_text(23417159.98) == "23.4 million");
    CHECK(tl::amount_text(1500000) == "1.5 million");
    CHECK(tl::amount_text(100000000) == "100 million");
    CHECK(tl::amount_text(1234567) == "1.23 million");
    CHECK(tl::amount_text(2.5e12) == "2.5 trillion");
    CHECK(tl::amount_text(1e15) == "1,000 trillion");
    CHECK(tl::amount_text(999999999999999.0) == "1,000 trillion");
    CHECK(tl::amount_text(538485.70) == "538,000");
    CHECK(tl::amount_text(180000) == "180,000");
    CHECK(tl::amount_text(90812.4) == "90,800");
    CHECK(tl::amount_text(12000) == "12,000");
    CHECK(tl::amount_text(34000) == "34,000");
    CHECK(tl::amount_text(1234) == "1,230");
    CHECK(tl::amount_text(1000) == "1,000");
    CHECK(tl::amount_text(200) == "200");
    CHECK(tl::amount_text(30) == "30");
    CHECK(tl::amount_text(2.25) == "2.25");
    CHECK(tl::amount_text(2.5) == "2.5");
    CHECK(tl::amount_text(123.456) == "123");
    CHECK(tl::amount_text(0.25) == "0.25");
    CHECK(tl::amount_text(0.001) == "0.001");
    CHECK(tl::amount_text(0.0015) == "0.0015");
    CHECK(tl::amount_text(0) == "0");
    CHECK(tl::amount_text(-3000) == "-3,000");
    // Rounding carries into the next scale word, never "1,000 million".
    CHECK(tl::amount_text(999600000) == "1 billion");
    CHECK(tl::amount_text(999999.9) == "1 million");
    CHECK(tl::amount_text(999.7) == "1,000");
}

TEST_CASE("a currency code stands before its amount, any other unit after it") {
    using Q = tl::QuantityQualifier;
    CHECK(seen(tl::quantity_label(q(2911272872.02, "EUR"))) == "EUR 2.91 billion");
    CHECK(seen(tl::quantity_label(q(538485.70, "EUR"))) == "EUR 538,000");
    CHECK(seen(tl::quantity_label(q(40e6, "USD", Q::about))) == "c. USD 40 million");
    CHECK(seen(tl::quantity_label(q(10e6, "GBP", Q::up_to))) == "up to GBP 10 million");
    CHECK(seen(tl::quantity_label(q(5e6, "EUR", Q::less_than))) == "under EUR 5 million");
    CHECK(seen(tl::quantity_label(q(200e6, "EUR", Q::more_than))) == "more than EUR 200 million");
    CHECK(seen(tl::quantity_label(q(5e6, "EUR", Q::exact, 20e6))) ==
          "+EUR 5 million, total EUR 20 million");
    CHECK(seen(tl::quantity_label(q(180000, "troops"))) == "180,000 troops");
    CHECK(seen(tl::quantity_label(q(2.5e6, "troops", Q::more_than))) ==
          "more than 2.5 million troops");
    CHECK(seen(tl::quantity_label(q(34000, "anti-tank missiles"))) == "34,000 anti-tank missiles");
    // Only ISO 4217 codes as written: an acronym of three capitals is not money.
    CHECK(seen(tl::quantity_label(q(30, "MBT"))) == "30 MBT");
    CHECK(seen(tl::quantity_label(q(30, "eur"))) == "30 eur");
    CHECK(tl::is_currency("CHF"));
    CHECK(tl::is_currency("UAH"));
    CHECK_FALSE(tl::is_currency("IFV"));
    CHECK_FALSE(tl::is_currency("EURO"));
    CHECK_FALSE(tl::is_currency(""));
}

TEST_CASE("a title that states the amount already gets no badge repeating it") {
    using Q = tl::QuantityQualifier;
    const auto states = [](std::string_view title, const tl::Quantity& quantity) {
        return tl::title_states_quantity(title, quantity);
    };
    // The Kiel tracker's titles: the amount to three significant figures with a scale word.
    CHECK(states("Australia: humanitarian allocation, EUR 23.4 million", q(23417159.98, "EUR")));
    CHECK(states("Australia: humanitarian allocation, EUR 538 thousand", q(538485.70, "EUR")));
    CHECK(states("Ireland: military allocation, EUR 90.8 thousand", q(90812.40, "EUR")));
    CHECK(states("Ireland: humanitarian allocation, EUR 25 million", q(25000000, "EUR")));
    CHECK(states("Ireland: military allocation, EUR 1.38 million", q(1375000, "EUR")));
    CHECK(states("EU: financial commitment, EUR 12.8 billion", q(12.8e9, "EUR")));
    // Other ways to write it: unit after, commas, symbols, short scale words, any case.
    CHECK(states("Russia adds 180,000 troops", q(180000, "troops", Q::exact)));
    CHECK(states("Iran ships 200+ ballistic missiles", q(200, "ballistic missiles", Q::more_than)));
    CHECK(states("Grant of €23.4m", q(23417159.98, "EUR")));
    CHECK(states("US pledges $2.5bn", q(2.5e9, "USD")));
    CHECK(states("Loan of 1.5 million eur", q(1.5e6, "EUR")));
    CHECK(states("Delivery of 1 tank", q(1, "tanks")));
    CHECK(states("30 aircraft (EUR 4.1 billion)", q(30, "aircraft")));
    CHECK(states("Grant, EUR 12,345", q(12345, "EUR")));
    CHECK(states("Grant, EUR 12,300", q(12345, "EUR")));
    // A total the badge would add is not in the title: the badge stays.
    CHECK_FALSE(states("Russia adds 180,000 troops", q(180000, "troops", Q::exact, 1500000)));
    CHECK(
        states("Russia adds 180,000 troops, to 1.5 million", q(180000, "troops", Q::exact, 1.5e6)));
    // Another amount, another unit, or a rounder figure than the badge's: the badge stays.
    CHECK_FALSE(states("Australia: humanitarian allocation", q(23417159.98, "EUR")));
    CHECK_FALSE(states("Grant, EUR 23.5 million", q(23417159.98, "EUR")));
    CHECK_FALSE(states("Grant, EUR 2 million", q(2.4e6, "EUR")));
    CHECK_FALSE(states("Grant, USD 23.4 million", q(23417159.98, "EUR")));
    CHECK_FALSE(states("Grant of 23.4 million", q(23417159.98, "EUR")));
    CHECK_FALSE(states("30 tanks", q(30, "aircraft")));
    CHECK_FALSE(states("300 aircraft", q(30, "aircraft")));
    CHECK_FALSE(states("F-16 deal, 30 aircraft", q(16, "aircraft")));
    CHECK_FALSE(states("EUR 23.4 millionaires", q(23.4e6, "EUR")));
    CHECK_FALSE(states("", q(0, "aircraft")));
}

TEST_CASE("an event's badge: its quantity unless its title states it") {
    tl::Event e;
    e.title = "Australia: humanitarian allocation, EUR 23.4 million";
    CHECK(tl::quantity_badge(e).empty());
    e.quantities = {q(23417159.98, "EUR")};
    CHECK(tl::quantity_badge(e).empty());
    e.title = "Australia: humanitarian allocation";
    CHECK(seen(tl::quantity_badge(e)) == "EUR 23.4 million");
    // Of several, only those the title does not state.
    e.title = "Deal for 30 aircraft";
    e.quantities = {q(30, "aircraft"), q(4.1e9, "EUR")};
    CHECK(seen(tl::quantity_badge(e)) == "EUR 4.1 billion");
}

namespace {

tl::Quantity staged(double value, std::string unit, tl::QuantityStage stage,
                    tl::QuantityQualifier qualifier = tl::QuantityQualifier::exact) {
    tl::Quantity out = q(value, std::move(unit), qualifier);
    out.stage = stage;
    return out;
}

}  // namespace

TEST_CASE("several quantities read as one sentence, each unit said once") {
    using S = tl::QuantityStage;
    using Q = tl::QuantityQualifier;
    CHECK(tl::quantities_label({}).empty());
    // One quantity without a stage reads exactly as in format 1.
    CHECK(seen(tl::quantities_label({q(200, "ballistic missiles", Q::more_than)})) ==
          "200+ ballistic missiles");
    CHECK(seen(tl::quantities_label({staged(100, "aircraft", S::pledged)})) ==
          "100 aircraft pledged");
    CHECK(seen(tl::quantities_label({staged(100, "aircraft", S::pledged),
                                     staged(60, "aircraft", S::delivered, Q::about)})) ==
          "100 aircraft pledged, c. 60 delivered");
    CHECK(seen(tl::quantities_label({staged(2e9, "EUR", S::announced),
                                     staged(40, "tanks", S::pledged),
                                     staged(1.5e9, "EUR", S::delivered)})) ==
          "EUR 2 billion announced, 1.5 billion delivered; 40 tanks pledged");
    tl::Quantity troops = staged(1500, "troops", S::delivered);
    troops.total = 10000;
    CHECK(seen(tl::quantity_label(troops)) == "+1,500 troops delivered, total 10,000");
}
