#include "render/qpdf_pass/pdf_access.hpp"

// qpdf 11's headers warn unless told how much of its old PointerHolder a program uses: none
// (4: not even defined), so the shared_ptr API only.
#define POINTERHOLDER_TRANSITION 4
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFWriter.hh>

#include <algorithm>
#include <exception>
#include <limits>
#include <map>
#include <utility>

#include "render/qpdf_pass/pdf_artifacts.hpp"

namespace tl {
namespace {

using Handle = QPDFObjectHandle;

/// The shown index of the first page an element or its kids mark content on; max if none.
std::size_t first_page(Handle element, const std::map<QPDFObjGen, std::size_t>& page_index,
                       int depth = 0) {
    constexpr std::size_t kNone = std::numeric_limits<std::size_t>::max();
    // cairo nests a few levels (Document, L, LI, LBody); a deep tree is not cairo's.
    if (depth > 32 || !element.isDictionary()) return kNone;
    if (Handle pg = element.getKey("/Pg"); pg.isIndirect()) {
        if (const auto it = page_index.find(pg.getObjGen()); it != page_index.end())
            return it->second;
    }
    Handle kids = element.getKey("/K");
    std::size_t first = kNone;
    if (kids.isArray()) {
        for (int i = 0; i < kids.getArrayNItems(); ++i)
            first = std::min(first, first_page(kids.getArrayItem(i), page_index, depth + 1));
    } else if (kids.isDictionary()) {
        first = first_page(kids, page_index, depth + 1);
    }
    return first;
}

/// Gives each Figure under `element` its page's description as /Alt.
void describe_figures(Handle element, const std::map<QPDFObjGen, std::size_t>& page_index,
                      const std::vector<std::string>& descriptions, int depth = 0) {
    if (depth > 32) return;
    if (element.isArray()) {
        for (int i = 0; i < element.getArrayNItems(); ++i)
            describe_figures(element.getArrayItem(i), page_index, descriptions, depth + 1);
        return;
    }
    if (!element.isDictionary()) return;
    if (Handle s = element.getKey("/S"); s.isName() && s.getName() == "/Figure") {
        const std::size_t page = first_page(element, page_index);
        if (page < descriptions.size() && !descriptions[page].empty())
            element.replaceKey("/Alt", Handle::newUnicodeString(descriptions[page]));
    }
    describe_figures(element.getKey("/K"), page_index, descriptions, depth + 1);
}

}  // namespace

std::string make_pdf_accessible(std::string& pdf, const PdfAccessInfo& info) {
    try {
        QPDF doc;
        doc.setSuppressWarnings(true);
        doc.processMemoryFile("chart.pdf", pdf.data(), pdf.size());
        Handle root = doc.getRoot();
        root.replaceKey("/Lang", Handle::newUnicodeString(info.language));
        Handle preferences = root.getKey("/ViewerPreferences");
        if (!preferences.isDictionary()) {
            preferences = Handle::newDictionary();
            root.replaceKey("/ViewerPreferences", preferences);
        }
        preferences.replaceKey("/DisplayDocTitle", Handle::newBool(true));

        std::map<QPDFObjGen, std::size_t> page_index;
        const std::vector<Handle>& pages = doc.getAllPages();
        for (std::size_t i = 0; i < pages.size(); ++i)
            page_index[pages[i].getObjGen()] = i;
        Handle tree = root.getKey("/StructTreeRoot");
        if (tree.isDictionary()) {
            Handle top = tree.getKey("/K");
            if (top.isArray()) {
                // The pages' Document elements in the order the pages are shown.
                std::vector<std::pair<std::size_t, Handle>> elements;
                for (int i = 0; i < top.getArrayNItems(); ++i) {
                    Handle e = top.getArrayItem(i);
                    elements.emplace_back(first_page(e, page_index), e);
                }
                std::stable_sort(elements.begin(), elements.end(),
                                 [](const auto& a, const auto& b) { return a.first < b.first; });
                std::vector<Handle> ordered;
                for (auto& [page, e] : elements)
                    ordered.push_back(e);
                tree.replaceKey("/K", Handle::newArray(ordered));
            }
            describe_figures(tree.getKey("/K"), page_index, info.page_descriptions);
        }
        mark_artifacts(doc);

        QPDFWriter writer(doc);
        writer.setOutputMemory();
        writer.setDeterministicID(true);
        // The streams as cairo compressed them, decoding and compressing again would only
        // cost time; the pages' contents, rewritten by mark_artifacts, compressed.
        writer.setCompressStreams(true);
        writer.setDecodeLevel(qpdf_dl_none);
        writer.setObjectStreamMode(qpdf_o_preserve);
        writer.write();
        const std::shared_ptr<Buffer> out = writer.getBufferSharedPointer();
        pdf.assign(reinterpret_cast<const char*>(out->getBuffer()), out->getSize());
        return {};
    } catch (const std::exception& e) {
        return std::string("the PDF's accessibility could not be written: ") + e.what();
    }
}

}  // namespace tl
