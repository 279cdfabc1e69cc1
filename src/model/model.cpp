#include "model/model.hpp"

#include <algorithm>
#include <array>
#include <utility>

namespace tl {
namespace {

constexpr std::array<std::pair<Confidence, std::string_view>, 4> kConfidenceNames{{
    {Confidence::confirmed, "confirmed"},
    {Confidence::reported, "reported"},
    {Confidence::alleged, "alleged"},
    {Confidence::assessed, "assessed"},
}};

constexpr std::array<std::pair<QuantityQualifier, std::string_view>, 5> kQualifierNames{{
    {QuantityQualifier::exact, "exact"},
    {QuantityQualifier::about, "about"},
    {QuantityQualifier::more_than, "more-than"},
    {QuantityQualifier::less_than, "less-than"},
    {QuantityQualifier::up_to, "up-to"},
}};

constexpr std::array<std::pair<QuantityStage, std::string_view>, 3> kStageNames{{
    {QuantityStage::announced, "announced"},
    {QuantityStage::pledged, "pledged"},
    {QuantityStage::delivered, "delivered"},
}};

template <typename Enum, std::size_t N>
std::string_view name_of(const std::array<std::pair<Enum, std::string_view>, N>& table, Enum e) {
    for (const auto& [value, name] : table)
        if (value == e) return name;
    return {};
}

template <typename Enum, std::size_t N>
std::optional<Enum> value_of(const std::array<std::pair<Enum, std::string_view>, N>& table,
                             std::string_view s) {
    for (const auto& [value, name] : table)
        if (name == s) return value;
    return std::nullopt;
}

}  // namespace

std::string_view to_string(Confidence c) {
    return name_of(kConfidenceNames, c);
}
std::optional<Confidence> confidence_from_string(std::string_view s) {
    return value_of(kConfidenceNames, s);
}
std::string_view to_string(QuantityQualifier q) {
    return name_of(kQualifierNames, q);
}
std::optional<QuantityQualifier> qualifier_from_string(std::string_view s) {
    return value_of(kQualifierNames, s);
}

std::string_view to_string(QuantityStage s) {
    return name_of(kStageNames, s);
}
std::optional<QuantityStage> stage_from_string(std::string_view s) {
    return value_of(kStageNames, s);
}

std::vector<std::string> Event::involved_actor_ids() const {
    std::vector<std::string> ids;
    for (const auto* list : {&from, &to, &actors})
        for (const Ref& r : *list)
            if (std::find(ids.begin(), ids.end(), r.id) == ids.end()) ids.push_back(r.id);
    return ids;
}

void Model::append(Model&& other) {
    auto move_all = [](auto& into, auto& from) {
        into.insert(into.end(), std::make_move_iterator(from.begin()),
                    std::make_move_iterator(from.end()));
    };
    move_all(actors, other.actors);
    move_all(kinds, other.kinds);
    move_all(eras, other.eras);
    move_all(events, other.events);
}

}  // namespace tl
