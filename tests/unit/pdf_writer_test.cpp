#include <doctest/doctest.h>

#define POINTERHOLDER_TRANSITION 4  // qpdf: its shared_ptr API only
#include <qpdf/Pl_Discard.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFNumberTreeObjectHelper.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFTokenizer.hh>

#include <map>
#include <set>
#include <string>
#include <vector>

#include "layout/chart_layout.hpp"
#include "layout/text_measurer.hpp"
#include "layout/theme.hpp"
#include "render/pdf_writer.hpp"
#include "template_charts.hpp"
#include "timeline/timeline.hpp"

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

/// What a page's content stream shows, by the outermost marked content it lies in ("" for
/// none): each painted path (not a clip), text object, image and shading; and the ids of its
/// marked content.
struct ContentMarks : QPDFObjectHandle::TokenFilter {
    std::map<std::string, int> shown_in;
    std::set<long long> ids;

    void handleToken(const QPDFTokenizer::Token& token) override {
        const auto type = token.getType();
        if (type == QPDFTokenizer::tt_space || type == QPDFTokenizer::tt_comment) return;
        if (type != QPDFTokenizer::tt_word) {
            operands.push_back(token);
            return;
        }
        const std::string& op = token.getValue();
        if (op == "BDC" || op == "BMC") {
            open.push_back(operands.empty() ? "?" : operands.front().getValue());
            for (std::size_t i = 0; i + 1 < operands.size(); ++i)
                if (operands[i].getValue() == "/MCID")
                    ids.insert(std::stoll(operands[i + 1].getValue()));
        } else if (op == "EMC") {
            if (!open.empty()) open.pop_back();
        } else if (op == "S" || op == "s" || op == "f" || op == "F" || op == "f*" || op == "B" ||
                   op == "B*" || op == "b" || op == "b*" || op == "BT" || op == "Do" ||
                   op == "sh" || op == "BI") {
            ++shown_in[open.empty() ? "" : open.front()];
        }
        operands.clear();
    }

  private:
    std::vector<QPDFTokenizer::Token> operands;
    std::vector<std::string> open;
};

/// The structure types in the tree under `element`, with how often each occurs.
void structure_types(QPDFObjectHandle element, std::map<std::string, int>& types, int depth = 0) {
    if (depth > 32) return;
    if (element.isArray()) {
        for (int i = 0; i < element.getArrayNItems(); ++i)
            structure_types(element.getArrayItem(i), types, depth + 1);
        return;
    }
    if (!element.isDictionary()) return;
    if (QPDFObjectHandle s = element.getKey("/S"); s.isName()) ++types[s.getName()];
    structure_types(element.getKey("/K"), types, depth + 1);
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
        tl::Item lane;  // decoration: an artifact, not in the tree
        lane.type = tl::ItemType::band;
        lane.role = "lane";
        lane.box = {10, 40, 50, 10};
        lane.fill = {0.9, 0.9, 0.9};
        page.items.push_back(lane);
        tl::Item mark;
        mark.type = tl::ItemType::bar;
        mark.role = "event-bar";
        mark.box = {10, 42, 30, 6};
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
        // Its content, in a NonStruct (the lane, a decoration, is not in the tree), is on
        // that page.
        QPDFObjectHandle content = figure.getKey("/K");
        if (content.isArray()) {
            REQUIRE(content.getArrayNItems() == 1);
            content = content.getArrayItem(0);
        }
        CHECK(content.getKey("/S").getName() == "/NonStruct");
        CHECK(content.getKey("/Pg").getObjGen() == pages[static_cast<std::size_t>(i)].getObjGen());
    }
}

TEST_CASE("an accessible PDF: every drawing is in the structure tree or an artifact") {
    // The seed's chart: its page background, lanes, lane strips, grid lines and the axis's
    // backdrop are decoration, the rest is read.
    tl::Diagnostics diags;
    tl::Model seed = tl::testing::load_seed(diags);
    REQUIRE_FALSE(diags.has_errors());
    tl::LayoutOptions layout;
    layout.today = tl::parse_date("2024-10-01").value->start.earliest;
    const tl::Scene scene = tl::layout_chart(tl::build_timeline(seed), seed, tl::default_theme(),
                                             tl::FixedWidthMeasurer(), layout);
    std::size_t decorations = 0;
    for (const tl::Item& it : scene.items)
        decorations += it.role == "lane" || it.role == "lane-accent" || it.role == "grid" ||
                       it.role == "axis-backdrop";
    REQUIRE(decorations > 10);
    std::string pdf;
    tl::RenderOptions options;
    options.creator = "test";
    options.timestamp = "2000-01-01T00:00:00Z";
    tl::PdfWriter writer(options, [&pdf](const unsigned char* data, std::size_t size) {
        pdf.append(reinterpret_cast<const char*>(data), size);
        return true;
    });
    writer.write_page(scene);
    REQUIRE(writer.finish("Seed", "", {}).empty());

    QPDF doc;
    doc.processMemoryFile("seed.pdf", pdf.data(), pdf.size());
    QPDFObjectHandle tree = doc.getRoot().getKey("/StructTreeRoot");
    std::map<std::string, int> types;
    structure_types(tree.getKey("/K"), types);
    CHECK(types["/Figure"] == 1);
    CHECK(types["/NonStruct"] >= 1);      // the Figure's content between its decorations
    CHECK(types.count("/Private") == 0);  // the decorations' elements, taken out
    QPDFObjectHandle page = doc.getAllPages().front();
    ContentMarks marks;
    Pl_Discard discard;
    QPDFPageObjectHelper(page).filterContents(&marks, &discard);
    CHECK(marks.shown_in[""] == 0);  // nothing drawn outside both
    CHECK(marks.shown_in.count("/Private") == 0);
    // The background and each decoration, at least, as artifacts.
    CHECK(marks.shown_in["/Artifact"] > static_cast<int>(decorations));
    CHECK(marks.shown_in["/NonStruct"] > 0);
    CHECK(marks.shown_in["/H1"] == 1);
    // The parent tree names an element for each id the content marks, and for no other.
    QPDFNumberTreeObjectHelper parents(tree.getKey("/ParentTree"), doc);
    QPDFObjectHandle elements;
    REQUIRE(parents.findObject(page.getKey("/StructParents").getIntValue(), elements));
    REQUIRE(elements.isArray());
    std::set<long long> named;
    for (int i = 0; i < elements.getArrayNItems(); ++i)
        if (!elements.getArrayItem(i).isNull()) named.insert(i);
    CHECK(named == marks.ids);
}
