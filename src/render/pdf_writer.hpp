#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "layout/scene.hpp"
#include "render/render.hpp"

namespace tl {

class TextShaper;

/// Writes a PDF a page at a time, so that pages can be drawn as soon as they are laid out,
/// and shows them in an order of its own: `pages` lays out and writes its detail pages while
/// later ones are still being laid out, then its overview, which names their page numbers;
/// the overview is written last and shown first. cairo keeps no page order but the order of
/// writing, so finish() puts the shown order into the page tree (cairo's /Kids array, the
/// same references in another order, so no offset moves). The bytes depend only on the
/// pages and the two orders.
class PdfWriter {
  public:
    /// A PDF into `sink`; the document's title and subject are given to finish().
    PdfWriter(const RenderOptions& options, ByteSink sink);
    ~PdfWriter();
    PdfWriter(const PdfWriter&) = delete;
    PdfWriter& operator=(const PdfWriter&) = delete;

    /// Draws `page` as the next page written. After a failure it does nothing (finish()
    /// reports it).
    void write_page(const Scene& page);
    std::size_t pages_written() const { return outlines_.size(); }
    /// Sets the outline entry of the page written `written`-th (from 0): "" for none.
    void set_outline(std::size_t written, std::string text) {
        if (written < outlines_.size()) outlines_[written] = std::move(text);
    }
    /// Ends the PDF with `shown[i]` (an index in the order of writing) as its page i + 1; an
    /// empty `shown` keeps the order of writing. Each page's outline entry, in the shown
    /// order, goes to the document's outline. Returns an error message, or "" on success.
    std::string finish(const std::string& title, const std::string& subject,
                       const std::vector<std::size_t>& shown = {});

  private:
    const TextShaper& shaper() const;

    struct State;
    std::unique_ptr<State> state_;
    std::vector<std::string> outlines_;      ///< of each page written
    std::vector<std::string> descriptions_;  ///< of each page written: its chart in words
};

/// Puts the page references of a PDF's page tree (cairo's "/Type /Pages\n   /Kids [ ")
/// in `bytes` into the order `shown` (indexes in their order in the file). Returns false,
/// leaving `bytes` as it was, if the tree is not found whole or holds another number of
/// pages.
bool reorder_page_tree(std::string& bytes, const std::vector<std::size_t>& shown);

}  // namespace tl
