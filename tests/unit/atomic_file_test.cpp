#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
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

TEST_CASE("a live temporary file is registered for the signal handlers until it is done") {
    TempDir dir;
    const std::size_t before = tl::live_temporary_files();
    {
        tl::AtomicFile kept((dir.path / "a.pdf").string());
        tl::AtomicFile dropped((dir.path / "b.pdf").string());
        CHECK(tl::live_temporary_files() == before + 2);
        CHECK(kept.commit().empty());
        CHECK(tl::live_temporary_files() == before + 1);
    }
    CHECK(tl::live_temporary_files() == before);
}

TEST_CASE("SIGTERM removes the temporary file and still kills the process") {
    TempDir dir;
    const fs::path target = dir.path / "chart.pdf";
    std::ofstream(target) << "previous";
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        tl::install_signal_cleanup();
        tl::AtomicFile f(target.string());
        f.write("half", 4);
        raise(SIGTERM);
        _exit(0);  // not reached: the default action ends the process
    }
    int status = 0;
    REQUIRE(waitpid(child, &status, 0) == child);
    CHECK(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == SIGTERM);
    CHECK(read(target) == "previous");
    CHECK(dir.entries() == 1);
}

TEST_CASE("with a wake descriptor, a signal is written to it instead of ending the process") {
    tl::install_signal_cleanup();
    int fds[2];
    REQUIRE(pipe(fds) == 0);
    tl::set_signal_wake_fd(fds[1]);
    raise(SIGINT);
    tl::set_signal_wake_fd(-1);
    char byte = 0;
    CHECK(::read(fds[0], &byte, 1) == 1);
    CHECK(byte == SIGINT);
    close(fds[0]);
    close(fds[1]);
}
