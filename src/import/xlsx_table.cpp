// .xlsx sheets as tables for `timeline import xlsx`: libzip opens the package, expat reads
// its XML parts; nothing is written by hand that either library does.

#include "import/xlsx_table.hpp"

#include <expat.h>
#include <zip.h>

#include <cmath>
#include <functional>
#include <map>
#include <memory>
#include <vector>

#include "base/suggest.hpp"
#include "base/text.hpp"
#include "model/date.hpp"

namespace tl::importer {
namespace {

/// A part larger than this is refused: a zip can expand a few bytes into gigabytes.
constexpr zip_uint64_t kMaxPartBytes = 512ull << 20;

struct ZipCloser {
    void operator()(zip_t* z) const { zip_discard(z); }
};
using Zip = std::unique_ptr<zip_t, ZipCloser>;

struct ZipFileCloser {
    void operator()(zip_file_t* f) const { zip_fclose(f); }
};

/// A part of the package, or nullopt when it is not there; `error` says why a part that is
/// there could not be read.
std::optional<std::string> read_part(zip_t* zip, const std::string& name, std::string& error) {
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(zip, name.c_str(), 0, &st) != 0) return std::nullopt;
    if ((st.valid & ZIP_STAT_SIZE) == 0 || st.size > kMaxPartBytes) {
        error = name + " is larger than 512 MiB once unpacked";
        return std::nullopt;
    }
    const std::unique_ptr<zip_file_t, ZipFileCloser> f(zip_fopen(zip, name.c_str(), 0));
    if (!f) {
        error = "cannot unpack " + name + ": " + zip_strerror(zip);
        return std::nullopt;
    }
    std::string out(static_cast<std::size_t>(st.size), '\0');
    const zip_int64_t n = zip_fread(f.get(), out.data(), st.size);
    if (n < 0 || static_cast<zip_uint64_t>(n) != st.size) {
        error = "cannot unpack " + name + ": " + zip_file_strerror(f.get());
        return std::nullopt;
    }
    return out;
}

/// Element names without their namespace prefix (x:row is row), as some writers prefix.
std::string_view local_name(const XML_Char* name) {
    const std::string_view s(name);
    const std::size_t colon = s.rfind(':');
    return colon == std::string_view::npos ? s : s.substr(colon + 1);
}

std::string attribute(const XML_Char** attrs, std::string_view name) {
    for (std::size_t i = 0; attrs[i] != nullptr; i += 2)
        if (local_name(attrs[i]) == name) return attrs[i + 1];
    return "";
}

/// Walks an XML text with callbacks for each element's start and end and for text.
struct XmlWalker {
    std::function<void(std::string_view, const XML_Char**)> start;
    std::function<void(std::string_view)> end;
    std::function<void(std::string_view)> text;

    /// "" when the text is well-formed, else expat's message with its line.
    std::string walk(std::string_view xml) {
        const std::unique_ptr<XML_ParserStruct, decltype(&XML_ParserFree)> parser(
            XML_ParserCreate("UTF-8"), &XML_ParserFree);
        XML_SetUserData(parser.get(), this);
        XML_SetElementHandler(
            parser.get(),
            [](void* self, const XML_Char* name, const XML_Char** attrs) {
                auto* w = static_cast<XmlWalker*>(self);
                if (w->start) w->start(local_name(name), attrs);
            },
            [](void* self, const XML_Char* name) {
                auto* w = static_cast<XmlWalker*>(self);
                if (w->end) w->end(local_name(name));
            });
        XML_SetCharacterDataHandler(parser.get(), [](void* self, const XML_Char* s, int len) {
            auto* w = static_cast<XmlWalker*>(self);
            if (w->text) w->text(std::string_view(s, static_cast<std::size_t>(len)));
        });
        if (XML_Parse(parser.get(), xml.data(), static_cast<int>(xml.size()), XML_TRUE) !=
            XML_STATUS_OK)
            return std::string(XML_ErrorString(XML_GetErrorCode(parser.get()))) + " at line " +
                   std::to_string(XML_GetCurrentLineNumber(parser.get()));
        return "";
    }
};

/// Text of every <t> in each <si>, joined (rich text runs), phonetic runs (<rPh>) left out.
std::vector<std::string> shared_strings(std::string_view xml, std::string& error) {
    std::vector<std::string> out;
    bool in_t = false;
    int phonetic = 0;
    XmlWalker w;
    w.start = [&](std::string_view name, const XML_Char**) {
        if (name == "si") out.emplace_back();
        if (name == "rPh") ++phonetic;
        if (name == "t") in_t = true;
    };
    w.end = [&](std::string_view name) {
        if (name == "rPh") --phonetic;
        if (name == "t") in_t = false;
    };
    w.text = [&](std::string_view s) {
        if (in_t && phonetic == 0 && !out.empty()) out.back() += s;
    };
    error = w.walk(xml);
    return out;
}

/// For each cell style (the `s` of a cell), whether its number format shows a date.
std::vector<bool> date_styles(std::string_view xml, std::string& error) {
    std::map<int, std::string> codes;
    std::vector<bool> out;
    int in_cell_xfs = 0;
    std::vector<int> format_ids;
    XmlWalker w;
    w.start = [&](std::string_view name, const XML_Char** attrs) {
        if (name == "numFmt")
            codes[std::atoi(attribute(attrs, "numFmtId").c_str())] = attribute(attrs, "formatCode");
        if (name == "cellXfs") ++in_cell_xfs;
        if (name == "xf" && in_cell_xfs > 0)
            format_ids.push_back(std::atoi(attribute(attrs, "numFmtId").c_str()));
    };
    w.end = [&](std::string_view name) {
        if (name == "cellXfs") --in_cell_xfs;
    };
    error = w.walk(xml);
    for (const int id : format_ids) {
        const auto it = codes.find(id);
        out.push_back(is_date_format(id, it == codes.end() ? "" : it->second));
    }
    return out;
}

struct SheetRef {
    std::string name;
    std::string part;  ///< the sheet's part in the package, as xl/worksheets/sheet1.xml
};

/// The sheets of the workbook in order, and whether it counts days from 1904.
std::vector<SheetRef> workbook_sheets(std::string_view workbook, std::string_view rels,
                                      bool& date1904, std::string& error) {
    std::map<std::string, std::string> targets;
    XmlWalker r;
    r.start = [&](std::string_view name, const XML_Char** attrs) {
        if (name == "Relationship") targets[attribute(attrs, "Id")] = attribute(attrs, "Target");
    };
    error = r.walk(rels);
    if (!error.empty()) return {};
    std::vector<SheetRef> out;
    XmlWalker w;
    w.start = [&](std::string_view name, const XML_Char** attrs) {
        if (name == "workbookPr") {
            const std::string v = attribute(attrs, "date1904");
            date1904 = v == "1" || v == "true";
        }
        if (name != "sheet") return;
        std::string target = targets[attribute(attrs, "id")];
        // Targets are relative to xl/, or absolute in the package (/xl/worksheets/...).
        if (target.starts_with('/'))
            target.erase(0, 1);
        else
            target = "xl/" + target;
        out.push_back({attribute(attrs, "name"), target});
    };
    error = w.walk(workbook);
    return out;
}

/// The 0-based column of a cell reference ("C7" is 2); -1 when it has no letters.
int reference_column(std::string_view ref) {
    int column = 0;
    std::size_t i = 0;
    for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && i < 3; ++i)
        column = column * 26 + (ref[i] - 'A' + 1);
    return i == 0 ? -1 : column - 1;
}

/// Reads a worksheet's cells into rows.
class SheetReader {
  public:
    SheetReader(const std::vector<std::string>& strings, const std::vector<bool>& dates,
                bool date1904)
        : strings_(strings), dates_(dates), date1904_(date1904) {}

    std::string read(std::string_view xml, Table& table) {
        XmlWalker w;
        w.start = [&](std::string_view name, const XML_Char** attrs) { start(name, attrs); };
        w.end = [&](std::string_view name) { end(name, table); };
        w.text = [&](std::string_view s) {
            if (collecting_) text_ += s;
        };
        return w.walk(xml);
    }

  private:
    void start(std::string_view name, const XML_Char** attrs) {
        if (name == "row") {
            const std::string r = attribute(attrs, "r");
            row_number_ =
                r.empty() ? row_number_ + 1 : static_cast<std::uint32_t>(std::atol(r.c_str()));
            row_ = CsvRecord{};
            row_.line = row_number_;
            next_column_ = 0;
        } else if (name == "c") {
            const int col = reference_column(attribute(attrs, "r"));
            column_ = col < 0 ? next_column_ : static_cast<std::size_t>(col);
            next_column_ = column_ + 1;
            type_ = attribute(attrs, "t");
            const std::string s = attribute(attrs, "s");
            style_ = s.empty() ? 0 : static_cast<std::size_t>(std::atol(s.c_str()));
            value_.clear();
            inline_.clear();
        } else if (name == "v" || (name == "t" && in_inline_)) {
            collecting_ = true;
            text_.clear();
        } else if (name == "is") {
            in_inline_ = true;
        } else if (name == "rPh") {
            ++phonetic_;
        }
    }

    void end(std::string_view name, Table& table) {
        if (name == "v" && collecting_) {
            value_ = text_;
            collecting_ = false;
        } else if (name == "t" && in_inline_ && collecting_) {
            if (phonetic_ == 0) inline_ += text_;
            collecting_ = false;
        } else if (name == "is") {
            in_inline_ = false;
        } else if (name == "rPh") {
            --phonetic_;
        } else if (name == "c") {
            put(cell_text());
        } else if (name == "row") {
            if (!row_.blank()) {
                if (table.header.empty()) {
                    for (const CsvField& f : row_.fields)
                        table.header.emplace_back(f.text);
                    table.header_line = row_.line;
                } else {
                    table.rows.push_back(std::move(row_));
                }
            }
        }
    }

    std::string cell_text() const {
        if (type_ == "s") {
            const std::size_t i = static_cast<std::size_t>(std::atol(value_.c_str()));
            return i < strings_.size() ? strings_[i] : "";
        }
        if (type_ == "inlineStr") return inline_;
        if (type_ == "b") return value_ == "1" ? "TRUE" : "FALSE";
        if (type_.empty() || type_ == "n") {
            if (style_ < dates_.size() && dates_[style_] && !value_.empty()) {
                char* end = nullptr;
                const double serial = std::strtod(value_.c_str(), &end);
                if (end && *end == '\0') {
                    std::string date = serial_date(serial, date1904_);
                    if (!date.empty()) return date;
                }
            }
        }
        return value_;  // str (a formula's text), e (#N/A), d (ISO) and numbers as written
    }

    void put(std::string text) {
        // A sheet of a million columns would be a bug or an attack, not a tracker.
        if (column_ >= 16384) return;
        while (row_.fields.size() <= column_) {
            CsvField f;
            f.line = row_number_;
            f.column = static_cast<std::uint32_t>(row_.fields.size() + 1);
            row_.fields.push_back(std::move(f));
        }
        row_.fields[column_].text = std::move(text);
    }

    const std::vector<std::string>& strings_;
    const std::vector<bool>& dates_;
    bool date1904_;
    CsvRecord row_;
    std::uint32_t row_number_ = 0;
    std::size_t column_ = 0;
    std::size_t next_column_ = 0;
    std::string type_;
    std::size_t style_ = 0;
    std::string value_;
    std::string inline_;
    std::string text_;
    bool collecting_ = false;
    bool in_inline_ = false;
    int phonetic_ = 0;
};

}  // namespace

std::string serial_date(double serial, bool date1904) {
    if (!std::isfinite(serial) || serial < 1 || serial > 3e6) return "";
    const auto days = static_cast<DayNumber>(std::floor(serial));
    DayNumber day = 0;
    if (date1904)
        day = day_number(1904, 1, 1) + days;
    else
        day = day_number(1899, 12, days >= 61 ? 30 : 31) + days;
    const YearMonthDay ymd = calendar_date(day);
    if (ymd.year < 1400 || ymd.year > 9999) return "";
    return iso_date(day);
}

bool is_date_format(int builtin_id, std::string_view code) {
    if ((builtin_id >= 14 && builtin_id <= 22) || (builtin_id >= 45 && builtin_id <= 47))
        return true;
    bool quoted = false;
    int bracket = 0;
    for (std::size_t i = 0; i < code.size(); ++i) {
        const char c = code[i];
        if (c == '\\') {
            ++i;
            continue;
        }
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        if (c == '[') ++bracket;
        if (c == ']') --bracket;
        if (bracket > 0) continue;
        if (c == 'd' || c == 'D' || c == 'y' || c == 'Y' || c == 'm' || c == 'M') return true;
    }
    return false;
}

std::optional<Table> read_xlsx_table(std::string_view bytes, std::string_view sheet,
                                     std::uint32_t file, Diagnostics& diags) {
    const SourceLoc whole{file, 0, 0};
    const auto not_xlsx = [&](const std::string& why) {
        diags.error(whole, "not-xlsx", "not an .xlsx workbook: " + why,
                    "save the sheet as Excel 2007-365 (.xlsx), or export it as CSV and use "
                    "import csv");
        return std::nullopt;
    };
    zip_error_t zerr;
    zip_error_init(&zerr);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &zerr);
    if (!source) {
        const std::string why = zip_error_strerror(&zerr);
        zip_error_fini(&zerr);
        return not_xlsx(why);
    }
    Zip zip(zip_open_from_source(source, ZIP_RDONLY | ZIP_CHECKCONS, &zerr));
    if (!zip) {
        zip_source_free(source);
        const std::string why = zip_error_strerror(&zerr);
        zip_error_fini(&zerr);
        return not_xlsx(why);
    }
    std::string error;
    const auto part = [&](const std::string& name) { return read_part(zip.get(), name, error); };
    const std::optional<std::string> workbook = part("xl/workbook.xml");
    const std::optional<std::string> rels = part("xl/_rels/workbook.xml.rels");
    if (!workbook || !rels)
        return not_xlsx(error.empty() ? "the package has no xl/workbook.xml" : error);
    const auto bad = [&](const std::string& why) {
        diags.error(whole, "bad-xlsx", "the workbook cannot be read: " + why,
                    "open and save it again in a spreadsheet program");
        return std::nullopt;
    };
    bool date1904 = false;
    const std::vector<SheetRef> sheets = workbook_sheets(*workbook, *rels, date1904, error);
    if (!error.empty()) return bad(error);
    if (sheets.empty()) return bad("it has no sheet");
    const SheetRef* chosen = sheet.empty() ? &sheets.front() : nullptr;
    for (const SheetRef& s : sheets)
        if (!chosen && s.name == sheet) chosen = &s;
    if (!chosen) {
        std::vector<std::string_view> names;
        std::string list;
        for (const SheetRef& s : sheets) {
            names.push_back(s.name);
            list += (list.empty() ? "'" : ", '") + visible(s.name) + "'";
        }
        const std::string near = suggest(sheet, names);
        diags.error(whole, "unknown-sheet",
                    "the workbook has no sheet '" + visible(sheet) + "'; its sheets: " + list,
                    near.empty() ? "give --sheet one of them" : "did you mean '" + near + "'?");
        return std::nullopt;
    }
    std::vector<std::string> strings;
    if (const auto xml = part("xl/sharedStrings.xml")) {
        strings = shared_strings(*xml, error);
        if (!error.empty()) return bad("xl/sharedStrings.xml: " + error);
    }
    if (!error.empty()) return bad(error);
    std::vector<bool> dates;
    if (const auto xml = part("xl/styles.xml")) {
        dates = date_styles(*xml, error);
        if (!error.empty()) return bad("xl/styles.xml: " + error);
    }
    if (!error.empty()) return bad(error);
    const std::optional<std::string> sheet_xml = part(chosen->part);
    if (!sheet_xml) return bad(error.empty() ? chosen->part + " is missing" : error);
    Table table;
    error = SheetReader(strings, dates, date1904).read(*sheet_xml, table);
    if (!error.empty()) return bad(chosen->part + ": " + error);
    return table;
}

}  // namespace tl::importer
