#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/source_loc.hpp"
#include "model/model.hpp"

namespace tl {

/// What happened to an element between two versions of the inputs.
enum class Change : std::uint8_t { added, changed, removed };
std::string_view to_string(Change c);

/// What kind of revision a field's difference is, as a reader cares about it.
enum class RevisionClass : std::uint8_t {
    date_refined,           ///< the new range lies inside the old and is narrower, or surer
    date_widened,           ///< the old range lies inside the new and is narrower, or surer
    date_moved,             ///< neither holds the other
    confidence_upgraded,    ///< alleged < reported < assessed < confirmed (see confidence_rank)
    confidence_downgraded,  ///< the reverse
    quantity_changed,
    sources_added,    ///< one FieldRevision per source, named by what identifies it
    sources_removed,  ///< likewise
    title_edited,     ///< an event's or era's title, an actor's name, a kind's label
    text_edited,      ///< summary, location, or a source's details under the same identity
    actors_changed,   ///< from, to, actors
    kind_changed,
    other,  ///< grading, tags, related, priority, colours, groups, a date written differently
};
/// Kebab-case names, as the JSON output and the rules of diagnostics spell them:
/// "date-refined", "confidence-upgraded", "other".
std::string_view to_string(RevisionClass r);

/// The rank of a confidence for upgraded / downgraded: alleged 0 (claimed and disputed),
/// reported 1 (credible but unconfirmed), assessed 2 (an intelligence or expert estimate,
/// which weighs the reports), confirmed 3 (acknowledged or verified). The same order as
/// folding and the density view use (docs/format.md).
int confidence_rank(Confidence c);

/// One field's difference: its name as the format spells it ("date", "confidence",
/// "sources"...), its class, and both values as text (empty where a side has none, such as
/// the old side of an added source). Positions: where the field is in each version, or the
/// element's own position when the field has none of its own.
struct FieldRevision {
    std::string field;
    RevisionClass revision = RevisionClass::other;
    std::string old_text;
    std::string new_text;
    SourceLoc old_loc;
    SourceLoc new_loc;
};

/// One event's difference. The pointers lead into the models compared, which must outlive
/// this; `old_event` is null for an added event, `new_event` for a removed one.
struct EventRevision {
    std::string id;
    Change change = Change::changed;
    const Event* old_event = nullptr;
    const Event* new_event = nullptr;
    std::vector<FieldRevision> fields;  ///< empty for added and removed events
};

/// One actor's, kind's or era's difference; the positions are the element's own in each
/// version (SourceLoc{} on the side where it is missing).
struct ElementRevision {
    std::string id;
    Change change = Change::changed;
    SourceLoc old_loc;
    SourceLoc new_loc;
    std::vector<FieldRevision> fields;
};

/// Every difference between two models. Each list holds, in order, the added and changed
/// elements in the new model's input order, then the removed ones in the old model's input
/// order, so the same two inputs always give the same list.
struct ModelRevisions {
    std::vector<EventRevision> events;
    std::vector<ElementRevision> actors;
    std::vector<ElementRevision> kinds;
    std::vector<ElementRevision> eras;

    bool empty() const { return events.empty() && actors.empty() && kinds.empty() && eras.empty(); }
    /// The revision of the event with this id, or null when it did not change. Indexed by
    /// compare_models; a list made or grown by hand is searched in turn.
    const EventRevision* find_event(std::string_view id) const;

  private:
    friend ModelRevisions compare_models(const Model& old_model, const Model& new_model);
    std::unordered_map<std::string, std::size_t> event_index_;
};

/// Compares two versions of the inputs. Elements are matched by id (an id that repeats in
/// one version, which validation reports, is compared by its first occurrence). Positions
/// in the files are never a difference; nor is the order of sources, or a number written
/// another way (200 and 200.0). Quantities are compared as a whole list, sources as a set
/// keyed by their url, or by publisher and title when they have no url.
ModelRevisions compare_models(const Model& old_model, const Model& new_model);

/// How a source is named in a revision: its url, else "publisher: title" (or the publisher).
std::string source_identity(const Source& s);

}  // namespace tl
