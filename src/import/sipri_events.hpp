#pragma once

#include <string>
#include <vector>

#include "import/imported_event.hpp"
#include "import/sipri_register.hpp"

namespace tl::importer {

/// A deal's event, without its id (see sipri_deal_ids). `generated_year` is the year the
/// register was generated (0 when unknown): a deal with deliveries still to come is open
/// (`2019/..`) unless its last delivery is more than kStalledYears before it.
ImportedEvent sipri_event(const SipriDeal& deal, const SipriRegister& source, int generated_year);

inline constexpr int kStalledYears = 5;

/// SIPRI's weapon description as the unit of its counts, in the plural a newsroom writes
/// ("250 anti-tank missiles", "120 tanks", "6 APCs", "30 torpedoes"; "4 transport aircraft"
/// stays): the last word takes the English plural; words that do not change (aircraft,
/// craft) and acronyms ending in S (VLS) are kept.
std::string plural_unit(const std::string& description);

/// The id of each deal, in the order given: its year of order, its designation's slug and
/// twelve hex digits of the hash of the fields that identify a deal (supplier, recipient,
/// year of order, designation, description), so that it stays the same while those do,
/// whatever else SIPRI revises. Deals that share all five (one weapon ordered twice in a
/// year) are told apart by the hash of their whole row, and identical rows by -2, -3.
std::vector<std::string> sipri_deal_ids(const std::vector<const SipriDeal*>& deals);

/// Everything one import writes: the events of every register's deals, in the order of
/// their year of order and id, and the actors they name, in id order.
struct SipriImport {
    std::vector<ImportedEvent> events;
    std::vector<ImportedActor> actors;
};
SipriImport sipri_import(const std::vector<SipriRegister>& registers);

}  // namespace tl::importer
