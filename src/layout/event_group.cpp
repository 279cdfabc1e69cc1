#include "layout/event_group.hpp"

#include <algorithm>
#include <array>
#include <string_view>

#include "base/text.hpp"
#include "layout/chart_header.hpp"
#include "layout/date_label.hpp"
#include "layout/quantity_label.hpp"

namespace tl {
namespace {

bool ends_with(const std::string& s, std::string_view end) {
    return s.size() >= end.size() && s.compare(s.size() - end.size(), end.size(), end) == 0;
}

bool is_lower_ascii(char c) {
    return c >= 'a' && c <= 'z';
}

}  // namespace

std::string plural_kind(const std::string& label) {
    std::string s = label;
    // "Arms transfer" reads "arms transfers" mid-sentence; "NATO deployment" keeps its capitals.
    if (s.size() > 1 && s[0] >= 'A' && s[0] <= 'Z' && is_lower_ascii(s[1])) s[0] = char(s[0] + 32);
    const std::size_t space = s.rfind(' ');
    const std::string last = s.substr(space == std::string::npos ? 0 : space + 1);
    // Words that take no plural, and adjectives used as kinds: the count is of events.
    static constexpr std::array<std::string_view, 16> kUncountable{
        "aid",          "support",     "assistance",   "personnel", "equipment",  "training",
        "intelligence", "information", "funding",      "other",     "diplomatic", "political",
        "economic",     "financial",   "humanitarian", "military"};
    if (std::find(kUncountable.begin(), kUncountable.end(), last) != kUncountable.end())
        return s + " events";
    if (ends_with(s, "s")) return s;
    if (ends_with(s, "y") && s.size() > 1 &&
        std::string_view("aeiou").find(s[s.size() - 2]) == std::string_view::npos)
        return s.substr(0, s.size() - 1) + "ies";
    if (ends_with(s, "ch") || ends_with(s, "sh") || ends_with(s, "x") || ends_with(s, "z"))
        return s + "es";
    return s + "s";
}

std::string group_label_text(const std::vector<const Event*>& members, const Model& model) {
    const Event& first = *members.front();
    const Event& last = *members.back();
    const bool one_kind = std::all_of(members.begin(), members.end(),
                                      [&](const Event* e) { return e->kind == first.kind; });
    std::string what = "events";
    if (one_kind) what = kind_label(model, first.kind, plural_kind);
    const std::string from = human_date(first.date);
    const std::string to = human_date(last.date);
    return readable_number(double(members.size())) + " " + what + ", " + from +
           (to == from ? "" : " \u2013 " + to);
}

}  // namespace tl
