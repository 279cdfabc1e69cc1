#include "timeline/totals.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <set>
#include <tuple>

#include "base/exact_number.hpp"

namespace tl {

// ---------------------------------------------------------------------------------------
// Amount

namespace {

constexpr int kDecimals = 9;  // an Amount counts billionths
constexpr int kMaxIntegerDigits = 27;

Amount::Billionths power_of_ten(int n) {
    Amount::Billionths p = 1;
    while (n-- > 0)
        p *= 10;
    return p;
}

}  // namespace

std::optional<Amount> Amount::parse(std::string_view s) {
    // The forms std::from_chars reads (parse_number): [+][-]digits[.digits][e[+-]digits].
    std::size_t i = 0;
    if (i < s.size() && s[i] == '+') ++i;
    const bool negative = i < s.size() && s[i] == '-';
    if (negative) ++i;
    std::string digits;
    int point = -1;  // digits before the decimal point
    for (; i < s.size(); ++i) {
        if (std::isdigit(static_cast<unsigned char>(s[i]))) {
            digits += s[i];
        } else if (s[i] == '.' && point < 0) {
            point = static_cast<int>(digits.size());
        } else {
            break;
        }
    }
    if (digits.empty()) return std::nullopt;
    if (point < 0) point = static_cast<int>(digits.size());
    const int written_decimals = static_cast<int>(digits.size()) - point;
    int exponent = 0;
    if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
        ++i;
        const bool minus = i < s.size() && s[i] == '-';
        if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
        if (i == s.size()) return std::nullopt;
        for (; i < s.size() && std::isdigit(static_cast<unsigned char>(s[i])); ++i) {
            exponent = exponent * 10 + (s[i] - '0');
            if (exponent > 1000) return std::nullopt;
        }
        if (minus) exponent = -exponent;
    }
    if (i != s.size()) return std::nullopt;
    // Digit k stands for 10^(point - 1 - k + exponent); in billionths, 10^(that + 9).
    const int first_power = point - 1 + exponent;
    const auto first_nonzero = digits.find_first_not_of('0');
    if (first_nonzero != std::string::npos &&
        first_power - static_cast<int>(first_nonzero) >= kMaxIntegerDigits)
        return std::nullopt;
    Amount a;
    bool round_up = false;
    int last_power = kDecimals;  // the power of ten the last digit taken stands for
    for (std::size_t k = 0; k < digits.size(); ++k) {
        const int power = first_power - static_cast<int>(k) + kDecimals;
        if (power < 0) {
            round_up = power == -1 && digits[k] >= '5';
            break;
        }
        a.billionths_ = a.billionths_ * 10 + (digits[k] - '0');
        last_power = power;
    }
    if (last_power > 0 && last_power <= kDecimals + kMaxIntegerDigits)
        a.billionths_ *= power_of_ten(last_power);
    if (first_power + kDecimals < -1) a.billionths_ = 0;  // every digit below a billionth
    if (round_up) a.billionths_ += 1;
    if (negative) a.billionths_ = -a.billionths_;
    a.decimals_ = std::clamp(written_decimals - exponent, 0, kDecimals);
    return a;
}

Amount Amount::of(const Quantity& q) {
    if (auto a = parse(q.value_text)) return *a;
    // Built in code rather than read: the shortest numeral that reads back as the double.
    return parse(exact_number(q.value)).value_or(Amount{});
}

Amount& Amount::operator+=(const Amount& other) {
    billionths_ += other.billionths_;
    decimals_ = std::max(decimals_, other.decimals_);
    return *this;
}

std::string Amount::text(bool thousands) const {
    Billionths v = billionths_ < 0 ? -billionths_ : billionths_;
    std::string digits;
    do {
        digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(v % 10)));
        v /= 10;
    } while (v > 0);
    if (digits.size() <= kDecimals) digits.insert(0, kDecimals + 1 - digits.size(), '0');
    const std::string whole = digits.substr(0, digits.size() - kDecimals);
    std::string out = billionths_ < 0 ? "-" : "";
    for (std::size_t k = 0; k < whole.size(); ++k) {
        if (thousands && k > 0 && (whole.size() - k) % 3 == 0) out += ',';
        out += whole[k];
    }
    if (decimals_ > 0) out += "." + digits.substr(digits.size() - kDecimals, decimals_);
    return out;
}

// ---------------------------------------------------------------------------------------
// Names

namespace {

constexpr std::array<std::string_view, 8> kKeyNames = {"supplier", "recipient", "kind",    "stage",
                                                       "unit",     "year",      "quarter", "month"};

}  // namespace

std::string_view to_string(TotalsKey k) {
    return kKeyNames[static_cast<std::size_t>(k)];
}

std::optional<TotalsKey> totals_key_from_string(std::string_view s) {
    for (std::size_t i = 0; i < kKeyNames.size(); ++i)
        if (kKeyNames[i] == s) return static_cast<TotalsKey>(i);
    return std::nullopt;
}

std::string_view to_string(SumQualifier q) {
    static constexpr std::array<std::string_view, 7> kNames = {
        "exact", "about", "at-least", "at-least-about", "at-most", "at-most-about", "mixed"};
    return kNames[static_cast<std::size_t>(q)];
}

std::string_view sum_words(SumQualifier q) {
    static constexpr std::array<std::string_view, 7> kWords = {
        "", "about", "at least", "at least about", "at most", "at most about", "mixed bounds"};
    return kWords[static_cast<std::size_t>(q)];
}

std::string unit_key(std::string_view unit) {
    std::string out;
    for (char c : unit) {
        const bool blank = c == ' ' || c == '\t';
        if (blank && (out.empty() || out.back() == ' ')) continue;
        out += blank ? ' ' : static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    const std::size_t word = out.rfind(' ') + 1;  // 0 when there is one word
    const std::string_view last = std::string_view(out).substr(word);
    const auto ends = [&](std::string_view end) { return last.ends_with(end); };
    if (last.size() > 4 && ends("ies")) {
        out.replace(out.size() - 3, 3, "y");
    } else if (last.size() > 4 &&
               (ends("sses") || ends("ches") || ends("shes") || ends("xes") || ends("zes"))) {
        out.resize(out.size() - 2);
    } else if (last.size() > 3 && ends("s") && !ends("ss") && !ends("us") && !ends("is")) {
        out.pop_back();
    }
    return out;
}

// ---------------------------------------------------------------------------------------
// Grouping

namespace {

/// Where a quantity stands, in the order in which an event's one figure per unit is chosen
/// (see one_per_unit): a figure given without a stage is the event's own; a commitment
/// comes before what was handed over of it; an intention last.
enum class Stage : std::uint8_t { none, pledged, delivered, announced };

Stage stage_of(const Quantity& q) {
    if (!q.stage) return Stage::none;
    switch (*q.stage) {
        case QuantityStage::pledged: return Stage::pledged;
        case QuantityStage::delivered: return Stage::delivered;
        case QuantityStage::announced: return Stage::announced;
    }
    return Stage::none;
}

std::string_view stage_name(Stage s) {
    static constexpr std::array<std::string_view, 4> kNames = {"", "pledged", "delivered",
                                                               "announced"};
    return kNames[static_cast<std::size_t>(s)];
}

/// One quantity the sums take, with its unit's key.
struct Contribution {
    const Quantity* quantity = nullptr;  ///< nullptr: the event has no amount
    std::string unit;                    ///< unit_key of the quantity's unit
    Stage stage = Stage::none;
};

std::vector<Contribution> quantities_of(const Event& e) {
    std::vector<Contribution> out;
    out.reserve(e.quantities.size());
    for (const Quantity& q : e.quantities)
        out.push_back({&q, unit_key(q.unit), stage_of(q)});
    return out;
}

/// The quantities an event adds where stages are not told apart: per unit, those of its
/// first stage in Stage's order, so that an event that states "pledged 100, delivered 60"
/// adds 100 once, never 160. (Two quantities of one unit and stage, which the loader lets
/// through only when their units differ in number, "tank" and "tanks", are both added, as
/// they are under --by stage.) Also says whether any unit had several stages.
std::vector<Contribution> one_per_unit(const std::vector<Contribution>& all, bool& several) {
    std::map<std::string, Stage> first;
    for (const Contribution& c : all) {
        const auto [at, added] = first.emplace(c.unit, c.stage);
        if (!added && at->second != c.stage) {
            several = true;
            at->second = std::min(at->second, c.stage);
        }
    }
    std::vector<Contribution> out;
    for (const Contribution& c : all)
        if (first.at(c.unit) == c.stage) out.push_back(c);
    return out;
}

/// A sum as it grows: the amount, and which kinds of qualifier went into it.
struct CellSum {
    Amount sum;
    bool about = false;
    bool lower = false;  ///< a more-than value: the truth is at least the sum
    bool upper = false;  ///< an up-to or less-than value: the truth is at most the sum
    std::size_t events = 0;

    /// Adds `q`; `new_event` when it is the first quantity of its event in this sum.
    void add(const Quantity& q, bool new_event) {
        sum += Amount::of(q);
        events += new_event;
        about |= q.qualifier == QuantityQualifier::about;
        lower |= q.qualifier == QuantityQualifier::more_than;
        upper |=
            q.qualifier == QuantityQualifier::up_to || q.qualifier == QuantityQualifier::less_than;
    }

    UnitSum result() const {
        SumQualifier q = about ? SumQualifier::about : SumQualifier::exact;
        if (lower && upper)
            q = SumQualifier::mixed;
        else if (lower)
            q = about ? SumQualifier::at_least_about : SumQualifier::at_least;
        else if (upper)
            q = about ? SumQualifier::at_most_about : SumQualifier::at_most;
        return {sum, q, events};
    }
};

struct RowSum {
    std::size_t events = 0;
    std::size_t without_amount = 0;
    std::map<std::string, CellSum> cells;  ///< by unit key
};

std::string two_digits(int n) {
    return std::string(1, static_cast<char>('0' + n / 10)) + static_cast<char>('0' + n % 10);
}

/// The year, quarter or month of the event's start: "2024", "2024-Q3", "2024-07"; with a
/// year known but not the quarter or month, "2024-QX" or "2024-XX"; "" with no known year.
std::string period(const DatePoint& start, TotalsKey key) {
    if (!start.bounded()) return "";
    const YearMonthDay first = calendar_date(start.earliest);
    const YearMonthDay last = calendar_date(start.latest);
    if (first.year != last.year) return "";
    std::string year = std::to_string(first.year);
    if (key == TotalsKey::year) return year;
    if (key == TotalsKey::quarter) {
        const int q = (first.month - 1) / 3;
        return year + "-Q" + (q == (last.month - 1) / 3 ? std::to_string(q + 1) : "X");
    }
    return year + "-" + (first.month == last.month ? two_digits(first.month) : "XX");
}

/// The values an event has for a key that does not depend on its quantities.
std::vector<std::string> event_values(const Event& e, TotalsKey key) {
    const auto ids = [](const std::vector<Ref>& refs) {
        std::vector<std::string> out;
        for (const Ref& r : refs)
            if (std::find(out.begin(), out.end(), r.id) == out.end()) out.push_back(r.id);
        if (out.empty()) out.emplace_back();
        return out;
    };
    switch (key) {
        case TotalsKey::supplier: return ids(e.from);
        case TotalsKey::recipient: return ids(e.to);
        case TotalsKey::kind: return {e.kind};
        case TotalsKey::year:
        case TotalsKey::quarter:
        case TotalsKey::month: return {period(e.date.start, key)};
        case TotalsKey::stage:
        case TotalsKey::unit: break;
    }
    return {""};
}

/// Sums every event into rows keyed by the values of `by`.
class Grouper {
  public:
    explicit Grouper(const TotalsOptions& options)
        : options_(options), unit_(options.unit.empty() ? "" : unit_key(options.unit)) {
        for (TotalsKey k : options.by)
            by_stage_ |= k == TotalsKey::stage;
    }

    void add(const Event& e) {
        std::vector<Contribution> all = quantities_of(e);
        if (!unit_.empty())
            std::erase_if(all, [&](const Contribution& c) { return c.unit != unit_; });
        for (const Contribution& c : all)
            spellings_[c.unit][c.quantity->unit] += 1;
        bool several = false;
        std::vector<Contribution> once = one_per_unit(all, several);
        several_stages_ += several;
        add_to_row(total_, once);
        std::set<std::string> units;
        for (const Contribution& c : once)
            if (units.insert(c.unit).second) ++unit_events_[c.unit];
        std::vector<Contribution> taken = by_stage_ ? std::move(all) : std::move(once);
        if (taken.empty()) taken.push_back({});
        // The rows of the event: every combination of its values, one key after another.
        std::vector<std::vector<std::string>> keys(1);
        std::vector<std::vector<const Contribution*>> parts(1);
        for (const Contribution& c : taken)
            parts[0].push_back(&c);
        for (TotalsKey key : options_.by) {
            std::vector<std::vector<std::string>> next_keys;
            std::vector<std::vector<const Contribution*>> next_parts;
            for (std::size_t r = 0; r < keys.size(); ++r) {
                if (key == TotalsKey::stage || key == TotalsKey::unit) {
                    // A key of the quantities splits them among the rows.
                    std::map<std::string, std::vector<const Contribution*>> split;
                    for (const Contribution* c : parts[r])
                        split[!c->quantity              ? std::string()
                              : key == TotalsKey::stage ? std::string(stage_name(c->stage))
                                                        : c->unit]
                            .push_back(c);
                    for (auto& [value, list] : split) {
                        next_keys.push_back(keys[r]);
                        next_keys.back().push_back(value);
                        next_parts.push_back(std::move(list));
                    }
                } else {
                    for (std::string& value : event_values(e, key)) {
                        next_keys.push_back(keys[r]);
                        next_keys.back().push_back(std::move(value));
                        next_parts.push_back(parts[r]);
                    }
                }
            }
            keys = std::move(next_keys);
            parts = std::move(next_parts);
        }
        for (std::size_t r = 0; r < keys.size() && !options_.by.empty(); ++r) {
            std::vector<Contribution> row_parts;
            for (const Contribution* c : parts[r])
                if (c->quantity) row_parts.push_back(*c);
            add_to_row(rows_[std::move(keys[r])], row_parts);
        }
        several_suppliers_ += e.from.size() > 1;
        several_recipients_ += e.to.size() > 1;
    }

    TotalsTable table() const;

  private:
    static void add_to_row(RowSum& row, const std::vector<Contribution>& parts) {
        ++row.events;
        if (parts.empty()) ++row.without_amount;
        for (auto c = parts.begin(); c != parts.end(); ++c) {
            const auto same_unit = [&](const Contribution& d) { return d.unit == c->unit; };
            row.cells[c->unit].add(*c->quantity, std::none_of(parts.begin(), c, same_unit));
        }
    }

    const TotalsOptions& options_;
    std::string unit_;
    bool by_stage_ = false;
    RowSum total_;
    std::map<std::vector<std::string>, RowSum> rows_;
    std::map<std::string, std::map<std::string, std::size_t>> spellings_;  ///< key: spelling: n
    std::map<std::string, std::size_t> unit_events_;
    std::size_t several_suppliers_ = 0;
    std::size_t several_recipients_ = 0;
    std::size_t several_stages_ = 0;
};

/// Where a row goes: per key, a rank (names by the first column's sum, largest first; dates
/// and stages in their own order; none or unknown last), then the values themselves.
std::vector<std::vector<std::string>> row_order(
    const std::map<std::vector<std::string>, RowSum>& rows, const std::vector<TotalsKey>& by,
    const std::string& first_unit) {
    std::vector<std::vector<std::string>> order;
    for (const auto& [keys, row] : rows)
        order.push_back(keys);
    std::vector<std::map<std::string, Amount>> weight(by.size());
    for (const auto& [keys, row] : rows) {
        const auto cell = row.cells.find(first_unit);
        for (std::size_t k = 0; k < by.size(); ++k)
            if (cell != row.cells.end()) weight[k][keys[k]] += cell->second.sum;
    }
    const auto rank = [&](std::size_t k, const std::string& value) -> std::tuple<int, Amount, int> {
        if (value.empty()) return {3, Amount{}, 0};
        switch (by[k]) {
            case TotalsKey::stage: {
                const int s = value == "announced" ? 0 : value == "pledged" ? 1 : 2;
                return {0, Amount{}, s};
            }
            case TotalsKey::year:
            case TotalsKey::quarter:
            case TotalsKey::month: return {0, Amount{}, 0};  // the text sorts by date
            default: {
                const auto w = weight[k].find(value);
                // Larger sums first: compare their negations.
                return {0, w == weight[k].end() ? Amount{} : -w->second, 0};
            }
        }
    };
    std::stable_sort(order.begin(), order.end(), [&](const auto& a, const auto& b) {
        for (std::size_t k = 0; k < by.size(); ++k) {
            if (a[k] == b[k]) continue;
            const auto ra = rank(k, a[k]), rb = rank(k, b[k]);
            if (ra != rb) return ra < rb;
            return a[k] < b[k];
        }
        return false;
    });
    return order;
}

TotalsTable Grouper::table() const {
    TotalsTable t;
    t.by = options_.by;
    t.several_suppliers = several_suppliers_;
    t.several_recipients = several_recipients_;
    t.several_stages = several_stages_;
    std::vector<std::string> unit_keys;
    for (const auto& [key, n] : unit_events_)
        unit_keys.push_back(key);
    std::map<std::string, TotalsUnit> units;
    for (const std::string& key : unit_keys) {
        TotalsUnit& u = units[key];
        u.events = unit_events_.at(key);
        std::size_t most = 0;
        for (const auto& [spelling, n] : spellings_.at(key)) {  // sorted: the first wins ties
            u.spellings.push_back(spelling);
            if (n > most) u.name = spelling, most = n;
        }
    }
    std::stable_sort(unit_keys.begin(), unit_keys.end(), [&](const auto& a, const auto& b) {
        const TotalsUnit &ua = units.at(a), &ub = units.at(b);
        return std::tie(ub.events, ua.name) < std::tie(ua.events, ub.name);
    });
    for (const std::string& key : unit_keys)
        t.units.push_back(units.at(key));
    const auto finish = [&](const std::vector<std::string>& keys, const RowSum& sum) {
        TotalsRow row;
        row.keys = keys;
        for (std::size_t k = 0; k < keys.size(); ++k)
            if (options_.by[k] == TotalsKey::unit && !keys[k].empty())
                row.keys[k] = units.at(keys[k]).name;
        row.events = sum.events;
        row.without_amount = sum.without_amount;
        for (const std::string& key : unit_keys) {
            const auto cell = sum.cells.find(key);
            row.sums.push_back(cell == sum.cells.end() ? std::nullopt
                                                       : std::optional(cell->second.result()));
        }
        return row;
    };
    const std::string first_unit = unit_keys.empty() ? "" : unit_keys.front();
    for (const auto& keys : row_order(rows_, options_.by, first_unit))
        t.rows.push_back(finish(keys, rows_.at(keys)));
    t.total = finish({}, total_);
    return t;
}

}  // namespace

std::vector<std::string> unit_spellings(const std::vector<Event>& events) {
    std::set<std::string> units;
    for (const Event& e : events)
        for (const Contribution& c : quantities_of(e))
            units.insert(c.quantity->unit);
    return {units.begin(), units.end()};
}

TotalsTable compute_totals(const std::vector<const Event*>& events, const TotalsOptions& options) {
    Grouper g(options);
    for (const Event* e : events)
        g.add(*e);
    return g.table();
}

}  // namespace tl
