#pragma once

#include <cairo.h>

#include <string_view>

namespace tl {

/// Tags a page's items with the PDF structure elements a screen reader reads, in the order
/// the Scene draws them, which is the reading order: the title (H1), the subtitle and notes
/// under it (P), the chart itself (one Figure: axis, lanes, events, arrows, totals), then
/// each block under it (the key's rows, the sources, the notes, the groups, the revisions)
/// as a heading (H2) and a list (L) of items (LI), a key entry's sample in its Lbl and its
/// words in its LBody. Decorations (lanes, grid lines) are tagged Private, for the qpdf pass
/// to make them artifacts. cairo 1.16 writes the tags into the structure tree; what it cannot
/// write (the Figure's alternative text, the language) is added afterwards
/// (qpdf_pass/pdf_access.hpp).
class PdfStructure {
  public:
    /// Opens the page's Document element; `cr` must be a PDF surface's context. Without
    /// `full`, that element is all: enter() and leave() do nothing.
    PdfStructure(cairo_t* cr, bool full);
    /// Closes what is open, then the Document.
    ~PdfStructure();
    PdfStructure(const PdfStructure&) = delete;
    PdfStructure& operator=(const PdfStructure&) = delete;

    /// Opens, closing what it must first, the element an item of `role` is drawn in.
    void enter(std::string_view role);
    /// Closes an element opened for one item only (a heading, a list item's body).
    void leave();

  private:
    enum class Block { none, heading, paragraph, figure, list };
    void open_block(Block b, const char* tag);
    void close_item();
    void end_continuation();
    void close_block();

    cairo_t* cr_;
    bool full_;
    Block block_ = Block::none;
    const char* block_tag_ = "";
    bool item_open_ = false;  ///< an LI
    bool item_has_body_ = false;
    const char* inner_ = nullptr;  ///< the element opened for the current item, if any
    bool continued_ = false;       ///< a NonStruct is open in the Figure
};

}  // namespace tl
