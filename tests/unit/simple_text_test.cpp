#include <doctest/doctest.h>

#include <cairo-pdf.h>

#include <cstdint>
#include <string>
#include <vector>

#include "render/painter.hpp"
#include "render/simple_text.hpp"
#include "render/text_shaper.hpp"

namespace {

const std::string kFamily = "Noto Sans, Noto Sans Arabic, Noto Sans CJK SC";
const std::string kFsi = "\u2068", kPdi = "\u2069";

/// Pango's own size of `text`, shaped as a whole.
tl::TextSize pango_size(const tl::TextShaper& shaper, const std::string& text,
                        const tl::FontSpec& font) {
    const auto layout = shaper.layout(text, font);
    PangoRectangle logical;
    pango_layout_get_extents(layout.get(), nullptr, &logical);
    return {static_cast<double>(logical.width) / PANGO_SCALE,
            static_cast<double>(logical.height) / PANGO_SCALE};
}

/// Measures with Pango alone, as TextShaper did before SimpleText.
class PangoOnly : public tl::TextMeasurer {
  public:
    explicit PangoOnly(const tl::TextShaper& shaper) : shaper_(shaper) {}
    tl::TextSize measure(std::string_view text, const tl::FontSpec& font) const override {
        return pango_size(shaper_, std::string(text), font);
    }

  private:
    const tl::TextShaper& shaper_;
};

/// Texts as the layout measures them: labels, references with their isolated pieces of
/// input, quantities, dates, and text that kerns ("AV", "To", "Wa").
std::vector<std::string> sample_texts() {
    std::vector<std::string> texts = {
        "Iran delivers missiles",
        "AVATAR To WAVE: Wa, Ya, Te, P.A. \"Lo\" 'Vy' ff fi fl",
        "Source: " + kFsi + "Reuters" + kPdi + ", \u201c" + kFsi + "Iran ships Fath-360" + kPdi +
            "\u201d, 3 Mar 2024.",
        kFsi + "https://www.example.org/news/2024/09/iran-missiles?id=7&x=1" + kPdi,
        "650 portable SAM \u00b7 250 million USD \u2013 1,200 troops \u2014 [12] (5)",
        "Caf\u00e9 M\u00fcller, S\u00e3o Paulo, \u0141\u00f3d\u017a, Stra\u00dfe \u2026",
        "trailing space ",
        "  two leading spaces",
        "\u00a7 4(b) % $ \u20ac 100 \u00b1 5 \u00d7 2 = 10; a/b | c\\d",
        "1 Jan 2024 \u2013 31 Dec 2024",
        "p. 17: 4 Jan 2024",
        // Ligatures (Noto Sans has ff, fi, fl, ffi, ffl), also beside isolates.
        "official offline affluent fjord fifty-fifth buffalo Staff fffi ffffl",
        "of" + kFsi + "fi" + kPdi + "ce, " + kFsi + "f" + kPdi + "l",
    };
    // And a deterministic mix of the characters above, with isolates opened and closed among
    // them (empty, nested, left open at the end), to catch what no hand-written text holds.
    const std::string alphabet =
        "AVTWYPLfffiilo.,:;'\"-()[]0123456789 aeknrstuvwxyz\u00e9\u00fc\u2013\u2026\u201c\u201d";
    std::vector<std::string> pieces;
    for (std::size_t i = 0; i < alphabet.size();) {
        std::size_t n = 1;
        while (i + n < alphabet.size() &&
               (static_cast<unsigned char>(alphabet[i + n]) & 0xC0) == 0x80)
            ++n;
        pieces.push_back(alphabet.substr(i, n));
        i += n;
    }
    std::uint32_t state = 12345;
    const auto next = [&] {
        state = state * 1664525u + 1013904223u;
        return state >> 8;
    };
    for (int t = 0; t < 400; ++t) {
        std::string text;
        int open = 0;
        const auto length = 1 + next() % 40;
        for (std::uint32_t i = 0; i < length; ++i) {
            if (next() % 10 == 0) {
                const bool close = open > 0 && next() % 2;
                text += close ? kPdi : kFsi;
                open += close ? -1 : 1;
            }
            text += pieces[next() % pieces.size()];
        }
        texts.push_back(text);
    }
    return texts;
}

/// A page of `texts` in several fonts at fractional places, one with a link.
tl::Scene page_of(const std::vector<std::string>& texts) {
    tl::Scene page;
    page.width = 600;
    page.height = 20.0 + 9.5 * static_cast<double>(texts.size());
    page.title = "Simple text";
    for (std::size_t i = 0; i < texts.size(); ++i) {
        tl::Item t;
        t.type = tl::ItemType::text;
        t.text = texts[i];
        t.font = {kFamily, 6.5 + static_cast<double>(i % 5), i % 3 == 1, i % 7 == 2};
        t.box = {10.123 + static_cast<double>(i % 11) / 7, 10.31 + 9.5 * static_cast<double>(i),
                 500, 9};
        t.fill = {0.1, 0.2, 0.3, 1};
        if (i == 3) t.link = "https://example.org/";
        page.items.push_back(t);
    }
    return page;
}

/// `page` as a PDF, its text drawn as `drawing` says.
std::string pdf_of(const tl::Scene& page, tl::TextDrawing drawing) {
    std::string bytes;
    const auto sink = [](void* closure, const unsigned char* data, unsigned int size) {
        static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), size);
        return CAIRO_STATUS_SUCCESS;
    };
    cairo_surface_t* surface =
        cairo_pdf_surface_create_for_stream(sink, &bytes, page.width, page.height);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, "2000-01-01T00:00:00Z");
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, "2000-01-01T00:00:00Z");
    cairo_t* cr = cairo_create(surface);
    {
        const tl::TextShaper shaper(cr, 0);  // glyph runs from the first text
        tl::Painter(cr, shaper, true, drawing).paint(page);
    }
    cairo_show_page(cr);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    cairo_surface_destroy(surface);
    return bytes;
}

}  // namespace

TEST_CASE("simple text drawn from its glyph runs is the PDF Pango draws, byte for byte") {
    std::vector<std::string> texts = sample_texts();
    // Text that is not simple, among it, is drawn by Pango in either case.
    texts.insert(texts.begin() + 5, "Iran \u0627\u06cc\u0631\u0627\u0646 and \u4e2d\u56fd");
    texts.insert(texts.begin() + 9, "caf\u0065\u0301 \ufb01sh");
    const tl::Scene page = page_of(texts);
    const std::string by_pango = pdf_of(page, tl::TextDrawing::pango);
    CHECK(by_pango.size() > 10000);
    CHECK(pdf_of(page, tl::TextDrawing::glyph_runs) == by_pango);
    // Not by falling back to Pango: the sample's texts are all drawn from runs.
    const tl::TextShaper shaper(std::size_t{0});  // SimpleText from the first text
    tl::SimpleRuns runs;
    std::size_t simple = 0;
    for (const tl::Item& it : page.items)
        simple += shaper.simple_runs(it.text, it.font, runs);
    CHECK(simple == texts.size() - 2);
}

TEST_CASE("simple text is measured as Pango measures it, to the last unit") {
    const tl::TextShaper shaper;
    const tl::SimpleText simple(shaper);
    for (const tl::FontSpec& font :
         {tl::FontSpec{kFamily, 8, false, false}, tl::FontSpec{kFamily, 7.5, false, false},
          tl::FontSpec{kFamily, 20, true, false}, tl::FontSpec{kFamily, 10, false, true}}) {
        std::size_t measured = 0;
        for (const std::string& text : sample_texts()) {
            const auto size = simple.measure(text, font);
            INFO(text);
            CHECK(size.has_value());
            if (!size) continue;
            ++measured;
            const tl::TextSize pango = pango_size(shaper, text, font);
            INFO(text, " at ", font.size, font.bold ? " bold" : "", font.italic ? " italic" : "");
            CHECK(size->width == pango.width);
            CHECK(size->height == pango.height);
            CHECK(shaper.measure(text, font).width == pango.width);
        }
        // All of them are simple: none may fall back to Pango unnoticed.
        CHECK(measured == sample_texts().size());
    }
}

TEST_CASE("text that is not simple is left to Pango") {
    const tl::TextShaper shaper;
    const tl::SimpleText simple(shaper);
    const tl::FontSpec font{kFamily, 8, false, false};
    for (const std::string& text : {
             std::string("Iran \u0627\u06cc\u0631\u0627\u0646"),          // Arabic
             std::string("China \u4e2d\u56fd"),                           // CJK: another font
             std::string("Russia \u0420\u043e\u0441\u0441\u0438\u044f"),  // Cyrillic
             std::string("e\u0301"),                                      // combining accent
             std::string("tab\there"),
             std::string("two\nlines"),
             std::string("zero\u200dwidth joiner"),
             std::string("\u2067right to left isolate\u2069"),
             std::string("closed \u2069 never opened"),
             "f" + kFsi + kPdi + "i",  // a ligature across an empty isolate, one run
             std::string("bad \xff byte"),
             std::string(""),
             kFsi + kPdi,
         }) {
        INFO(text);
        CHECK_FALSE(simple.measure(text, font).has_value());
        // TextShaper still measures them, through Pango.
        CHECK(shaper.measure(text, font).width == pango_size(shaper, text, font).width);
    }
}

TEST_CASE("text cut to fit is cut where Pango alone would cut it") {
    const tl::TextShaper shaper(std::size_t{0});  // SimpleText from the first text
    const PangoOnly pango(shaper);
    const tl::FontSpec font{kFamily, 7.5, false, false};
    for (const std::string& text : sample_texts())
        for (const double width : {3.0, 20.0, 41.5, 77.0, 150.0}) {
            INFO(text, " in ", width);
            CHECK(shaper.fit(text, font, width) == pango.fit(text, font, width));
        }
}
