#include <sys/resource.h>
#include <unistd.h>

#include <doctest/doctest.h>
#include <atomic>
#include <cstdio>
#include <stdexcept>

#include "base/parallel.hpp"

#if !defined(__SANITIZE_ADDRESS__)
namespace {

/// Pages of address space this process holds now, from /proc/self/statm.
long mapped_bytes() {
    long pages = 0;
    if (std::FILE* f = std::fopen("/proc/self/statm", "r")) {
        if (std::fscanf(f, "%ld", &pages) != 1) pages = 0;
        std::fclose(f);
    }
    return pages * sysconf(_SC_PAGESIZE);
}

}  // namespace
#endif

TEST_CASE("work shared over threads is all done when no helper thread can start") {
#if defined(__SANITIZE_ADDRESS__)
    // A sanitizer build maps terabytes of shadow memory: no address-space limit fits it.
    return;
#else
    // An address space a few MiB above what is mapped now: a thread's 8 MiB stack no longer
    // fits, so pthread_create fails with EAGAIN (it ended the whole run before).
    rlimit saved{};
    REQUIRE(getrlimit(RLIMIT_AS, &saved) == 0);
    rlimit tight = saved;
    tight.rlim_cur = static_cast<rlim_t>(mapped_bytes() + (4 << 20));
    REQUIRE(setrlimit(RLIMIT_AS, &tight) == 0);
    std::atomic<int> next{0};
    std::atomic<int> done{0};
    std::atomic<int> bodies{0};
    bool threw = false;
    try {
        // More threads than glibc's cache of joined threads' stacks (40 MiB: five) can start
        // without mapping a new stack, so that the failure comes whatever ran before.
        tl::run_on_threads(64, [&](std::size_t) {
            ++bodies;
            while (next++ < 100)
                ++done;
        });
    } catch (...) {
        threw = true;
    }
    REQUIRE(setrlimit(RLIMIT_AS, &saved) == 0);
    CHECK_FALSE(threw);
    CHECK(done == 100);
    CHECK(bodies < 64);  // some helpers could not start, and their share was done all the same
#endif
}

TEST_CASE("what the calling thread's share throws comes out once the helpers are done") {
    std::atomic<int> helpers_done{0};
    CHECK_THROWS_AS(tl::run_on_threads(3,
                                       [&](std::size_t t) {
                                           if (t == 0) throw std::runtime_error("x");
                                           ++helpers_done;
                                       }),
                    std::runtime_error);
    CHECK(helpers_done == 2);
}
