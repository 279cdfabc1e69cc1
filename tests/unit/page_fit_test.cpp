#include <doctest/doctest.h>

#include "layout/page_fit.hpp"

TEST_CASE("a page too small for its chart is named by what runs off it") {
    tl::Document doc;
    tl::Scene page;
    page.width = 200;
    page.height = 150;
    tl::Item title;
    title.type = tl::ItemType::text;
    title.role = "title";
    title.text = "Conflict support timeline";
    title.box = {20, 20, 249.5, 27};
    page.items.push_back(title);
    doc.pages.push_back(page);
    CHECK(tl::page_overflow(doc) ==
          "the title 'Conflict support timeline' runs 70 points past the right edge of page 1");
    doc.pages[0].items[0].box.width = 180.3;  // within half a point of the edge
    CHECK(tl::page_overflow(doc).empty());
}
