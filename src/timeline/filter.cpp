#include "timeline/filter.hpp"

#include <algorithm>

namespace tl {
namespace {

template <typename T>
bool any_of_or_empty(const std::vector<T>& wanted, auto matches) {
    return wanted.empty() || std::any_of(wanted.begin(), wanted.end(), matches);
}

bool names(const std::vector<Ref>& refs, const std::string& id) {
    return std::any_of(refs.begin(), refs.end(), [&](const Ref& r) { return r.id == id; });
}

}  // namespace

bool EventFilter::keeps(const Event& e) const {
    // An event is kept when its range of days overlaps the window; an open or unknown side
    // reaches without bound.
    if (from && e.date.last().sort_latest() < *from) return false;
    if (to && e.date.start.sort_earliest() > *to) return false;
    if (ids && !std::binary_search(ids->begin(), ids->end(), e.id)) return false;
    return any_of_or_empty(kinds, [&](const std::string& k) { return e.kind == k; }) &&
           any_of_or_empty(confidences, [&](Confidence c) { return e.confidence == c; }) &&
           any_of_or_empty(tags, [&](const std::string& t) { return names(e.tags, t); }) &&
           any_of_or_empty(actors, [&](const std::string& a) {
               return names(e.from, a) || names(e.to, a) || names(e.actors, a);
           });
}

std::vector<const Event*> filter_events(const std::vector<const Event*>& events,
                                        const EventFilter& filter) {
    std::vector<const Event*> kept;
    kept.reserve(events.size());
    std::copy_if(events.begin(), events.end(), std::back_inserter(kept),
                 [&](const Event* e) { return filter.keeps(*e); });
    return kept;
}

}  // namespace tl
