#include "layout/pages_layout.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <condition_variable>
#include <exception>
#include <iterator>
#include <mutex>
#include <numeric>

#include <utility>

#include "base/parallel.hpp"
#include "base/text.hpp"
#include "layout/chart_colors.hpp"
#include "layout/date_label.hpp"
#include "layout/density.hpp"
#include "layout/density_view.hpp"
#include "layout/detail_view.hpp"
#include "timeline/order.hpp"

namespace tl {
namespace {

constexpr double kMaxPageSide = 14400;  // PDF's largest page side: 200 inches
/// Detail pages are cut from runs of about this many events (pages_layout.hpp).
constexpr std::size_t kEventsPerRun = 1000;

/// The events of one detail page: [begin, end) of the events in order of their start day.
struct Slice {
    std::size_t begin = 0, end = 0;
    DaySpan days;
};

/// A detail page's look: the overview's without its legend, which the overview shows for
/// every page (on a page of a dozen events it took a fifth of the height).
Theme detail_theme(const Theme& pages) {
    Theme detail = pages;
    detail.show_legend = false;
    return detail;
}

class PagesLayout {
  public:
    PagesLayout(const Timeline& t, const Model& m, const Theme& theme, const TextMeasurer& tm,
                const LayoutOptions& o)
        : t_(t),
          model_(m),
          theme_(pages_theme(theme)),
          detail_theme_(detail_theme(theme_)),
          tm_(tm),
          options_(o),
          // The slices cover the window asked for, not the reach of events that began
          // before it.
          span_(o.window ? *o.window : t.span),
          accents_(ChartColors(t, m, theme_)) {}

    Document build() {
        std::vector<Document> details;
        std::vector<DaySpan> days;  // of each detail page
        if (!span_.empty()) {
            order_events();
            for (DetailPages& run : lay_out_runs(run_bounds())) {
                std::move(run.docs.begin(), run.docs.end(), std::back_inserter(details));
                days.insert(days.end(), run.days.begin(), run.days.end());
            }
        }
        // The overview's length decides the detail pages' numbers, which its key shows: it
        // is laid out again in the rare case that the key changes its length.
        std::size_t overview_pages = 1;
        Document doc;
        for (int attempt = 0; attempt < 3; ++attempt) {
            std::vector<PageMark> marks;
            int next = static_cast<int>(overview_pages) + 1;
            for (std::size_t i = 0; i < details.size(); ++i) {
                marks.push_back({days[i], next});
                next += static_cast<int>(details[i].pages.size());
            }
            doc = overview(std::move(marks));
            if (doc.pages.size() == overview_pages) break;
            overview_pages = doc.pages.size();
        }
        doc.pages.front().outline = "Overview";
        for (std::size_t i = 0; i < details.size(); ++i) {
            const std::size_t number = doc.pages.size() + 1;
            details[i].pages.front().outline =
                "p. " + std::to_string(number) + ": " + days_text(days[i]);
            for (Scene& page : details[i].pages)
                doc.pages.push_back(std::move(page));
        }
        return doc;
    }

  private:
    /// The overview: a density view of every lane, over as many pages as its lanes need at
    /// full size (lanes in groups in their order, each page with the axis and the key of
    /// pages), all on the first page's scale of counts.
    Document overview(std::vector<PageMark> marks) const {
        LayoutOptions options = options_;
        options.mode = LayoutMode::density;
        options.page_marks = std::move(marks);
        Document whole = build_density_chart(t_, model_, theme_, tm_, options);
        const std::size_t lanes = t_.lanes.size();
        if (fits(whole) || lanes < 2) return whole;
        options.density_peak = density_peak(whole.pages.front());
        // Every page of lanes measures what the whole does, though its events differ.
        const std::string unit = choose_measure(t_, options_.measure).unit;
        options.measure = unit.empty() ? std::string(kCountMeasure) : unit;
        // A page of some lanes holds only their events: a totals block there would misstate
        // the suppliers' totals, so an overview in parts has none.
        options.totals_block = 0;
        // From the share of the page the lanes overflow by, then more groups until each fits.
        const double usable = theme_.page_height - 2 * theme_.margin;
        auto groups = static_cast<std::size_t>(
            std::ceil((whole.chart_bottom - theme_.margin) / std::max(usable, 1.0)));
        // Each event's lanes, found once for every group of lanes (and every try at their
        // number) rather than once for each: 250 actors' lanes of 30,000 events took 2% of
        // a render.
        std::vector<std::vector<std::size_t>> involved;
        involved.reserve(t_.events.size());
        for (const Event* e : t_.events)
            involved.push_back(t_.involved_lanes(*e));
        for (groups = std::clamp<std::size_t>(groups, 2, lanes);; ++groups) {
            const std::size_t size = (lanes + groups - 1) / groups;
            std::vector<Document> parts((lanes + size - 1) / size);
            in_parallel(parts.size(), [&](std::size_t part, const TextMeasurer& tm) {
                const std::size_t first = part * size;
                std::vector<bool> used(lanes, false);
                std::fill(used.begin() + static_cast<std::ptrdiff_t>(first),
                          used.begin() + static_cast<std::ptrdiff_t>(std::min(lanes, first + size)),
                          true);
                std::vector<const Event*> events;
                for (std::size_t i = 0; i < t_.events.size(); ++i) {
                    const std::vector<std::size_t>& in = involved[i];
                    if (std::any_of(in.begin(), in.end(), [&](std::size_t l) { return used[l]; }))
                        events.push_back(t_.events[i]);
                }
                parts[part] = build_density_chart(with_lanes(used, std::move(events), t_.span),
                                                  model_, theme_, tm, options);
            });
            Document doc{whole.title, whole.subject, {}, 0};
            bool all_fit = true;
            for (Document& part : parts) {
                all_fit = all_fit && fits(part);
                for (Scene& page : part.pages)
                    doc.pages.push_back(std::move(page));
            }
            if (all_fit || size == 1) return doc;
        }
    }

    /// The detail charts of one run of events, and the days each covers.
    struct DetailPages {
        std::vector<Document> docs;
        std::vector<DaySpan> days;
    };

    /// Where the runs of events start, and the end: about kEventsPerRun events each, cut at
    /// the next change of day. Each run is sliced on its own, so that the runs can be laid
    /// out on several threads and the pages do not depend on how many there are.
    std::vector<std::size_t> run_bounds() const {
        std::vector<std::size_t> bounds{0};
        for (std::size_t end = kEventsPerRun; end < events_.size();
             end = bounds.back() + kEventsPerRun) {
            while (end < events_.size() && !day_boundary(end))
                ++end;
            if (end == events_.size()) break;
            bounds.push_back(end);
        }
        bounds.push_back(events_.size());
        return bounds;
    }

    /// Lays out the runs [bounds[i], bounds[i + 1]), in their order.
    std::vector<DetailPages> lay_out_runs(const std::vector<std::size_t>& bounds) const {
        if (options_.on_detail_page) return lay_out_runs_handing_on(bounds);
        std::vector<DetailPages> done(bounds.size() - 1);
        in_parallel(done.size(), [&](std::size_t r, const TextMeasurer& tm) {
            done[r] = lay_out_run(bounds[r], bounds[r + 1], tm);
        });
        return done;
    }

    /// lay_out_runs(), handing each run's pages to on_detail_page in order as soon as the
    /// runs before it are done: this thread hands them on, and lays out the next run not
    /// taken while none is ready; the helper threads only lay out.
    std::vector<DetailPages> lay_out_runs_handing_on(const std::vector<std::size_t>& bounds) const {
        const std::size_t n = bounds.size() - 1;
        std::vector<DetailPages> done(n);
        std::vector<bool> ready(n, false);
        std::mutex mutex;
        std::condition_variable changed;
        std::atomic<std::size_t> next{0};
        std::exception_ptr failed;  // a helper's, under `mutex`
        const auto lay_out = [&](std::size_t r, const TextMeasurer& tm) {
            DetailPages pages = lay_out_run(bounds[r], bounds[r + 1], tm);
            {
                const std::lock_guard<std::mutex> lock(mutex);
                done[r] = std::move(pages);
                ready[r] = true;
            }
            changed.notify_all();
        };
        const std::size_t threads = options_.measurer_factory && n > 1
                                        ? std::clamp<std::size_t>(options_.threads, 1, n)
                                        : 1;
        run_on_threads(threads, [&](std::size_t thread) {
            if (thread > 0) {
                try {
                    const auto tm = options_.measurer_factory();
                    for (std::size_t r = next++; r < n; r = next++)
                        lay_out(r, *tm);
                } catch (...) {
                    next = n;  // the others stop too
                    const std::lock_guard<std::mutex> lock(mutex);
                    failed = std::current_exception();
                }
                changed.notify_all();
                return;
            }
            try {
                for (std::size_t w = 0; w < n;) {
                    std::unique_lock<std::mutex> lock(mutex);
                    if (failed) return;
                    if (ready[w]) {
                        lock.unlock();
                        for (const Document& doc : done[w].docs)
                            for (const Scene& page : doc.pages)
                                options_.on_detail_page(page);
                        ++w;
                        continue;
                    }
                    lock.unlock();
                    if (const std::size_t r = next++; r < n) {
                        lay_out(r, tm_);
                        continue;
                    }
                    lock.lock();
                    changed.wait(lock, [&] { return ready[w] || failed; });
                }
            } catch (...) {
                next = n;
                throw;
            }
        });
        if (failed) std::rethrow_exception(failed);
        return done;
    }

    /// Calls job(i, measurer) for each i in [0, n) on up to options_.threads threads, each
    /// taking the next i not yet taken and measuring with its own measurer. The jobs must
    /// write only their own results, so that none depends on which thread ran it.
    template <class Job>
    void in_parallel(std::size_t n, const Job& job) const {
        std::atomic<std::size_t> next{0};
        const auto work = [&](const TextMeasurer& tm) {
            for (std::size_t i = next++; i < n; i = next++)
                job(i, tm);
        };
        const std::size_t threads = options_.measurer_factory && n > 1
                                        ? std::clamp<std::size_t>(options_.threads, 1, n)
                                        : 1;
        std::vector<std::exception_ptr> failed(threads);
        // A thread that fails takes the remaining jobs from the others, so that they stop.
        const auto guarded = [&](std::size_t thread, const auto& body) {
            try {
                body();
            } catch (...) {
                failed[thread] = std::current_exception();
                next = n;
            }
        };
        run_on_threads(threads, [&](std::size_t t) {
            if (t == 0)
                guarded(0, [&] { work(tm_); });
            else
                guarded(t, [&] { work(*options_.measurer_factory()); });
        });
        for (const std::exception_ptr& e : failed)
            if (e) std::rethrow_exception(e);
    }

    /// The detail charts of the events [first, end): each slice is tried at the size that
    /// the chart's height on the page suggests (from the slice before, then from its own
    /// overflow) until it fits unscaled.
    DetailPages lay_out_run(std::size_t first, std::size_t end, const TextMeasurer& tm) const {
        DetailPages out;
        std::size_t count = kEventsPerPage;
        for (std::size_t begin = first, limit = end; begin < end;) {
            const Slice s = next_slice(begin, count, limit);
            Document doc =
                build_detail_chart(timeline_of(s), model_, detail_theme_, tm, detail_options(s));
            const std::size_t size = s.end - s.begin;
            const double room =
                (theme_.page_height - theme_.margin) / std::max(doc.chart_bottom, theme_.margin);
            const auto scaled = static_cast<std::size_t>(static_cast<double>(size) * room);
            if (fits(doc) || size == 1) {
                out.docs.push_back(std::move(doc));
                out.days.push_back(s.days);
                // At least this slice's size, at most kEventsPerPage: a slice may hold
                // more (a day's events stay together), and std::clamp with its bounds
                // the wrong way round is undefined (it aborted the Debug build).
                count = std::min(std::max(scaled, size), kEventsPerPage);
                begin = s.end;
                limit = end;
            } else {
                count = std::clamp<std::size_t>(scaled * 19 / 20, 1, size - 1);
                limit = s.end - 1;
            }
        }
        return out;
    }

    /// Whether a chart, through its legend, fits its page unscaled.
    bool fits(const Document& doc) const {
        return doc.chart_bottom + theme_.margin <= theme_.page_height;
    }

    /// The value a density view drew at full bar height: its largest.
    static double density_peak(const Scene& page) {
        double peak = 0;
        for (const Item& it : page.items)
            if (it.role == "density-bin") peak = std::max(peak, it.value);
        return peak;
    }

    /// The day an event's page is chosen by: where it starts, inside the pages' span (an
    /// unknown start, or one before the window, counts as the span's first day).
    DayNumber start_day(const Event* e) const {
        return std::clamp(e->date.start.sort_earliest(), span_.first, span_.last);
    }

    void order_events() {
        events_ = t_.events;
        std::stable_sort(events_.begin(), events_.end(), [&](const Event* a, const Event* b) {
            return start_day(a) < start_day(b);
        });
        starts_.resize(events_.size());
        for (std::size_t i = 0; i < events_.size(); ++i)
            starts_[i] = start_day(events_[i]);
    }

    bool day_boundary(std::size_t i) const { return starts_[i] != starts_[i - 1]; }

    /// The slice of about `count` events from `begin`, ending no later than `limit`: at the
    /// next change of day when one comes soon enough, else at the one before, else where the
    /// count runs out (a day of more events than a page holds).
    Slice next_slice(std::size_t begin, std::size_t count, std::size_t limit) const {
        const std::size_t n = events_.size();
        const auto boundary = [&](std::size_t i) { return i == n || day_boundary(i); };
        const std::size_t end = std::min(limit, begin + count);
        for (std::size_t later = end; later <= limit && later <= begin + 2 * count; ++later)
            if (boundary(later)) return slice(begin, later);
        for (std::size_t earlier = end; earlier > begin; --earlier)
            if (boundary(earlier)) return slice(begin, earlier);
        return slice(begin, end);
    }

    /// The days [begin, end) covers: from its first start to the day before the next
    /// slice's, so that neighbouring pages meet; the first and last reach the span's ends.
    Slice slice(std::size_t begin, std::size_t end) const {
        const DayNumber first = begin == 0 ? span_.first : starts_[begin];
        DayNumber last = span_.last;
        if (end < events_.size()) last = std::max(starts_[end] - 1, starts_[end - 1]);
        return {begin, end, {first, last}};
    }

    /// The slice's events, in timeline order, with only the lanes they take part in.
    Timeline timeline_of(const Slice& s) const {
        std::vector<const Event*> events(events_.begin() + static_cast<std::ptrdiff_t>(s.begin),
                                         events_.begin() + static_cast<std::ptrdiff_t>(s.end));
        std::sort(events.begin(), events.end(),
                  [](const Event* a, const Event* b) { return timeline_less(*a, *b); });
        std::vector<bool> used(t_.lanes.size(), false);
        for (const Event* e : events)
            for (std::size_t lane : t_.involved_lanes(*e))
                used[lane] = true;
        return with_lanes(used, std::move(events), s.days);
    }

    /// `events` over `span` in the lanes marked `used`, in the whole timeline's order and
    /// with its colours.
    Timeline with_lanes(const std::vector<bool>& used, std::vector<const Event*> events,
                        DaySpan span) const {
        Timeline part;
        part.mode = t_.mode;
        part.eras = t_.eras;
        part.span = span;
        part.events = std::move(events);
        std::vector<std::size_t> renumber(t_.lanes.size(), 0);
        for (std::size_t l = 0; l < t_.lanes.size(); ++l) {
            if (!used[l]) continue;
            renumber[l] = part.lanes.size();
            Lane lane = t_.lanes[l];
            // A lane's accent is the one it has among all lanes, not on this page.
            if (t_.mode != LaneMode::kind) lane.color = accents_.lane(l).hex();
            part.lanes.push_back(std::move(lane));
        }
        for (const auto& [id, lane] : t_.actor_lane)
            if (used[lane]) part.actor_lane.emplace(id, renumber[lane]);
        for (const auto& [id, lane] : t_.kind_lane)
            if (used[lane]) part.kind_lane.emplace(id, renumber[lane]);
        return part;
    }

    LayoutOptions detail_options(const Slice& s) const {
        LayoutOptions detail = options_;
        detail.mode = LayoutMode::detail;
        detail.window = s.days;
        detail.page_marks.clear();
        detail.totals_block = 0;        // the overview's, over the whole span
        detail.revision_lists = false;  // listed once, under the overview
        const std::string title = options_.title.empty() ? theme_.title : options_.title;
        detail.title = isolate(title) + ": " + days_text(s.days);
        return detail;
    }

    static std::string days_text(const DaySpan& days) {
        const DatePoint a{Precision::day, days.first, days.first, false, false, {}};
        const DatePoint b{Precision::day, days.last, days.last, false, false, {}};
        return days.first == days.last ? human_date(a) : human_date(a) + " \u2013 " + human_date(b);
    }

    const Timeline& t_;
    const Model& model_;
    const Theme theme_;
    const Theme detail_theme_;
    const TextMeasurer& tm_;  ///< a caching one (make_text_measurer): pages repeat many texts
    const LayoutOptions& options_;
    const DaySpan span_;         ///< the days the detail pages cover: the window, or the events'
    const ChartColors accents_;  ///< the whole timeline's lane accents
    std::vector<const Event*> events_;  ///< by start day
    std::vector<DayNumber> starts_;     ///< each event's start day
};

}  // namespace

Theme pages_theme(const Theme& theme) {
    Theme fixed = theme;
    fixed.grow_width = false;
    fixed.page_width = std::min(fixed.page_width, kMaxPageSide);
    if (fixed.page_height <= 0) fixed.page_height = fixed.page_width / std::sqrt(2.0);
    fixed.page_height = std::min(fixed.page_height, kMaxPageSide);
    return fixed;
}

Document layout_pages(const Timeline& timeline, const Model& model, const Theme& theme,
                      const TextMeasurer& measurer, const LayoutOptions& options) {
    return PagesLayout(timeline, model, theme, measurer, options).build();
}

}  // namespace tl
