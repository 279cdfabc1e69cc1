#pragma once

#include <optional>
#include <string>
#include <vector>

#include "base/source_loc.hpp"
#include "model/date.hpp"

namespace tl {

/// A reference to another element by id, with the place it was written (for errors).
struct Ref {
    std::string id;
    SourceLoc loc;
};

/// A party to the events: a state, an alliance, an organisation, a person.
struct Actor {
    std::string id;
    std::string name;
    std::string color;  ///< "#rgb" or "#rrggbb", or empty for the template's palette
    std::string group;
    SourceLoc loc;
};

/// A category of events; the built-ins are in kinds.hpp, more may be declared.
struct Kind {
    std::string id;
    std::string label;
    std::string color;
    SourceLoc loc;
};

/// A background band across the chart, such as a war or a term of office.
struct Era {
    std::string id;
    std::string title;
    Date date;
    SourceLoc loc;
};

enum class Confidence : std::uint8_t { confirmed, reported, alleged, assessed };
std::string_view to_string(Confidence c);
std::optional<Confidence> confidence_from_string(std::string_view s);

enum class QuantityQualifier : std::uint8_t { exact, about, more_than, less_than, up_to };
std::string_view to_string(QuantityQualifier q);
std::optional<QuantityQualifier> qualifier_from_string(std::string_view s);

/// How far a quantity had come (format 1.1): stated as intended, committed, or handed over.
enum class QuantityStage : std::uint8_t { announced, pledged, delivered };
std::string_view to_string(QuantityStage s);
std::optional<QuantityStage> stage_from_string(std::string_view s);

/// How much was supplied or changed: "more than 200 ballistic missiles".
struct Quantity {
    double value = 0;
    std::string value_text;  ///< as written, so 1.5e6 prints back as written
    std::string unit;
    QuantityQualifier qualifier = QuantityQualifier::exact;
    std::optional<double> total;
    std::optional<QuantityStage> stage;  ///< none when the file does not say
    SourceLoc loc;
};

struct Location {
    std::string name;
    bool written_as_text = false;  ///< `location: NAME` rather than a mapping; listed as written
    std::optional<double> lat;
    std::optional<double> lon;
    SourceLoc lat_loc;
    SourceLoc lon_loc;
};

/// Where a claim comes from.
struct Source {
    std::string publisher;
    std::string title;
    std::string url;
    std::optional<Date> date;
    std::string quote;
    SourceLoc loc;
    SourceLoc url_loc;
};

/// One dated happening: who supplied what to whom, and when.
struct Event {
    std::string id;
    std::string title;
    Date date;
    std::string kind;
    std::vector<Ref> from;
    std::vector<Ref> to;
    std::vector<Ref> actors;
    std::string summary;
    std::vector<Quantity> quantities;  ///< in the order written; `quantity` may be one or a list
    std::optional<Location> location;
    Confidence confidence = Confidence::reported;
    std::string grading;
    std::vector<Source> sources;
    std::vector<Ref> tags;
    std::vector<Ref> related;
    std::optional<double> priority;  ///< extension: 0 to 10, higher is more significant

    SourceLoc loc;  ///< the event's mapping (or its `id` value)
    SourceLoc id_loc;
    SourceLoc title_loc;
    SourceLoc kind_loc;
    SourceLoc confidence_loc;
    SourceLoc grading_loc;
    SourceLoc summary_loc;
    SourceLoc sources_loc;

    /// The lane-forming actors in order: `from`, then `to`, then `actors`.
    std::vector<std::string> involved_actor_ids() const;
};

/// Everything read from all inputs, in input order.
struct Model {
    SourceFiles files;
    std::vector<Actor> actors;
    std::vector<Kind> kinds;  ///< declared kinds only; built-ins are in kinds.hpp
    std::vector<Era> eras;
    std::vector<Event> events;

    /// Appends the elements of `other`; its `files` are ignored, since file ids are given out
    /// before loading so that every SourceLoc already names the right file.
    void append(Model&& other);
};

}  // namespace tl
