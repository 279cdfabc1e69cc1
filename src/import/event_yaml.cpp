// Event files as the importers write them: block style for the structure, flow mappings
// for quantities and sources, and every string double-quoted and escaped.

#include <map>

#include "import/imported_event.hpp"
#include "import/yaml_text.hpp"

namespace tl::importer {
namespace {

void field(std::string& out, const char* key, const std::string& value) {
    if (value.empty()) return;
    out += "    ";
    out += key;
    out += ": ";
    out += yaml_quoted(value);
    out += '\n';
}

void flow_pair(std::string& out, const char* key, const std::string& value, bool quoted) {
    if (value.empty()) return;
    if (out.back() != '{') out += ", ";
    out += key;
    out += ": ";
    out += quoted ? yaml_quoted(value) : value;
}

void append_event(std::string& out, const ImportedEvent& e) {
    out += "  - id: " + yaml_quoted(e.id) + "\n";
    field(out, "date", e.date);
    field(out, "title", e.title);
    field(out, "kind", e.kind);
    field(out, "from", e.from);
    field(out, "to", e.to);
    if (!e.actors.empty()) {
        out += "    actors: [";
        for (std::size_t i = 0; i < e.actors.size(); ++i)
            out += (i ? ", " : "") + yaml_quoted(e.actors[i]);
        out += "]\n";
    }
    field(out, "summary", e.summary);
    if (!e.quantities.empty()) {
        out += "    quantity:\n";
        for (const ImportedQuantity& q : e.quantities) {
            out += "      - {";
            flow_pair(out, "value", q.value, false);  // a numeral: unquoted, so a number
            flow_pair(out, "unit", q.unit, true);
            flow_pair(out, "qualifier", q.qualifier, true);
            flow_pair(out, "stage", q.stage, true);
            out += "}\n";
        }
    }
    if (!e.latitude.empty()) {
        out += "    location: {";
        flow_pair(out, "name", e.location, true);
        flow_pair(out, "lat", e.latitude, false);  // numerals, as quantity values
        flow_pair(out, "lon", e.longitude, false);
        out += "}\n";
    } else {
        field(out, "location", e.location);
    }
    field(out, "confidence", e.confidence);
    out += "    sources:\n";
    for (const ImportedSource& s : e.sources) {
        out += "      - {";
        flow_pair(out, "publisher", s.publisher, true);
        flow_pair(out, "title", s.title, true);
        flow_pair(out, "url", s.url, true);
        flow_pair(out, "date", s.date, true);
        out += "}\n";
    }
    if (!e.tags.empty()) {
        out += "    tags: [";
        for (std::size_t i = 0; i < e.tags.size(); ++i)
            out += (i ? ", " : "") + yaml_quoted(e.tags[i]);
        out += "]\n";
    }
}

}  // namespace

std::vector<ImportedFile> event_files(const std::vector<ImportedEvent>& events,
                                      const std::vector<ImportedActor>& actors,
                                      const std::string& header_comment) {
    const std::string head = "# " + header_comment + "\n";
    std::vector<ImportedFile> files;
    std::string actor_text = head + "actors:\n";
    for (const ImportedActor& a : actors)
        actor_text += "  - {id: " + yaml_quoted(a.id) + ", name: " + yaml_quoted(a.name) + "}\n";
    files.push_back({"actors.yaml", std::move(actor_text)});
    std::map<std::string, std::string> by_supplier;
    for (const ImportedEvent& e : events) {
        std::string& text = by_supplier[e.from];
        if (text.empty()) text = head + "events:\n";
        append_event(text, e);
    }
    for (auto& [supplier, text] : by_supplier)
        files.push_back(
            {supplier.empty() ? "events.yaml" : "from-" + supplier + ".yaml", std::move(text)});
    return files;
}

}  // namespace tl::importer
