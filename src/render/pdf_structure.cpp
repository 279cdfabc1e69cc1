#include "render/pdf_structure.hpp"

#include <array>

namespace tl {
namespace {

/// What an item is in the page's reading order, by its role.
enum class Part {
    title,
    paragraph,
    figure,
    list_heading,
    list_label,
    list_body,
    list_more,
    artifact
};

Part part_of(std::string_view role) {
    // Decoration: what a reader who cannot see misses nothing by skipping (the lanes' and
    // the axis's backgrounds, the grid, a lane's colour strip, the halo behind a number).
    static constexpr std::array<std::string_view, 6> kDecorations = {
        "lane", "lane-accent", "grid", "axis-backdrop", "totals-grid", "knockout"};
    for (const std::string_view decoration : kDecorations)
        if (role == decoration) return Part::artifact;
    if (role == "title") return Part::title;
    if (role == "subtitle" || role == "density-note" || role == "source-note")
        return Part::paragraph;
    if (role.ends_with("-heading")) return Part::list_heading;
    if (role == "legend-sample") return Part::list_label;
    // A reference's URL, on its line or the next, belongs to the same entry.
    if (role == "reference-url") return Part::list_more;
    static constexpr std::array<std::string_view, 9> kEntries = {
        "legend",   "reference", "note",          "group",         "group-member",
        "revision", "withdrawn", "revision-more", "withdrawn-more"};
    for (const std::string_view entry : kEntries)
        if (role == entry) return Part::list_body;
    return Part::figure;
}

}  // namespace

PdfStructure::PdfStructure(cairo_t* cr, bool full) : cr_(cr), full_(full) {
    cairo_tag_begin(cr_, "Document", "");
}

PdfStructure::~PdfStructure() {
    close_block();
    cairo_tag_end(cr_, "Document");
}

void PdfStructure::close_item() {
    if (!item_open_) return;
    cairo_tag_end(cr_, "LI");
    item_open_ = false;
    item_has_body_ = false;
}

void PdfStructure::end_continuation() {
    if (continued_) cairo_tag_end(cr_, "NonStruct");
    continued_ = false;
}

void PdfStructure::close_block() {
    end_continuation();
    close_item();
    if (block_ != Block::none) cairo_tag_end(cr_, block_tag_);
    block_ = Block::none;
}

void PdfStructure::open_block(Block b, const char* tag) {
    close_block();
    cairo_tag_begin(cr_, tag, "");
    block_ = b;
    block_tag_ = tag;
}

void PdfStructure::enter(std::string_view role) {
    if (!full_) return;
    switch (part_of(role)) {
        case Part::title: open_block(Block::heading, "H1"); break;
        case Part::paragraph: open_block(Block::paragraph, "P"); break;
        case Part::list_heading: open_block(Block::heading, "H2"); break;
        case Part::figure:
            if (block_ != Block::figure) open_block(Block::figure, "Figure");
            // cairo 1.16 marks the content of leaf elements only, and a Figure with
            // decorations in it is none: its content goes in NonStruct elements between
            // them, which a reader takes as the Figure's own (ISO 32000-1 14.8.4.2).
            if (!continued_) {
                cairo_tag_begin(cr_, "NonStruct", "");
                continued_ = true;
            }
            break;
        case Part::artifact:
            end_continuation();
            // Inside whatever is open, as a Private element (cairo 1.16 knows no artifacts):
            // the qpdf pass takes it out of the tree and marks its content as an artifact
            // (qpdf_pass/pdf_artifacts.hpp).
            inner_ = "Private";
            cairo_tag_begin(cr_, inner_, "");
            return;
        case Part::list_label:
        case Part::list_body:
        case Part::list_more: {
            const Part part = part_of(role);
            if (block_ != Block::list) open_block(Block::list, "L");
            // A new entry starts at a label, or at a body when the entry has one already.
            const bool fresh = part == Part::list_label ||
                               (part == Part::list_body && item_has_body_) || !item_open_;
            if (fresh) {
                close_item();
                cairo_tag_begin(cr_, "LI", "");
                item_open_ = true;
            }
            inner_ = part == Part::list_label ? "Lbl" : "LBody";
            if (part != Part::list_label) item_has_body_ = true;
            cairo_tag_begin(cr_, inner_, "");
            return;
        }
    }
    inner_ = nullptr;
}

void PdfStructure::leave() {
    if (!full_) return;
    if (inner_) cairo_tag_end(cr_, inner_);
    inner_ = nullptr;
    // A heading or a paragraph holds one item; the next opens its own.
    if (block_ == Block::heading || block_ == Block::paragraph) close_block();
}

}  // namespace tl
