#include "timeline/stage_tags.hpp"

#include <algorithm>

#include "timeline/totals.hpp"

namespace tl {

std::optional<StageTag> parse_stage_tag(std::string_view text) {
    const std::size_t eq = text.find('=');
    if (eq == std::string_view::npos || eq + 1 == text.size()) return std::nullopt;
    const auto stage = stage_from_string(text.substr(0, eq));
    if (!stage) return std::nullopt;
    return StageTag{*stage, std::string(text.substr(eq + 1))};
}

namespace {

const StageTag* first_rule_of(const Event& e, const std::vector<StageTag>& rules) {
    for (const StageTag& rule : rules)
        for (const Ref& t : e.tags)
            if (t.id == rule.tag) return &rule;
    return nullptr;
}

/// Whether `e` already has a quantity of `unit` (as unit_key compares units) at `stage`.
bool has_staged(const Event& e, const std::string& unit, QuantityStage stage) {
    return std::any_of(e.quantities.begin(), e.quantities.end(), [&](const Quantity& q) {
        return q.stage == stage && unit_key(q.unit) == unit_key(unit);
    });
}

}  // namespace

std::size_t apply_stage_tags(std::vector<Event>& events, const std::vector<StageTag>& rules) {
    std::size_t staged = 0;
    if (rules.empty()) return staged;
    for (Event& e : events) {
        const StageTag* rule = first_rule_of(e, rules);
        if (!rule) continue;
        for (Quantity& q : e.quantities) {
            if (q.stage || has_staged(e, q.unit, rule->stage)) continue;
            q.stage = rule->stage;
            ++staged;
        }
    }
    return staged;
}

}  // namespace tl
