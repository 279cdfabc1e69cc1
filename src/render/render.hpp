#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "layout/scene.hpp"
#include "layout/text_measurer.hpp"

namespace tl {

enum class OutputFormat { pdf, svg, png, html };

std::string_view to_string(OutputFormat f);
/// The format named by a file's extension (.pdf, .svg, .png, .html), or by a --format value.
std::optional<OutputFormat> format_from_name(std::string_view name);
std::optional<OutputFormat> format_from_path(std::string_view path);

/// What drawing PDFs learns of the fonts (SimpleText's glyphs, advances and kerning), kept
/// from one render to the next: under --watch each render would otherwise learn it again,
/// which at 10,000 events cost more than a tenth of a re-render. Opaque outside render.
class RenderCache;
std::shared_ptr<RenderCache> make_render_cache();

/// A layout of the chart on a page `times` as wide, for an HTML page's time zoom.
struct HtmlZoomLayout {
    int times = 2;
    const Document* doc = nullptr;
};

struct RenderOptions {
    double png_dpi = 150;
    std::string language = "en";  ///< BCP 47, the PDF's /Lang (the template's `language`)
    /// A PDF's structure for screen readers in full (reading order, the chart as a Figure
    /// with its description, lists, the language: pdf_structure.hpp, qpdf_pass/pdf_access.hpp), or
    /// only a Document element per page. cairo 1.16 marks every drawing in a structure element
    /// apart: at 2,000 events in `pages`, 1.35 s became 2.08 s, and 4.31 s with qpdf's pass
    /// (docs/accessibility.md), so the command line asks for it up to kAccessiblePdfEvents
    /// events (and says so above).
    bool accessible = true;
    std::string creator;    ///< "timeline 0.1.0"
    std::string timestamp;  ///< ISO 8601, written as the PDF's creation and modification date
    /// Kept across renders (--watch); none: each PDF learns the fonts for itself.
    std::shared_ptr<RenderCache> cache;
    /// An HTML page's events, for their cards (layout/html_page.hpp); none: each card says
    /// its label's alternative text.
    const Timeline* timeline = nullptr;
    const Model* model = nullptr;
    /// An HTML page's time zoom (layout/html_page.hpp, HtmlLevel): the chart laid out again
    /// on wider pages, narrowest first, each drawn from its Document's first page; none: one
    /// width. With none, `html_no_levels_why` says why (the page's control is then disabled).
    std::vector<HtmlZoomLayout> html_levels{};
    std::string html_no_levels_why{};
};

/// The most events a PDF is tagged in full for (RenderOptions::accessible).
inline constexpr std::size_t kAccessiblePdfEvents = 1000;

/// Receives the output bytes; returns false to report a write failure.
using ByteSink = std::function<bool(const unsigned char* data, std::size_t size)>;

/// Draws `doc` in `format` into `sink`: every page into a PDF, the first page (the chart)
/// into an SVG, a PNG or an HTML page (the SVG with its events' overlay and cards). Returns an
/// error message, or "" on success.
std::string render_document(const Document& doc, OutputFormat format, const RenderOptions& options,
                            const ByteSink& sink);

/// Draws one page.
std::string render_scene(const Scene& scene, OutputFormat format, const RenderOptions& options,
                         const ByteSink& sink);

/// A measurer that lays text out with Pango exactly as the renderer will draw it. A factory,
/// so that the command line measures text without seeing cairo or Pango.
std::unique_ptr<TextMeasurer> make_text_measurer();

/// "cairo 1.16.0, Pango 1.50.12": the libraries this process draws with, for --version.
std::string graphics_library_versions();

/// The most text an SVG may carry: cairo writes each glyph as an element and librsvg stops
/// at 500,000 elements, which the lines, bars and markers share.
inline constexpr std::size_t kMaxSvgGlyphs = 400000;

/// The glyphs a page's text needs (one per code point).
std::size_t svg_glyphs(const Scene& page);

/// The largest side of a cairo image surface, in pixels.
inline constexpr int kMaxImageSide = 32767;

}  // namespace tl
