#include "render/render.hpp"

#include <cairo-pdf.h>
#include <cairo-svg.h>
#include <pango/pango.h>

#include <algorithm>
#include <cmath>

#include "base/out_of_memory.hpp"
#include "base/text.hpp"
#include "layout/html_page.hpp"
#include "render/painter.hpp"
#include "render/pdf_writer.hpp"
#include "render/svg_links.hpp"
#include "render/text_shaper.hpp"

namespace tl {
namespace {

/// Adapts cairo's write callback to a ByteSink.
cairo_status_t write_to_sink(void* closure, const unsigned char* data, unsigned int length) {
    const auto* sink = static_cast<const ByteSink*>(closure);
    return (*sink)(data, length) ? CAIRO_STATUS_SUCCESS : CAIRO_STATUS_WRITE_ERROR;
}

std::string status_message(cairo_status_t s) {
    // One wording for memory running out, whichever stage it happens in.
    if (s == CAIRO_STATUS_NO_MEMORY) return kOutOfMemory;
    return cairo_status_to_string(s);
}

std::string finish(cairo_t* cr, cairo_surface_t* surface) {
    if (cairo_status_t s = cairo_status(cr); s != CAIRO_STATUS_SUCCESS) return status_message(s);
    cairo_surface_finish(surface);
    if (cairo_status_t s = cairo_surface_status(surface); s != CAIRO_STATUS_SUCCESS)
        return status_message(s);
    return {};
}

/// A sink that appends the bytes to `bytes`.
ByteSink appending_to(std::string& bytes) {
    return [&bytes](const unsigned char* data, std::size_t length) {
        bytes.append(reinterpret_cast<const char*>(data), length);
        return true;
    };
}

/// `event_names`: each event label named for screen readers (svg_links); an HTML page leaves
/// them out, since its overlay names each event once, as a button a reader can use.
std::string render_svg(const Document& doc, const ByteSink& output, bool event_names = true) {
    // An SVG is held until it is whole, for its links to go in before its end (svg_links).
    std::string svg;
    const ByteSink held = appending_to(svg);
    void* closure = const_cast<ByteSink*>(&held);
    // An SVG holds one page: the chart.
    const Scene& page = doc.pages.front();
    gfx::Surface surface(
        cairo_svg_surface_create_for_stream(write_to_sink, closure, page.width, page.height));
    if (cairo_status_t s = cairo_surface_status(surface.get()); s != CAIRO_STATUS_SUCCESS)
        return status_message(s);
    cairo_svg_surface_set_document_unit(surface.get(), CAIRO_SVG_UNIT_PT);
    gfx::Context cr(cairo_create(surface.get()));
    const TextShaper shaper(cr.get());
    Painter(cr.get(), shaper, false, TextDrawing::pango).paint(page);
    cairo_show_page(cr.get());
    if (std::string problem = finish(cr.get(), surface.get()); !problem.empty()) return problem;
    svg = add_svg_descriptions(add_svg_links(std::move(svg), page), page, event_names);
    if (!output(reinterpret_cast<const unsigned char*>(svg.data()), svg.size()))
        return status_message(CAIRO_STATUS_WRITE_ERROR);
    return {};
}

/// The SVG with an overlay that makes its events focusable and tells about them.
std::string render_html(const Document& doc, const RenderOptions& options, const ByteSink& output) {
    std::string svg;
    if (std::string problem = render_svg(doc, appending_to(svg), false); !problem.empty())
        return problem;
    HtmlPageInput in;
    in.page = &doc.pages.front();
    in.svg = svg;
    // Each level of the time zoom drawn as the chart is; reserved, so that the views into the
    // SVGs stay valid.
    std::vector<std::string> level_svgs;
    level_svgs.reserve(options.html_levels.size());
    for (const HtmlZoomLayout& level : options.html_levels) {
        std::string& level_svg = level_svgs.emplace_back();
        if (std::string problem = render_svg(*level.doc, appending_to(level_svg), false);
            !problem.empty())
            return problem;
        in.levels.push_back({level.times, &level.doc->pages.front(), level_svg});
    }
    in.no_levels_why = options.html_no_levels_why;
    in.timeline = options.timeline;
    in.model = options.model;
    in.language = options.language;
    in.generator = options.creator;
    const std::string page = html_page(in);
    if (!output(reinterpret_cast<const unsigned char*>(page.data()), page.size()))
        return status_message(CAIRO_STATUS_WRITE_ERROR);
    return {};
}

std::string render_pdf(const Document& doc, const RenderOptions& options, const ByteSink& output) {
    PdfWriter writer(options, output);
    for (const Scene& page : doc.pages)
        writer.write_page(page);
    return writer.finish(doc.title, doc.subject);
}

std::string render_png(const Scene& scene, const RenderOptions& options, const ByteSink& sink) {
    double scale = options.png_dpi / 72.0;
    // cairo image surfaces stop at 32,767 pixels a side: scale down to fit rather than fail.
    scale = std::min({scale, kMaxImageSide / scene.width, kMaxImageSide / scene.height});
    // The limit divided and multiplied back can land a hair above it (14,400 pt at the
    // largest scale gives 32,767.000000000004), so the pixel size is clamped as well.
    const auto pixels = [&](double points) {
        return static_cast<int>(std::min(std::ceil(points * scale), double{kMaxImageSide}));
    };
    const int w = pixels(scene.width);
    const int h = pixels(scene.height);
    gfx::Surface surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h));
    if (cairo_status_t s = cairo_surface_status(surface.get()); s != CAIRO_STATUS_SUCCESS)
        return status_message(s);
    gfx::Context cr(cairo_create(surface.get()));
    cairo_scale(cr.get(), scale, scale);
    const TextShaper shaper(cr.get());
    Painter(cr.get(), shaper, false, TextDrawing::pango).paint(scene);
    cairo_surface_flush(surface.get());
    if (cairo_status_t s = cairo_status(cr.get()); s != CAIRO_STATUS_SUCCESS)
        return status_message(s);
    void* closure = const_cast<ByteSink*>(&sink);
    if (cairo_status_t s = cairo_surface_write_to_png_stream(surface.get(), write_to_sink, closure);
        s != CAIRO_STATUS_SUCCESS)
        return status_message(s);
    return {};
}

}  // namespace

std::unique_ptr<TextMeasurer> make_text_measurer() {
    return std::make_unique<TextShaper>();
}

std::string graphics_library_versions() {
    return std::string("cairo ") + cairo_version_string() + ", Pango " + pango_version_string();
}

std::string_view to_string(OutputFormat f) {
    switch (f) {
        case OutputFormat::pdf: return "pdf";
        case OutputFormat::svg: return "svg";
        case OutputFormat::png: return "png";
        case OutputFormat::html: return "html";
    }
    return "pdf";
}

std::optional<OutputFormat> format_from_name(std::string_view name) {
    for (OutputFormat f :
         {OutputFormat::pdf, OutputFormat::svg, OutputFormat::png, OutputFormat::html})
        if (name == to_string(f)) return f;
    return std::nullopt;
}

std::optional<OutputFormat> format_from_path(std::string_view path) {
    const std::size_t dot = path.rfind('.');
    if (dot == std::string_view::npos) return std::nullopt;
    std::string ext(path.substr(dot + 1));
    for (char& c : ext)
        c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return format_from_name(ext);
}

std::size_t svg_glyphs(const Scene& page) {
    std::size_t glyphs = 0;
    for (const Item& it : page.items)
        if (it.type == ItemType::text) glyphs += utf8_length(it.text);
    return glyphs;
}

std::string render_document(const Document& doc, OutputFormat format, const RenderOptions& options,
                            const ByteSink& sink) {
    if (doc.pages.empty()) return "there is nothing to draw";
    if (format == OutputFormat::svg || format == OutputFormat::html) {
        // cairo writes each glyph as its own element, and librsvg (and so most viewers)
        // refuses files with more than 500,000 of them: better no file than an unusable one.
        // An HTML page carries the same SVG inline, so the same limit holds; the message
        // names the file being written.
        const std::size_t glyphs = svg_glyphs(doc.pages.front());
        if (glyphs > kMaxSvgGlyphs)
            return (format == OutputFormat::html
                        ? "the HTML page would hold about " + std::to_string(glyphs) +
                              " glyphs in its inline SVG"
                        : "the SVG would hold about " + std::to_string(glyphs) + " glyphs") +
                   ", more than SVG viewers open (librsvg stops at 500,000 elements); "
                   "write a PDF instead, or draw fewer labels with --layout density";
    }
    for (const Scene& page : doc.pages)
        if (!(page.width > 0 && page.height > 0)) return "the page has no size";
    if (format == OutputFormat::png) return render_png(doc.pages.front(), options, sink);
    if (format == OutputFormat::svg) return render_svg(doc, sink);
    if (format == OutputFormat::html) return render_html(doc, options, sink);
    return render_pdf(doc, options, sink);
}

std::string render_scene(const Scene& scene, OutputFormat format, const RenderOptions& options,
                         const ByteSink& sink) {
    return render_document({scene.title, scene.subject, {scene}}, format, options, sink);
}

}  // namespace tl
