#include "model/actor_match.hpp"

#include "base/suggest.hpp"

namespace tl {

const Actor* suggest_actor(std::string_view given, const std::vector<Actor>& actors) {
    std::vector<std::string_view> ids;
    ids.reserve(actors.size());
    for (const Actor& a : actors)
        ids.push_back(a.id);
    const std::string by_id = suggest(given, ids);
    const std::string want = ascii_lower(given);
    for (const Actor& a : actors) {
        if (!by_id.empty() ? a.id == by_id
                           : ascii_lower(a.name) == want ||
                                 (want.size() >= 2 && ascii_lower(initials(a.name)) == want))
            return &a;
    }
    return nullptr;
}

std::string did_you_mean_actor(std::string_view given, const std::vector<Actor>& actors) {
    const Actor* a = suggest_actor(given, actors);
    if (!a) return {};
    std::string s = "did you mean '" + a->id + "'";
    if (!a->name.empty() && a->name != a->id) s += " (" + a->name + ")";
    return s + "? ";
}

}  // namespace tl
