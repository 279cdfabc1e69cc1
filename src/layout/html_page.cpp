#include "layout/html_page.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>
#include <vector>

#include "base/html_text.hpp"
#include "base/text.hpp"
#include "layout/chart_header.hpp"
#include "layout/chart_heading.hpp"
#include "layout/date_label.hpp"
#include "layout/number_text.hpp"
#include "layout/quantity_label.hpp"

namespace tl {
namespace {

// The page's style and behaviour. The JavaScript never writes markup: every text from the
// events reaches the page through textContent, every link through a checked href.
constexpr std::string_view kHtmlStyle = R"css(
:root{--accent:#1a5fb4;--card:#fff;--ink:#1c1c1c;--muted:#5e5e5e;--rule:#d0d0d0}
body.dark{--accent:#8ab4f8;--card:#202124;--ink:#eee;--muted:#b0b0b0;--rule:#555}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:15px/1.4 system-ui,"Noto Sans",sans-serif}
.tools{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:center;padding:.5rem 1rem;
 border-bottom:1px solid var(--rule);background:var(--card);position:sticky;top:0;z-index:3}
.tools[hidden]{display:none}
.tools label{display:flex;gap:.35rem;align-items:center}
.tools input,.tools select,.tools button{font:inherit;padding:.2rem .45rem}
.tools input[type=search]{width:16rem}
.zoom,.time{display:flex;gap:.25rem;align-items:center}
.zoom button,.time button{min-width:2.2rem}
.time button[aria-pressed=true]{font-weight:700;outline:2px solid var(--accent)}
#zoom-level{min-width:3.2rem;text-align:center;font-variant-numeric:tabular-nums}
#status{margin:0;color:var(--muted)}
.keys{margin:0;color:var(--muted);font-size:13px;flex-basis:100%}
.viewport{overflow-x:auto;overflow-y:hidden;position:relative;cursor:grab}
.viewport.dragging{cursor:grabbing;user-select:none}
.stage{position:relative;width:calc(var(--z,1) * var(--w));aspect-ratio:var(--ar)}
.stage>svg{display:block;width:100%;height:100%}
.overlay{position:absolute;inset:0;pointer-events:none}
.overlay>div{position:absolute;pointer-events:auto}
.ev{cursor:pointer;border-radius:2px}
.ev.member{pointer-events:none!important}
.ev:focus{outline:3px solid var(--accent);outline-offset:2px}
.ev.match{box-shadow:0 0 0 2px var(--accent)}
.hit.out,.key.out{background:var(--bg);opacity:.82}
.key{cursor:pointer;border-radius:3px}
.key[aria-pressed=true]{outline:2px solid var(--accent);outline-offset:1px}
.key:focus{outline:3px solid var(--accent);outline-offset:2px}
.card{position:fixed;z-index:5;max-width:28rem;max-height:70vh;overflow:auto;padding:.7rem .9rem;
 background:var(--card);color:var(--ink);border:1px solid var(--rule);border-radius:6px;
 box-shadow:0 4px 18px rgba(0,0,0,.22);font-size:14px}
.card[hidden]{display:none}
.card section+section{border-top:1px solid var(--rule);margin-top:.6rem;padding-top:.6rem}
.card h2{font-size:15px;margin:0 0 .25rem;line-height:1.3}
.card p,.card ul,.card ol{margin:.25rem 0}
.card ul,.card ol{padding-left:1.2rem}
.card .when{font-weight:600}
.card .written,.card .meta,.card .more{color:var(--muted)}
.card .written{font:12px ui-monospace,monospace;margin-left:.4rem}
.card a{color:var(--accent)}
)css";

constexpr std::string_view kHtmlScript = R"js(
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("timeline-data").textContent);
  var events = data.events;
  var viewport = document.getElementById("viewport");
  var card = document.getElementById("card");
  var status = document.getElementById("status");
  var search = document.getElementById("search");
  var actorFilter = document.getElementById("actor-filter");
  var kindFilter = document.getElementById("kind-filter");
  var zoomLevel = document.getElementById("zoom-level");
  function all(selector, within) {
    return Array.prototype.slice.call((within || document).querySelectorAll(selector));
  }
  // The levels of the time zoom: the chart, then the same laid out wider. Each is its own
  // picture and overlay; one is shown. data-axis: where days lie, "day x" pairs, x in % of
  // the width.
  var levels = all("#viewport > .stage").map(function (stage) {
    var pairs = stage.getAttribute("data-axis").split(" ").filter(Boolean).map(Number), stops = [];
    for (var k = 0; k + 1 < pairs.length; k += 2) stops.push({day: pairs[k], x: pairs[k + 1] / 100});
    return {stage: stage, times: stage.getAttribute("data-times"), stops: stops,
            width: parseFloat(stage.style.getPropertyValue("--w")), anchors: all(".ev", stage)};
  });
  var active = levels[0];
  var timeButtons = all(".time-level:not([disabled])");
  var anchors = all(".overlay .ev"), hits = all(".overlay .hit"), keys = all(".overlay .key");
  var shown = events.map(function () { return true; });
  var zoom = 1, hideTimer = 0, cardOwner = null;

  document.body.classList.add("js");
  document.getElementById("tools").hidden = false;
  anchors.concat(hits).forEach(function (e) { e.removeAttribute("title"); });
  keys.forEach(function (k) { k.hidden = false; });

  function indices(e) { return e.getAttribute("data-i").split(" ").map(Number); }
  function node(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null && text !== "") e.textContent = text;
    return e;
  }
  function link(url, text) {
    if (typeof url !== "string" || !/^https?:\/\//i.test(url)) return node("span", "", text);
    var a = node("a", "", text);
    a.href = url;
    a.rel = "noopener noreferrer";
    a.target = "_blank";
    return a;
  }
  function haystack(ev) {
    return [ev.id, ev.title, ev.when, ev.date, ev.kind_label, ev.summary, ev.confidence,
            ev.location].concat(ev.names || [], ev.quantities || [], (ev.sources || []).map(
              function (s) { return [s.publisher, s.title].join(" "); }))
      .join(" ").replace(/[\u2066-\u2069]/g, "").toLowerCase();
  }
  var texts = events.map(haystack);

  // Where an event sits in a mark drawn for several, on the level shown (its element's
  // data-group); the JSON's `group` is the chart's own level.
  function groupOf(i) {
    var a = active.anchors.filter(function (e) { return e.getAttribute("data-i") === String(i); })[0];
    if (!a) return events[i].group;
    var g = a.getAttribute("data-group");
    return g ? {at: Number(g.split(" ")[0]), of: Number(g.split(" ")[1])} : null;
  }
  function eventSection(ev, group) {
    var s = node("section");
    s.appendChild(node("h2", "", ev.title));
    if (ev.when) {
      var w = node("p", "when", ev.when);
      if (ev.date) w.appendChild(node("span", "written", ev.date + (ev.precision ? " \u00b7 " + ev.precision : "")));
      s.appendChild(w);
    }
    if (group) {
      s.appendChild(node("p", "meta", group.at + " of " + group.of + " events drawn as one mark"));
    }
    var meta = [ev.kind_label, ev.confidence].filter(Boolean).join(" \u00b7 ");
    if (ev.flow) meta = ev.flow + (meta ? " \u00b7 " + meta : "");
    if (meta) s.appendChild(node("p", "meta", meta));
    if (ev.quantities && ev.quantities.length) {
      var q = node("ul", "quantities");
      ev.quantities.forEach(function (t) { q.appendChild(node("li", "", t)); });
      s.appendChild(q);
    }
    if (ev.summary) s.appendChild(node("p", "summary", ev.summary));
    if (ev.location) s.appendChild(node("p", "meta", ev.location));
    if (ev.sources && ev.sources.length) {
      var list = node("ol", "sources");
      ev.sources.forEach(function (src) {
        var li = node("li");
        var name = [src.publisher, src.title].filter(Boolean).join(": ") || src.url || "source";
        li.appendChild(link(src.url, name));
        if (src.date) li.appendChild(node("span", "meta", " (" + src.date + ")"));
        list.appendChild(li);
      });
      s.appendChild(list);
    }
    return s;
  }

  function place(target) {
    var r = target.getBoundingClientRect();
    var w = card.offsetWidth, h = card.offsetHeight;
    var x = Math.min(Math.max(8, r.left), window.innerWidth - w - 8);
    var y = r.bottom + 8;
    if (y + h > window.innerHeight - 8) y = Math.max(8, r.top - h - 8);
    card.style.left = Math.max(8, x) + "px";
    card.style.top = y + "px";
  }
  function showCard(list, target) {
    clearTimeout(hideTimer);
    cardOwner = target;
    card.replaceChildren();
    var most = 6;
    list.slice(0, most).forEach(function (i) { card.appendChild(eventSection(events[i], groupOf(i))); });
    if (list.length > most)
      card.appendChild(node("p", "more", "and " + (list.length - most) + " more: Tab through them"));
    card.hidden = false;
    place(target);
  }
  function hideCard() { card.hidden = true; cardOwner = null; }
  function hideSoon() { clearTimeout(hideTimer); hideTimer = setTimeout(hideCard, 300); }

  anchors.forEach(function (a) {
    var i = Number(a.getAttribute("data-i"));
    a.addEventListener("focus", function () { showCard([i], a); });
    a.addEventListener("blur", function (e) { if (!card.contains(e.relatedTarget)) hideSoon(); });
    a.addEventListener("mouseenter", function () { showCard([i], a); });
    a.addEventListener("mouseleave", hideSoon);
    a.addEventListener("click", function () { a.focus(); showCard([i], a); });
  });
  hits.forEach(function (h) {
    h.addEventListener("mouseenter", function () {
      showCard(indices(h).filter(function (i) { return shown[i]; }), h);
    });
    h.addEventListener("mouseleave", hideSoon);
  });
  card.addEventListener("mouseenter", function () { clearTimeout(hideTimer); });
  card.addEventListener("mouseleave", hideSoon);
  card.addEventListener("focusout", function (e) {
    if (!card.contains(e.relatedTarget) && e.relatedTarget !== cardOwner) hideSoon();
  });
  card.addEventListener("keydown", function (e) {
    if (e.key !== "Escape") return;
    var owner = cardOwner;
    hideCard();
    if (owner && owner.classList.contains("ev")) owner.focus();
  });

  function visibleAnchors() { return active.anchors.filter(function (a) { return !a.hidden; }); }
  function step(from, by) {
    var list = visibleAnchors();
    if (!list.length) return;
    var at = list.indexOf(from);
    var next = by === Infinity ? list.length - 1 : by === -Infinity ? 0
             : Math.min(list.length - 1, Math.max(0, at + by));
    list[next].focus();
  }
  function onEventKey(e) {
    var a = e.target;
    if (!a.classList || !a.classList.contains("ev")) return;
    var keys = {ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1, Home: -Infinity, End: Infinity};
    if (e.key in keys) { e.preventDefault(); step(a, keys[e.key]); return; }
    if (e.key === "Escape") { hideCard(); return; }
    if (e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      showCard([Number(a.getAttribute("data-i"))], a);
      var first = card.querySelector("a") || card;
      first.focus();
    }
  }
  all(".overlay").forEach(function (o) { o.addEventListener("keydown", onEventKey); });

  function applyFilters() {
    var q = search.value.trim().toLowerCase();
    var actor = actorFilter.value, kind = kindFilter.value;
    var active = Boolean(q || actor || kind), count = 0;
    events.forEach(function (ev, i) {
      shown[i] = (!actor || ev.actors.indexOf(actor) >= 0) && (!kind || ev.kind === kind) &&
                 (!q || texts[i].indexOf(q) >= 0);
      if (shown[i]) count++;
    });
    anchors.forEach(function (a) {
      var i = Number(a.getAttribute("data-i"));
      a.hidden = !shown[i];
      a.classList.toggle("match", active && shown[i]);
    });
    hits.forEach(function (h) {
      h.classList.toggle("out", !indices(h).some(function (i) { return shown[i]; }));
    });
    keys.forEach(function (k) {
      var on = k.getAttribute("data-kind") === kind;
      k.setAttribute("aria-pressed", on ? "true" : "false");
      k.classList.toggle("out", Boolean(kind) && !on);
    });
    status.textContent = active ? count + " of " + events.length + " events match"
                                : events.length + (events.length === 1 ? " event" : " events");
    if (cardOwner && cardOwner.hidden) hideCard();
  }
  search.addEventListener("input", applyFilters);
  actorFilter.addEventListener("change", applyFilters);
  kindFilter.addEventListener("change", applyFilters);
  // The key is a filter too: a kind shows only its events, pressed again every kind.
  function pressKey(k) {
    var kind = k.getAttribute("data-kind");
    kindFilter.value = kindFilter.value === kind ? "" : kind;
    applyFilters();
  }
  keys.forEach(function (k) {
    k.addEventListener("click", function () { pressKey(k); });
    k.addEventListener("keydown", function (e) {
      if (e.key !== "Enter" && e.key !== " ") return;
      e.preventDefault();
      pressKey(k);
    });
  });

  function setZoom(z, cx, cy) {
    z = Math.min(8, Math.max(0.2, z));
    // The point under the pointer (or the middle of the window) stays where it is: the box
    // scrolls across, the page down.
    var r = viewport.getBoundingClientRect();
    var px = cx === undefined ? viewport.clientWidth / 2 : cx - r.left;
    var py = cy === undefined ? window.innerHeight / 2 - r.top : cy - r.top;
    var fx = (viewport.scrollLeft + px) / zoom, fy = py / zoom;
    zoom = z;
    viewport.style.setProperty("--z", String(z));
    viewport.scrollLeft = fx * z - px;
    window.scrollBy(0, fy * z - py);
    zoomLevel.textContent = Math.round(z * 100) + "%";
    if (cardOwner) place(cardOwner);
  }
  function fit() { return viewport.clientWidth / active.width; }
  document.getElementById("zoom-in").addEventListener("click", function () { setZoom(zoom * 1.25); });
  document.getElementById("zoom-out").addEventListener("click", function () { setZoom(zoom / 1.25); });
  document.getElementById("zoom-fit").addEventListener("click", function () { setZoom(fit()); });
  document.getElementById("zoom-reset").addEventListener("click", function () { setZoom(1); });
  viewport.addEventListener("wheel", function (e) {
    if (!(e.ctrlKey || e.metaKey)) return;
    e.preventDefault();
    setZoom(zoom * Math.exp(-e.deltaY * 0.0015), e.clientX, e.clientY);
  }, {passive: false});

  // A level's axis: the day at a share of its width, and the share of a day (between two
  // stops the days are spread evenly; an axis break is one stretch).
  function dayAt(level, share) {
    var s = level.stops;
    if (!s.length) return null;
    if (share <= s[0].x) return s[0].day;
    for (var k = 0; k + 1 < s.length; k++)
      if (share <= s[k + 1].x)
        return s[k].day + (s[k + 1].day - s[k].day) * (share - s[k].x) / ((s[k + 1].x - s[k].x) || 1);
    return s[s.length - 1].day;
  }
  function shareAt(level, day) {
    var s = level.stops;
    if (!s.length || day === null) return 0.5;
    if (day <= s[0].day) return s[0].x;
    for (var k = 0; k + 1 < s.length; k++)
      if (day <= s[k + 1].day)
        return s[k].x + (s[k + 1].x - s[k].x) * (day - s[k].day) / ((s[k + 1].day - s[k].day) || 1);
    return s[s.length - 1].x;
  }
  // Where an event's element stands across its level, read from its style: it holds even
  // while the level is hidden.
  function anchorShare(a) { return (parseFloat(a.style.left) + parseFloat(a.style.width) / 2) / 100; }
  // The focus stays on its event when the new level draws it, else goes to the event nearest
  // in time; the box moves to it only when it would be out of sight.
  function refocus(held, prev) {
    var list = visibleAnchors(), i = held.getAttribute("data-i");
    var target = list.filter(function (a) { return a.getAttribute("data-i") === i; })[0];
    if (!target && list.length) {
      var day = dayAt(prev, anchorShare(held));
      target = list.reduce(function (best, a) {
        return Math.abs(dayAt(active, anchorShare(a)) - day) <
               Math.abs(dayAt(active, anchorShare(best)) - day) ? a : best;
      });
    }
    if (!target) { hideCard(); return; }
    target.focus({preventScroll: true});
    var r = target.getBoundingClientRect(), v = viewport.getBoundingClientRect();
    if (r.right < v.left || r.left > v.right) viewport.scrollLeft += r.left + r.width / 2 - v.left - v.width / 2;
  }
  // Shows another level; the date at the middle of the box stays at its middle.
  function setLevel(next) {
    if (!next || next === active) return;
    var prev = active;
    var middle = dayAt(prev, (viewport.scrollLeft + viewport.clientWidth / 2) / prev.stage.offsetWidth);
    var held = prev.anchors.indexOf(document.activeElement) >= 0 ? document.activeElement : null;
    next.stage.hidden = false;
    prev.stage.hidden = true;
    active = next;
    timeButtons.forEach(function (b) {
      b.setAttribute("aria-pressed", b.getAttribute("data-times") === next.times ? "true" : "false");
    });
    viewport.scrollLeft = shareAt(next, middle) * next.stage.offsetWidth - viewport.clientWidth / 2;
    if (held) refocus(held, prev);
    else if (cardOwner) hideCard();
  }
  timeButtons.forEach(function (b) {
    b.addEventListener("click", function () {
      setLevel(levels.filter(function (l) { return l.times === b.getAttribute("data-times"); })[0]);
    });
  });
  var drag = null;
  viewport.addEventListener("pointerdown", function (e) {
    if (e.button !== 0 || e.target.closest("a, .ev, .key")) return;
    drag = {x: e.clientX, y: e.clientY, left: viewport.scrollLeft, top: window.scrollY};
    viewport.setPointerCapture(e.pointerId);
    viewport.classList.add("dragging");
  });
  viewport.addEventListener("pointermove", function (e) {
    if (!drag) return;
    viewport.scrollLeft = drag.left - (e.clientX - drag.x);
    window.scrollTo(window.scrollX, drag.top - (e.clientY - drag.y));
  });
  function endDrag() { drag = null; viewport.classList.remove("dragging"); }
  viewport.addEventListener("pointerup", endDrag);
  viewport.addEventListener("pointercancel", endDrag);
  document.addEventListener("keydown", function (e) {
    var t = e.target;
    if (e.ctrlKey || e.metaKey || e.altKey || (t && /^(INPUT|SELECT|TEXTAREA)$/.test(t.tagName))) return;
    if (e.key === "+" || e.key === "=") setZoom(zoom * 1.25);
    else if (e.key === "-") setZoom(zoom / 1.25);
    else if (e.key === "0") setZoom(fit());
    else if (e.key === "/") search.focus();
    else if (e.key === "t" && timeButtons.length) setLevel(levels[levels.indexOf(active) + 1]);
    else if (e.key === "T" && timeButtons.length) setLevel(levels[levels.indexOf(active) - 1]);
    // Across, the box pans by a fifth of its width (the events' own arrow keys step instead);
    // down, the page scrolls as any page does.
    else if (e.key === "ArrowLeft" && !e.defaultPrevented) viewport.scrollLeft -= viewport.clientWidth / 5;
    else if (e.key === "ArrowRight" && !e.defaultPrevented) viewport.scrollLeft += viewport.clientWidth / 5;
    else return;
    e.preventDefault();
  });
  window.addEventListener("scroll", function () { if (cardOwner) place(cardOwner); }, {passive: true});
  // The page scrolls under the sticky tools: what scrolls into view (a focus, a search's
  // match) stops below them, never hidden by them.
  function padTop() {
    document.documentElement.style.scrollPaddingTop = document.getElementById("tools").offsetHeight + "px";
  }
  window.addEventListener("resize", padTop);
  padTop();
  viewport.addEventListener("scroll", function () { if (cardOwner) place(cardOwner); }, {passive: true});
  setZoom(Math.min(1, fit()), 0, 0);
  applyFilters();
})();
)js";

std::string percent(double part, double whole) {
    return number_text(whole > 0 ? 100 * part / whole : 0, 3) + "%";
}

std::string box_style(const Rect& b, const Scene& page) {
    return "left:" + percent(b.x, page.width) + ";top:" + percent(b.y, page.height) +
           ";width:" + percent(b.width, page.width) + ";height:" + percent(b.height, page.height);
}

std::string json_list(const std::vector<std::string>& texts) {
    std::string out = "[";
    for (std::size_t i = 0; i < texts.size(); ++i)
        out += (i ? "," : "") + json_quote(texts[i]);
    return out + "]";
}

/// "day", "month", "day to open": how finely the date is known, side by side.
std::string precision_text(const Date& d) {
    std::string p(to_string(d.start.precision));
    if (d.end) p += " to " + std::string(to_string(d.end->precision));
    return p + " precision";
}

/// What each event drawn on the page is made of: its items, in time order.
struct PageEvent {
    std::string id;
    const Event* event = nullptr;  ///< none without a timeline
    std::vector<std::size_t> items;
};

std::vector<PageEvent> page_events(const Scene& page, const Timeline* timeline) {
    std::unordered_map<std::string, std::vector<std::size_t>> items_of;
    std::vector<std::string> scene_order;
    for (std::size_t i = 0; i < page.items.size(); ++i) {
        const Item& it = page.items[i];
        const auto add = [&](const std::string& id) {
            auto& list = items_of[id];
            if (list.empty()) scene_order.push_back(id);
            list.push_back(i);
        };
        if (!it.event.empty()) add(it.event);
        for (const std::string& id : it.events)
            add(id);
    }
    std::vector<PageEvent> out;
    std::set<std::string> placed;
    if (timeline) {
        for (const Event* e : timeline->events) {
            const auto found = items_of.find(e->id);
            if (found == items_of.end() || !placed.insert(e->id).second) continue;
            out.push_back({e->id, e, found->second});
        }
    }
    for (const std::string& id : scene_order)
        if (placed.insert(id).second) out.push_back({id, nullptr, items_of[id]});
    return out;
}

/// The item a focusable element covers: the event's own label, else its group's label, else
/// its mark, else its first item.
std::size_t anchor_item(const Scene& page, const PageEvent& pe) {
    const auto rank = [&](std::size_t i) {
        const Item& it = page.items[i];
        const bool own = it.event == pe.id;
        if (it.role == "event-label") return own ? 0 : 1;
        if (it.role == "event-marker" || it.role == "event-range" || it.role == "event-bar")
            return 2;
        if (it.role == "event-group") return 3;
        return 4;
    };
    return *std::min_element(pe.items.begin(), pe.items.end(),
                             [&](std::size_t a, std::size_t b) { return rank(a) < rank(b); });
}

std::string html_actor_name(const Model* model, const std::string& id) {
    if (model)
        for (const Actor& a : model->actors)
            if (a.id == id) return a.name.empty() ? id : a.name;
    return id;
}

std::string names_of(const Model* model, const std::vector<Ref>& refs) {
    std::string out;
    for (const Ref& r : refs)
        out += (out.empty() ? "" : ", ") + html_actor_name(model, r.id);
    return out;
}

/// Where a member of a mark drawn for several events sits in it: `,"group":{"at":1,"of":7}`
/// (in the Scene's order, left to right), or "" for an event with a mark of its own.
struct GroupPlace {
    std::size_t at = 0, of = 0;  ///< from 1; `of` 0: a mark of its own
};

GroupPlace group_place(const PageEvent& pe, const Item& anchor) {
    const auto at = std::find(anchor.events.begin(), anchor.events.end(), pe.id);
    if (anchor.event == pe.id || at == anchor.events.end()) return {};
    return {static_cast<std::size_t>(at - anchor.events.begin()) + 1, anchor.events.size()};
}

std::string group_json(const PageEvent& pe, const Item& anchor) {
    const GroupPlace place = group_place(pe, anchor);
    if (place.of == 0) return {};
    return ",\"group\":{\"at\":" + std::to_string(place.at) +
           ",\"of\":" + std::to_string(place.of) + "}";
}

std::string event_json(const PageEvent& pe, const Scene& page, const Model* model) {
    const Item& anchor = page.items[anchor_item(page, pe)];
    if (!pe.event) {
        return "{\"id\":" + json_quote(pe.id) +
               ",\"title\":" + json_quote(anchor.alt.empty() ? anchor.text : anchor.alt) +
               group_json(pe, anchor) + ",\"actors\":[]}";
    }
    const Event& e = *pe.event;
    std::vector<std::string> names;
    for (const std::string& id : e.involved_actor_ids())
        names.push_back(html_actor_name(model, id));
    std::vector<std::string> quantities;
    for (const Quantity& q : e.quantities)
        quantities.push_back(quantity_label(q));
    std::string flow;
    if (!e.from.empty() || !e.to.empty())
        flow = (e.from.empty() ? "?" : names_of(model, e.from)) + " \u2192 " +
               (e.to.empty() ? "?" : names_of(model, e.to));
    std::string out =
        "{\"id\":" + json_quote(e.id) + ",\"title\":" + json_quote(e.title) +
        ",\"date\":" + json_quote(e.date.text()) + ",\"when\":" + json_quote(human_date(e.date)) +
        ",\"precision\":" + json_quote(precision_text(e.date)) + ",\"kind\":" + json_quote(e.kind) +
        ",\"kind_label\":" + json_quote(model ? kind_label(*model, e.kind) : e.kind) +
        ",\"actors\":" + json_list(e.involved_actor_ids()) + ",\"names\":" + json_list(names) +
        ",\"flow\":" + json_quote(flow) + ",\"quantities\":" + json_list(quantities) +
        ",\"confidence\":" + json_quote(to_string(e.confidence)) +
        ",\"summary\":" + json_quote(e.summary) +
        ",\"location\":" + json_quote(e.location ? e.location->name : std::string()) +
        group_json(pe, anchor) + ",\"sources\":[";
    for (std::size_t i = 0; i < e.sources.size(); ++i) {
        const Source& s = e.sources[i];
        // Only web links are links: the page never holds a javascript: or data: URL.
        const bool web = s.url.starts_with("https://") || s.url.starts_with("http://");
        out += std::string(i ? "," : "") + "{\"publisher\":" + json_quote(s.publisher) +
               ",\"title\":" + json_quote(s.title) +
               ",\"url\":" + json_quote(web ? s.url : std::string()) +
               ",\"date\":" + json_quote(s.date ? human_date(*s.date) : std::string()) + "}";
    }
    return out + "]}";
}

std::string color_css(const Color& c) {
    const auto byte = [](double v) {
        return std::to_string(std::lround(std::clamp(v, 0.0, 1.0) * 255));
    };
    return "rgb(" + byte(c.r) + "," + byte(c.g) + "," + byte(c.b) + ")";
}

/// The SVG document as an element of the page: without its XML declaration.
std::string_view svg_element(std::string_view svg) {
    const std::size_t open = svg.find("<svg");
    return open == std::string_view::npos ? std::string_view() : svg.substr(open);
}

std::string options_html(const std::map<std::string, std::string>& by_label, std::string_view all) {
    std::string out = "<option value=\"\">" + std::string(all) + "</option>";
    for (const auto& [label, id] : by_label)
        out += "<option value=\"" + html_attribute(id) + "\">" + html_text(label) + "</option>";
    return out;
}

/// The smallest box holding both.
Rect box_around(const Rect& a, const Rect& b) {
    const double x = std::min(a.x, b.x), y = std::min(a.y, b.y);
    return {x, y, std::max(a.right(), b.right()) - x, std::max(a.bottom(), b.bottom()) - y};
}

/// The key's kinds as buttons over their entries (sample and label), each filtering the
/// page by its kind: hidden until the script shows them, so that without it the key is the
/// picture it is in print. A kind's entry is the first legend text that reads as its label.
std::string key_buttons(const Scene& page, const std::map<std::string, std::string>& kinds) {
    std::string out;
    std::set<std::string> done;
    Rect samples;  // of the samples drawn since the last entry's text
    bool sampled = false;
    for (const Item& it : page.items) {
        if (it.role == "legend-sample") {
            samples = sampled ? box_around(samples, it.box) : it.box;
            sampled = true;
            continue;
        }
        if (it.role != "legend") continue;
        const Rect box = sampled ? box_around(samples, it.box) : it.box;
        sampled = false;
        const auto kind = kinds.find(it.text);
        if (kind == kinds.end() || !done.insert(kind->second).second) continue;
        out += "<div class=\"key\" data-kind=\"" + html_attribute(kind->second) +
               "\" role=\"button\" tabindex=\"0\" aria-pressed=\"false\" aria-label=\"Show only " +
               html_attribute(it.text) + "\" hidden style=\"" + box_style(box, page) +
               "\"></div>\n";
    }
    return out;
}

/// One picture of the page: the chart, or a level of its time zoom.
struct PageLevel {
    int times = 1;
    const Scene* page = nullptr;
    std::string_view svg;
    std::vector<PageEvent> events;  ///< those it draws, in time order
};

std::vector<PageLevel> page_levels(const HtmlPageInput& in) {
    std::vector<PageLevel> levels{{1, in.page, in.svg, page_events(*in.page, in.timeline)}};
    for (const HtmlLevel& l : in.levels)
        levels.push_back({l.times, l.page, l.svg, page_events(*l.page, in.timeline)});
    return levels;
}

/// An event of the page's cards: drawn on some level, described from the first that draws it.
struct SharedEvent {
    const PageEvent* drawn = nullptr;
    const Scene* page = nullptr;
};

/// The events drawn on any level, each once, in time order: those of the timeline first,
/// then the others in the order a level draws them (a Scene without a timeline).
std::vector<SharedEvent> shared_events(const std::vector<PageLevel>& levels,
                                       const Timeline* timeline) {
    std::unordered_map<std::string, SharedEvent> first_drawn;
    for (const PageLevel& l : levels)
        for (const PageEvent& pe : l.events)
            first_drawn.emplace(pe.id, SharedEvent{&pe, l.page});
    std::vector<SharedEvent> out;
    std::set<std::string> placed;
    const auto add = [&](const std::string& id) {
        const auto found = first_drawn.find(id);
        if (found != first_drawn.end() && placed.insert(id).second) out.push_back(found->second);
    };
    if (timeline)
        for (const Event* e : timeline->events)
            add(e->id);
    for (const PageLevel& l : levels)
        for (const PageEvent& pe : l.events)
            add(pe.id);
    return out;
}

/// An element id of a level: the chart's own ("ev-3"), or with the level's suffix ("ev-3-x2").
std::string level_id(std::string_view id, int times) {
    return std::string(id) + (times == 1 ? "" : "-x" + std::to_string(times));
}

/// The level's overlay: one focusable element per event it draws, in time order (the order of
/// Tab), then one hover area per item that stands for events, naming them all; `index` gives
/// each event's entry in the cards' JSON, the same on every level.
std::string level_overlay(const PageLevel& level,
                          const std::unordered_map<std::string, std::size_t>& index,
                          const HtmlPageInput& in) {
    const Scene& page = *level.page;
    std::string anchors, hits;
    for (const PageEvent& pe : level.events) {
        const auto found = index.find(pe.id);
        if (found == index.end()) continue;  // past kMaxHtmlEvents
        const std::string i = std::to_string(found->second);
        const Item& anchor = page.items[anchor_item(page, pe)];
        const std::string said =
            pe.event && in.model ? event_summary(*pe.event, *in.model) : anchor.alt;
        const bool member = anchor.event != pe.id;  // stands in a group's mark
        // Where it sits in its mark on this level: a wider level may draw it apart, so the
        // card says so from here, not from the JSON's `group` (the chart's own level).
        const GroupPlace place = group_place(pe, anchor);
        const std::string group = place.of ? " data-group=\"" + std::to_string(place.at) + " " +
                                                 std::to_string(place.of) + "\""
                                           : "";
        anchors += "<div class=\"ev" + std::string(member ? " member" : "") + "\" id=\"" +
                   level_id("ev-" + i, level.times) + "\" data-i=\"" + i + "\"" + group +
                   " data-id=\"" + html_attribute(pe.id) +
                   "\" tabindex=\"0\" role=\"button\" aria-controls=\"card\" aria-label=\"" +
                   html_attribute(said) + "\" title=\"" + html_attribute(said) + "\" style=\"" +
                   box_style(anchor.box, page) + "\"></div>\n";
    }
    // Every mark and label of an event: hovering shows its events, a filter veils it.
    for (const Item& it : page.items) {
        std::vector<std::string> ids = it.events;
        if (!it.event.empty()) ids.insert(ids.begin(), it.event);
        std::string list;
        for (const std::string& id : ids)
            if (const auto found = index.find(id); found != index.end())
                list += (list.empty() ? "" : " ") + std::to_string(found->second);
        if (!list.empty())
            hits += "<div class=\"hit\" data-i=\"" + list + "\" aria-hidden=\"true\" style=\"" +
                    box_style(it.box, page) + "\"></div>\n";
    }
    return hits + anchors;
}

/// The time axis of a level for the script (Scene::axis): "day x day x ...", x in percent of
/// the page's width.
std::string axis_attribute(const Scene& page) {
    std::string out;
    for (const AxisStop& stop : page.axis)
        out += (out.empty() ? "" : " ") + std::to_string(stop.day) + " " +
               number_text(page.width > 0 ? 100 * stop.x / page.width : 0, 4);
    return out;
}

/// Reads one attribute of an SVG start tag at `at` (after the spaces before it): its name and
/// its value between double quotes, as cairo writes them. False at the tag's end.
bool read_attribute(std::string_view tag, std::size_t& at, std::string_view& name,
                    std::string_view& value) {
    const std::size_t equals = tag.find("=\"", at);
    if (equals == std::string_view::npos) return false;
    const std::size_t close = tag.find('"', equals + 2);
    if (close == std::string_view::npos) return false;
    name = tag.substr(at, equals - at);
    value = tag.substr(equals + 2, close - equals - 2);
    at = close + 1;
    return true;
}

/// An attribute's value with the ids it refers to (or, for `id`, is) prefixed.
std::string prefixed_value(std::string_view name, std::string_view value, std::string_view prefix) {
    std::string out(value);
    if (name == "id") return std::string(prefix) + out;
    if ((name == "xlink:href" || name == "href") && out.starts_with('#'))
        return "#" + std::string(prefix) + out.substr(1);
    if (name == "aria-labelledby" || name == "aria-describedby") {
        std::string list;
        for (std::size_t at = 0; at < out.size();) {
            const std::size_t end = std::min(out.find(' ', at), out.size());
            if (end > at)
                list += (list.empty() ? "" : " ") + std::string(prefix) + out.substr(at, end - at);
            at = end + 1;
        }
        return list;
    }
    // Paint, clipping and style refer by url(#id); a link's or a label's text is left alone.
    static const std::set<std::string_view> painting{"fill",         "stroke",     "clip-path",
                                                     "mask",         "filter",     "style",
                                                     "marker-start", "marker-mid", "marker-end"};
    if (!painting.contains(name)) return out;
    for (std::size_t at = out.find("url(#"); at != std::string::npos;
         at = out.find("url(#", at + 5 + prefix.size()))
        out.insert(at + 5, prefix);
    return out;
}

/// The SVG with every id in it, and every reference to one, prefixed: the pictures of a page
/// each hold cairo's "glyph0-1", "linear0" and their own "chart-desc", which would otherwise
/// point into the first picture. Only start tags are read (attribute by attribute), never text.
std::string svg_with_prefixed_ids(std::string_view svg, std::string_view prefix) {
    std::string out;
    out.reserve(svg.size() + svg.size() / 8);
    std::size_t at = 0;
    while (at < svg.size()) {
        const std::size_t open = std::min(svg.find('<', at), svg.size());
        out += svg.substr(at, open - at);  // text, as it is
        if (open == svg.size()) break;
        if (open + 1 == svg.size() || !std::isalpha(static_cast<unsigned char>(svg[open + 1]))) {
            // An end tag, a comment, a declaration: as it is.
            at = std::min(svg.find('>', open), svg.size());
            out += svg.substr(open, at - open);
            continue;
        }
        std::size_t next = std::min(svg.find_first_of(" \t\r\n/>", open + 1), svg.size());
        out += svg.substr(open, next - open);  // "<name"
        for (;;) {
            const std::size_t name_at = svg.find_first_not_of(" \t\r\n", next);
            std::size_t after = name_at;
            std::string_view name, value;
            if (name_at == std::string_view::npos || svg[name_at] == '/' || svg[name_at] == '>' ||
                !read_attribute(svg, after, name, value))
                break;
            out += " " + std::string(name) + "=\"" + prefixed_value(name, value, prefix) + "\"";
            next = after;
        }
        at = next;  // the tag's end goes with the text after it
    }
    return out;
}

/// The time zoom's control: a button per level, the one shown pressed; without levels, one
/// disabled button that says why, or nothing when no reason is given.
std::string time_control(const std::vector<PageLevel>& levels, const std::string& no_levels_why) {
    if (levels.size() < 2 && no_levels_why.empty()) return {};
    std::string out =
        "<span class=\"time\" role=\"group\" aria-label=\"Time axis width\"" +
        (levels.size() < 2 ? " title=\"" + html_attribute(no_levels_why) + "\"" : "") + ">Time:";
    for (const PageLevel& l : levels) {
        const std::string times = std::to_string(l.times);
        out += "<button type=\"button\" class=\"time-level\" data-times=\"" + times +
               "\" aria-pressed=\"" + (l.times == 1 ? "true" : "false") + "\"" +
               (levels.size() < 2 ? " disabled" : "") + ">" + times + "\u00d7</button>";
    }
    return out + "</span>\n";
}

std::string tools_html(const std::map<std::string, std::string>& actors,
                       const std::map<std::string, std::string>& kinds,
                       const std::vector<PageLevel>& levels, const std::string& no_levels_why) {
    return "<div class=\"tools\" id=\"tools\" hidden>\n"
           "<label>Search <input type=\"search\" id=\"search\" placeholder=\"title, actor, "
           "source\u2026\" autocomplete=\"off\"></label>\n"
           "<label>Actor <select id=\"actor-filter\">" +
           options_html(actors, "All actors") +
           "</select></label>\n"
           "<label>Kind <select id=\"kind-filter\">" +
           options_html(kinds, "All kinds") + "</select></label>\n" +
           time_control(levels, no_levels_why) +
           "<span class=\"zoom\" role=\"group\" aria-label=\"Zoom\">"
           "<button type=\"button\" id=\"zoom-out\" aria-label=\"Zoom out\">\u2212</button>"
           "<span id=\"zoom-level\">100%</span>"
           "<button type=\"button\" id=\"zoom-in\" aria-label=\"Zoom in\">+</button>"
           "<button type=\"button\" id=\"zoom-fit\">Fit</button>"
           "<button type=\"button\" id=\"zoom-reset\" aria-label=\"Actual "
           "size\">100%</button></span>\n"
           "<p id=\"status\" role=\"status\" aria-live=\"polite\"></p>\n"
           "<p class=\"keys\">Tab or the arrow keys step through the events in time order; Enter "
           "reaches a card's sources, Escape leaves it; + and \u2212 zoom, 0 fits the width, / "
           "searches; " +
           std::string(levels.size() > 1 ? "t and T widen and narrow the time axis (its labels "
                                           "placed again, the text the same size); "
                                         : "") +
           "\u2190 and \u2192 pan across, drag to pan, Ctrl and the wheel to zoom; a kind in the "
           "key shows only its events.</p>\n</div>\n";
}

/// A level's picture and overlay. Only the chart's own is shown: the wider ones wait
/// `hidden` for the script (without it the page is the chart as printed), and their SVG's ids
/// are their own.
std::string level_stage(const PageLevel& level, const std::string& overlay) {
    const Scene& page = *level.page;
    const bool first = level.times == 1;
    std::string out = "<div class=\"stage\" id=\"" + level_id("stage", level.times) +
                      "\" data-times=\"" + std::to_string(level.times) + "\" data-axis=\"" +
                      axis_attribute(page) +
                      "\" style=\"--w:" + number_text(page.width * 4 / 3, 2) +
                      "px;--ar:" + number_text(page.width, 2) + " / " +
                      number_text(page.height, 2) + "\"" + (first ? "" : " hidden") + ">\n";
    const std::string_view svg = svg_element(level.svg);
    out += first ? std::string(svg)
                 : svg_with_prefixed_ids(svg, "x" + std::to_string(level.times) + "-");
    return out + "\n<div class=\"overlay\" id=\"" + level_id("overlay", level.times) + "\">\n" +
           overlay + "</div>\n</div>\n";
}

}  // namespace

std::size_t html_page_events(const Scene& page) {
    return page_events(page, nullptr).size();
}

std::string html_page(const HtmlPageInput& in) {
    const Scene& page = *in.page;
    const std::vector<PageLevel> levels = page_levels(in);
    std::vector<SharedEvent> events = shared_events(levels, in.timeline);
    if (events.size() > kMaxHtmlEvents) events.resize(kMaxHtmlEvents);

    // The cards' data, one entry per event however many levels draw it.
    std::unordered_map<std::string, std::size_t> index;
    std::string json = "[";
    std::map<std::string, std::string> actors, kinds;  // by label, for the filters
    for (std::size_t i = 0; i < events.size(); ++i) {
        const PageEvent& pe = *events[i].drawn;
        index.emplace(pe.id, i);
        json += (i ? ",\n" : "\n") + event_json(pe, *events[i].page, in.model);
        if (pe.event) {
            for (const std::string& id : pe.event->involved_actor_ids())
                actors.emplace(html_actor_name(in.model, id), id);
            kinds.emplace(in.model ? kind_label(*in.model, pe.event->kind) : pe.event->kind,
                          pe.event->kind);
        }
    }
    json += "]";

    const double lightness = (page.background.r + page.background.g + page.background.b) / 3;
    std::string out = "<!DOCTYPE html>\n<html lang=\"" + html_attribute(in.language) +
                      "\">\n<head>\n<meta charset=\"utf-8\">\n"
                      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    if (!in.generator.empty())
        out += "<meta name=\"generator\" content=\"" + html_attribute(in.generator) + "\">\n";
    out += "<title>" + html_text(page.title) + "</title>\n<style>" + std::string(kHtmlStyle) +
           "</style>\n</head>\n<body" + (lightness < 0.5 ? " class=\"dark\"" : "") +
           " style=\"--bg:" + color_css(page.background) + "\">\n";
    out += tools_html(actors, kinds, levels, in.no_levels_why);
    out += "<div class=\"viewport\" id=\"viewport\">\n";
    for (const PageLevel& level : levels)
        out +=
            level_stage(level, level_overlay(level, index, in) + key_buttons(*level.page, kinds));
    out += "</div>\n";
    out +=
        "<div class=\"card\" id=\"card\" role=\"region\" aria-label=\"Event details\" "
        "aria-live=\"polite\" tabindex=\"-1\" hidden></div>\n";
    out += "<script type=\"application/json\" id=\"timeline-data\">" +
           script_json("{\"format\":\"timeline-html/1\",\"title\":" + json_quote(page.title) +
                       ",\"events\":" + json + "}") +
           "</script>\n<script>" + std::string(kHtmlScript) + "</script>\n</body>\n</html>\n";
    return out;
}

}  // namespace tl
