// timeline_bench: times each pipeline stage in-process on corpus folders.
//
//   timeline_bench [--json | --json=FILE] [--skip-render-above N] [--runs N]
//                  [--stage-timeout SECONDS] [--layout detail|pages] CORPUS...
//
// For each corpus: yaml-cpp alone (the floor: YAML::LoadAll of every file's text, nodes
// discarded) on one thread and on two, and yaml-cpp's event parser alone with a handler that
// does nothing (what any loader built on yaml-cpp must pay), then load, validate, sort + lanes,
// layout and render to PDF, SVG and PNG into a byte-counting sink. Wall time is the median of 3
// runs for corpora of up to 10,000 events and 1 run above (or --runs; a stage whose first run takes
// over 10 s is run once); the first run is shown too, since one-time costs (fonts) fall there. Peak
// RSS is VmHWM, reset before each stage (/proc/self/clear_refs), so it is the process's peak while
// that stage ran, with everything earlier stages keep alive.
//
// With --stage-timeout, each corpus runs in a child process; a stage that takes longer is
// stopped and reported as such, with the stages after it, so that a slow stage is a finding
// rather than a benchmark that never ends.

#include <malloc.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <functional>
#include <iomanip>
#include <iostream>
#include <optional>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "base/diagnostics.hpp"
#include "cli/listing.hpp"
#include "layout/chart_layout.hpp"
#include "load/input_files.hpp"
#include "load/loader.hpp"
#include "render/render.hpp"
#include "render/text_shaper.hpp"
#include "theme/template_loader.hpp"
#include "timeline/order.hpp"
#include "timeline/timeline.hpp"
#include "timeline/totals.hpp"
#include "validate/validate.hpp"

namespace {

struct Args {
    std::vector<std::string> corpora;
    bool json_stdout = false;
    std::string json_file;
    long skip_render_above = 100000;
    int runs = 0;              // 0: by corpus size
    double stage_timeout = 0;  // seconds; 0: no limit, everything in this process
    bool detail = false;       // --layout detail: every event drawn, as with the CLI's flag
    bool pages = false;        // --layout pages: an overview and detail pages, all rendered
};

struct Stage {
    std::string name;
    double ms = 0;        ///< median of the runs
    double first_ms = 0;  ///< the first run: includes one-time costs such as font subsetting
    double cpu_ms = 0;    ///< median CPU time of the process (all threads) over the runs
    long peak_kib = 0;
    int runs = 0;
    bool skipped = false;
    std::string note;
    std::size_t out_bytes = 0;
};

struct CorpusResult {
    std::string path;
    std::size_t events = 0;
    std::size_t files = 0;
    std::size_t bytes = 0;
    std::size_t actors = 0;
    std::size_t errors = 0;
    std::size_t warnings = 0;
    int runs = 1;
    double font_setup_ms = 0;
    std::vector<Stage> stages;
};

// The stages, in the order they run.
const char* const kFloor1 = "yaml-cpp LoadAll, 1 thread";
const char* const kFloor2 = "yaml-cpp LoadAll, 2 threads";
const char* const kEvents1 = "yaml-cpp events only, 1 thread";
const char* const kLoad1 = "load, 1 thread";
const char* const kLoad = "load (default options)";
const char* const kValidate = "validate";
const char* const kSort = "sort + lanes (build_timeline)";
const char* const kList = "list (sort + listing_text)";
const char* const kTotals = "totals (sort + compute_totals)";
const char* const kLayout = "layout (layout_chart)";
const char* const kRenderPdf = "render pdf";
const char* const kRenderSvg = "render svg";
const char* const kRenderPng = "render png";
const std::vector<std::string> kStageOrder{kFloor1,    kFloor2,    kEvents1,  kLoad1, kLoad,
                                           kValidate,  kList,      kTotals,   kSort,  kLayout,
                                           kRenderPdf, kRenderSvg, kRenderPng};

/// What a corpus run tells as it goes: a stage begins, a stage (or the metadata) is done.
struct Progress {
    std::function<void(const std::string&)> begin = [](const std::string&) {};
    std::function<void(const CorpusResult&)> update = [](const CorpusResult&) {};
};

constexpr double kRepeatLimitMs = 10000;

long status_kib(const char* key) {
    std::ifstream in("/proc/self/status");
    std::string line;
    const std::string prefix = std::string(key) + ":";
    while (std::getline(in, line))
        if (line.rfind(prefix, 0) == 0)
            return std::strtol(line.c_str() + prefix.size(), nullptr, 10);
    return -1;
}

/// Gives freed heap back to the system and restarts VmHWM from the current RSS.
void reset_peak() {
    malloc_trim(0);
    std::ofstream("/proc/self/clear_refs") << "5";
}

double now_ms() {
    using namespace std::chrono;
    return duration<double, std::milli>(steady_clock::now().time_since_epoch()).count();
}

/// CPU time of the whole process, all threads: unlike wall time, it does not grow while
/// other processes hold the cores, so it keeps ratios honest on a shared machine.
double cpu_ms() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) * 1e3 + static_cast<double>(t.tv_nsec) / 1e6;
}

/// Runs `body` `runs` times (once when the first run exceeds kRepeatLimitMs); returns the
/// median wall time and the peak RSS over the runs.
Stage measure(const std::string& name, int runs, const Progress& progress,
              const std::function<void()>& body) {
    progress.begin(name);
    reset_peak();
    std::vector<double> times;
    std::vector<double> cpu;
    double first = 0;
    for (int r = 0; r < runs; ++r) {
        const double c0 = cpu_ms();
        const double t0 = now_ms();
        body();
        times.push_back(now_ms() - t0);
        cpu.push_back(cpu_ms() - c0);
        if (r == 0) first = times.back();
        // A stage that takes more than 10 s is not noise-bound; repeating it would only
        // push `make bench` past its time budget.
        if (times.back() > kRepeatLimitMs) break;
    }
    std::sort(times.begin(), times.end());
    std::sort(cpu.begin(), cpu.end());
    Stage s;
    s.name = name;
    s.ms = times[times.size() / 2];
    s.first_ms = first;
    s.cpu_ms = cpu[cpu.size() / 2];
    s.peak_kib = status_kib("VmHWM");
    s.runs = static_cast<int>(times.size());
    return s;
}

/// LoadOptions gained a thread count with the two-thread loader; set it when it exists.
template <typename Options>
bool set_threads(Options& o, unsigned n) {
    if constexpr (requires { o.threads = n; }) {
        o.threads = n;
        return true;
    } else {
        (void)o;
        (void)n;
        return false;
    }
}

unsigned default_load_threads() {
    tl::LoadOptions defaults;
    if constexpr (requires { defaults.threads; })
        return defaults.threads;
    else
        return 1;
}

std::string read_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

/// YAML::LoadAll of every text on `threads` threads, each taking the next file; trees dropped.
void yaml_floor(const std::vector<std::string>& texts, unsigned threads) {
    std::atomic<std::size_t> next{0};
    std::atomic<std::size_t> docs{0};
    const auto work = [&] {
        for (std::size_t i; (i = next.fetch_add(1)) < texts.size();)
            docs += YAML::LoadAll(texts[i]).size();
    };
    std::vector<std::thread> helpers;
    for (unsigned t = 1; t < threads; ++t)
        helpers.emplace_back(work);
    work();
    for (std::thread& t : helpers)
        t.join();
}

/// Receives yaml-cpp's parser events and keeps nothing: the parse without any tree.
class IgnoreEvents : public YAML::EventHandler {
  public:
    void OnDocumentStart(const YAML::Mark&) override {}
    void OnDocumentEnd() override {}
    void OnNull(const YAML::Mark&, YAML::anchor_t) override {}
    void OnAlias(const YAML::Mark&, YAML::anchor_t) override {}
    void OnScalar(const YAML::Mark&, const std::string&, YAML::anchor_t,
                  const std::string&) override {}
    void OnSequenceStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                         YAML::EmitterStyle::value) override {}
    void OnSequenceEnd() override {}
    void OnMapStart(const YAML::Mark&, const std::string&, YAML::anchor_t,
                    YAML::EmitterStyle::value) override {}
    void OnMapEnd() override {}
};

/// yaml-cpp's event parser over every text on one thread, events ignored.
void yaml_events_floor(const std::vector<std::string>& texts) {
    IgnoreEvents ignore;
    for (const std::string& text : texts) {
        std::istringstream in(text);
        YAML::Parser parser(in);
        while (parser.HandleNextDocument(ignore)) {
        }
    }
}

/// Pango's font map and fontconfig are set up once per process, on the first measure; that
/// is timed on its own, not as part of the layout stage.
double font_setup_ms() {
    static const double ms = [] {
        const double t0 = now_ms();
        const tl::TextShaper warm_up;
        warm_up.measure("Warm-up Россия 中国 إيران", tl::default_theme().font(8));
        return now_ms() - t0;
    }();
    return ms;
}

tl::Theme default_template() {
    tl::SourceFiles files;
    tl::Diagnostics d;
    const std::string path = std::string(TIMELINE_SOURCE_DIR) + "/templates/default.yaml";
    files.add(path);
    tl::Theme loaded = tl::load_template(path, files, d);
    return d.has_errors() ? tl::default_theme() : loaded;
}

void run_corpus(const std::string& corpus, const Args& args, CorpusResult& res,
                const Progress& progress) {
    res.path = corpus;
    res.font_setup_ms = font_setup_ms();

    tl::Diagnostics list_diags;
    const std::vector<std::string> paths = tl::expand_inputs({corpus}, list_diags);
    std::vector<std::string> texts;
    std::size_t event_marks = 0;
    for (const std::string& p : paths) {
        texts.push_back(read_file(p));
        res.bytes += texts.back().size();
        // A cheap count, only to choose the number of runs before anything is timed.
        for (std::size_t at = 0; (at = texts.back().find("\n  - id: ", at)) != std::string::npos;
             ++at)
            ++event_marks;
    }
    res.files = paths.size();
    res.runs = args.runs > 0 ? args.runs : (event_marks <= 10500 ? 3 : 1);
    const int runs = res.runs;
    progress.update(res);
    const auto add = [&](Stage s) {
        res.stages.push_back(std::move(s));
        progress.update(res);
    };

    add(measure(kFloor1, runs, progress, [&] { yaml_floor(texts, 1); }));
    add(measure(kFloor2, runs, progress, [&] { yaml_floor(texts, 2); }));
    add(measure(kEvents1, runs, progress, [&] { yaml_events_floor(texts); }));
    texts.clear();
    texts.shrink_to_fit();

    tl::LoadOptions one_thread;
    if (set_threads(one_thread, 1)) {
        add(measure(kLoad1, runs, progress, [&] {
            tl::Diagnostics d;
            tl::Model m = tl::load_inputs({corpus}, d, one_thread);
        }));
    }
    tl::Model model;
    tl::Diagnostics diags;
    Stage load = measure(kLoad, runs, progress, [&] {
        tl::Diagnostics d;
        tl::Model m = tl::load_inputs({corpus}, d);
        model = std::move(m);
        diags = std::move(d);
    });
    load.note = std::to_string(default_load_threads()) + " threads";
    res.events = model.events.size();
    res.actors = model.actors.size();
    add(load);

    tl::Diagnostics validate_diags;
    add(measure(kValidate, runs, progress, [&] {
        tl::Diagnostics d;
        tl::validate(model, d);
        validate_diags = std::move(d);
    }));
    res.errors = diags.error_count() + validate_diags.error_count();
    res.warnings = diags.warning_count() + validate_diags.warning_count();

    // What `list` and `totals` do once the inputs are read: issue 13 asks that totals take
    // at most 1.2 times what list takes, and these are the parts in which they differ.
    std::size_t written = 0;
    add(measure(kList, runs, progress,
                [&] { written += tl::cli::listing_text(tl::sorted_events(model.events)).size(); }));
    add(measure(kTotals, runs, progress, [&] {
        const tl::TotalsTable t =
            tl::compute_totals(tl::sorted_events(model.events), {{tl::TotalsKey::supplier}, ""});
        written += t.rows.size();
    }));
    if (written == 0 && !model.events.empty()) std::fputs("nothing listed\n", stderr);

    std::optional<tl::Timeline> timeline;
    Stage sort = measure(kSort, runs, progress, [&] {
        timeline.reset();
        timeline.emplace(tl::build_timeline(model));
    });
    sort.note = std::to_string(timeline->lanes.size()) + " lanes";
    add(sort);

    const tl::Theme theme = default_template();
    // Made once, as the CLI does, by the same factory (Pango behind a cache).
    const std::unique_ptr<tl::TextMeasurer> measurer = tl::make_text_measurer();
    const tl::TextMeasurer& shaper = *measurer;
    tl::Document doc;
    tl::LayoutOptions layout_options;
    if (args.detail) layout_options.mode = tl::LayoutMode::detail;
    if (args.pages) layout_options.mode = tl::LayoutMode::pages;
    // As the CLI does: pages lays out its detail pages on one thread per core.
    layout_options.threads = std::max(1u, std::thread::hardware_concurrency());
    layout_options.measurer_factory = tl::make_text_measurer;
    Stage layout = measure(kLayout, runs, progress, [&] {
        doc = tl::Document{};
        doc = tl::layout_document(*timeline, model, theme, shaper, layout_options);
    });
    {
        std::size_t items = 0;
        for (const tl::Scene& page : doc.pages)
            items += page.items.size();
        std::ostringstream note;
        note << std::fixed << std::setprecision(0) << doc.pages.size()
             << (doc.pages.size() == 1 ? " page " : " pages ") << doc.pages.front().width << " x "
             << doc.pages.front().height << " pt, " << items << " items";
        layout.note = note.str();
    }
    add(layout);

    tl::RenderOptions render_options;
    render_options.png_dpi = theme.png_dpi;
    render_options.creator = "timeline_bench";
    render_options.timestamp = "1970-01-01T00:00:00Z";
    for (const tl::OutputFormat format :
         {tl::OutputFormat::pdf, tl::OutputFormat::svg, tl::OutputFormat::png}) {
        const std::string name = "render " + std::string(tl::to_string(format));
        if (args.skip_render_above >= 0 && static_cast<long>(res.events) > args.skip_render_above) {
            Stage s;
            s.name = name;
            s.skipped = true;
            s.note = "skipped (--skip-render-above " + std::to_string(args.skip_render_above) + ")";
            add(s);
            continue;
        }
        std::size_t bytes = 0;
        std::string problem;
        Stage s = measure(name, runs, progress, [&] {
            bytes = 0;
            // A PDF has every page; an SVG or PNG, the first (as the CLI writes them).
            problem = tl::render_document(doc, format, render_options,
                                          [&](const unsigned char*, std::size_t size) {
                                              bytes += size;
                                              return true;
                                          });
        });
        s.out_bytes = bytes;
        s.note = problem.empty() ? std::to_string((bytes + 512) / 1024) + " KiB out"
                                 : "failed: " + problem;
        add(s);
    }
}

// --- A corpus in a child process, for --stage-timeout --------------------------------------
// The child writes lines to a pipe: "B\tNAME" when a stage begins, and after each stage the
// whole result so far: "R\tfields...", one "S\tfields..." per stage, then "E".

std::string clean(std::string s) {
    std::replace(s.begin(), s.end(), '\t', ' ');
    std::replace(s.begin(), s.end(), '\n', ' ');
    return s;
}

std::string serialize(const CorpusResult& r) {
    std::ostringstream out;
    out << std::setprecision(17) << "R\t" << r.events << '\t' << r.files << '\t' << r.bytes << '\t'
        << r.actors << '\t' << r.errors << '\t' << r.warnings << '\t' << r.runs << '\t'
        << r.font_setup_ms << '\n';
    for (const Stage& s : r.stages)
        out << "S\t" << clean(s.name) << '\t' << s.ms << '\t' << s.peak_kib << '\t' << s.runs
            << '\t' << s.skipped << '\t' << s.out_bytes << '\t' << clean(s.note) << '\t'
            << s.first_ms << '\t' << s.cpu_ms << '\n';
    out << "E\n";
    return out.str();
}

std::vector<std::string> split_tabs(const std::string& line) {
    std::vector<std::string> f;
    std::size_t start = 0;
    for (std::size_t tab; (tab = line.find('\t', start)) != std::string::npos; start = tab + 1)
        f.push_back(line.substr(start, tab - start));
    f.push_back(line.substr(start));
    return f;
}

void write_all(int fd, const std::string& s) {
    for (std::size_t done = 0; done < s.size();) {
        const ssize_t n = ::write(fd, s.data() + done, s.size() - done);
        if (n <= 0) std::_Exit(4);
        done += static_cast<std::size_t>(n);
    }
}

/// Runs one corpus in a child; stops it when a stage runs longer than the limit.
CorpusResult run_corpus_in_child(const std::string& corpus, const Args& args) {
    CorpusResult res;
    res.path = corpus;
    int fds[2];
    if (::pipe(fds) != 0) {
        std::perror("timeline_bench: pipe");
        std::exit(3);
    }
    std::cout.flush();
    const pid_t child = ::fork();
    if (child < 0) {
        std::perror("timeline_bench: fork");
        std::exit(3);
    }
    if (child == 0) {
        ::close(fds[0]);
        Progress progress;
        progress.begin = [&](const std::string& name) { write_all(fds[1], "B\t" + name + "\n"); };
        progress.update = [&](const CorpusResult& r) { write_all(fds[1], serialize(r)); };
        CorpusResult own;
        run_corpus(corpus, args, own, progress);
        std::_Exit(0);  // no destructors of state shared with the parent
    }
    ::close(fds[1]);

    std::string running;  // the stage the child is in
    double running_since = now_ms();
    std::string buffer;
    CorpusResult pending;
    bool stopped = false;
    const double limit_ms = args.stage_timeout * 1000;
    for (;;) {
        const double left = limit_ms - (now_ms() - running_since);
        if (left <= 0) {
            ::kill(child, SIGKILL);
            stopped = true;
            break;
        }
        pollfd p{fds[0], POLLIN, 0};
        const int ready = ::poll(&p, 1, static_cast<int>(std::min(left, 1000.0)) + 1);
        if (ready <= 0) continue;
        char chunk[4096];
        const ssize_t n = ::read(fds[0], chunk, sizeof chunk);
        if (n <= 0) break;  // the child is done, or died
        buffer.append(chunk, static_cast<std::size_t>(n));
        for (std::size_t nl; (nl = buffer.find('\n')) != std::string::npos;) {
            const std::string line = buffer.substr(0, nl);
            buffer.erase(0, nl + 1);
            const auto f = split_tabs(line);
            if (f[0] == "B" && f.size() == 2) {
                running = f[1];
                running_since = now_ms();
            } else if (f[0] == "R" && f.size() == 9) {
                pending = CorpusResult{};
                pending.path = corpus;
                pending.events = std::stoul(f[1]);
                pending.files = std::stoul(f[2]);
                pending.bytes = std::stoul(f[3]);
                pending.actors = std::stoul(f[4]);
                pending.errors = std::stoul(f[5]);
                pending.warnings = std::stoul(f[6]);
                pending.runs = std::stoi(f[7]);
                pending.font_setup_ms = std::stod(f[8]);
            } else if (f[0] == "S" && f.size() == 10) {
                Stage s;
                s.name = f[1];
                s.ms = std::stod(f[2]);
                s.peak_kib = std::stol(f[3]);
                s.runs = std::stoi(f[4]);
                s.skipped = f[5] == "1";
                s.out_bytes = std::stoul(f[6]);
                s.note = f[7];
                s.first_ms = std::stod(f[8]);
                s.cpu_ms = std::stod(f[9]);
                pending.stages.push_back(s);
            } else if (f[0] == "E") {
                res = pending;
                running.clear();
                running_since = now_ms();
            }
        }
    }
    ::close(fds[0]);
    int status = 0;
    ::waitpid(child, &status, 0);
    const bool clean_exit = !stopped && WIFEXITED(status) && WEXITSTATUS(status) == 0;
    if (!clean_exit) {
        // The stage that was running, then every stage it would have fed, are reported.
        std::string why;
        if (stopped) {
            std::ostringstream s;
            s << "stopped after " << args.stage_timeout << " s (--stage-timeout)";
            why = s.str();
        } else if (WIFSIGNALED(status)) {
            why = "the process died of signal " + std::to_string(WTERMSIG(status));
        } else {
            why = "the process exited with status " + std::to_string(WEXITSTATUS(status));
        }
        auto from = std::find(kStageOrder.begin(), kStageOrder.end(), running);
        for (auto it = from; it != kStageOrder.end(); ++it) {
            if (*it == kLoad1 && default_load_threads() == 1) continue;
            Stage s;
            s.name = *it;
            s.skipped = true;
            s.note = it == from ? why : "not run: an earlier stage did not finish";
            res.stages.push_back(s);
        }
    }
    return res;
}

// --- Output -----------------------------------------------------------------------------

const Stage* find_stage(const CorpusResult& r, const std::string& name) {
    for (const Stage& s : r.stages)
        if (s.name == name && !s.skipped) return &s;
    return nullptr;
}

/// load / yaml-cpp alone, like with like: the default load against the floor on as many
/// threads as the loader uses, and a 1-thread load against the 1-thread floor.
struct Ratios {
    std::optional<double> default_vs_floor;
    std::string default_floor;
    std::optional<double> one_vs_floor1;
    std::optional<double> one_vs_events1;  ///< 1-thread load against the bare event parse
};

Ratios ratios(const CorpusResult& r) {
    Ratios out;
    const Stage* y1 = find_stage(r, kFloor1);
    const Stage* y2 = find_stage(r, kFloor2);
    const Stage* l1 = find_stage(r, kLoad1);
    const Stage* ld = find_stage(r, kLoad);
    const bool two = default_load_threads() >= 2;
    const Stage* floor = two ? y2 : y1;
    out.default_floor = two ? "2 threads" : "1 thread";
    if (ld && floor && floor->ms > 0) out.default_vs_floor = ld->ms / floor->ms;
    if (l1 && y1 && y1->ms > 0) out.one_vs_floor1 = l1->ms / y1->ms;
    const Stage* e1 = find_stage(r, kEvents1);
    if (l1 && e1 && e1->ms > 0) out.one_vs_events1 = l1->ms / e1->ms;
    return out;
}

double per_event_us(const CorpusResult& r, const Stage& s) {
    return r.events ? s.ms * 1000.0 / static_cast<double>(r.events) : 0;
}

void print_table(const CorpusResult& r, std::ostream& out) {
    out << "\n== " << r.path << ": " << r.events << " events, " << r.actors << " actors, "
        << r.files << " files, " << (r.bytes + 512) / 1024 << " KiB; "
        << (r.runs > 1 ? "median of " + std::to_string(r.runs) + " runs" : "1 run") << "; "
        << r.errors << " errors, " << r.warnings << " warnings; font setup " << std::fixed
        << std::setprecision(1) << r.font_setup_ms << " ms (once, not in the stages)\n";
    out << std::left << std::setw(31) << "stage" << std::right << std::setw(11) << "wall ms"
        << std::setw(11) << "us/event" << std::setw(15) << "peak RSS MiB" << std::setw(12)
        << "1st run ms" << std::setw(10) << "CPU ms"
        << "  note\n";
    for (const Stage& s : r.stages) {
        out << std::left << std::setw(31) << s.name << std::right;
        if (s.skipped) {
            out << std::setw(11) << "-" << std::setw(11) << "-" << std::setw(15) << "-"
                << std::setw(12) << "-" << std::setw(10) << "-";
        } else {
            out << std::fixed << std::setprecision(1) << std::setw(11) << s.ms << std::setw(11)
                << per_event_us(r, s) << std::setw(15) << static_cast<double>(s.peak_kib) / 1024.0
                << std::setw(12) << s.first_ms << std::setw(10) << s.cpu_ms;
        }
        out << "  " << s.note;
        if (!s.skipped && s.runs != r.runs)
            out << (s.note.empty() ? "" : "; ") << s.runs << (s.runs == 1 ? " run" : " runs");
        out << "\n";
    }
    const Ratios q = ratios(r);
    out << std::fixed << std::setprecision(2);
    if (q.default_vs_floor)
        out << "load / yaml-cpp alone: " << *q.default_vs_floor << "x (default load vs "
            << q.default_floor << " floor)";
    if (q.one_vs_floor1) out << ", " << *q.one_vs_floor1 << "x (1 thread vs 1 thread)";
    if (q.one_vs_events1)
        out << "; load / yaml-cpp events only: " << *q.one_vs_events1 << "x (1 thread)";
    out << "\n";
}

std::string json_string(const std::string& s) {
    std::string out = "\"";
    for (const char c : s) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
        } else {
            out += c;
        }
    }
    return out + "\"";
}

std::string json_number(const std::optional<double>& v) {
    if (!v) return "null";
    std::ostringstream out;
    out << std::fixed << std::setprecision(3) << *v;
    return out.str();
}

std::string to_json(const std::vector<CorpusResult>& results) {
    std::ostringstream out;
    out << std::fixed << std::setprecision(3) << "[";
    for (std::size_t i = 0; i < results.size(); ++i) {
        const CorpusResult& r = results[i];
        out << (i ? ",\n" : "\n") << " {\"corpus\": " << json_string(r.path)
            << ", \"events\": " << r.events << ", \"actors\": " << r.actors
            << ", \"files\": " << r.files << ", \"bytes\": " << r.bytes << ", \"runs\": " << r.runs
            << ", \"errors\": " << r.errors << ", \"warnings\": " << r.warnings
            << ", \"font_setup_ms\": " << r.font_setup_ms << ", \"stages\": [";
        for (std::size_t j = 0; j < r.stages.size(); ++j) {
            const Stage& s = r.stages[j];
            out << (j ? ",\n" : "\n") << "  {\"name\": " << json_string(s.name);
            if (s.skipped) {
                out << ", \"skipped\": true";
            } else {
                out << ", \"skipped\": false, \"ms\": " << s.ms
                    << ", \"first_run_ms\": " << s.first_ms << ", \"cpu_ms\": " << s.cpu_ms
                    << ", \"us_per_event\": " << per_event_us(r, s)
                    << ", \"peak_rss_kib\": " << s.peak_kib << ", \"runs\": " << s.runs;
                if (s.out_bytes) out << ", \"out_bytes\": " << s.out_bytes;
            }
            out << ", \"note\": " << json_string(s.note) << "}";
        }
        const Ratios q = ratios(r);
        out << "],\n  \"load_vs_yaml_cpp\": " << json_number(q.default_vs_floor)
            << ", \"load_vs_yaml_cpp_floor\": " << json_string(q.default_floor)
            << ", \"load_1_thread_vs_yaml_cpp_1_thread\": " << json_number(q.one_vs_floor1)
            << ", \"load_1_thread_vs_yaml_cpp_events_1_thread\": " << json_number(q.one_vs_events1)
            << "}";
    }
    out << "\n]\n";
    return out.str();
}

int usage(const char* why, int code) {
    (code ? std::cerr : std::cout)
        << "timeline_bench: " << why << "\n"
        << "usage: timeline_bench [--json | --json=FILE] [--skip-render-above N] [--runs N]\n"
           "                      [--stage-timeout SECONDS] [--layout detail|pages] CORPUS...\n";
    return code;
}

}  // namespace

int main(int argc, char** argv) {
    Args args;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        const bool has_value = i + 1 < argc;
        if (a == "--json") {
            args.json_stdout = true;
        } else if (a.rfind("--json=", 0) == 0) {
            args.json_file = a.substr(7);
        } else if (a == "--skip-render-above" && has_value) {
            args.skip_render_above = std::strtol(argv[++i], nullptr, 10);
        } else if (a == "--runs" && has_value) {
            args.runs = static_cast<int>(std::strtol(argv[++i], nullptr, 10));
        } else if (a == "--stage-timeout" && has_value) {
            args.stage_timeout = std::strtod(argv[++i], nullptr);
        } else if (a == "--layout" && has_value && std::string(argv[i + 1]) == "detail") {
            args.detail = true;
            ++i;
        } else if (a == "--layout" && has_value && std::string(argv[i + 1]) == "pages") {
            args.pages = true;
            ++i;
        } else if (a == "--help" || a == "-h") {
            return usage("times each pipeline stage on corpus folders", 0);
        } else if (!a.empty() && a[0] == '-') {
            return usage(("unknown option or missing value: " + a).c_str(), 2);
        } else {
            args.corpora.push_back(a);
        }
    }
    if (args.corpora.empty()) return usage("give at least one corpus folder", 2);

    std::vector<CorpusResult> results;
    for (const std::string& corpus : args.corpora) {
        if (args.stage_timeout > 0) {
            results.push_back(run_corpus_in_child(corpus, args));
        } else {
            results.emplace_back();
            run_corpus(corpus, args, results.back(), Progress{});
        }
        if (!args.json_stdout) print_table(results.back(), std::cout);
        std::cout.flush();
    }
    const std::string json = to_json(results);
    if (args.json_stdout) std::cout << json;
    if (!args.json_file.empty()) {
        std::ofstream out(args.json_file, std::ios::binary);
        out << json;
        if (!out) {
            std::cerr << "timeline_bench: cannot write " << args.json_file << "\n";
            return 3;
        }
    }
    for (const CorpusResult& r : results)
        if (r.errors) return 1;
    return 0;
}
