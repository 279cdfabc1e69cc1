#include "validate/validate.hpp"

#include <algorithm>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/suggest.hpp"
#include "base/text.hpp"
#include "model/actor_match.hpp"
#include "model/kinds.hpp"

namespace tl {
namespace {

/// Ids seen so far with where each was defined, to point at both places of a duplicate.
class IdIndex {
  public:
    IdIndex(std::string what, Diagnostics& diags) : what_(std::move(what)), diags_(diags) {}

    void define(const std::string& id, SourceLoc loc) {
        if (id.empty()) return;
        const auto [it, inserted] = first_.emplace(id, loc);
        if (inserted) {
            names_.push_back(id);
            return;
        }
        diags_.add({Severity::error, loc, "duplicate-id",
                    what_ + " id '" + id + "' is defined twice",
                    "give each " + what_ + " its own id", it->second, "first defined here"});
    }
    bool contains(const std::string& id) const { return first_.count(id) != 0; }

    /// The defined id nearest to `id`, as a hint.
    std::string hint_for(std::string_view id) const {
        std::vector<std::string_view> views(names_.begin(), names_.end());
        const std::string near = suggest(id, views);
        return near.empty() ? std::string() : "did you mean '" + near + "'?";
    }

  private:
    std::string what_;
    Diagnostics& diags_;
    std::unordered_map<std::string, SourceLoc> first_;
    std::vector<std::string> names_;
};

void check_refs(const std::vector<Ref>& refs, const IdIndex& actors, const Model& model,
                Diagnostics& diags) {
    for (const Ref& r : refs) {
        if (actors.contains(r.id)) continue;
        // A near id is a guess; how to declare the actor is always said, as the id may be new.
        const std::string near = did_you_mean_actor(r.id, model.actors);
        diags.error(r.loc, "unknown-actor", "no actor has the id '" + r.id + "'",
                    near + (near.empty() ? "declare" : "If not, declare") +
                        " it under 'actors:', as '- {id: " + r.id + ", name: ...}'");
    }
}

/// An actor both in `from` and in `to`: support from an actor to itself is no transfer,
/// and totals would count it on both sides.
void check_self_supply(const Event& ev, Diagnostics& diags) {
    for (const Ref& to : ev.to) {
        for (const Ref& from : ev.from) {
            if (from.id != to.id) continue;
            diags.warning(to.loc, "self-supply",
                          "'" + to.id + "' is both a supplier and a recipient of '" + ev.id + "'",
                          "remove it from 'from' or from 'to'");
            break;
        }
    }
}

/// What makes two events one: the same date as written, title, actors on each side and
/// quantities, so that an event pasted under a new id is not counted twice (two deliveries
/// of one month that differ only in amount are two events).
std::string event_identity(const Event& ev) {
    std::string key = ev.date.text() + '\n' + ev.title + '\n';
    for (const Quantity& q : ev.quantities)
        key += q.value_text + ' ' + q.unit + ' ' +
               (q.stage ? std::to_string(static_cast<int>(*q.stage)) : "-") + ';';
    for (const std::vector<Ref>* side : {&ev.from, &ev.to, &ev.actors}) {
        std::vector<std::string> ids;
        for (const Ref& r : *side)
            ids.push_back(r.id);
        std::sort(ids.begin(), ids.end());
        key += '\n';
        for (const std::string& id : ids)
            key += id + ' ';
    }
    return key;
}

void check_pasted_events(const std::vector<Event>& events, Diagnostics& diags) {
    std::unordered_map<std::string, const Event*> first;
    for (const Event& ev : events) {
        if (ev.title.empty()) continue;  // reported as missing already
        const auto [it, inserted] = first.emplace(event_identity(ev), &ev);
        if (inserted || it->second->id == ev.id) continue;  // a repeated id is duplicate-id
        diags.add({Severity::warning, ev.id_loc, "duplicate-event",
                   "'" + ev.id + "' has the date, title and actors of '" + it->second->id + "'",
                   "remove the copy; if they are two events, tell them apart by date or title",
                   it->second->id_loc, "'" + it->second->id + "' is here"});
    }
}

bool cites_a_url(const Event& ev) {
    for (const Source& s : ev.sources)
        if (!s.url.empty()) return true;
    return false;
}

}  // namespace

void validate(const Model& model, Diagnostics& diags) {
    IdIndex actors("actor", diags);
    for (const Actor& a : model.actors)
        actors.define(a.id, a.loc);

    IdIndex kinds("kind", diags);
    for (const BuiltinKind& k : builtin_kinds())
        kinds.define(std::string(k.id), {});
    for (const Kind& k : model.kinds) {
        if (is_builtin_kind(k.id)) {
            diags.error(k.loc, "kind-clash", "'" + k.id + "' is a built-in kind",
                        "choose another id, or use the built-in kind as it is");
            continue;
        }
        kinds.define(k.id, k.loc);
    }

    IdIndex eras("era", diags);
    for (const Era& e : model.eras)
        eras.define(e.id, e.loc);

    IdIndex events("event", diags);
    for (const Event& ev : model.events)
        events.define(ev.id, ev.id_loc);

    for (const Event& ev : model.events) {
        check_refs(ev.from, actors, model, diags);
        check_refs(ev.to, actors, model, diags);
        check_refs(ev.actors, actors, model, diags);
        check_self_supply(ev, diags);
        if (ev.kind_loc.line != 0 &&
            !kinds.contains(ev.kind)) {  // a missing kind is reported already
            std::string hint = kinds.hint_for(ev.kind);
            if (hint.empty()) hint = "use a built-in kind or declare it under 'kinds:'";
            diags.error(ev.kind_loc, "unknown-kind", "no kind has the id '" + ev.kind + "'", hint);
        }
        for (const Ref& r : ev.related) {
            if (r.id == ev.id) {
                diags.error(r.loc, "related-self", "an event cannot be related to itself");
            } else if (!events.contains(r.id)) {
                diags.error(r.loc, "unknown-related", "no event has the id '" + r.id + "'",
                            events.hint_for(r.id));
            }
        }
        if (!ev.sources.empty() && !cites_a_url(ev)) {
            diags.warning(ev.sources_loc, "missing-url", "no source of '" + ev.id + "' has a URL",
                          "add 'url:' so that readers can check the claim");
        }
    }
    check_pasted_events(model.events, diags);
}

}  // namespace tl
