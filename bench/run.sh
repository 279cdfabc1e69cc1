#!/usr/bin/env bash
# make bench: how fast and how big timeline is, on generated corpora of 100 to 100,000 events.
#
#   1. builds Release (timeline and timeline_bench);
#   2. generates the corpora into $BUILD/bench-corpora/ (only those missing);
#   3. timeline_bench: each stage in-process (yaml-cpp alone, load, validate, what list and
#      totals --by supplier do after loading, sort + lanes, layout, render to PDF, SVG, PNG);
#   4. the real CLI end to end, `timeline render CORPUS -o X.pdf`, under /usr/bin/time, the
#      median of CLI_RUNS runs (by wall time);
#   5. bench/matplotlib_timeline.py on the same files, timed the same way, and the ratio;
#   6. `timeline totals` against `timeline list` on the TOTALS_EVENTS corpus, timed the same way;
#   7. `timeline import sipri` of a SIPRI_ROWS-row trade register (bench/generate_sipri.py);
#   8. `timeline import csv` and `import xlsx` with the acled preset, of ACLED_ROWS rows in
#      ACLED's export layout (bench/generate_acled.py; the workbook written by openpyxl).
#
# Results go to $BUILD/bench-results/ (tables, JSON, logs, the PDFs). Knobs, as environment
# variables: SIZES, PAGES_EVENTS (the corpus of the pages case), TOTALS_EVENTS (the corpus
# on which `totals` is timed against `list`), SIPRI_ROWS, ACLED_ROWS, MPL_SIZES, CLI_RUNS,
# SKIP_RENDER_ABOVE (timeline_bench renders no corpus above it),
# STAGE_TIMEOUT (seconds one stage of timeline_bench may take before it is stopped and
# reported so), CLI_TIMEOUT and MPL_TIMEOUT (seconds for one run of the CLI, of matplotlib),
# BUILD, JOBS. The defaults keep `make bench` under 10 minutes on 2 cores once the corpora
# exist; a stage that runs too long shows as stopped, not hidden.
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD=${BUILD:-build}
JOBS=${JOBS:-2}
SIZES=${SIZES:-100 1000 10000 100000}
PAGES_EVENTS=${PAGES_EVENTS:-30000}
TOTALS_EVENTS=${TOTALS_EVENTS:-100000}
SIPRI_ROWS=${SIPRI_ROWS:-30000}
ACLED_ROWS=${ACLED_ROWS:-30000}
MPL_SIZES=${MPL_SIZES:-100 1000 10000}
CLI_RUNS=${CLI_RUNS:-3}
SKIP_RENDER_ABOVE=${SKIP_RENDER_ABOVE:-100000}
STAGE_TIMEOUT=${STAGE_TIMEOUT:-90}
CLI_TIMEOUT=${CLI_TIMEOUT:-120}
MPL_TIMEOUT=${MPL_TIMEOUT:-300}
PY=/usr/bin/python3
CORPORA=$BUILD/bench-corpora
RESULTS=$BUILD/bench-results
SUDO=$([ "$(id -u)" = 0 ] || echo sudo)

# The bench's own packages: matplotlib for the comparison, GNU time for whole-process figures.
missing=""
for p in python3-matplotlib python3-yaml time; do
    dpkg-query -W -f='${Status}\n' "$p" 2>/dev/null | grep -q 'install ok installed' ||
        missing="$missing $p"
done
if [ -n "$missing" ]; then
    echo "Installing missing packages:$missing"
    # shellcheck disable=SC2086
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing ||
        { $SUDO apt-get update &&
            $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing; }
fi

mkdir -p "$CORPORA" "$RESULTS"
echo "== build (Release)"
if grep -q '^TIMELINE_SANITIZE:STRING=.' "$BUILD/CMakeCache.txt" 2>/dev/null; then
    echo "warning: $BUILD is configured with sanitizers; the figures will not be representative"
fi
cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=Release -DTIMELINE_BENCH=ON >"$RESULTS/build.log" 2>&1 ||
    { cat "$RESULTS/build.log"; exit 1; }
cmake --build "$BUILD" -j "$JOBS" --target timeline timeline_bench >>"$RESULTS/build.log" 2>&1 ||
    { cat "$RESULTS/build.log"; exit 1; }

echo "== machine"
{
    echo "cores (nproc): $(nproc)"
    echo "CPU: $(lscpu | sed -n 's/^Model name: *//p' | head -1)"
    echo "memory: $(free -h | awk '/^Mem:/ {print $2}')"
    echo "timeline: $("$BUILD/timeline" --version 2>&1 | head -1)"
    echo "matplotlib: $($PY -c 'import matplotlib; print(matplotlib.__version__)')"
    echo "source: $(git rev-parse --short HEAD 2>/dev/null || echo '?')$(git diff --quiet HEAD -- src 2>/dev/null || echo ' with uncommitted changes under src/')"
    echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$RESULTS/machine.txt"

echo "== corpora ($CORPORA)"
for n in $SIZES; do
    dir=$CORPORA/events-$n
    if [ -d "$dir" ]; then
        echo "events-$n: cached"
        continue
    fi
    $PY bench/generate_events.py --events "$n" --out "$dir"
    # Every corpus must be valid input; warnings are allowed.
    if ! "$BUILD/timeline" validate "$dir" >"$RESULTS/validate-$n.log" 2>&1; then
        tail -20 "$RESULTS/validate-$n.log"
        echo "error: the generated corpus $dir does not validate" >&2
        rm -rf "$dir"
        exit 1
    fi
done

# The worst case for a detail layout: 10,000 events on one day, every marker and arrow at
# one x (docs/performance.md, "One day in detail").
ONE_DAY=$CORPORA/one-day-10000
if [ ! -d "$ONE_DAY" ]; then
    $PY bench/generate_events.py --events 10000 --shape one-day --out "$ONE_DAY"
fi

# Pages at 30,000 events over 250 actors: an overview and a detail page per slice, every page
# rendered; 10 s on 2 cores is the aim (issue 12).
PAGES=$CORPORA/events-$PAGES_EVENTS
if [ ! -d "$PAGES" ]; then
    $PY bench/generate_events.py --events "$PAGES_EVENTS" --out "$PAGES"
fi

echo "== stages, in-process (timeline_bench; render skipped above $SKIP_RENDER_ABOVE events," \
    "a stage stopped after $STAGE_TIMEOUT s)"
# Each corpus runs in a fresh child process (--stage-timeout), so that one corpus's heap does
# not weigh on the next one's peak RSS.
for n in seed $SIZES; do
    dir=$CORPORA/events-$n
    [ "$n" = seed ] && dir=events
    "$BUILD/timeline_bench" --skip-render-above "$SKIP_RENDER_ABOVE" \
        --stage-timeout "$STAGE_TIMEOUT" --json="$RESULTS/stages-$n.json" "$dir" |
        tee "$RESULTS/stages-$n.txt" || echo "warning: timeline_bench found errors in $dir"
done

echo "== one day in detail: 10,000 events on one day, --layout detail"
"$BUILD/timeline_bench" --layout detail --stage-timeout "$STAGE_TIMEOUT" \
    --json="$RESULTS/stages-one-day-detail.json" "$ONE_DAY" |
    tee "$RESULTS/stages-one-day-detail.txt" || echo "warning: timeline_bench found errors in $ONE_DAY"

echo "== pages: $PAGES_EVENTS events, --layout pages (SVG and PNG hold the overview only)"
"$BUILD/timeline_bench" --layout pages --stage-timeout "$STAGE_TIMEOUT" \
    --json="$RESULTS/stages-pages.json" "$PAGES" |
    tee "$RESULTS/stages-pages.txt" || echo "warning: timeline_bench found errors in $PAGES"

# Runs a command under GNU time with a time limit; prints "WALL_S KIB USER_S SYS_S",
# "timeout LIMIT" or "failed(STATUS)".
timed() {
    local label=$1 limit=$2
    shift 2
    local status=0
    /usr/bin/time -f '%e %M %U %S' -o "$RESULTS/$label.time" \
        timeout "$limit" "$@" >"$RESULTS/$label.log" 2>&1 || status=$?
    if [ "$status" = 124 ]; then
        echo "timeout $limit"
    elif [ "$status" != 0 ]; then
        echo "failed($status)"
    else
        tail -1 "$RESULTS/$label.time"
    fi
}

# timed, CLI_RUNS times; prints the run with the median wall time, or the first failure.
timed_median() {
    local label=$1
    shift
    local runs=() r
    for ((i = 1; i <= CLI_RUNS; i++)); do
        r=$(timed "$label" "$@")
        case $r in timeout* | failed*) echo "$r"; return ;; esac
        runs+=("$r")
    done
    printf '%s\n' "${runs[@]}" | sort -n -k1,1 | sed -n "$(((${#runs[@]} + 1) / 2))p"
}

show() {  # "WALL_S KIB USER_S SYS_S" -> "12.34 s (CPU 12.00 s)  56 MiB"
    case $1 in
        timeout*) echo "> ${1#timeout } s (stopped)" ;;
        failed*) echo "$1" ;;
        *) echo "$1" | awk '{ printf "%.2f s (CPU %.2f s)  %.0f MiB", $1, $3 + $4, $2 / 1024 }' ;;
    esac
}

echo "== whole process: timeline render CORPUS -o X.pdf (median of $CLI_RUNS runs, time limit" \
    "${CLI_TIMEOUT} s each), and matplotlib (1 run, ${MPL_TIMEOUT} s)"
# matplotlib builds its font cache on first use; that is not part of any chart's time.
$PY -c 'import matplotlib.pyplot' >/dev/null 2>&1
summary=$RESULTS/summary.txt
# CPU is user + system time: unlike wall time, it does not grow when other processes hold
# the cores.
printf '%-8s  %-34s  %-34s  %s\n' events "timeline CLI (PDF)" "matplotlib (PDF)" \
    "timeline / matplotlib" | tee "$summary"
for n in seed $SIZES; do
    dir=$CORPORA/events-$n
    [ "$n" = seed ] && dir=events
    t=$(timed_median "cli-$n" "$CLI_TIMEOUT" "$BUILD/timeline" render "$dir" -o "$RESULTS/cli-$n.pdf")
    m=skipped
    if [ "$n" = seed ] || [[ " $MPL_SIZES " == *" $n "* ]]; then
        m=$(timed "mpl-$n" "$MPL_TIMEOUT" "$PY" bench/matplotlib_timeline.py "$dir" \
            -o "$RESULTS/mpl-$n.pdf")
    fi
    ratio=-
    case "$t $m" in
        *timeout* | *failed* | *skipped*) ;;
        *) ratio=$(awk -v a="${t%% *}" -v b="${m%% *}" 'BEGIN { printf "%.3f", a / b }') ;;
    esac
    if [ "$m" = skipped ]; then mshow=skipped; else mshow=$(show "$m"); fi
    printf '%-8s  %-34s  %-34s  %s\n' "$n" "$(show "$t")" "$mshow" "$ratio" | tee -a "$summary"
done
t=$(timed_median cli-one-day-detail "$CLI_TIMEOUT" "$BUILD/timeline" render "$ONE_DAY" \
    --layout detail -o "$RESULTS/cli-one-day-detail.pdf")
printf '%-8s  %-34s\n' "one day" "$(show "$t")  (10,000 events, --layout detail)" |
    tee -a "$summary"
t=$(timed_median cli-pages "$CLI_TIMEOUT" "$BUILD/timeline" render "$PAGES" --layout pages \
    -o "$RESULTS/cli-pages.pdf")
printf '%-8s  %-34s\n' "$PAGES_EVENTS" "$(show "$t")  (--layout pages, every page)" |
    tee -a "$summary"
# A detail page of spread-out events is tall and its image is scaled down to fit: the case
# where a resampled dash tile cost 19 s of CPU (docs/performance.md, "Spread-out events in
# detail, as an image").
if [ -d "$CORPORA/events-1000" ]; then
    t=$(timed_median cli-1000-detail-png "$CLI_TIMEOUT" "$BUILD/timeline" render \
        "$CORPORA/events-1000" --layout detail -o "$RESULTS/cli-1000-detail.png")
    printf '%-8s  %-34s\n' "1000" "$(show "$t")  (--layout detail, PNG)" | tee -a "$summary"
fi
# totals reads what list reads and adds instead of printing every event: issue 13 asks it to
# stay within 1.2 times list's time. Compared on CPU (user + system), which load does not grow.
TOTALS_CORPUS=$CORPORA/events-$TOTALS_EVENTS
if [ -d "$TOTALS_CORPUS" ]; then
    l=$(timed_median "cli-list-$TOTALS_EVENTS" "$CLI_TIMEOUT" "$BUILD/timeline" list "$TOTALS_CORPUS")
    printf '%-8s  %-34s\n' "$TOTALS_EVENTS" "$(show "$l")  (list)" | tee -a "$summary"
    for by in supplier supplier,year; do
        t=$(timed_median "cli-totals-$by-$TOTALS_EVENTS" "$CLI_TIMEOUT" "$BUILD/timeline" totals \
            "$TOTALS_CORPUS" --by "$by")
        ratio=-
        case "$l $t" in
            *timeout* | *failed*) ;;
            *) ratio=$(awk -v a="$t" -v b="$l" 'BEGIN { split(a, x, " "); split(b, y, " ");
                   printf "%.2f", (x[3] + x[4]) / (y[3] + y[4]) }') ;;
        esac
        printf '%-8s  %-34s\n' "$TOTALS_EVENTS" \
            "$(show "$t")  (totals --by $by; CPU $ratio x list's)" | tee -a "$summary"
    done
fi
# Importing SIPRI's whole trade register (about 29,500 deals) must take under 5 s (issue 15):
# a register of SIPRI_ROWS deals in SIPRI's export layout, imported over the same folder each
# run (--force), then validated once (it must have no error).
SIPRI_REGISTER=$CORPORA/sipri-$SIPRI_ROWS.csv
[ -f "$SIPRI_REGISTER" ] || $PY bench/generate_sipri.py --rows "$SIPRI_ROWS" --out "$SIPRI_REGISTER"
t=$(timed_median "cli-import-sipri-$SIPRI_ROWS" "$CLI_TIMEOUT" "$BUILD/timeline" import sipri \
    "$SIPRI_REGISTER" -o "$RESULTS/sipri-$SIPRI_ROWS" --force)
printf '%-8s  %-34s\n' "$SIPRI_ROWS" "$(show "$t")  (import sipri: a register of $SIPRI_ROWS rows)" |
    tee -a "$summary"
"$BUILD/timeline" validate "$RESULTS/sipri-$SIPRI_ROWS" >"$RESULTS/validate-sipri.log" 2>&1 ||
    { tail -5 "$RESULTS/validate-sipri.log"; echo "error: the imported register does not validate" >&2; exit 1; }
# A tracker's export through a mapping file (issue 15): the same ACLED_ROWS rows as CSV and
# as a workbook, each imported with the acled preset and validated; both must give the same
# events (only the files' first comment line, naming the importer, differs).
ACLED_CSV=$CORPORA/acled-$ACLED_ROWS.csv
ACLED_XLSX=$CORPORA/acled-$ACLED_ROWS.xlsx
[ -f "$ACLED_CSV" ] && [ -f "$ACLED_XLSX" ] ||
    $PY bench/generate_acled.py --rows "$ACLED_ROWS" --csv "$ACLED_CSV" --xlsx "$ACLED_XLSX"
for format in csv xlsx; do
    table=$CORPORA/acled-$ACLED_ROWS.$format
    t=$(timed_median "cli-import-$format-$ACLED_ROWS" "$CLI_TIMEOUT" "$BUILD/timeline" import \
        "$format" "$table" --mapping acled -o "$RESULTS/acled-$format-$ACLED_ROWS" --force)
    printf '%-8s  %-34s\n' "$ACLED_ROWS" \
        "$(show "$t")  (import $format --mapping acled: $ACLED_ROWS rows)" | tee -a "$summary"
    "$BUILD/timeline" validate "$RESULTS/acled-$format-$ACLED_ROWS" \
        >"$RESULTS/validate-acled-$format.log" 2>&1 ||
        { tail -5 "$RESULTS/validate-acled-$format.log"
          echo "error: the imported $format export does not validate" >&2; exit 1; }
done
diff <(tail -n +2 "$RESULTS/acled-csv-$ACLED_ROWS/events.yaml") \
     <(tail -n +2 "$RESULTS/acled-xlsx-$ACLED_ROWS/events.yaml") >/dev/null ||
    { echo "error: import csv and import xlsx of the same rows gave different events" >&2; exit 1; }
# The editing loop (issue 14): from the close of a saved file to the renamed output of
# render --watch, on the seed and on a file of the 10,000-event corpus.
echo "== render --watch: from a save to the new output (median of 10 saves)"
$PY bench/watch_latency.py "$BUILD/timeline" events iran-missile-shipment.yaml |
    tee -a "$summary" "$RESULTS/watch.txt"
if [ -d "$CORPORA/events-10000" ]; then
    $PY bench/watch_latency.py "$BUILD/timeline" "$CORPORA/events-10000" \
        events/arms/arms-0001.yaml | sed 's/^/10,000 events: /' | tee -a "$summary" "$RESULTS/watch.txt"
fi
echo "matplotlib runs on the seed and on $MPL_SIZES events only: above, it would take far" \
    "longer than the whole bench." |
    tee -a "$summary"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$RESULTS/machine.txt"
echo "Results in $RESULTS/"
