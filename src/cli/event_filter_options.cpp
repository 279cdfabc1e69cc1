#include "cli/event_filter_options.hpp"

#include <algorithm>
#include <set>

#include "base/text.hpp"
#include "cli/input_pipeline.hpp"
#include "cli/messages.hpp"
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
    if (!parsed)
        usage_error(flag + " " + text + ": " + parsed.error, std::string(accepted_date_forms()));
    return parsed.value;
}

/// Checks that each of `given` is one of `known`, suggesting the nearest on a typo.
bool all_known(const std::string& flag, const std::vector<std::string>& given,
               const std::set<std::string>& known) {
    const std::vector<std::string_view> names(known.begin(), known.end());
    for (const std::string& g : given) {
        if (known.count(g)) continue;
        const std::string near = nearest_word(g, names);
        return usage_error(flag + " " + g + ": no such value in the inputs",
                           near.empty() ? "" : "did you mean '" + near + "'?");
    }
    return true;
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
    if (!all_known("--stage-tag", tags, tags_of(model))) return false;
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
    if (!all_known("--actor", o.actors, actors) || !all_known("--kind", o.kinds, kinds) ||
        !all_known("--tag", o.tags, tags_of(model)))
        return std::nullopt;
    for (const std::string& c : o.confidences) {
        const auto level = confidence_from_string(c);
        if (!level) {
            usage_error("--confidence " + c + ": not a confidence level",
                        "use confirmed, reported, alleged or assessed");
            return std::nullopt;
        }
        f.confidences.push_back(*level);
    }
    f.actors = o.actors;
    f.kinds = o.kinds;
    f.tags = o.tags;
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
