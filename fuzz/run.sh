#!/usr/bin/env bash
# make fuzz FUZZ_SECONDS=N: builds the libFuzzer targets in build-fuzz/ with clang++-14 and runs
# each for N seconds, one after another (never two fuzzer processes at once). Crashing, leaking,
# out-of-memory, timed-out and slow inputs are saved under tests/fuzz/regressions/<target>/,
# which tests/unit/fuzz_regressions_test.cpp replays in `make test`. The corpus grows in
# build-fuzz/corpus/<target>/ from the seeds in tests/ and is kept between runs.
#
# Run it on an otherwise idle machine. The fuzzers run under `nice` and save any input over
# 2 s as slow (over 10 s as a timeout), so builds or benchmarks on the same cores starve
# them into saving ordinary inputs; check a saved input alone before calling it a finding.
#
#   FUZZ_SECONDS  seconds per target (default 60)
#   FUZZ_TARGETS  which targets, in order (default "load date template")
#   JOBS          build jobs (default 2)
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${FUZZ_SECONDS:-60}
targets=${FUZZ_TARGETS:-load date template}
jobs=${JOBS:-2}
build=build-fuzz
cxx=clang++-14

if ! command -v $cxx >/dev/null; then
    echo "fuzz: $cxx is missing; install it with: apt-get install -y clang-14 libclang-rt-14-dev" >&2
    exit 2
fi

echo "== build $build ($cxx, libFuzzer, ASan, UBSan)"
cmake -S . -B $build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_COMPILER=$cxx \
      -DTIMELINE_FUZZ=ON -DBUILD_TESTING=OFF -DTIMELINE_BENCH=OFF >/dev/null
fuzzers=()
for t in $targets; do fuzzers+=("${t}_fuzzer"); done
nice cmake --build $build -j "$jobs" --target "${fuzzers[@]}" -- --no-print-directory |
    { grep -v -e '^\[.*\] Built target' -e '^Consolidate' || true; }

# Seeds: every fixture, the seed events, the templates, and one file per line of dates.txt.
rm -rf $build/seeds
mkdir -p $build/seeds/load $build/seeds/template $build/seeds/date
cp tests/fixtures/valid/*.yaml $build/seeds/load/
for f in tests/fixtures/invalid/*.yaml; do cp "$f" "$build/seeds/load/invalid-$(basename "$f")"; done
cp tests/fixtures/*.yaml events/*.yaml $build/seeds/load/
# Seeds for the attack classes of docs/reliability.md (URLs, escapes, actor counts, ...).
cp tests/fuzz/seeds/load/* $build/seeds/load/
cp tests/fuzz/seeds/template/* $build/seeds/template/
cp templates/*.yaml $build/seeds/template/
n=0
while IFS= read -r line; do
    n=$((n + 1))
    printf '%s' "$line" >"$build/seeds/date/$(printf '%03d' $n)"
done <tests/fuzz/dates.txt

status=0
summary=()
for t in $targets; do
    case $t in
        date) max_len=64 ;;
        *) max_len=16384 ;;
    esac
    mkdir -p "$build/corpus/$t" "tests/fuzz/regressions/$t"
    echo "== fuzz $t for $seconds s"
    log=$build/$t.log
    set +e
    # libFuzzer's timeout handler can deadlock when the alarm lands inside ASan's allocator
    # (an input that allocates without end does that): stop a fuzzer that overruns by a minute.
    timeout --kill-after=10 $((seconds + 60)) \
    nice "$build/fuzz/${t}_fuzzer" -max_total_time="$seconds" -max_len=$max_len \
        -dict="fuzz/$t.dict" -timeout=10 -report_slow_units=2 -rss_limit_mb=2048 \
        -artifact_prefix="tests/fuzz/regressions/$t/" -print_final_stats=1 \
        "$build/corpus/$t" "$build/seeds/$t" "tests/fuzz/regressions/$t" >"$log" 2>&1
    rc=$?
    set -e
    grep -E '^#[0-9]+\s+(INITED|DONE)|^stat::number_of_executed_units|^stat::new_units_added|Slowest unit|ERROR|SUMMARY' "$log" || true
    final=$(grep -E "^#[0-9]+\s" "$log" | tail -1 || true)
    summary+=("$t: exit $rc; $final")
    if [ $rc -eq 124 ] || [ $rc -eq 137 ]; then
        echo "fuzz: $t stopped responding and was killed: an input hangs it, but libFuzzer" \
             "could not save it (docs/reliability.md says how to catch it with gdb); the log" \
             "is $log" >&2
        status=1
    elif [ $rc -ne 0 ]; then
        echo "fuzz: $t stopped with exit $rc; the input is in tests/fuzz/regressions/$t/, the log in $log" >&2
        status=1
    fi
done

echo "== summary ($seconds s per target)"
printf '%s\n' "${summary[@]}"
echo "artifacts:"
find tests/fuzz/regressions -type f | sort
exit $status
