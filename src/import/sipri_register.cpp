#include "import/sipri_register.hpp"

#include <array>
#include <optional>

#include "base/text.hpp"
#include "import/csv_reader.hpp"
#include "import/sipri_fields.hpp"

namespace tl::importer {
namespace {

enum Column : std::size_t {
    kRecipient,
    kSupplier,
    kOrderYear,
    kOrderYearFlag,
    kOrdered,
    kOrderedFlag,
    kDesignation,
    kDescription,
    kDelivered,
    kDeliveredFlag,
    kDeliveryYears,
    kStatus,
    kComments,
    kTivPerUnit,
    kTivOrder,
    kTivDelivered,
    kColumns
};

constexpr std::size_t kMissing = static_cast<std::size_t>(-1);

/// Header names, compared ignoring case; the flag columns have none and follow their value.
constexpr std::array<std::string_view, kColumns> kHeaderNames = {"recipient",
                                                                 "supplier",
                                                                 "year of order",
                                                                 "",
                                                                 "number ordered",
                                                                 "",
                                                                 "weapon designation",
                                                                 "weapon description",
                                                                 "number delivered",
                                                                 "",
                                                                 "year(s) of delivery",
                                                                 "status",
                                                                 "comments",
                                                                 "sipri tiv per unit",
                                                                 "sipri tiv for total order",
                                                                 "sipri tiv of delivered weapons"};

/// Which field holds each column; kMissing where the header has no such column.
using ColumnMap = std::array<std::size_t, kColumns>;

ColumnMap map_columns(const std::vector<std::string>& header) {
    ColumnMap map;
    map.fill(kMissing);
    for (std::size_t c = 0; c < kColumns; ++c) {
        if (kHeaderNames[c].empty()) continue;
        for (std::size_t i = 0; i < header.size(); ++i)
            if (equal_ignoring_case(trim_blanks(header[i]), kHeaderNames[c])) map[c] = i;
    }
    for (const Column value : {kOrderYear, kOrdered, kDelivered}) {
        const std::size_t at = map[value];
        if (at != kMissing && at + 1 < header.size() && trim_blanks(header[at + 1]).empty())
            map[value + 1] = at + 1;
    }
    return map;
}

bool is_header(const std::vector<std::string>& fields) {
    const ColumnMap map = map_columns(fields);
    return map[kRecipient] != kMissing && map[kSupplier] != kMissing;
}

class RowReader {
  public:
    RowReader(const ColumnMap& map, const CsvRecord& record, std::uint32_t file, Diagnostics& diags)
        : map_(map), record_(record), file_(file), diags_(diags) {}

    std::string text(Column c) const {
        if (map_[c] == kMissing) return "";
        return std::string(trim_blanks(record_.fields[map_[c]].text));
    }
    SourceLoc loc(Column c) const {
        const CsvField& f = record_.fields[map_[c] == kMissing ? 0 : map_[c]];
        return {file_, f.line, f.column};
    }
    void warn(Column c, const std::string& rule, const std::string& message,
              const std::string& hint = {}) const {
        diags_.warning(loc(c), rule, message, hint);
    }
    bool flag(Column c, std::string_view what) const {
        const std::string s = text(c);
        const std::optional<bool> f = parse_flag(s);
        if (!f)
            warn(
                c, "bad-flag",
                "the uncertainty flag of " + std::string(what) + " is '" + s + "'; read as certain",
                "SIPRI writes '?' there, or nothing");
        return f.value_or(false);
    }
    std::string number(Column c, std::string_view what) const {
        const std::string s = text(c);
        if (s.empty()) return "";
        if (auto d = parse_decimal(s)) return *d;
        warn(c, "bad-number", std::string(what) + " '" + s + "' is not a number; left out",
             "SIPRI writes plain numbers such as 250 or 0.28");
        return "";
    }

  private:
    const ColumnMap& map_;
    const CsvRecord& record_;
    std::uint32_t file_;
    Diagnostics& diags_;
};

/// The deal in `record`, or nullopt (with a warning) when the row cannot be one.
std::optional<SipriDeal> read_deal(const ColumnMap& map, const CsvRecord& record,
                                   std::size_t header_size, std::uint32_t file,
                                   Diagnostics& diags) {
    const SourceLoc row{file, record.line, 1};
    if (record.unclosed_quote) {
        diags.warning(row, "bad-row", "a quoted field is never closed; the row is skipped",
                      "close the quote with \", or write a quote inside one as \"\"");
        return std::nullopt;
    }
    if (record.fields.size() != header_size) {
        diags.warning(row, "bad-row",
                      "the row has " + std::to_string(record.fields.size()) +
                          " fields, the header " + std::to_string(header_size) +
                          "; the row is skipped",
                      "a field holding a comma must be in double quotes");
        return std::nullopt;
    }
    const RowReader r(map, record, file, diags);
    SipriDeal d;
    d.line = record.line;
    d.recipient = r.text(kRecipient);
    d.supplier = r.text(kSupplier);
    if (d.recipient.empty() || d.supplier.empty()) {
        r.warn(d.recipient.empty() ? kRecipient : kSupplier, "missing-party",
               std::string("the deal has no ") + (d.recipient.empty() ? "recipient" : "supplier") +
                   "; the row is skipped",
               "SIPRI names an unknown supplier 'unknown supplier(s)'");
        return std::nullopt;
    }
    const std::string year = r.text(kOrderYear);
    const std::optional<int> order_year = parse_year(year);
    if (!order_year) {
        r.warn(kOrderYear, "bad-year",
               "the year of order '" + year + "' is not a year; the row is skipped",
               "a year of four digits, 1400 to 9999");
        return std::nullopt;
    }
    d.order_year = *order_year;
    d.designation = r.text(kDesignation);
    d.description = r.text(kDescription);
    if (d.designation.empty() && d.description.empty()) {
        r.warn(kDesignation, "missing-weapon",
               "the deal names no weapon designation or description; the row is skipped");
        return std::nullopt;
    }
    d.order_year_uncertain = r.flag(kOrderYearFlag, "the year of order");
    d.number_ordered = r.number(kOrdered, "the number ordered");
    d.ordered_uncertain = r.flag(kOrderedFlag, "the number ordered");
    d.number_delivered = r.number(kDelivered, "the number delivered");
    d.delivered_uncertain = r.flag(kDeliveredFlag, "the number delivered");
    YearList years = parse_year_list(r.text(kDeliveryYears));
    for (const std::string& bad : years.bad)
        r.warn(kDeliveryYears, "bad-year",
               "the year of delivery '" + bad + "' is not a year; left out",
               "years separated by ';', as 1962; 1963");
    d.delivery_years = std::move(years.years);
    for (const int y : d.delivery_years)
        if (y < d.order_year) {
            r.warn(kDeliveryYears, "delivery-before-order",
                   "a delivery in " + std::to_string(y) + " comes before the order in " +
                       std::to_string(d.order_year) + "; the event starts at the order",
                   "check the years of order and delivery at SIPRI");
            break;
        }
    d.status = r.text(kStatus);
    d.comments = r.text(kComments);
    d.tiv_per_unit = r.number(kTivPerUnit, "the TIV per unit");
    d.tiv_order = r.number(kTivOrder, "the TIV for the total order");
    d.tiv_delivered = r.number(kTivDelivered, "the TIV of delivered weapons");
    for (const CsvField& f : record.fields) {
        d.whole_row += f.text;
        d.whole_row += '\x1f';
    }
    return d;
}

constexpr std::string_view kGeneratedPrefix = "Data generated:";

}  // namespace

SipriRegister read_sipri_register(std::string_view text, std::uint32_t file, Diagnostics& diags) {
    SipriRegister out;
    // The notes before the header are read line by line: they are prose, and a quote in one
    // must not swallow the rows after it.
    std::size_t at = 0;
    std::uint32_t line = 1;
    std::vector<std::string> header;
    while (at < text.size()) {
        std::size_t end = text.find('\n', at);
        if (end == std::string_view::npos) end = text.size();
        std::string_view row = text.substr(at, end - at);
        if (row.ends_with('\r')) row.remove_suffix(1);
        at = std::min(end + 1, text.size());
        std::vector<std::string> fields = csv_line_fields(row);
        if (is_header(fields)) {
            header = std::move(fields);
            out.has_header = true;
            break;
        }
        const std::string_view note = trim_blanks(row);
        if (note.starts_with(kGeneratedPrefix)) {
            out.generated = std::string(trim_blanks(note.substr(kGeneratedPrefix.size())));
            out.generated_date = generated_date(out.generated);
            if (out.generated_date.empty())
                diags.warning({file, line, 1}, "bad-generated-date",
                              "the generation date '" + out.generated + "' is not read",
                              "SIPRI writes it as 'Data generated: 13 Mar 2025 10:02:49 AM'");
        }
        ++line;
    }
    if (!out.has_header) {
        diags.error({file, 0, 0}, "not-a-register",
                    "no header row with 'Recipient' and 'Supplier' columns: this is not a "
                    "SIPRI trade register",
                    "export the trade register from "
                    "https://armstrade.sipri.org/armstrade/page/trade_register.php as CSV");
        return out;
    }
    const ColumnMap map = map_columns(header);
    for (const Column needed : {kOrderYear, kDesignation, kDescription}) {
        if (map[needed] != kMissing) continue;
        diags.error({file, line, 1}, "missing-column",
                    "the header has no '" + std::string(kHeaderNames[needed]) + "' column",
                    "export the whole trade register, with every column");
        out.has_header = false;
    }
    if (!out.has_header) return out;
    if (out.generated.empty())
        diags.warning({file, line, 1}, "bad-generated-date",
                      "the notes before the header have no 'Data generated:' line; the "
                      "events' source carries no date");
    CsvReader reader(text.substr(at), line + 1);
    CsvRecord record;
    while (reader.next(record)) {
        if (record.blank()) continue;
        if (std::optional<SipriDeal> deal = read_deal(map, record, header.size(), file, diags))
            out.deals.push_back(std::move(*deal));
        else
            ++out.skipped;
    }
    return out;
}

}  // namespace tl::importer
