#include <doctest/doctest.h>

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
