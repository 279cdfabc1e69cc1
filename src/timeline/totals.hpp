#pragma once

// Sums of quantities for `timeline totals`: grouped by keys, one unit per column, in exact
// decimal arithmetic, with qualifiers that say honestly what a sum is. The rules are
// written down in docs/format.md ("Totals").

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/model.hpp"

namespace tl {

/// An exact decimal amount, in billionths (10^-9), as wide as 128 bits: 10^15 (the largest
/// value the format allows) times a million events still fits ten thousand billion times.
/// Sums are exact where a double is not: ten times 0.10 is 1.00, and 10^15 + 0.01 keeps
/// its cent. Digits beyond the ninth decimal are rounded half up.
class Amount {
  public:
    __extension__ typedef __int128 Billionths;

    Amount() = default;
    /// A number as YAML writes it: "200", "25000000.00", "1.5e6", "+3", ".5"; nothing when
    /// `text` is not such a number or is beyond 10^27.
    static std::optional<Amount> parse(std::string_view text);
    /// The quantity's value as written (its `value_text`), else its double.
    static Amount of(const Quantity& q);

    Amount& operator+=(const Amount& other);
    Amount operator-() const {
        Amount a = *this;
        a.billionths_ = -a.billionths_;
        return a;
    }
    bool operator==(const Amount& other) const { return billionths_ == other.billionths_; }
    auto operator<=>(const Amount& other) const { return billionths_ <=> other.billionths_; }

    /// Decimals shown: the most any summed value was written with (at most 9), so that a
    /// sum of amounts written to the cent prints to the cent and counts print whole.
    int decimals() const { return decimals_; }
    /// "1234567.50", or with `thousands` "1,234,567.50": exact, never rounded.
    std::string text(bool thousands = false) const;

  private:
    Billionths billionths_ = 0;
    int decimals_ = 0;
};

/// What a row is grouped by: `--by KEY`.
enum class TotalsKey : std::uint8_t {
    supplier,
    recipient,
    kind,
    stage,
    unit,
    year,
    quarter,
    month
};
std::string_view to_string(TotalsKey k);
std::optional<TotalsKey> totals_key_from_string(std::string_view s);

/// What a sum is, from the qualifiers of what it adds: exact values only; `about` in it;
/// a `more-than` value (at least); an `up-to` or `less-than` value (at most); or lower and
/// upper bounds together (mixed: the sum bounds the truth in neither direction).
enum class SumQualifier : std::uint8_t {
    exact,
    about,
    at_least,
    at_least_about,
    at_most,
    at_most_about,
    mixed
};
/// "exact", "about", "at-least", "at-least-about", "at-most", "at-most-about", "mixed"
std::string_view to_string(SumQualifier q);
/// The words before a figure: "", "about", "at least", "at least about", "at most",
/// "at most about", "mixed bounds"
std::string_view sum_words(SumQualifier q);

/// Units that are one unit: case folded (ASCII), blanks collapsed and the last word's plural
/// ending dropped (-ies to -y; -sses, -ches, -shes, -xes, -zes lose -es; otherwise a final
/// -s goes unless the word ends in -ss, -us or -is). "Tanks", "tank" and "TANK" are one.
std::string unit_key(std::string_view unit);

/// Every unit the events' quantities are written in, as written, sorted and each once.
std::vector<std::string> unit_spellings(const std::vector<Event>& events);

/// One cell: the sum of one unit in one row.
struct UnitSum {
    Amount sum;
    SumQualifier qualifier = SumQualifier::exact;
    std::size_t events = 0;  ///< events whose quantity is in the sum
};

/// A column: one unit, however it was spelled.
struct TotalsUnit {
    std::string name;                    ///< the spelling most quantities use
    std::vector<std::string> spellings;  ///< every spelling met, sorted
    std::size_t events = 0;              ///< events with a quantity in it (once each)
};

struct TotalsRow {
    /// One value per key of `by`, "" where the event has none: no supplier, no recipient,
    /// no stage, no amount (unit), or a date with no known year. A year known without its
    /// quarter or month is "2024-QX" or "2024-XX" (the EDTF way of saying "some month").
    std::vector<std::string> keys;
    std::size_t events = 0;          ///< events in the row, each once
    std::size_t without_amount = 0;  ///< of them, events with no amount (in --unit's unit)
    std::vector<std::optional<UnitSum>> sums;  ///< one per column of TotalsTable::units
};

struct TotalsOptions {
    std::vector<TotalsKey> by;
    std::string unit;  ///< only this unit (matched as unit_key does); empty: every unit
};

struct TotalsTable {
    std::vector<TotalsKey> by;
    std::vector<TotalsUnit> units;  ///< columns: most events first, then by name
    /// Names first by the sum of the first column (largest first), dates in calendar
    /// order, stages announced, pledged, delivered; "" (none, unknown) last.
    std::vector<TotalsRow> rows;
    /// Every event once, each amount once: an event with two suppliers, or with a pledged
    /// and a delivered figure, adds one amount per unit (see below), so that rows may add
    /// up to more than the total, never the total to more than was written.
    TotalsRow total;
    std::size_t several_suppliers = 0;   ///< events with more than one `from`
    std::size_t several_recipients = 0;  ///< events with more than one `to`
    /// Events with more than one quantity in one unit (different stages): by stage each
    /// stage's row has its own figure; elsewhere the event adds one of them, the first
    /// of: no stage, pledged, delivered, announced.
    std::size_t several_stages = 0;
};

/// The sums of `events` (already filtered) grouped by `options.by`, in that order.
TotalsTable compute_totals(const std::vector<const Event*>& events, const TotalsOptions& options);

}  // namespace tl
