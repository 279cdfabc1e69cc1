#include "render/pdf_writer.hpp"

#include <cairo-pdf.h>

#include <algorithm>
#include <string_view>
#include <utility>

#include "base/out_of_memory.hpp"
#include "render/cairo_handles.hpp"
#include "render/painter.hpp"
#include "render/qpdf_pass/pdf_access.hpp"
#include "render/render_cache.hpp"
#include "render/text_shaper.hpp"

namespace tl {

struct PdfWriter::State {
    ByteSink sink;
    /// What cairo writes, held to the end: its page tree is put in order, and qpdf adds what
    /// cairo cannot write for readers who cannot see (qpdf_pass/pdf_access.hpp).
    std::string held;
    bool discard = false;  ///< set when the writer goes: its sink may be gone first
    gfx::Surface surface;
    gfx::Context cr;
    std::unique_ptr<TextShaper> shaper;  ///< one for every page: it learns the fonts once
    RenderOptions options;

    /// cairo's write callback.
    static cairo_status_t write(void* closure, const unsigned char* data, unsigned int length) {
        auto* s = static_cast<State*>(closure);
        if (s->discard) return CAIRO_STATUS_SUCCESS;
        s->held.append(reinterpret_cast<const char*>(data), length);
        return CAIRO_STATUS_SUCCESS;
    }
};

namespace {

std::string pdf_status_message(cairo_status_t s) {
    // One wording for memory running out, whichever stage it happens in.
    if (s == CAIRO_STATUS_NO_MEMORY) return kOutOfMemory;
    return cairo_status_to_string(s);
}

bool is_identity(const std::vector<std::size_t>& order) {
    for (std::size_t i = 0; i < order.size(); ++i)
        if (order[i] != i) return false;
    return true;
}

}  // namespace

PdfWriter::PdfWriter(const RenderOptions& options, ByteSink sink)
    : state_(std::make_unique<State>()) {
    state_->sink = std::move(sink);
    state_->options = options;
    // The first page's size is set when it is written.
    state_->surface.reset(cairo_pdf_surface_create_for_stream(State::write, state_.get(), 1, 1));
    state_->cr.reset(cairo_create(state_->surface.get()));
    if (!options.cache) state_->shaper = std::make_unique<TextShaper>(state_->cr.get());
}

const TextShaper& PdfWriter::shaper() const {
    return state_->options.cache ? cached_shaper(*state_->options.cache) : *state_->shaper;
}

PdfWriter::~PdfWriter() {
    // A PDF not finished is not written: cairo would end it into a sink that may be gone.
    state_->discard = true;
    state_->cr.reset();
    state_->shaper.reset();
    state_->surface.reset();
}

void PdfWriter::write_page(const Scene& page) {
    cairo_t* cr = state_->cr.get();
    outlines_.push_back(page.outline);
    descriptions_.push_back(page.description);
    if (cairo_status(cr) != CAIRO_STATUS_SUCCESS) return;
    cairo_pdf_surface_set_size(state_->surface.get(), page.width, page.height);
    Painter(cr, shaper(), true, TextDrawing::glyph_runs, state_->options.accessible).paint(page);
    cairo_show_page(cr);
}

std::string PdfWriter::finish(const std::string& title, const std::string& subject,
                              const std::vector<std::size_t>& shown) {
    cairo_surface_t* out = state_->surface.get();
    cairo_pdf_surface_set_metadata(out, CAIRO_PDF_METADATA_TITLE, title.c_str());
    cairo_pdf_surface_set_metadata(out, CAIRO_PDF_METADATA_SUBJECT, subject.c_str());
    cairo_pdf_surface_set_metadata(out, CAIRO_PDF_METADATA_CREATOR,
                                   state_->options.creator.c_str());
    // cairo 1.16 would write the current time; a fixed stamp keeps output reproducible.
    cairo_pdf_surface_set_metadata(out, CAIRO_PDF_METADATA_CREATE_DATE,
                                   state_->options.timestamp.c_str());
    cairo_pdf_surface_set_metadata(out, CAIRO_PDF_METADATA_MOD_DATE,
                                   state_->options.timestamp.c_str());
    // A bookmark for each page that opens a part (the overview, each detail page of
    // `pages`), in the order shown, so that a reader of hundreds of pages can go to a period.
    const std::size_t n = outlines_.size();
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t written = shown.empty() ? i : shown[i];
        if (written >= n || outlines_[written].empty()) continue;
        const std::string target = "page=" + std::to_string(written + 1);
        cairo_pdf_surface_add_outline(out, CAIRO_PDF_OUTLINE_ROOT, outlines_[written].c_str(),
                                      target.c_str(), static_cast<cairo_pdf_outline_flags_t>(0));
    }
    if (cairo_status_t s = cairo_status(state_->cr.get()); s != CAIRO_STATUS_SUCCESS)
        return pdf_status_message(s);
    const bool reorder = !shown.empty() && !is_identity(shown);
    cairo_surface_finish(out);
    if (cairo_status_t s = cairo_surface_status(out); s != CAIRO_STATUS_SUCCESS)
        return pdf_status_message(s);
    if (reorder && !reorder_page_tree(state_->held, shown))
        return "the PDF's pages could not be put in their order";
    PdfAccessInfo access;
    access.language = state_->options.language;
    for (std::size_t i = 0; i < n; ++i) {
        const std::size_t written = shown.empty() ? i : shown[i];
        access.page_descriptions.push_back(written < n ? descriptions_[written] : "");
    }
    if (state_->options.accessible)
        if (std::string failed = make_pdf_accessible(state_->held, access); !failed.empty())
            return failed;
    if (!state_->sink(reinterpret_cast<const unsigned char*>(state_->held.data()),
                      state_->held.size()))
        return pdf_status_message(CAIRO_STATUS_WRITE_ERROR);
    return {};
}

bool reorder_page_tree(std::string& bytes, const std::vector<std::size_t>& shown) {
    static constexpr std::string_view kTree = "<< /Type /Pages\n   /Kids [ ";
    const std::size_t tree = bytes.rfind(kTree);
    if (tree == std::string::npos) return false;
    const std::size_t begin = tree + kTree.size();
    const std::size_t end = bytes.find(']', begin);
    if (end == std::string::npos) return false;
    // "N 0 R " for each page, in the order written.
    std::vector<std::string> refs;
    for (std::size_t at = begin; at < end;) {
        const std::size_t r = bytes.find(" 0 R ", at);
        if (r == std::string::npos || r > end) return false;
        const std::string_view number(bytes.data() + at, r - at);
        if (number.empty() ||
            !std::all_of(number.begin(), number.end(), [](char c) { return c >= '0' && c <= '9'; }))
            return false;
        refs.emplace_back(bytes, at, r + 5 - at);
        at = r + 5;
    }
    if (refs.size() != shown.size()) return false;
    std::vector<bool> seen(refs.size(), false);
    std::string kids;
    for (const std::size_t i : shown) {
        if (i >= refs.size() || seen[i]) return false;
        seen[i] = true;
        kids += refs[i];
    }
    // The same references, so the same length: no offset in the cross-reference table moves.
    bytes.replace(begin, end - begin, kids);
    return true;
}

}  // namespace tl
