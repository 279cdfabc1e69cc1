// The mapping from a SIPRI deal to an event, column by column (docs/import.md says it for
// users).

#include "import/sipri_events.hpp"

#include <algorithm>
#include <charconv>
#include <map>
#include <set>
#include <tuple>

#include "base/text.hpp"
#include "import/sipri_fields.hpp"
#include "import/stable_ids.hpp"
#include "import/yaml_text.hpp"

namespace tl::importer {
namespace {

constexpr std::size_t kMaxTitle = 200;
constexpr std::size_t kMaxSummary = 2000;
constexpr const char* kTivUnit = "TIV";
/// "A '0' for 'SIPRI TIV of delivered weapons' indicates that the volume of deliveries is
/// between 0 and 0.5 million SIPRI TIV" (the register's notes).
constexpr const char* kTivBelowHalfMillion = "500000";

double number_of(const std::string& decimal) {
    double v = 0;
    std::from_chars(decimal.data(), decimal.data() + decimal.size(), v);
    return v;
}

std::string event_date(const SipriDeal& d, int generated_year) {
    std::string start = std::to_string(d.order_year) + (d.order_year_uncertain ? "?" : "");
    const int last = d.delivery_years.empty()
                         ? 0
                         : *std::max_element(d.delivery_years.begin(), d.delivery_years.end());
    const bool ordered_known = !d.number_ordered.empty();
    const bool incomplete =
        ordered_known &&
        (d.number_delivered.empty() || number_of(d.number_delivered) < number_of(d.number_ordered));
    if (last == 0) {
        // Nothing delivered yet: still to come, unless SIPRI says all was delivered.
        return start + (incomplete || !ordered_known ? "/.." : "/");
    }
    const bool stalled = generated_year > 0 && last < generated_year - kStalledYears;
    if (incomplete && !stalled) return start + "/..";
    const int end = std::max(last, d.order_year);
    if (end == d.order_year) return start;
    return start + "/" + std::to_string(end);
}

std::string event_title(const SipriDeal& d) {
    const std::string designation = one_line(d.designation);
    const std::string description = one_line(d.description);
    std::string title = designation.empty() ? description
                        : description.empty() || equal_ignoring_case(designation, description)
                            ? designation
                            : designation + " (" + description + ")";
    return cut_text(title, kMaxTitle);
}

std::string joined_years(const std::vector<int>& years) {
    std::string out;
    for (std::size_t i = 0; i < years.size(); ++i)
        out += (i == 0 ? "" : i + 1 == years.size() ? " and " : ", ") + std::to_string(years[i]);
    return out;
}

std::string event_summary(const SipriDeal& d) {
    std::string facts;
    if (!d.status.empty()) facts += "Status: " + one_line(d.status) + ".";
    if (!d.delivery_years.empty())
        facts += (facts.empty() ? "" : " ") + std::string("Delivered in ") +
                 joined_years(d.delivery_years) + ".";
    std::string tiv;
    const auto add_tiv = [&](const std::string& value, const char* what) {
        if (!value.empty()) tiv += (tiv.empty() ? "" : "; ") + value + " " + what;
    };
    add_tiv(d.tiv_per_unit, "per unit");
    add_tiv(d.tiv_order, "for the order");
    add_tiv(d.tiv_delivered, "delivered");
    if (!tiv.empty())
        facts += (facts.empty() ? "" : " ") + std::string("SIPRI TIV (millions): ") + tiv + ".";
    std::string comments = d.comments;
    // A summary may span lines and hold tabs, but no other control character.
    for (char& c : comments)
        if ((static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') || c == 0x7F) c = ' ';
    const std::size_t room = kMaxSummary - std::min(kMaxSummary, utf8_length(facts) + 1);
    comments = cut_text(comments, room);
    if (comments.empty()) return facts;
    return comments + (facts.empty() ? "" : "\n" + facts);
}

std::vector<ImportedQuantity> event_quantities(const SipriDeal& d) {
    std::vector<ImportedQuantity> out;
    std::string unit = one_line(d.description);
    unit = unit.empty() ? one_line(d.designation) : plural_unit(unit);
    unit = cut_text(unit, kMaxTitle);
    const auto about = [](bool uncertain, const std::string& v) {
        return uncertain && !decimal_is_zero(v) ? "about" : "";
    };
    if (!d.number_ordered.empty() && !decimal_is_zero(d.number_ordered))
        out.push_back(
            {d.number_ordered, unit, about(d.ordered_uncertain, d.number_ordered), "pledged"});
    if (!d.number_delivered.empty())
        out.push_back({d.number_delivered, unit, about(d.delivered_uncertain, d.number_delivered),
                       "delivered"});
    if (!d.tiv_order.empty() && !decimal_is_zero(d.tiv_order)) {
        const std::string v = scale_decimal(d.tiv_order, 6);
        out.push_back({v, kTivUnit, about(d.ordered_uncertain, v), "pledged"});
    }
    if (!d.tiv_delivered.empty()) {
        if (!decimal_is_zero(d.tiv_delivered)) {
            const std::string v = scale_decimal(d.tiv_delivered, 6);
            out.push_back({v, kTivUnit, about(d.delivered_uncertain, v), "delivered"});
        } else if (!d.number_delivered.empty() && !decimal_is_zero(d.number_delivered)) {
            out.push_back({kTivBelowHalfMillion, kTivUnit, "less-than", "delivered"});
        }
    }
    return out;
}

ImportedSource register_source(const SipriRegister& r) {
    ImportedSource s;
    s.publisher = "SIPRI Arms Transfers Database";
    s.title = r.generated.empty() ? "Trade register"
                                  : "Trade register, data generated " + one_line(r.generated);
    s.url = "https://www.sipri.org/databases/armstransfers";
    s.date = r.generated_date;
    return s;
}

}  // namespace

std::string plural_unit(const std::string& description) {
    const std::size_t space = description.rfind(' ');
    const std::string_view last =
        std::string_view(description).substr(space == std::string::npos ? 0 : space + 1);
    const auto ends = [&](std::string_view tail) { return last.ends_with(tail); };
    if (last.empty() || ends("craft") || ends("personnel") || ends("equipment") ||
        ends("artillery") || ends("ammunition"))
        return description;
    // An acronym (APC, SAM, UAV) takes a plain 's', unless it ends in S already (VLS).
    if (std::none_of(last.begin(), last.end(), [](char c) { return c >= 'a' && c <= 'z'; }))
        return ends("S") ? description : description + "s";
    if (ends("o") || ends("s") || ends("x") || ends("z") || ends("ch") || ends("sh"))
        return description + "es";
    if (ends("y") && last.size() > 1 &&
        std::string_view("aeiou").find(last[last.size() - 2]) == std::string_view::npos)
        return description.substr(0, description.size() - 1) + "ies";
    return description + "s";
}

ImportedEvent sipri_event(const SipriDeal& deal, const SipriRegister& source, int generated_year) {
    ImportedEvent e;
    e.date = event_date(deal, generated_year);
    e.title = event_title(deal);
    e.kind = "arms-transfer";
    e.summary = event_summary(deal);
    e.quantities = event_quantities(deal);
    e.confidence = deal.order_year_uncertain || deal.ordered_uncertain || deal.delivered_uncertain
                       ? "assessed"
                       : "reported";
    e.sources = {register_source(source)};
    if (const std::string status = slug(deal.status, 64); !status.empty()) e.tags.push_back(status);
    return e;
}

std::vector<std::string> sipri_deal_ids(const std::vector<const SipriDeal*>& deals) {
    std::vector<std::string> prefixes;
    std::vector<std::uint64_t> keys;
    std::map<std::uint64_t, std::size_t> shared;
    for (const SipriDeal* d : deals) {
        std::string designation =
            slug(d->designation.empty() ? d->description : d->designation, 24);
        prefixes.push_back(std::to_string(d->order_year) + "-" +
                           (designation.empty() ? "deal" : designation) + "-");
        const std::string identity = d->supplier + '\x1f' + d->recipient + '\x1f' +
                                     std::to_string(d->order_year) + '\x1f' + d->designation +
                                     '\x1f' + d->description;
        keys.push_back(stable_hash(identity));
        ++shared[keys.back()];
    }
    std::vector<std::string> ids;
    std::map<std::string, int> seen;
    for (std::size_t i = 0; i < deals.size(); ++i) {
        const std::uint64_t key =
            shared[keys[i]] > 1 ? stable_hash(deals[i]->whole_row) ^ keys[i] : keys[i];
        std::string id = prefixes[i] + hex_digits(key, 12);
        const int n = ++seen[id];
        if (n > 1) id += "-" + std::to_string(n);
        ids.push_back(std::move(id));
    }
    return ids;
}

SipriImport sipri_import(const std::vector<SipriRegister>& registers) {
    std::vector<const SipriDeal*> deals;
    std::vector<const SipriRegister*> sources;
    std::vector<std::string> names;
    for (const SipriRegister& r : registers)
        for (const SipriDeal& d : r.deals) {
            deals.push_back(&d);
            sources.push_back(&r);
            names.push_back(one_line(d.supplier));
            names.push_back(one_line(d.recipient));
        }
    const std::vector<std::string> ids = sipri_deal_ids(deals);
    const std::map<std::string, std::string> actor_of = actor_ids(names);
    SipriImport out;
    for (std::size_t i = 0; i < deals.size(); ++i) {
        const int year = sources[i]->generated_date.empty()
                             ? 0
                             : std::stoi(sources[i]->generated_date.substr(0, 4));
        ImportedEvent e = sipri_event(*deals[i], *sources[i], year);
        e.id = ids[i];
        e.from = actor_of.at(one_line(deals[i]->supplier));
        e.to = actor_of.at(one_line(deals[i]->recipient));
        out.events.push_back(std::move(e));
    }
    std::vector<std::size_t> order(deals.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        return std::tie(deals[a]->order_year, out.events[a].id) <
               std::tie(deals[b]->order_year, out.events[b].id);
    });
    std::vector<ImportedEvent> sorted;
    sorted.reserve(order.size());
    for (const std::size_t i : order)
        sorted.push_back(std::move(out.events[i]));
    out.events = std::move(sorted);
    std::set<std::pair<std::string, std::string>> actors;
    for (const auto& [name, id] : actor_of)
        actors.insert({id, name});
    for (const auto& [id, name] : actors)
        out.actors.push_back({id, name});
    return out;
}

}  // namespace tl::importer
