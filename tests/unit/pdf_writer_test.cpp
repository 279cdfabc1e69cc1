#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "render/pdf_writer.hpp"

namespace {

const std::string kTree = "7 0 obj\n<< /Type /Pages\n   /Kids [ 3 0 R 12 0 R 25 0 R ]\n";

tl::Scene page_titled(const std::string& text) {
    tl::Scene page;
    page.width = 200;
    page.height = 100;
    page.title = text;
    page.outline = text;
    tl::Item t;
    t.type = tl::ItemType::text;
    t.text = text;
    t.font = {"Noto Sans", 10, false, false};
    t.box = {10, 10, 100, 14};
    page.items.push_back(t);
    return page;
}

/// The references of the PDF's page tree, in order.
std::string kids(const std::string& pdf) {
    const std::size_t at = pdf.rfind("/Kids [ ");
    REQUIRE(at != std::string::npos);
    return pdf.substr(at, pdf.find(']', at) - at);
}

}  // namespace

TEST_CASE("the page tree is put in the order shown, at the same length") {
    std::string bytes = "%PDF\n" + kTree + "   /Count 3\n>>\nendobj\n";
    const std::size_t size = bytes.size();
    REQUIRE(tl::reorder_page_tree(bytes, {2, 0, 1}));
    CHECK(bytes.find("/Kids [ 25 0 R 3 0 R 12 0 R ]") != std::string::npos);
    CHECK(bytes.size() == size);
}

TEST_CASE("a page tree not as expected is left alone") {
    const std::string whole = kTree + "   /Count 3\n>>\n";
    for (const std::vector<std::size_t>& shown :
         {std::vector<std::size_t>{0, 1}, {0, 1, 2, 3}, {0, 0, 1}, {0, 1, 5}}) {
        std::string bytes = whole;
        CHECK_FALSE(tl::reorder_page_tree(bytes, shown));
        CHECK(bytes == whole);
    }
    std::string none = "%PDF\n<< /Type /Catalog >>\n";
    CHECK_FALSE(tl::reorder_page_tree(none, {0}));
    std::string broken = "<< /Type /Pages\n   /Kids [ 3 0 R x 0 R ]";
    CHECK_FALSE(tl::reorder_page_tree(broken, {1, 0}));
}

TEST_CASE("a PDF written in one order shows its pages in another, its offsets intact") {
    const auto write = [](const std::vector<std::size_t>& shown) {
        std::string pdf;
        tl::RenderOptions options;
        options.creator = "test";
        options.timestamp = "2000-01-01T00:00:00Z";
        tl::PdfWriter writer(options, [&pdf](const unsigned char* data, std::size_t size) {
            pdf.append(reinterpret_cast<const char*>(data), size);
            return true;
        });
        for (const char* title : {"first", "second", "third"})
            writer.write_page(page_titled(title));
        CHECK(writer.pages_written() == 3);
        CHECK(writer.finish("Doc", "", shown).empty());
        return pdf;
    };
    const std::string written = write({});
    const std::string shown = write({2, 0, 1});
    CHECK(written.size() == shown.size());
    CHECK(kids(written) != kids(shown));
    CHECK(kids(written).size() == kids(shown).size());
    // Every object is where the cross-reference table says.
    const std::size_t startxref = shown.rfind("startxref\n");
    REQUIRE(startxref != std::string::npos);
    const std::size_t xref = std::stoul(shown.substr(startxref + 10));
    REQUIRE(shown.compare(xref, 5, "xref\n") == 0);
    const std::size_t count_at = shown.find(' ', xref + 5) + 1;
    const std::size_t count = std::stoul(shown.substr(count_at));
    std::size_t entry = shown.find('\n', count_at) + 1;
    std::size_t objects = 0;
    for (std::size_t id = 0; id < count; ++id, entry += 20) {
        if (shown[entry + 17] != 'n') continue;
        const std::size_t offset = std::stoul(shown.substr(entry, 10));
        CHECK(shown.compare(offset, std::to_string(id).size() + 6, std::to_string(id) + " 0 obj") ==
              0);
        ++objects;
    }
    CHECK(objects > 10);
    // The outline follows the order shown: "third" comes first.
    CHECK(shown.find("(third)") < shown.find("(first)"));
}
