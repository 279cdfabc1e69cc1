#include "validate/validate.hpp"

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
}

}  // namespace tl
