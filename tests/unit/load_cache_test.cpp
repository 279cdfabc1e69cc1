#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "load/loader.hpp"

namespace {

namespace fs = std::filesystem;

/// A folder of event files for one test, removed after it.
struct Folder {
    fs::path path;
    explicit Folder(const std::string& name) : path(fs::temp_directory_path() / name) {
        fs::remove_all(path);
        fs::create_directories(path);
    }
    ~Folder() { fs::remove_all(path); }
    void write(const std::string& name, const std::string& text) const {
        std::ofstream(path / name) << text;
    }
};

std::string event(const std::string& id, const std::string& title) {
    return "events:\n  - {id: " + id + ", date: 2024-01-02, title: " + title +
           ", kind: diplomatic, actors: [A]}\n";
}

}  // namespace

TEST_CASE("a load cache parses again only the files whose bytes changed") {
    const Folder f("timeline-load-cache-test");
    f.write("actors.yaml", "actors:\n  - {id: A, name: Alpha}\n");
    f.write("a.yaml", event("a", "First"));
    f.write("b.yaml", event("b", "Second") + "  - {id: b2, date: 2024, title: x, kind: nope}\n");
    tl::LoadCache cache;
    tl::Diagnostics d1;
    const tl::Model first = tl::load_inputs({f.path.string()}, d1, {}, &cache);
    CHECK(cache.parsed == 3);
    CHECK(first.events.size() == 3);

    tl::Diagnostics d2;
    const tl::Model same = tl::load_inputs({f.path.string()}, d2, {}, &cache);
    CHECK(cache.parsed == 0);  // nothing changed: nothing parsed
    CHECK(cache.reused == 3);
    REQUIRE(same.events.size() == 3);
    CHECK(same.events[0].title == "First");
    CHECK(d2.items().size() == d1.items().size());  // a kept file's diagnostics are kept too

    f.write("a.yaml", event("a", "Renamed"));
    tl::Diagnostics d3;
    const tl::Model edited = tl::load_inputs({f.path.string()}, d3, {}, &cache);
    CHECK(cache.parsed == 1);
    CHECK(cache.reused == 2);
    CHECK(edited.events[0].title == "Renamed");

    // A file added shifts the numbers of the files after it: they are read again, never
    // kept with the wrong file's positions.
    f.write("0.yaml", event("zero", "Zero"));
    tl::Diagnostics d4;
    const tl::Model added = tl::load_inputs({f.path.string()}, d4, {}, &cache);
    CHECK(added.events.size() == 4);
    for (const tl::Event& e : added.events)
        CHECK(added.files.path(e.loc.file).find(e.id == "zero" ? "0.yaml" : "") !=
              std::string::npos);
    const auto b2 = std::find_if(added.events.begin(), added.events.end(),
                                 [](const tl::Event& e) { return e.id == "b2"; });
    REQUIRE(b2 != added.events.end());
    CHECK(added.files.path(b2->loc.file).ends_with("b.yaml"));
}
