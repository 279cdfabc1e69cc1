// `timeline import csv`: mapping files, date formats, templates and ids.

#include <doctest/doctest.h>

#include <algorithm>

#include "import/csv_mapping.hpp"
#include "import/date_formats.hpp"
#include "import/mapped_import.hpp"
#include "import/xlsx_table.hpp"

using namespace tl::importer;

namespace {

const char* const kMapping =
    "id: {hash: [Date, Donor, Item], prefix: aid}\n"
    "date: {column: Date, format: \"%d/%m/%Y\"}\n"
    "title: \"{Item} ({Type})\"\n"
    "kind: {column: Type, map: {Tanks: arms-transfer, Money: economic-support}}\n"
    "from: \"{Donor}\"\n"
    "to: Ukraine\n"
    "quantity: {value: \"{Count}\", unit: \"{Type}\"}\n"
    "sources: [{publisher: Ministry, url: \"{Link}\"}]\n";

struct Imported {
    tl::Diagnostics diags;
    MappedImport result;
};

Imported import_text(const std::string& mapping_text, const std::string& csv) {
    Imported out;
    CsvMapping mapping = read_csv_mapping(mapping_text, 0, out.diags);
    const Table table = read_delimited_table(csv, mapping);
    REQUIRE(resolve_columns(mapping, table.header, "in.csv", out.diags));
    out.result = map_tables({{mapping, {&table, 1}}}, out.diags);
    return out;
}

}  // namespace

TEST_CASE("a mapping file names a column, a constant or a template for each field") {
    tl::Diagnostics diags;
    const CsvMapping m = read_csv_mapping(kMapping, 0, diags);
    CHECK(diags.empty());
    REQUIRE(m.title.parts.size() == 4);
    CHECK(m.title.parts[0].column);
    CHECK(m.title.parts[0].text == "Item");
    CHECK(m.title.parts[1].text == " (");
    CHECK_FALSE(m.title.parts[1].column);
    CHECK(m.to.parts.size() == 1);
    CHECK_FALSE(m.to.parts[0].column);
    CHECK(m.kind.table.at("Tanks") == "arms-transfer");
    CHECK(m.date.formats == std::vector<std::string>{"%d/%m/%Y"});
    CHECK(m.identity.size() == 3);
    CHECK(m.id_prefix == "aid");
}

TEST_CASE("a bad mapping file is reported at its lines and columns, with rule names") {
    tl::Diagnostics diags;
    read_csv_mapping(
        "date: {column: D, format: \"%d/%q/%Y\"}\n"
        "titel: \"{Item\"\n"
        "kind: [a, b]\n"
        "sources: [{publisher: X}]\n",
        0, diags);
    diags.sort();
    std::vector<std::string> seen;
    for (const tl::Diagnostic& d : diags.items())
        seen.push_back(std::to_string(d.loc.line) + ":" + std::to_string(d.loc.column) + " " +
                       d.rule);
    CHECK(seen == std::vector<std::string>{"1:1 missing-field", "1:27 bad-date-format",
                                           "2:1 unknown-key", "3:7 wrong-type"});
    const auto unknown =
        std::find_if(diags.items().begin(), diags.items().end(),
                     [](const tl::Diagnostic& d) { return d.rule == "unknown-key"; });
    CHECK(unknown->hint.find("title") != std::string::npos);
}

TEST_CASE("templates: columns in braces, doubled braces for a brace, unclosed braces refused") {
    std::string error;
    const auto parts = parse_template("{{x}} {A}-{B}", error);
    REQUIRE(parts);
    REQUIRE(parts->size() == 4);
    CHECK((*parts)[0].text == "{x} ");
    CHECK((*parts)[1].text == "A");
    CHECK(parse_template("a {b", error) == std::nullopt);
    CHECK(error.find("never closed") != std::string::npos);
    CHECK(parse_template("a {} b", error) == std::nullopt);
    CHECK(parse_template("a } b", error) == std::nullopt);
}

TEST_CASE("dates are read with the mapping's input formats, as precise as they say") {
    CHECK(read_formatted_date("12/03/2024", "%d/%m/%Y") == "2024-03-12");
    CHECK(read_formatted_date("1/3/2024", "%d/%m/%Y") == "2024-03-01");
    CHECK(read_formatted_date("2024", "%Y") == "2024");
    CHECK(read_formatted_date("2024-3", "%Y-%m") == "2024-03");
    CHECK(read_formatted_date("12 March 2024", "%d %B %Y") == "2024-03-12");
    CHECK(read_formatted_date("12  mar 2024", "%d %b %Y") == "2024-03-12");
    CHECK(read_formatted_date("2024-03-12 00:00:00.000", "%Y-%m-%d %*") == "2024-03-12");
    CHECK(read_formatted_date("30/02/2024", "%d/%m/%Y") == std::nullopt);
    CHECK(read_formatted_date("12/03/24", "%d/%m/%Y") == std::nullopt);
    CHECK(read_formatted_date("2024-03-12x", "%Y-%m-%d") == std::nullopt);
    CHECK(date_from_parts("2024", "3", "") == "2024-03");
    CHECK(date_from_parts("2024", "", "") == "2024");
    CHECK(date_from_parts("2024", "2", "30") == std::nullopt);
    CHECK(date_from_parts("2024", "", "3") == std::nullopt);
    CHECK(check_date_format("%d/%m") != "");
    CHECK(check_date_format("%d/%m/%Y") == "");
    CHECK(read_number_cell(" +1.50 ") == "1.5");
    CHECK(read_number_cell("-3") == "-3");
    CHECK(read_number_cell("1,000") == std::nullopt);
}

TEST_CASE("rows become events, and ids stay the same while their identifying cells do") {
    const std::string header = "Date,Donor,Item,Type,Count,Link,Note\n";
    const Imported a = import_text(
        kMapping, header + "12/03/2024,Germany,Leopard 2,Tanks,18,https://example.org/a,x\n");
    const Imported b = import_text(
        kMapping, header +
                      "01/01/2023,France,Loan,Money,,,\n"
                      "12/03/2024,Germany,Leopard 2,Tanks,20,https://example.org/b,y\n");
    REQUIRE(a.result.events.size() == 1);
    REQUIRE(b.result.events.size() == 2);
    const ImportedEvent& e = a.result.events[0];
    CHECK(e.id == b.result.events[1].id);
    CHECK(e.id.starts_with("aid-"));
    CHECK(e.id.size() == 16);
    CHECK(e.title == "Leopard 2 (Tanks)");
    CHECK(e.date == "2024-03-12");
    CHECK(e.from == "germany");
    CHECK(e.to == "ukraine");
    CHECK(e.kind == "arms-transfer");
    REQUIRE(e.quantities.size() == 1);
    CHECK(e.quantities[0].value == "18");
    CHECK(e.quantities[0].unit == "Tanks");
    CHECK(e.sources.at(0).url == "https://example.org/a");
    CHECK(b.result.events[0].kind == "economic-support");
    CHECK(a.result.actors.size() == 2);
}

TEST_CASE("a row that cannot be an event is skipped with a warning at its cell") {
    const Imported r = import_text(kMapping,
                                   "Date,Donor,Item,Type,Count,Link\n"
                                   "2024/03/12,Germany,Leopard 2,Tanks,18,\n"
                                   "12/03/2024,Germany,Leopard 2,Planes,18,\n"
                                   "12/03/2024,Germany,Leopard 2,Tanks,many,\n");
    CHECK(r.result.skipped == 2);
    CHECK(r.result.events.size() == 1);
    std::vector<std::string> seen;
    for (const tl::Diagnostic& d : r.diags.items())
        seen.push_back(std::to_string(d.loc.line) + ":" + std::to_string(d.loc.column) + " " +
                       d.rule);
    CHECK(seen ==
          std::vector<std::string>{"2:1 unreadable-date", "3:30 unknown-kind", "4:36 bad-number"});
}

TEST_CASE("the delimiter is detected from the header line") {
    CHECK(detect_delimiter("a\tb\tc") == '\t');
    CHECK(detect_delimiter("a;b;\"c,d,e\"") == ';');
    CHECK(detect_delimiter("a") == ',');
}

TEST_CASE("spreadsheet serial days are dates in the 1900 and 1904 systems") {
    CHECK(serial_date(45363, false) == "2024-03-12");
    CHECK(serial_date(45363.75, false) == "2024-03-12");
    CHECK(serial_date(43901, true) == "2024-03-12");
    CHECK(serial_date(61, false) == "1900-03-01");
    CHECK(serial_date(59, false) == "1900-02-28");
    CHECK(serial_date(1, false) == "1900-01-01");
    CHECK(serial_date(0, false).empty());
    CHECK(serial_date(-5, false).empty());
    CHECK(is_date_format(14, ""));
    CHECK(is_date_format(164, "yyyy-mm-dd h:mm:ss"));
    CHECK_FALSE(is_date_format(164, "0.00\" m\""));
    CHECK_FALSE(is_date_format(164, "[Red]0.00"));
    CHECK_FALSE(is_date_format(0, "General"));
}

TEST_CASE("coordinates out of range, however many digits, are left out with a warning") {
    const std::string mapping =
        std::string(kMapping) +
        "location: \"{Place}\"\nlatitude: \"{Lat}\"\nlongitude: \"{Lon}\"\n";
    const Imported r = import_text(mapping,
                                   "Date,Donor,Item,Type,Count,Link,Place,Lat,Lon\n"
                                   "12/03/2024,Germany,Tank,Tanks,1,,Kyiv,50.45,30.52\n"
                                   "12/03/2024,Germany,Tank,Tanks,2,,Kyiv,1" +
                                       std::string(400, '0') + ",30.52\n");
    REQUIRE(r.result.events.size() == 2);
    std::vector<std::string> coordinates;
    for (const ImportedEvent& e : r.result.events)
        coordinates.push_back(e.latitude + "," + e.longitude);
    std::sort(coordinates.begin(), coordinates.end());
    CHECK(coordinates == std::vector<std::string>{",", "50.45,30.52"});
    REQUIRE(r.diags.items().size() == 1);
    CHECK(r.diags.items()[0].rule == "bad-coordinates");
}
