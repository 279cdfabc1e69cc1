#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <optional>
#include <string>

#include "layout/quantity_label.hpp"

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

/// What a reader sees: the label without its (invisible) directional isolates.
std::string seen(std::string label) {
    for (const std::string mark : {"\u2068", "\u2069"})
        for (std::size_t at; (at = label.find(mark)) != std::string::npos;)
            label.erase(at, mark.size());
    return label;
}

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
          "2 billion EUR announced, 1.5 billion delivered; 40 tanks pledged");
    tl::Quantity troops = staged(1500, "troops", S::delivered);
    troops.total = 10000;
    CHECK(seen(tl::quantity_label(troops)) == "+1,500 troops delivered, total 10,000");
}
