#include "theme/template_loader.hpp"

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/exact_number.hpp"
#include "base/suggest.hpp"
#include "base/text.hpp"
#include "load/yaml_prescan.hpp"
#include "load/yaml_reader.hpp"
#include "model/field_rules.hpp"
#include "model/kinds.hpp"
#include "timeline/lane_order.hpp"

namespace tl {
namespace fs = std::filesystem;
namespace {

using yaml::Entry;
using yaml::MapReader;

constexpr std::array<std::string_view, 12> kTopKeys{
    "name", "title", "page",       "fonts",   "colors",       "palette",
    "show", "lanes", "lane-order", "measure", "totals-block", "language"};
constexpr std::array<std::string_view, 7> kPageKeys{"size",   "orientation", "width", "height",
                                                    "margin", "png-dpi",     "grow"};
constexpr std::array<std::string_view, 9> kFontKeys{
    "family", "title", "subtitle", "lane", "label", "axis", "legend", "reference", "min-size"};
constexpr std::array<std::string_view, 9> kColorKeys{
    "background", "text", "muted", "grid", "lane", "era", "era-text", "arrow", "today"};
constexpr std::array<std::string_view, 3> kPaletteKeys{"actors", "kinds", "kind-colors"};
constexpr std::array<std::string_view, 3> kShowKeys{"title", "legend", "references"};

/// A sub-mapping read with its own known keys, or nothing when absent or not a mapping.
std::optional<MapReader> section(const MapReader& parent, std::string_view key,
                                 std::span<const std::string_view> keys) {
    const Entry* e = parent.find(key);
    if (!e) return std::nullopt;
    if (!e->value.is_map()) {
        parent.report(*e, "wrong-type", "'" + std::string(key) + "' must be a mapping");
        return std::nullopt;
    }
    return MapReader(e->value, parent.context(), "'" + std::string(key) + "'", keys);
}

void read_number(const MapReader& r, std::string_view key, double& out, double min, double max) {
    const Entry* e = r.find(key);
    if (!e) return;
    const auto v = r.number(*e);
    if (!v) return;
    if (*v < min || *v > max) {
        r.report(*e, "bad-template",
                 "'" + std::string(key) + "' must lie between " + exact_number(min) + " and " +
                     exact_number(max));
        return;
    }
    out = *v;
}

void read_flag(const MapReader& r, std::string_view key, bool& out) {
    const Entry* e = r.find(key);
    if (!e) return;
    const auto text = r.text(*e);
    if (text && (equal_ignoring_case(*text, "true") || equal_ignoring_case(*text, "false"))) {
        out = equal_ignoring_case(*text, "true");
    } else if (text) {
        r.report(*e, "wrong-type", "'" + std::string(key) + "' must be true or false");
    }
}

/// The least room inside the margins, in points: as wide as the narrowest page, and one line
/// of text or so high (a chart taller than that is scaled down to fit).
constexpr double kMinInnerWidth = 100;
constexpr double kMinInnerHeight = 20;

/// A paper size in points, portrait.
struct Paper {
    std::string_view name;
    double width, height;
};
constexpr std::array<Paper, 7> kPapers{{{"A5", 419.53, 595.28},
                                        {"A4", 595.28, 841.89},
                                        {"A3", 841.89, 1190.55},
                                        {"A2", 1190.55, 1683.78},
                                        {"Letter", 612, 792},
                                        {"Legal", 612, 1008},
                                        {"Tabloid", 792, 1224}}};

/// A length: a number of points, or text with a unit (210mm, 21cm, 8.5in, 595pt).
std::optional<double> parse_length(std::string_view text) {
    static constexpr std::array<std::pair<std::string_view, double>, 4> kUnits{
        {{"mm", 72 / 25.4}, {"cm", 72 / 2.54}, {"in", 72}, {"pt", 1}}};
    for (const auto& [unit, points] : kUnits) {
        if (text.size() > unit.size() &&
            equal_ignoring_case(text.substr(text.size() - unit.size()), unit)) {
            const auto v = parse_number(text.substr(0, text.size() - unit.size()));
            if (v) return *v * points;
        }
    }
    return parse_number(text);
}

/// Reads a page length between `min` and kMaxPageSide points; `auto` gives 0 when allowed.
void read_length(const MapReader& r, std::string_view key, double& out, double min,
                 bool allow_auto) {
    const Entry* e = r.find(key);
    if (!e) return;
    const auto text = r.text(*e);
    if (!text) return;
    if (allow_auto && equal_ignoring_case(*text, "auto")) {
        out = 0;
        return;
    }
    const auto points = parse_length(*text);
    if (!points || *points < min || *points > 14400) {
        r.report(*e, "bad-template",
                 "'" + std::string(key) + "' must be a length from " + std::to_string(int(min)) +
                     " to 14400 points, in pt, mm, cm or in" + (allow_auto ? ", or auto" : ""),
                 "for example 297mm or 842");
        return;
    }
    out = *points;
}

/// Reads `key` as one of `names`, reporting the choices otherwise.
template <typename T, std::size_t N>
void read_choice(const MapReader& r, std::string_view key,
                 const std::array<std::pair<std::string_view, T>, N>& names, T& out) {
    const Entry* e = r.find(key);
    if (!e) return;
    const auto text = r.text(*e);
    if (!text) return;
    std::string choices;
    for (const auto& [name, value] : names) {
        if (equal_ignoring_case(name, *text)) {
            out = value;
            return;
        }
        choices += (choices.empty() ? "" : ", ") + std::string(name);
    }
    r.report(*e, "bad-template", "'" + std::string(key) + "' cannot be '" + *text + "'",
             "use one of: " + choices);
}

std::string points(double v) {
    char text[32];
    std::snprintf(text, sizeof text, "%.6g", v);
    return text;
}

/// The area inside the margins must hold a chart: kMinInnerWidth across and, on pages of a
/// fixed height, kMinInnerHeight down. A margin of half the page left nothing, and the
/// renderer then scaled the chart by zero or less ("invalid value for a dash setting").
/// Reported at the margin when the template sets one, else at what set the page's size.
void check_margins(const MapReader& page, const Theme& t) {
    const auto check = [&](double side, double min, std::string_view key, const char* across) {
        const double inside = side - 2 * t.margin;
        if (inside >= min) return;
        const Entry* at = page.find("margin");
        if (!at) at = page.find(key);
        if (!at) at = page.find("size");
        const std::string message = "the margins of " + points(t.margin) + " points leave " +
                                    points(std::max(inside, 0.0)) + " of the page's " +
                                    points(side) + " " + across + "; a chart needs at least " +
                                    points(min);
        const std::string hint = "make 'margin' smaller, or the page larger";
        if (at) {
            page.report(*at, "bad-template", message, hint);
        } else {
            page.context().diags.error(page.loc(), "bad-template", message, hint);
        }
    };
    check(t.page_width, kMinInnerWidth, "width", "across");
    if (t.page_height > 0) check(t.page_height, kMinInnerHeight, "height", "down");
}

void read_page(const MapReader& page, Theme& t) {
    bool landscape = true;
    static constexpr std::array<std::pair<std::string_view, bool>, 2> kOrientations{
        {{"landscape", true}, {"portrait", false}}};
    read_choice(page, "orientation", kOrientations, landscape);
    if (const Entry* e = page.find("size")) {
        const auto name = page.text(*e);
        const auto paper = std::find_if(kPapers.begin(), kPapers.end(), [&](const Paper& p) {
            return name && equal_ignoring_case(p.name, *name);
        });
        if (paper != kPapers.end()) {
            t.page_width = landscape ? paper->height : paper->width;
            t.page_height = landscape ? paper->width : paper->height;
        } else if (name) {
            page.report(*e, "bad-template", "no paper size '" + *name + "'",
                        "use A5, A4, A3, A2, Letter, Legal or Tabloid, or give width and height");
        }
    }
    read_length(page, "width", t.page_width, 100, false);
    read_length(page, "height", t.page_height, 100, true);
    read_number(page, "margin", t.margin, 0, 200);
    read_number(page, "png-dpi", t.png_dpi, 10, 1200);
    read_flag(page, "grow", t.grow_width);
    check_margins(page, t);
    const Entry* sized = page.find("width");
    if (!sized) sized = page.find("size");
    t.page_loc = sized ? page.loc(*sized) : page.loc();
}

void read_color(const MapReader& r, std::string_view key, Color& out) {
    const Entry* e = r.find(key);
    if (!e) return;
    const auto text = r.text(*e);
    if (!text || !r.check(*e, "bad-color", check_color(*text))) return;
    out = *Color::parse(*text);
}

std::vector<Color> read_color_list(const MapReader& r, std::string_view key) {
    std::vector<Color> colors;
    for (const Ref& item : r.list(key)) {
        if (auto c = Color::parse(item.id)) {
            colors.push_back(*c);
        } else {
            r.context().diags.error(item.loc, "bad-color", "a colour is #rgb or #rrggbb");
        }
    }
    return colors;
}

bool is_language_tag(std::string_view tag) {
    std::size_t part = 0;
    std::size_t length = 0;
    for (const char c : tag) {
        if (c == '-') {
            if (length == 0) return false;
            ++part;
            length = 0;
            continue;
        }
        const bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        const bool digit = c >= '0' && c <= '9';
        if (!(letter || (digit && part > 0)) || ++length > 8) return false;
    }
    return length > 0 && (part > 0 || length >= 2);
}

void read_theme(const MapReader& top, Theme& t) {
    if (auto name = top.text("name", false)) t.name = *name;
    if (auto title = top.text_field("title", false)) t.title = *title;
    if (auto page = section(top, "page", kPageKeys)) read_page(*page, t);
    static constexpr std::array<std::pair<std::string_view, LaneMode>, 4> kLaneModes{
        {{"actor", LaneMode::actor},
         {"group", LaneMode::group},
         {"kind", LaneMode::kind},
         {"single", LaneMode::single}}};
    read_choice(top, "lanes", kLaneModes, t.lanes);
    read_choice(top, "lane-order", kLaneOrderNames, t.lane_order);
    if (auto measure = top.text_field("measure", false)) t.measure = *measure;
    if (const Entry* e = top.find("language")) {
        // A BCP 47 tag as PDF's /Lang takes it: a language, then subtags ("en", "en-GB").
        if (auto language = top.text(*e)) {
            if (is_language_tag(*language)) {
                t.language = *language;
            } else {
                top.report(*e, "bad-template", "'" + *language + "' is not a language tag",
                           "give a BCP 47 tag such as en, fr or en-GB");
            }
        }
    }
    double totals_block = double(t.totals_block);
    read_number(top, "totals-block", totals_block, 0, kMaxTotalsBlock);
    t.totals_block = static_cast<std::size_t>(totals_block);
    if (auto fonts = section(top, "fonts", kFontKeys)) {
        if (const Entry* e = fonts->find("family")) {
            if (auto family = fonts->text(*e)) {
                t.font_family = *family;
                t.font_family_loc = fonts->loc(*e);
            }
        }
        read_number(*fonts, "title", t.title_size, 4, 96);
        read_number(*fonts, "subtitle", t.subtitle_size, 4, 96);
        read_number(*fonts, "lane", t.lane_name_size, 4, 96);
        read_number(*fonts, "label", t.label_size, 4, 96);
        read_number(*fonts, "axis", t.axis_size, 4, 96);
        read_number(*fonts, "legend", t.legend_size, 4, 96);
        read_number(*fonts, "reference", t.reference_size, 4, 96);
        // 0 turns the floor off (shrink to fit, however small).
        read_number(*fonts, "min-size", t.min_font_size, 0, 24);
    }
    if (auto colors = section(top, "colors", kColorKeys)) {
        read_color(*colors, "background", t.background);
        read_color(*colors, "text", t.text);
        read_color(*colors, "muted", t.muted);
        read_color(*colors, "grid", t.grid);
        read_color(*colors, "lane", t.lane_fill);
        read_color(*colors, "era", t.era_fill);
        t.era_fill.a = 0.45;  // eras are a wash behind the events, never opaque
        read_color(*colors, "era-text", t.era_text);
        read_color(*colors, "arrow", t.arrow);
        read_color(*colors, "today", t.today);
    }
    if (auto palette = section(top, "palette", kPaletteKeys)) {
        if (palette->find("actors")) t.actor_palette = read_color_list(*palette, "actors");
        if (palette->find("kinds")) t.kind_palette = read_color_list(*palette, "kinds");
        if (const Entry* e = palette->find("kind-colors")) {
            if (!e->value.is_map()) {
                palette->report(*e, "wrong-type", "'kind-colors' maps kind ids to colours");
            } else {
                for (auto it = e->value.begin(); it != e->value.end(); ++it) {
                    const yaml::NodeRef kind = *it;
                    const yaml::NodeRef color = *++it;  // a mapping's children come in pairs
                    const auto c = color.is_scalar() ? Color::parse(color.scalar()) : std::nullopt;
                    if (!c || !kind.is_scalar()) {
                        palette->context().error(color, "bad-color", "a colour is #rgb or #rrggbb");
                        continue;
                    }
                    t.kind_colors[std::string(kind.scalar())] = *c;
                    t.kind_color_locs[std::string(kind.scalar())] = palette->context().loc(kind);
                }
            }
        }
    }
    if (auto show = section(top, "show", kShowKeys)) {
        read_flag(*show, "title", t.show_title);
        read_flag(*show, "legend", t.show_legend);
        read_flag(*show, "references", t.show_references);
    }
}

}  // namespace

std::vector<std::string> template_dirs(const std::string& executable_path) {
    std::vector<std::string> dirs;
    if (const char* env = std::getenv("TIMELINE_TEMPLATES"); env && *env) dirs.emplace_back(env);
    std::error_code ec;
    const fs::path exe = fs::weakly_canonical(executable_path, ec);
    if (!ec) {
        dirs.push_back((exe.parent_path().parent_path() / "templates").string());
        dirs.push_back(
            (exe.parent_path().parent_path() / "share" / "timeline" / "templates").string());
    }
    return dirs;
}

std::string find_template(const std::string& name_or_path, const std::vector<std::string>& dirs) {
    std::error_code ec;
    const bool looks_like_path = name_or_path.find('/') != std::string::npos ||
                                 name_or_path.ends_with(".yaml") || name_or_path.ends_with(".yml");
    if (looks_like_path) return fs::is_regular_file(name_or_path, ec) ? name_or_path : "";
    for (const std::string& dir : dirs) {
        const fs::path candidate = fs::path(dir) / (name_or_path + ".yaml");
        if (fs::is_regular_file(candidate, ec)) return candidate.string();
    }
    return "";
}

Theme load_template_text(std::string_view text, std::uint32_t file, Diagnostics& diags) {
    Theme theme = default_theme();
    const auto surrogate_pairs = prescan_checks(text, file, diags);
    if (!surrogate_pairs) return theme;
    const yaml::ParsedYaml parsed = yaml::parse_yaml(text, *surrogate_pairs);
    if (parsed.error) {
        yaml::report_parse_error(*parsed.error, file, diags);
        return theme;
    }
    const yaml::Context ctx{file, diags};
    if (parsed.tree.document_count() > 1) {
        const yaml::NodeRef second = parsed.tree.document(1);
        ctx.error(second, "extra-document", "a template is one YAML document; this is a second",
                  "remove the '---' and what follows, or merge it into the first document");
    }
    const yaml::NodeRef doc =
        parsed.tree.document_count() > 0 ? parsed.tree.document(0) : yaml::NodeRef();
    if (!doc.is_map()) {
        ctx.error(doc, "wrong-type", "a template must be a mapping");
        return theme;
    }
    read_theme(MapReader(doc, ctx, "the template", kTopKeys), theme);
    return theme;
}

Theme load_template(const std::string& path, SourceFiles& files, Diagnostics& diags) {
    const std::uint32_t file = files.add(path);
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    if (!in) {
        diags.error({file, 0, 0}, "unreadable-input", "cannot read the template");
        return default_theme();
    }
    return load_template_text(buffer.str(), file, diags);
}

void check_template_kinds(const Theme& theme, const Model& model, Diagnostics& diags) {
    std::vector<std::string_view> kinds;
    for (const BuiltinKind& k : builtin_kinds())
        kinds.push_back(k.id);
    for (const Kind& k : model.kinds)
        kinds.push_back(k.id);
    for (const auto& [kind, loc] : theme.kind_color_locs) {
        if (std::find(kinds.begin(), kinds.end(), kind) != kinds.end()) continue;
        const std::string near = suggest(kind, kinds);
        diags.warning(loc, "unknown-kind-color",
                      "'kind-colors' names '" + kind +
                          "', a kind no event file declares; its colour is used nowhere",
                      (near.empty() ? std::string() : "did you mean '" + near + "'? ") +
                          (near.empty() ? "name" : "If not, name") +
                          " a built-in kind or one declared under 'kinds:'");
    }
}

}  // namespace tl
