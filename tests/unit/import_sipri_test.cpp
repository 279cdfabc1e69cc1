// SIPRI's trade register as SIPRI exports it, read into deals and mapped to events.

#include <doctest/doctest.h>

#include "import/sipri_events.hpp"
#include "import/sipri_fields.hpp"
#include "import/sipri_register.hpp"

using namespace tl::importer;

namespace {

const char* const kHeader =
    "Recipient,Supplier,Year of order, ,Number ordered, ,Weapon designation,Weapon "
    "description,Number delivered, ,Year(s) of delivery,status,Comments,SIPRI TIV per "
    "unit,SIPRI TIV for total order,SIPRI TIV of delivered weapons\n";

std::string sipri_text(const std::string& rows) {
    return "Transfers of major conventional arms from All countries  to All countries .\n"
           "A '?' in a column indicates uncertain data.\n"
           "\n"
           "Source: SIPRI Arms Transfers Database (c) SIPRI.\n"
           "Data generated: 13 Mar 2025 10:02:49 AM\n" +
           std::string(kHeader) + rows;
}

SipriRegister read(const std::string& rows, tl::Diagnostics& diags) {
    return read_sipri_register(sipri_text(rows), 0, diags);
}

}  // namespace

TEST_CASE("delivery years are a list of years, and what is not a year is set aside") {
    const YearList y = parse_year_list("1962; 1963;1964 ");
    CHECK(y.years == std::vector<int>{1962, 1963, 1964});
    CHECK(y.bad.empty());
    CHECK(parse_year_list("").years.empty());
    const YearList bad = parse_year_list("2021; 20x2; 99");
    CHECK(bad.years == std::vector<int>{2021});
    CHECK(bad.bad == std::vector<std::string>{"20x2", "99"});
}

TEST_CASE("uncertainty flags, numbers and the generation date read as SIPRI writes them") {
    CHECK(parse_flag("?") == true);
    CHECK(parse_flag(" ") == false);
    CHECK_FALSE(parse_flag("x").has_value());
    CHECK(parse_decimal("0.280") == "0.28");
    CHECK(parse_decimal(".5") == "0.5");
    CHECK_FALSE(parse_decimal("1,000").has_value());
    CHECK_FALSE(parse_decimal("-3").has_value());
    CHECK(scale_decimal("615.55", 6) == "615550000");
    CHECK(scale_decimal("0.0000005", 6) == "0.5");
    CHECK(generated_date("13 Mar 2025 10:02:49 AM") == "2025-03-13");
    CHECK(generated_date("1 Dec 2024") == "2024-12-01");
    CHECK(generated_date("yesterday") == "");
}

TEST_CASE("the notes before the header are skipped, and each '?' belongs to its column") {
    tl::Diagnostics diags;
    const SipriRegister r = read(
        "Afghanistan,Soviet Union,1961,?,250,?,Shmel,anti-tank missile,250,,1962; 1963; "
        "1964,New,,0.01,2.5,2.5\n",
        diags);
    CHECK(diags.empty());
    CHECK(r.generated_date == "2025-03-13");
    REQUIRE(r.deals.size() == 1);
    const SipriDeal& d = r.deals[0];
    CHECK(d.line == 7);
    CHECK(d.order_year == 1961);
    CHECK(d.order_year_uncertain);
    CHECK(d.ordered_uncertain);
    CHECK_FALSE(d.delivered_uncertain);
    CHECK(d.delivery_years == std::vector<int>{1962, 1963, 1964});
    const ImportedEvent e = sipri_event(d, r, 2025);
    CHECK(e.date == "1961?/1964");
    CHECK(e.confidence == "assessed");
    CHECK(e.title == "Shmel (anti-tank missile)");
    REQUIRE(e.quantities.size() == 4);
    CHECK(e.quantities[0].qualifier == "about");
    CHECK(e.quantities[0].unit == "anti-tank missiles");
    CHECK(e.quantities[0].stage == "pledged");
    CHECK(e.quantities[1].stage == "delivered");
    CHECK(e.quantities[2].value == "2500000");
    CHECK(e.quantities[2].unit == "TIV");
    CHECK(e.sources.at(0).date == "2025-03-13");
}

TEST_CASE("a deal with deliveries still to come is open, unless they stopped long ago") {
    tl::Diagnostics diags;
    const SipriRegister r = read(
        "Brazil,United Kingdom,2019,,100,,Meteor,long-range air-to-air missile,20,,2021; "
        "2024,New,,0.8,80,16\n"
        "Indonesia,France,2022,,42,,Rafale F4,FGA aircraft,0,,,New,,0,0,0\n"
        "Iran,United States,1974,,80,,F-14A Tomcat,fighter aircraft,79,,1976; 1977; 1978,New,,"
        "40,3200,3160\n"
        "Ukraine,United States,2022,,,?,Stinger,portable SAM,3250,,2022; 2023; 2024,Second "
        "hand,,0.03,0,104\n",
        diags);
    REQUIRE(r.deals.size() == 4);
    CHECK(sipri_event(r.deals[0], r, 2025).date == "2019/..");
    const ImportedEvent rafale = sipri_event(r.deals[1], r, 2025);
    CHECK(rafale.date == "2022/..");
    // A TIV of 0 for the order is SIPRI's "not available"; 0 delivered is a count.
    REQUIRE(rafale.quantities.size() == 2);
    CHECK(rafale.quantities[1].value == "0");
    CHECK(sipri_event(r.deals[2], r, 2025).date == "1974/1978");
    CHECK(sipri_event(r.deals[3], r, 2025).date == "2022/2024");
    CHECK(sipri_event(r.deals[3], r, 2025).tags == std::vector<std::string>{"second-hand"});
}

TEST_CASE("a row that cannot be a deal is skipped with a warning at its line and column") {
    tl::Diagnostics diags;
    const SipriRegister r = read(
        "Albania,Soviet Union,1956,?,1,,Il-14,transport aircraft,1,,1957,New,,4,4,4\n"
        "Albania,Soviet Union,1956,?,1,,Il-14\n"
        "Albania,Soviet Union,19x6,?,1,,Il-14,transport aircraft,1,,1957,New,,4,4,4\n"
        ",,,,,,,,,,,,,,,\n",
        diags);
    CHECK(r.deals.size() == 1);
    CHECK(r.skipped == 2);
    REQUIRE(diags.items().size() == 2);
    CHECK(diags.items()[0].rule == "bad-row");
    CHECK(diags.items()[0].loc.line == 8);
    CHECK(diags.items()[1].rule == "bad-year");
    CHECK(diags.items()[1].loc.line == 9);
    CHECK(diags.items()[1].loc.column == 22);
}

TEST_CASE("a file without the register's header is an error, not an empty import") {
    tl::Diagnostics diags;
    const SipriRegister r = read_sipri_register("id,date,title\n1,2024,x\n", 0, diags);
    CHECK_FALSE(r.has_header);
    CHECK(diags.has_errors());
}

TEST_CASE("a deal's id stays while only the fields that do not identify it change") {
    tl::Diagnostics diags;
    const SipriRegister before = read(
        "Algeria,Russia,2011,,120,?,T-90S,tank,100,?,2012; 2013,New,,4,480,400\n"
        "Peru,Russia,2011,,2,,T-90S,tank,2,,2012,New,first,4,8,8\n"
        "Peru,Russia,2011,,2,,T-90S,tank,2,,2012,New,second,4,8,8\n",
        diags);
    const SipriRegister after = read(
        "Algeria,Russia,2011,,120,,T-90S,tank,120,,2012; 2013; 2014,New,$470 m deal,4,480,480\n",
        diags);
    const auto before_ids = sipri_deal_ids({&before.deals[0], &before.deals[1], &before.deals[2]});
    const auto after_ids = sipri_deal_ids({&after.deals[0]});
    CHECK(before_ids[0] == after_ids[0]);
    CHECK(before_ids[0].starts_with("2011-t-90s-"));
    // Two deals alike in every identifying field still get ids of their own.
    CHECK(before_ids[1] != before_ids[2]);
}

TEST_CASE("a register saved with CR LF line ends reads as the same deals") {
    tl::Diagnostics diags;
    std::string text = sipri_text(
        "Algeria,Spain,2004,,6,,C-295,transport aircraft,6,,2005; 2006,New,\"EUR130 m, "
        "($170 m) deal\",12.5,75,75\n");
    std::string crlf;
    for (const char c : text)
        crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    const SipriRegister r = read_sipri_register(crlf, 0, diags);
    CHECK(diags.empty());
    CHECK(r.generated_date == "2025-03-13");
    REQUIRE(r.deals.size() == 1);
    CHECK(r.deals[0].comments == "EUR130 m, ($170 m) deal");
    CHECK(r.deals[0].tiv_delivered == "75");
    CHECK(sipri_event(r.deals[0], r, 2025).date == "2004/2006");
}

TEST_CASE("a weapon description is the plural unit of the deal's counts") {
    CHECK(plural_unit("anti-tank missile") == "anti-tank missiles");
    CHECK(plural_unit("APC") == "APCs");
    CHECK(plural_unit("Mk-41 VLS") == "Mk-41 VLS");
    CHECK(plural_unit("transport aircraft") == "transport aircraft");
    CHECK(plural_unit("patrol craft") == "patrol craft");
    CHECK(plural_unit("torpedo") == "torpedoes");
    CHECK(plural_unit("air search radar") == "air search radars");
    CHECK(plural_unit("anti-ship missile/ASM") == "anti-ship missile/ASMs");
    CHECK(plural_unit("battery") == "batteries");
    CHECK(plural_unit("armoured personnel") == "armoured personnel");
}
