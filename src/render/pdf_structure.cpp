#include "render/pdf_structure.hpp"

#include <array>

namespace tl {
namespace {

/// What an item is in the page's reading order, by its role.
enum class Part { title, paragraph, figure, list_heading, list_label, list_body, list_more };

Part part_of(std::string_view role) {
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

void PdfStructure::close_block() {
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
            break;
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
