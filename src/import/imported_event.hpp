#pragma once

#include <string>
#include <vector>

namespace tl::importer {

/// What an importer makes of a row, as the event file will say it: every field is text as
/// the format writes it (a date in EDTF, a number as a decimal numeral); "" leaves a field out.
struct ImportedQuantity {
    std::string value;
    std::string unit;
    std::string qualifier;  ///< "" for exact
    std::string stage;
};

struct ImportedSource {
    std::string publisher;
    std::string title;
    std::string url;
    std::string date;
};

struct ImportedEvent {
    std::string id;
    std::string date;
    std::string title;
    std::string kind;
    std::string from;  ///< actor id
    std::string to;    ///< actor id
    std::string summary;
    std::vector<ImportedQuantity> quantities;
    std::string confidence;
    std::vector<ImportedSource> sources;
    std::vector<std::string> tags;
    /// Without a `to`, the event's actors (no direction), as `actors`.
    std::vector<std::string> actors;
    std::string location;  ///< a place's name
    std::string latitude;  ///< decimal degrees with `longitude`, or ""
    std::string longitude;
};

struct ImportedActor {
    std::string id;
    std::string name;
};

/// A file to write into the output folder: its name there and its bytes.
struct ImportedFile {
    std::string name;
    std::string bytes;
};

/// The event files and actors.yaml for `events` and `actors`: one file per supplier,
/// `from-ID.yaml` (`events.yaml` for events without one), its events in the order given;
/// actors.yaml lists the actors in the order given. Every string is double-quoted (yaml_quoted), so
/// no name or comment can change the structure. The bytes depend only on the arguments.
std::vector<ImportedFile> event_files(const std::vector<ImportedEvent>& events,
                                      const std::vector<ImportedActor>& actors,
                                      const std::string& header_comment);

}  // namespace tl::importer
