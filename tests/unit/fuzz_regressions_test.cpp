// Every input the fuzzers saved (tests/fuzz/regressions/<target>/) runs again here through the
// same calls as in the fuzzer (fuzz/fuzz_targets.hpp), in the ordinary build: it must not
// crash or break a promise, and must answer within a few seconds.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "fuzz/fuzz_targets.hpp"

namespace {

namespace fs = std::filesystem;

/// The files of tests/fuzz/<kind>/<target>/: `regressions` (what the fuzzers saved) or `seeds`
/// (hand-written inputs for each attack class of docs/reliability.md).
std::vector<fs::path> saved_inputs(const std::string& kind, const std::string& target) {
    std::vector<fs::path> files;
    const fs::path dir = fs::path(TIMELINE_SOURCE_DIR) / "tests" / "fuzz" / kind / target;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec))
        if (entry.is_regular_file()) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    return files;
}

std::string read_bytes(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// Runs `run` on every saved input of `target`; returns how many there were.
template <typename Run>
std::size_t replay(const std::string& target, Run run, const std::string& kind = "regressions") {
    const std::vector<fs::path> files = saved_inputs(kind, target);
    for (const fs::path& path : files) {
        INFO("input: ", path.string());
        const std::string bytes = read_bytes(path);
        const auto start = std::chrono::steady_clock::now();
        tl::fuzz::Answer answer;
        CHECK_NOTHROW(answer = run(bytes));
        const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
        CHECK(took.count() < 5.0);
        // An answer: something read, or diagnostics saying why not. Only input with nothing in
        // it (blank, or only extension keys) may have neither.
        CHECK((answer.values > 0 || answer.diagnostics > 0 || bytes.size() < 200));
    }
    return files.size();
}

}  // namespace

TEST_CASE("fuzz regressions: the loader and validator answer every saved input") {
    replay("load", tl::fuzz::load_and_validate);
}

TEST_CASE("fuzz regressions: the date parser answers every saved input") {
    replay("date", tl::fuzz::parse_one_date);
}

TEST_CASE("fuzz regressions: the template loader answers every saved input") {
    replay("template", tl::fuzz::load_template_file);
}

TEST_CASE("fuzz seeds: the attack-class seeds keep the fuzzers' promises") {
    CHECK(replay("load", tl::fuzz::load_and_validate, "seeds") >= 5);
    CHECK(replay("template", tl::fuzz::load_template_file, "seeds") >= 2);
}

TEST_CASE("fuzz seeds: every date of the seed list keeps the parser's promises") {
    std::ifstream in(TIMELINE_SOURCE_DIR "/tests/fuzz/dates.txt");
    std::size_t parsed = 0;
    std::size_t lines = 0;
    for (std::string line; std::getline(in, line); ++lines) {
        INFO("date: '", line, "'");
        tl::fuzz::Answer answer;
        CHECK_NOTHROW(answer = tl::fuzz::parse_one_date(line));
        parsed += answer.values;
    }
    CHECK(lines > 50);
    CHECK(parsed > 30);
}
