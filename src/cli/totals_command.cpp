// `timeline totals`: sums of quantities by supplier, recipient, kind, stage, unit or period,
// as a table for a person, or as CSV or JSON. The sums are timeline/totals.hpp's; this file
// reads the inputs as `list` does and writes what it found.

#include <algorithm>
#include <map>

#include "base/text.hpp"
#include "cli/csv.hpp"
#include "cli/event_filter_options.hpp"
#include "cli/messages.hpp"
#include "cli/options.hpp"
#include "cli/output_failure.hpp"
#include "timeline/totals.hpp"

namespace tl::cli {
namespace {

bool has_key(const TotalsTable& t, TotalsKey key) {
    return std::find(t.by.begin(), t.by.end(), key) != t.by.end();
}

/// "1,234": counts, as the figures are written.
std::string count_text(std::size_t n) {
    std::string digits = std::to_string(n), out;
    for (std::size_t k = 0; k < digits.size(); ++k) {
        if (k > 0 && (digits.size() - k) % 3 == 0) out += ',';
        out += digits[k];
    }
    return out;
}

/// What the figures do not say by themselves, in words: shared events, stages, merged
/// spellings, what the qualifiers mean.
std::vector<std::string> notes(const TotalsTable& t) {
    std::vector<std::string> out;
    const auto several = [&](std::size_t n, TotalsKey key, const char* who) {
        if (n == 0 || !has_key(t, key)) return;
        out.push_back(count_text(n) + (n == 1 ? " event names" : " events name") + " several " +
                      who + ": each " + std::string(to_string(key)) +
                      "'s row counts it in full, the total once, so the rows add up to more "
                      "than the total.");
    };
    several(t.several_suppliers, TotalsKey::supplier, "suppliers");
    several(t.several_recipients, TotalsKey::recipient, "recipients");
    if (t.several_stages > 0) {
        const std::string n = count_text(t.several_stages) +
                              (t.several_stages == 1 ? " event states" : " events state");
        out.push_back(
            has_key(t, TotalsKey::stage)
                ? n + " one unit at several stages: each stage's row has its own figure; the "
                      "total counts one per event and unit (no stage, else pledged, else "
                      "delivered, else announced)."
                : n + " one unit at several stages: each adds one figure per unit (no stage, "
                      "else pledged, else delivered, else announced); --by stage shows them "
                      "apart.");
    }
    for (const TotalsUnit& u : t.units) {
        if (u.spellings.size() < 2) continue;
        std::string list;
        for (const std::string& s : u.spellings)
            list += (list.empty() ? "" : ", ") + s;
        out.push_back("'" + u.name + "' adds up " + list + " as one unit.");
    }
    // The qualifiers met, each explained once.
    bool lower = false, upper = false, about = false, mixed = false;
    const auto meet = [&](const TotalsRow& row) {
        for (const auto& sum : row.sums) {
            if (!sum) continue;
            const SumQualifier q = sum->qualifier;
            lower |= q == SumQualifier::at_least || q == SumQualifier::at_least_about;
            upper |= q == SumQualifier::at_most || q == SumQualifier::at_most_about;
            about |= q == SumQualifier::about || q == SumQualifier::at_least_about ||
                     q == SumQualifier::at_most_about;
            mixed |= q == SumQualifier::mixed;
        }
    };
    for (const TotalsRow& row : t.rows)
        meet(row);
    meet(t.total);
    std::string meaning;
    const auto explain = [&](bool met, const char* text) {
        if (met) meaning += (meaning.empty() ? "" : "; ") + std::string(text);
    };
    explain(lower, "'at least': a more-than value is in the sum, so the true figure may be higher");
    explain(upper,
            "'at most': an up-to or less-than value is in the sum, so the true figure may "
            "be lower");
    explain(about, "'about': an about value is in the sum");
    explain(mixed,
            "'mixed bounds': values bounded from below and from above are in the sum, so "
            "it bounds the true figure in neither direction");
    if (!meaning.empty()) out.push_back(meaning + ".");
    return out;
}

// --- text ------------------------------------------------------------------------------

/// A key's value as a reader names it: an actor by name, a vague period in words.
std::string key_text(TotalsKey key, const std::string& value,
                     const std::map<std::string, std::string>& actor_names) {
    switch (key) {
        case TotalsKey::supplier:
        case TotalsKey::recipient: {
            if (value.empty()) return "(none)";
            const auto name = actor_names.find(value);
            return name == actor_names.end() ? value : name->second;
        }
        case TotalsKey::stage: return value.empty() ? "(no stage)" : value;
        case TotalsKey::unit: return value.empty() ? "(no amount)" : value;
        case TotalsKey::year:
        case TotalsKey::quarter:
        case TotalsKey::month:
            if (value.empty()) return "(date unknown)";
            if (value.ends_with("-QX")) return value.substr(0, 4) + ", quarter unknown";
            if (value.ends_with("-XX")) return value.substr(0, 4) + ", month unknown";
            return value;
        case TotalsKey::kind: break;
    }
    return value;
}

std::string sum_text(const std::optional<UnitSum>& s) {
    if (!s) return "-";
    const std::string words(sum_words(s->qualifier));
    return (words.empty() ? "" : words + " ") + s->sum.text(true);
}

std::string totals_text(const TotalsTable& t, const Model& model) {
    std::map<std::string, std::string> actor_names;
    for (const Actor& a : model.actors)
        actor_names[a.id] = a.name;
    // The table as cells: key columns, one column per unit, events, without an amount.
    std::vector<std::string> header;
    for (TotalsKey k : t.by)
        header.emplace_back(to_string(k));
    if (t.by.empty()) header.emplace_back();
    for (const TotalsUnit& u : t.units)
        header.push_back(u.name);
    header.emplace_back("events");
    header.emplace_back("no amount");
    const auto cells = [&](const TotalsRow& row, bool total) {
        std::vector<std::string> out;
        for (std::size_t k = 0; k < std::max<std::size_t>(t.by.size(), 1); ++k)
            out.push_back(total ? (k == 0 ? "total" : "")
                                : key_text(t.by[k], row.keys[k], actor_names));
        for (const auto& s : row.sums)
            out.push_back(sum_text(s));
        out.push_back(count_text(row.events));
        out.push_back(count_text(row.without_amount));
        return out;
    };
    std::vector<std::vector<std::string>> table{header};
    for (const TotalsRow& row : t.rows)
        table.push_back(cells(row, false));
    table.push_back(cells(t.total, true));
    const std::size_t keys = std::max<std::size_t>(t.by.size(), 1);
    std::vector<std::size_t> width(header.size(), 0);
    for (auto& line : table)
        for (std::size_t c = 0; c < line.size(); ++c) {
            line[c] = visible(line[c]);  // input text may not drive the terminal
            width[c] = std::max(width[c], utf8_length(line[c]));
        }
    std::string out;
    const auto& total = t.total;
    out += "Totals";
    for (std::size_t k = 0; k < t.by.size(); ++k)
        out += std::string(k ? " and " : " by ") + std::string(to_string(t.by[k]));
    out += " of " + count_text(total.events) + (total.events == 1 ? " event; " : " events; ") +
           count_text(total.without_amount) + " without an amount" +
           (t.units.size() == 1 ? " in " + visible(t.units[0].name) : "") + ".\n\n";
    for (std::size_t r = 0; r < table.size(); ++r) {
        std::string line;
        for (std::size_t c = 0; c < table[r].size(); ++c) {
            const std::string& s = table[r][c];
            const std::string pad(width[c] - utf8_length(s), ' ');
            line += (c ? "  " : "") + (c < keys ? s + pad : pad + s);
        }
        while (!line.empty() && line.back() == ' ')
            line.pop_back();
        out += line + "\n";
    }
    const auto said = notes(t);
    if (!said.empty()) out += "\n";
    for (const std::string& n : said)
        out += "Note: " + visible(n) + "\n";
    return out;
}

// --- json ------------------------------------------------------------------------------

std::string json_key(const std::string& value) {
    return value.empty() ? "null" : json_quote(value);
}

std::string json_row(const TotalsTable& t, const TotalsRow& row) {
    std::string out = "{";
    for (std::size_t k = 0; k < row.keys.size(); ++k)  // none in the total
        out += json_quote(to_string(t.by[k])) + ": " + json_key(row.keys[k]) + ", ";
    out += "\"events\": " + std::to_string(row.events) +
           ", \"without_amount\": " + std::to_string(row.without_amount) + ", \"sums\": {";
    bool first = true;
    for (std::size_t u = 0; u < row.sums.size(); ++u) {
        if (!row.sums[u]) continue;
        const UnitSum& s = *row.sums[u];
        out += (first ? "" : ", ") + json_quote(t.units[u].name) + ": {\"sum\": " + s.sum.text() +
               ", \"qualifier\": \"" + std::string(to_string(s.qualifier)) +
               "\", \"events\": " + std::to_string(s.events) + "}";
        first = false;
    }
    return out + "}}";
}

std::string totals_json(const TotalsTable& t, const std::string& unit) {
    std::string out = "{\"by\": [";
    for (std::size_t k = 0; k < t.by.size(); ++k)
        out += (k ? ", " : "") + json_quote(to_string(t.by[k]));
    out += "], \"unit\": " + json_key(unit) + ",\n \"units\": [";
    for (std::size_t u = 0; u < t.units.size(); ++u) {
        out += (u ? ", " : "") + std::string("{\"name\": ") + json_quote(t.units[u].name) +
               ", \"spellings\": [";
        for (std::size_t s = 0; s < t.units[u].spellings.size(); ++s)
            out += (s ? ", " : "") + json_quote(t.units[u].spellings[s]);
        out += "], \"events\": " + std::to_string(t.units[u].events) + "}";
    }
    out += "],\n \"rows\": [";
    for (std::size_t r = 0; r < t.rows.size(); ++r)
        out += (r ? ",\n  " : "\n  ") + json_row(t, t.rows[r]);
    out += t.rows.empty() ? "],\n" : "\n ],\n";
    out += " \"total\": " + json_row(t, t.total) + ",\n";
    out += " \"several_suppliers\": " + std::to_string(t.several_suppliers) +
           ", \"several_recipients\": " + std::to_string(t.several_recipients) +
           ", \"several_stages\": " + std::to_string(t.several_stages) + ",\n \"notes\": [";
    const auto said = notes(t);
    for (std::size_t n = 0; n < said.size(); ++n)
        out += (n ? ", " : "") + json_quote(said[n]);
    return out + "]}\n";
}

// --- csv -------------------------------------------------------------------------------

/// One line per row, the total last ("row" says which); per unit three columns: the sum,
/// its qualifier and how many events it adds.
std::string totals_csv(const TotalsTable& t) {
    std::vector<std::string> header{"row"};
    for (TotalsKey k : t.by)
        header.emplace_back(to_string(k));
    header.emplace_back("events");
    header.emplace_back("without amount");
    for (const TotalsUnit& u : t.units) {
        header.push_back(u.name);
        header.push_back(u.name + " qualifier");
        header.push_back(u.name + " events");
    }
    const auto line = [](std::vector<std::string> fields) {
        for (std::string& f : fields)
            f = csv_field(f);  // sums are digits and a point: the guard leaves them as they are
        return csv_record(fields);
    };
    const auto fields = [&](const TotalsRow& row, bool total) {
        std::vector<std::string> out{total ? "total" : "group"};
        for (std::size_t k = 0; k < t.by.size(); ++k)
            out.push_back(total ? "" : row.keys[k]);
        out.push_back(std::to_string(row.events));
        out.push_back(std::to_string(row.without_amount));
        for (const auto& s : row.sums) {
            out.push_back(s ? s->sum.text() : "");
            out.push_back(s ? std::string(to_string(s->qualifier)) : "");
            out.push_back(s ? std::to_string(s->events) : "");
        }
        return out;
    };
    std::string out = line(header);
    for (const TotalsRow& row : t.rows)
        out += line(fields(row, false));
    return out + line(fields(t.total, true));
}

/// --by KEY (each once) and --unit UNIT (a unit the inputs use) as TotalsOptions; on a
/// problem, says so and returns nothing.
std::optional<TotalsOptions> totals_options(const Options& o, const Model& model) {
    TotalsOptions options;
    for (const std::string& name : o.by) {
        const auto key = totals_key_from_string(name);
        if (!key) {  // CLI11 checks the names; this is the same rule said again
            print_error("--by " + name + ": not a key",
                        "use supplier, recipient, kind, stage, "
                        "unit, year, quarter or month");
            return std::nullopt;
        }
        if (std::find(options.by.begin(), options.by.end(), *key) != options.by.end()) {
            print_error("--by " + name + " is given twice", "give each key once");
            return std::nullopt;
        }
        options.by.push_back(*key);
    }
    if (!o.unit.empty()) {
        const std::vector<std::string> units = unit_spellings(model.events);
        const bool known = std::any_of(units.begin(), units.end(), [&](const std::string& u) {
            return unit_key(u) == unit_key(o.unit);
        });
        if (!known) {
            const std::vector<std::string_view> names(units.begin(), units.end());
            const std::string near = nearest_word(o.unit, names);
            print_error("--unit " + o.unit + ": no quantity in the inputs has this unit",
                        near.empty() ? "" : "did you mean '" + near + "'?");
            return std::nullopt;
        }
        options.unit = o.unit;
    }
    return options;
}

}  // namespace

int run_totals(const Options& o) {
    const FilteredInput in = load_filtered(o);
    if (in.exit_code != kOk) return in.exit_code;
    const auto options = totals_options(o, in.model);
    if (!options) return kUsage;
    const TotalsTable table = compute_totals(in.events, *options);
    return print_to_standard_output(o.format == "json"  ? totals_json(table, o.unit)
                                    : o.format == "csv" ? totals_csv(table)
                                                        : totals_text(table, in.model));
}

}  // namespace tl::cli
