#include "cli/event_filter_options.hpp"

#include <algorithm>
#include <functional>
#include <iostream>
#include <set>

#include "base/suggest.hpp"
#include "base/text.hpp"
#include "cli/input_pipeline.hpp"
#include "cli/messages.hpp"
#include "model/actor_match.hpp"
#include "model/date_fix.hpp"
#include "model/kinds.hpp"
#include "timeline/order.hpp"
#include "timeline/stage_tags.hpp"

namespace tl::cli {
namespace {

bool usage_error(const std::string& message, const std::string& hint) {
    print_error(message, hint);
    return false;
}

std::optional<Date> option_date(const std::string& flag, const std::string& text) {
    auto parsed = parse_date(text);
    if (!parsed) {
        const std::string fix = date_fix_hint(text);
        usage_error(flag + " " + text + ": " + parsed.error, fix);
        if (fix.empty()) std::cerr << date_forms_table();
    }
    return parsed.value;
}

/// Each of `given` as the inputs spell it: a value is found in any case (`--actor kp` is
/// KP, `--kind Sanctions` is sanctions), unless two known values differ only in case. On a
/// value that names nothing, prints it with a did-you-mean (from `hint_for` when given) and
/// returns nothing: a typo would silently give an empty chart.
std::optional<std::vector<std::string>> all_known(
    const std::string& flag, const std::vector<std::string>& given,
    const std::set<std::string>& known,
    const std::function<std::string(const std::string&)>& hint_for = {}) {
    const std::vector<std::string_view> names(known.begin(), known.end());
    std::vector<std::string> out;
    for (const std::string& g : given) {
        if (known.count(g)) {
            out.push_back(g);
            continue;
        }
        if (std::string same = same_but_case(g, names); !same.empty()) {
            out.push_back(std::move(same));
            continue;
        }
        std::string hint;
        if (hint_for) {
            hint = hint_for(g);
        } else if (const std::string near = suggest(g, names); !near.empty()) {
            hint = "did you mean '" + near + "'?";
        }
        usage_error(flag + " " + g + ": no such value in the inputs", hint);
        return std::nullopt;
    }
    return out;
}

/// For an actor not in the inputs: a close one if any, and where actors come from.
std::string actor_hint(const std::string& given, const Model& model) {
    std::string hint = did_you_mean_actor(given, model.actors);
    std::string ids;
    constexpr std::size_t kListed = 12;
    for (std::size_t i = 0; i < model.actors.size() && i < kListed; ++i)
        ids += (i ? ", " : "") + model.actors[i].id;
    if (model.actors.size() > kListed)
        ids += ", ... (" + plural(model.actors.size(), "actor") + ")";
    hint += "--actor takes an id declared under 'actors:' in the event files";
    if (!ids.empty()) hint += ": " + ids;
    return hint;
}

std::set<std::string> tags_of(const Model& model) {
    std::set<std::string> tags;
    for (const Event& e : model.events)
        for (const Ref& t : e.tags)
            tags.insert(t.id);
    return tags;
}

}  // namespace

bool apply_stage_tag_options(const Options& o, Model& model) {
    if (o.stage_tags.empty()) return true;
    std::vector<StageTag> rules;
    std::vector<std::string> tags;
    for (const std::string& text : o.stage_tags) {
        const auto rule = parse_stage_tag(text);
        if (!rule)
            return usage_error("--stage-tag " + text + ": not STAGE=TAG",
                               "STAGE is announced, pledged or delivered; for example "
                               "--stage-tag pledged=commitment");
        rules.push_back(*rule);
        tags.push_back(rule->tag);
    }
    const auto known = all_known("--stage-tag", tags, tags_of(model));
    if (!known) return false;
    for (std::size_t i = 0; i < rules.size(); ++i)
        rules[i].tag = (*known)[i];
    apply_stage_tags(model.events, rules);
    return true;
}

std::optional<EventFilter> make_filter(const Options& o, const Model& model) {
    EventFilter f;
    if (!o.from.empty()) {
        const auto d = option_date("--from", o.from);
        if (!d) return std::nullopt;
        f.from = d->start.sort_earliest();
    }
    if (!o.to.empty()) {
        const auto d = option_date("--to", o.to);
        if (!d) return std::nullopt;
        f.to = d->last().sort_latest();
    }
    // A window that ends before it starts keeps nothing: surely a mistake, never a chart.
    if (f.from && f.to && *f.from > *f.to) {
        usage_error("--from " + o.from + " is after --to " + o.to + ": no event can match",
                    "swap the two dates");
        return std::nullopt;
    }
    std::set<std::string> actors, kinds;
    for (const Actor& a : model.actors)
        actors.insert(a.id);
    for (const Kind& k : model.kinds)
        kinds.insert(k.id);
    for (const BuiltinKind& k : builtin_kinds())
        kinds.insert(std::string(k.id));
    auto known_actors = all_known("--actor", o.actors, actors,
                                  [&](const std::string& g) { return actor_hint(g, model); });
    if (!known_actors) return std::nullopt;
    auto known_kinds = all_known("--kind", o.kinds, kinds);
    if (!known_kinds) return std::nullopt;
    auto known_tags = all_known("--tag", o.tags, tags_of(model));
    if (!known_tags) return std::nullopt;
    for (const std::string& c : o.confidences) {
        const auto level = confidence_from_string(c);
        if (!level) {
            usage_error("--confidence " + c + ": not a confidence level",
                        "use confirmed, reported, alleged or assessed");
            return std::nullopt;
        }
        f.confidences.push_back(*level);
    }
    f.actors = std::move(*known_actors);
    f.kinds = std::move(*known_kinds);
    f.tags = std::move(*known_tags);
    return f;
}

FilteredInput load_filtered(const Options& o) {
    FilteredInput in;
    Diagnostics diags;
    in.model = load_and_validate(o, diags);
    print_diagnostics(diags, in.model.files, o);
    if (diags.has_errors()) {
        in.exit_code = kInvalidInput;
        return in;
    }
    const auto filter =
        apply_stage_tag_options(o, in.model) ? make_filter(o, in.model) : std::nullopt;
    if (!filter) {
        in.exit_code = kUsage;
        return in;
    }
    in.events = filter_events(sorted_events(in.model.events), *filter);
    return in;
}

}  // namespace tl::cli
