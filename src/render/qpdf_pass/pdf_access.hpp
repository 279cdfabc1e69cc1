#pragma once

#include <string>
#include <vector>

namespace tl {

/// What a PDF needs for readers who cannot see it and cairo 1.16 does not write.
struct PdfAccessInfo {
    std::string language = "en";  ///< BCP 47, the template's `language`
    /// Each page's chart in words (Scene::description), in the order the pages are shown;
    /// "" for a page without a chart.
    std::vector<std::string> page_descriptions;
};

/// Rewrites the PDF in `pdf` with qpdf (a Debian-packaged PDF library, rather than by hand):
/// the catalog gets the document's language (/Lang) and shows its title rather than its
/// file name (/ViewerPreferences /DisplayDocTitle); each Figure of the structure tree its
/// page's chart in words as its alternative text (/Alt); and the structure tree's top
/// elements (one Document per page) are put in the order the pages are shown, since cairo
/// keeps the order of writing and `pages` writes its overview last and shows it first; and
/// decorations become artifacts (pdf_artifacts.hpp). The
/// IDs are derived from the content, so the same input gives the same bytes. Returns an
/// error message, leaving `pdf` as it was, or "".
std::string make_pdf_accessible(std::string& pdf, const PdfAccessInfo& info);

}  // namespace tl
