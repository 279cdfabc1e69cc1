#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "base/atomic_file.hpp"

namespace fs = std::filesystem;

namespace {

struct TempDir {
    fs::path path = fs::temp_directory_path() / ("atomic-test-" + std::to_string(::getpid()));
    TempDir() { fs::create_directories(path); }
    ~TempDir() { fs::remove_all(path); }
    std::size_t entries() const {
        return static_cast<std::size_t>(std::distance(fs::directory_iterator(path), {}));
    }
};

std::string read(const fs::path& p) {
    std::ifstream in(p);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

TEST_CASE("a committed file appears whole under its name") {
    TempDir dir;
    const fs::path target = dir.path / "chart.pdf";
    {
        tl::AtomicFile f(target.string());
        REQUIRE(f.error().empty());
        CHECK(f.write("hello", 5));
        CHECK_FALSE(fs::exists(target));
        CHECK(f.commit().empty());
    }
    CHECK(read(target) == "hello");
    CHECK(dir.entries() == 1);
}

TEST_CASE("an uncommitted file leaves the previous output and no temporary file") {
    TempDir dir;
    const fs::path target = dir.path / "chart.pdf";
    std::ofstream(target) << "previous";
    {
        tl::AtomicFile f(target.string());
        CHECK(f.write("half", 4));
    }
    CHECK(read(target) == "previous");
    CHECK(dir.entries() == 1);
}

TEST_CASE("a folder that does not exist is an error, not a crash") {
    tl::AtomicFile f("/nonexistent-folder/chart.pdf");
    CHECK_FALSE(f.error().empty());
    CHECK_FALSE(f.write("x", 1));
    CHECK_FALSE(f.commit().empty());
}
