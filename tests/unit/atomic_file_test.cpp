#include <doctest/doctest.h>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

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

namespace {

/// Forks a child that runs `body` (which should end the process) and returns its status.
template <typename Body>
int status_of_child(Body body) {
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        body();
        _exit(0);
    }
    int status = 0;
    REQUIRE(waitpid(child, &status, 0) == child);
    return status;
}

}  // namespace

TEST_CASE("every signal whose default action ends the process removes the temporary file") {
    for (const int sig : {SIGQUIT, SIGPIPE, SIGALRM, SIGUSR1, SIGUSR2, SIGXCPU, SIGXFSZ, SIGPROF,
                          SIGVTALRM, SIGHUP, SIGABRT, SIGSEGV, SIGRTMIN, SIGRTMAX}) {
        CAPTURE(sig);
        TempDir dir;
        const fs::path target = dir.path / "chart.pdf";
        std::ofstream(target) << "previous";
        const int status = status_of_child([&] {
            tl::install_signal_cleanup();
            tl::AtomicFile f(target.string());
            f.write("half", 4);
            raise(sig);
        });
        CHECK(WIFSIGNALED(status));
        CHECK(WTERMSIG(status) == sig);
        CHECK(read(target) == "previous");
        CHECK(dir.entries() == 1);
    }
}

TEST_CASE("a FIFO is written in place when committed, and stays a FIFO") {
    TempDir dir;
    const fs::path fifo = dir.path / "chart.svg";
    REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
    tl::AtomicFile f(fifo.string());
    REQUIRE(f.error().empty());
    CHECK_FALSE(f.replaces());
    CHECK(f.write("<svg/>", 6));
    CHECK(dir.entries() == 1);  // no temporary file beside it
    std::string received;
    std::thread reader([&] { received = read(fifo); });
    CHECK(f.commit().empty());
    reader.join();
    CHECK(received == "<svg/>");
    CHECK(fs::is_fifo(fs::symlink_status(fifo)));
}

TEST_CASE("a character device is written in place and never replaced") {
    TempDir dir;
    const fs::path device = dir.path / "null.pdf";
    if (mknod(device.c_str(), S_IFCHR | 0666, makedev(1, 3)) != 0) return;  // needs root
    tl::AtomicFile f(device.string());
    CHECK_FALSE(f.replaces());
    CHECK(f.write("%PDF-", 5));
    CHECK(f.commit().empty());
    CHECK(fs::is_character_file(fs::symlink_status(device)));
    CHECK(dir.entries() == 1);
}

TEST_CASE("a block device is refused before anything is written") {
    TempDir dir;
    const fs::path disk = dir.path / "disk.pdf";
    if (mknod(disk.c_str(), S_IFBLK | 0600, makedev(7, 0)) != 0) return;  // needs root
    tl::AtomicFile f(disk.string());
    CHECK(f.error().find("block device") != std::string::npos);
    CHECK_FALSE(f.write("x", 1));
    CHECK(fs::is_block_file(fs::symlink_status(disk)));
}

TEST_CASE("a replaced file keeps its permission bits") {
    TempDir dir;
    const fs::path target = dir.path / "chart.pdf";
    std::ofstream(target) << "previous";
    fs::permissions(target, fs::perms::owner_read | fs::perms::owner_write);
    tl::AtomicFile f(target.string());
    CHECK(f.write("new", 3));
    CHECK(f.commit().empty());
    CHECK(read(target) == "new");
    CHECK(fs::status(target).permissions() == (fs::perms::owner_read | fs::perms::owner_write));
}

TEST_CASE("a symlink is kept and the file it names is replaced") {
    TempDir dir;
    fs::create_directory(dir.path / "real");
    const fs::path target = dir.path / "real" / "chart.pdf";
    std::ofstream(target) << "previous";
    const fs::path link = dir.path / "chart.pdf";
    fs::create_symlink("real/chart.pdf", link);
    tl::AtomicFile f(link.string());
    CHECK(f.replaces());
    CHECK(f.write("new", 3));
    CHECK(f.commit().empty());
    CHECK(fs::is_symlink(link));
    CHECK(read(target) == "new");
}

TEST_CASE("a stale temporary file is removed, one a live writer holds is kept") {
    TempDir dir;
    const fs::path target = dir.path / "chart.pdf";
    const fs::path stale = dir.path / ".chart.pdf.tmp.AAAAAA";
    const fs::path held = dir.path / ".chart.pdf.tmp.BBBBBB";
    const fs::path other = dir.path / ".chart.pdf.tmp.toolong";
    for (const fs::path& p : {stale, held, other})
        std::ofstream(p) << "left";
    const int fd = ::open(held.c_str(), O_RDONLY);
    REQUIRE(fd >= 0);
    REQUIRE(flock(fd, LOCK_EX) == 0);
    {
        tl::AtomicFile f(target.string());
        CHECK(f.commit().empty());
    }
    ::close(fd);
    CHECK_FALSE(fs::exists(stale));
    CHECK(fs::exists(held));
    CHECK(fs::exists(other));
}

TEST_CASE("a live temporary file is locked, so another render leaves it alone") {
    TempDir dir;
    const fs::path target = dir.path / "chart.pdf";
    tl::AtomicFile first(target.string());
    CHECK(first.write("first", 5));
    {
        tl::AtomicFile second(target.string());  // sweeps stale temporaries of chart.pdf
        CHECK(second.write("second", 6));
        CHECK(dir.entries() == 2);
    }
    CHECK(first.commit().empty());
    CHECK(read(target) == "first");
}

TEST_CASE("commit_all replaces no file when one output fails") {
    TempDir dir;
    const fs::path a = dir.path / "a.pdf";
    std::ofstream(a) << "previous";
    tl::AtomicFile good(a.string());
    CHECK(good.write("new", 3));
    tl::AtomicFile bad((dir.path / "missing" / "b.pdf").string());
    tl::AtomicFile* files[] = {&good, &bad};
    const auto failure = tl::commit_all(files);
    REQUIRE(failure);
    CHECK(failure->index == 1);
    CHECK_FALSE(failure->why.empty());
    CHECK(read(a) == "previous");
}

TEST_CASE("commit_all installs every output when all succeed") {
    TempDir dir;
    tl::AtomicFile a((dir.path / "a.pdf").string());
    tl::AtomicFile b((dir.path / "b.svg").string());
    CHECK(a.write("A", 1));
    CHECK(b.write("B", 1));
    tl::AtomicFile* files[] = {&a, &b};
    CHECK_FALSE(tl::commit_all(files));
    CHECK(read(dir.path / "a.pdf") == "A");
    CHECK(read(dir.path / "b.svg") == "B");
    CHECK(dir.entries() == 2);
}
