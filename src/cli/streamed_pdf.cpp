#include "cli/streamed_pdf.hpp"

#include <numeric>
#include <vector>

namespace tl::cli {

StreamedPdf::StreamedPdf(AtomicFile& file, const RenderOptions& options)
    : file_(file), writer_(options, [&file](const unsigned char* data, std::size_t size) {
          return file.write(data, size);
      }) {}

std::function<void(const Scene&)> StreamedPdf::detail_sink() {
    return [this](const Scene& page) { writer_.write_page(page); };
}

std::string StreamedPdf::finish(const Document& doc, FailureCause& cause) {
    cause = FailureCause::io;
    const std::size_t details = writer_.pages_written();
    std::string problem;
    if (details > doc.pages.size()) {
        problem = "the PDF has more detail pages than the document";
    } else {
        const std::size_t overview = doc.pages.size() - details;
        // The detail pages were written before their outline entries, which name page
        // numbers, were known.
        for (std::size_t i = 0; i < details; ++i)
            writer_.set_outline(i, doc.pages[overview + i].outline);
        for (std::size_t i = 0; i < overview; ++i)
            writer_.write_page(doc.pages[i]);
        // Shown: the overview (written last), then the detail pages.
        std::vector<std::size_t> shown(doc.pages.size());
        std::iota(shown.begin(), shown.begin() + static_cast<std::ptrdiff_t>(overview), details);
        std::iota(shown.begin() + static_cast<std::ptrdiff_t>(overview), shown.end(), 0);
        problem = writer_.finish(doc.title, doc.subject, shown);
    }
    if (problem.empty() || !file_.error().empty()) return file_.error();
    cause = FailureCause::rendering;
    return problem;
}

}  // namespace tl::cli
