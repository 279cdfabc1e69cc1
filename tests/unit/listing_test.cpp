#include <doctest/doctest.h>

#include "cli/listing.hpp"
#include "load/loader.hpp"
#include "timeline/order.hpp"

TEST_CASE("the JSON listing describes each side of a date") {
    tl::Model m;
    tl::Diagnostics diags;
    tl::load_text(
        "id: e\ndate: 2022-02-24/..\ntitle: \"War \\\"quoted\\\"\"\nkind: other\n"
        "sources: [P]\n",
        m.files.add("events/e.yaml"), m, diags);
    REQUIRE(m.events.size() == 1);
    const std::string json = tl::cli::listing_json(tl::sorted_events(m.events), m.files);
    CHECK(json.find("\"date\": {\"text\": \"2022-02-24\", \"earliest\": \"2022-02-24\", "
                    "\"latest\": \"2022-02-24\", \"precision\": \"day\", \"approximate\": false, "
                    "\"uncertain\": false}") != std::string::npos);
    CHECK(json.find("\"end\": {\"text\": \"..\", \"earliest\": null, \"latest\": null, "
                    "\"precision\": \"open\"") != std::string::npos);
    CHECK(json.find("\"title\": \"War \\\"quoted\\\"\"") != std::string::npos);
    CHECK(json.find("\"file\": \"events/e.yaml\", \"line\": 1") != std::string::npos);
}

TEST_CASE("CSV fields that a spreadsheet would run as a formula start with a quote") {
    // OWASP's advice on CSV injection: a cell that begins with = + - @ (or tab, CR) is
    // prefixed with a single quote, and the field is quoted.
    tl::Model m;
    tl::Diagnostics diags;
    tl::load_text(
        "events:\n"
        "  - {id: a, date: 2024-01, title: '=HYPERLINK(\"http://x\",\"y\")', kind: other,\n"
        "     sources: ['@SUM(1+1)']}\n"
        "  - {id: b, date: 2024-02, title: '-5 aircraft', kind: other, sources: ['+cmd']}\n"
        "  - {id: c, date: 2024-03, title: 'plain, text', kind: other, sources: [P]}\n",
        m.files.add("-=x.yaml"), m, diags);
    REQUIRE(m.events.size() == 3);
    const std::string csv = tl::cli::listing_csv(tl::sorted_events(m.events), m.files);
    CHECK(csv.find(",\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",") != std::string::npos);
    CHECK(csv.find(",\"'@SUM(1+1)\",") != std::string::npos);
    CHECK(csv.find(",\"'-5 aircraft\",") != std::string::npos);
    CHECK(csv.find(",\"'+cmd\",") != std::string::npos);
    CHECK(csv.find(",\"'-=x.yaml\",") != std::string::npos);
    // Other fields are as before: quoted only when they hold a comma, quote or line break.
    CHECK(csv.find(",\"plain, text\",other,") != std::string::npos);
    CHECK(csv.find("\r\nc,2024-03,2024-03-01,2024-03-31,month,") != std::string::npos);
}

TEST_CASE("CSV: a formula after a semicolon or behind blanks is neutralised too") {
    // Spreadsheets in semicolon-separator locales split an unquoted field at ';' (lists of
    // ids are joined with ';'), and some importers trim blanks and invisible characters
    // before a leading '='. Each source has columns of its own, so '=2+2' starts its cell.
    tl::Model m;
    tl::Diagnostics diags;
    tl::load_text(
        "events:\n"
        "  - {id: a, date: 2024-01, title: 'Harmless;=1+1', kind: other,\n"
        "     sources: [Reuters, '=2+2']}\n"
        "  - {id: b, date: 2024-02, title: \" =3+3\", kind: other, sources: [P]}\n"
        "  - {id: c, date: 2024-03, title: \"\\u00a0\\u200b=4+4\", kind: other,\n"
        "     sources: [\"\\ufe66cmd\"]}\n",
        m.files.add("e.yaml"), m, diags);
    REQUIRE(m.events.size() == 3);
    const std::string csv = tl::cli::listing_csv(tl::sorted_events(m.events), m.files);
    CHECK(csv.find(",\"Harmless;=1+1\",") != std::string::npos);
    CHECK(csv.find(",Reuters,,,,,\"'=2+2\",") != std::string::npos);
    CHECK(csv.find(",\"' =3+3\",") != std::string::npos);
    CHECK(csv.find(",\"'\u00a0\u200b=4+4\",") != std::string::npos);
    CHECK(csv.find(",\"'\ufe66cmd\",") != std::string::npos);
}

namespace {

/// The listing of YAML text loaded as "e.yaml", in timeline order.
struct Listed {
    tl::Model model;
    tl::Diagnostics diags;
    std::string json, csv;

    explicit Listed(const std::string& text) {
        tl::load_text(text, model.files.add("e.yaml"), model, diags);
        const auto events = tl::sorted_events(model.events);
        json = tl::cli::listing_json(events, model.files);
        csv = tl::cli::listing_csv(events, model.files);
    }
};

}  // namespace

TEST_CASE("format 1.1 listing: quantities, summary, location as written, grading, related") {
    const Listed l(
        "events:\n"
        "  - {id: a, date: 2024-01, title: A, kind: other, sources: [P], summary: S, grading: B2,\n"
        "     location: Kyiv, related: [b],\n"
        "     quantity: [{value: 23417159.98, unit: EUR, stage: pledged},\n"
        "                {value: 1e15, unit: EUR, qualifier: up-to, stage: delivered}]}\n"
        "  - {id: b, date: 2024-02, title: B, kind: other, sources: [P],\n"
        "     location: {lat: -12.5, lon: 0.1},\n"
        "     quantity: {value: 180000, unit: troops, total: 1500000}}\n");
    REQUIRE_FALSE(l.diags.has_errors());
    CHECK(
        l.json.find("\"summary\": \"S\", \"location\": \"Kyiv\", \"grading\": \"B2\", "
                    "\"related\": [\"b\"], \"quantities\": [{\"value\": 23417159.98, \"unit\": "
                    "\"EUR\", \"qualifier\": \"exact\", \"total\": null, \"stage\": \"pledged\"}, "
                    "{\"value\": 1000000000000000, \"unit\": \"EUR\", \"qualifier\": \"up-to\", "
                    "\"total\": null, \"stage\": \"delivered\"}]") != std::string::npos);
    CHECK(l.json.find("\"summary\": null, \"location\": {\"name\": null, \"lat\": -12.5, "
                      "\"lon\": 0.1}, \"grading\": null, \"related\": [], \"quantities\": "
                      "[{\"value\": 180000, \"unit\": \"troops\", \"qualifier\": \"exact\", "
                      "\"total\": 1500000, \"stage\": null}]") != std::string::npos);
    // Numbers are numerals, not formulas: a negative latitude is not given a quote.
    CHECK(l.csv.find(",,-12.5,0.1,e.yaml,") != std::string::npos);
    CHECK(l.csv.find(",23417159.98,EUR,exact,,pledged,1000000000000000,EUR,up-to,,delivered,") !=
          std::string::npos);
    CHECK(l.csv.find(",180000,troops,exact,1500000,,,,,,,P,") != std::string::npos);
}
