#pragma once

#include <cstddef>
#include <functional>
#include <string>

#include "base/atomic_file.hpp"
#include "cli/output_failure.hpp"
#include "layout/scene.hpp"
#include "render/pdf_writer.hpp"

namespace tl::cli {

/// The PDF of a `pages` render, written while the layout goes on: each detail page as soon as
/// it is laid out (LayoutOptions::on_detail_page), then the overview, which names their page
/// numbers and is shown first. Writing takes about as long as laying out, so the two overlap
/// instead of following each other (docs/performance.md, "Pages at 30,000 events").
class StreamedPdf {
  public:
    StreamedPdf(AtomicFile& file, const RenderOptions& options);

    /// For LayoutOptions::on_detail_page.
    std::function<void(const Scene&)> detail_sink();
    /// Writes the pages of `doc` before its detail pages (the overview), and ends the PDF
    /// with them first and each page's outline entry; "" on success, else why, with `cause`.
    std::string finish(const Document& doc, FailureCause& cause);

  private:
    AtomicFile& file_;
    PdfWriter writer_;
};

}  // namespace tl::cli
