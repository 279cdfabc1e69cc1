#include <doctest/doctest.h>

#define POINTERHOLDER_TRANSITION 4  // qpdf: its shared_ptr API only
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

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
        options.accessible = false;  // as cairo writes it; qpdf's pass renumbers (below)
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

TEST_CASE("an accessible PDF: language, title shown, the chart described, read in page order") {
    // Written third, second, first; shown first, second, third (as `pages` writes its
    // overview last and shows it first).
    std::string pdf;
    tl::RenderOptions options;
    options.creator = "test";
    options.timestamp = "2000-01-01T00:00:00Z";
    options.language = "en-GB";
    tl::PdfWriter writer(options, [&pdf](const unsigned char* data, std::size_t size) {
        pdf.append(reinterpret_cast<const char*>(data), size);
        return true;
    });
    for (const char* title : {"third", "second", "first"}) {
        tl::Scene page = page_titled(title);
        page.items.front().role = "title";
        tl::Item mark;
        mark.type = tl::ItemType::band;
        mark.role = "lane";
        mark.box = {10, 40, 50, 10};
        mark.fill = {0.2, 0.4, 0.6};
        page.items.push_back(mark);
        page.description = std::string("the ") + title + " chart in words";
        writer.write_page(page);
    }
    REQUIRE(writer.finish("Doc", "", {2, 1, 0}).empty());

    QPDF doc;
    doc.processMemoryFile("test.pdf", pdf.data(), pdf.size());
    QPDFObjectHandle root = doc.getRoot();
    CHECK(root.getKey("/Lang").getUTF8Value() == "en-GB");
    CHECK(root.getKey("/ViewerPreferences").getKey("/DisplayDocTitle").getBoolValue());
    const std::vector<QPDFObjectHandle>& pages = doc.getAllPages();
    REQUIRE(pages.size() == 3);
    // Each page's Document element, in the order shown, holds an H1 and a Figure whose
    // alternative text is that page's description.
    QPDFObjectHandle top = root.getKey("/StructTreeRoot").getKey("/K");
    REQUIRE(top.isArray());
    REQUIRE(top.getArrayNItems() == 3);
    const char* order[] = {"first", "second", "third"};
    for (int i = 0; i < 3; ++i) {
        CAPTURE(i);
        QPDFObjectHandle document = top.getArrayItem(i);
        CHECK(document.getKey("/S").getName() == "/Document");
        QPDFObjectHandle kids = document.getKey("/K");
        REQUIRE(kids.isArray());
        REQUIRE(kids.getArrayNItems() == 2);
        CHECK(kids.getArrayItem(0).getKey("/S").getName() == "/H1");
        QPDFObjectHandle figure = kids.getArrayItem(1);
        CHECK(figure.getKey("/S").getName() == "/Figure");
        CHECK(figure.getKey("/Alt").getUTF8Value() ==
              std::string("the ") + order[i] + " chart in words");
        CHECK(figure.getKey("/Pg").getObjGen() == pages[static_cast<std::size_t>(i)].getObjGen());
    }
}
