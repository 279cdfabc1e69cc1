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
