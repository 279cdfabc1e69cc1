"""Whatever validates renders: dates at both ends of the calendar (1400 and 9999), at every
precision, open or unknown on a side, as eras, with --today at either end, in every layout."""
import json
import re

from helpers import SANITIZED, TempDirTest, run, tool

LAYOUTS = ("auto", "detail", "density", "pages")

# One event each; every form the spec allows at the first and the last year.
EDGE_DATES = [
    "1400", "1400-01", "1400-01-01~", "1400-21", "140X", "14XX", "1400/..", "../1400-01-01",
    "/1400-01", "1400-01-01/",
    "9999", "9999-12", "9999-12-31?", "9999-23", "999X", "99XX", "9999-12-31/..",
    "../9999-12-31", "/9999-12-31", "9999-12/",
]


def event_file(date, era=None, events=None):
    lines = ["actors:", "  - {id: IR, name: Iran}", "  - {id: RU, name: Russia}"]
    if era:
        lines += ["eras:", f"  - {{id: era, title: The era, date: {json.dumps(era)}}}"]
    lines.append("events:")
    for i, d in enumerate(events or [date]):
        lines.append(f"  - {{id: e{i}, date: {json.dumps(d)}, title: Event {i}, "
                     "kind: arms-transfer, from: IR, to: RU, sources: [https://example.org/]}")
    return "\n".join(lines) + "\n"


class EdgesOfTheCalendar(TempDirTest):
    def render_everywhere(self, text, *extra, layouts=LAYOUTS):
        path = self.tmp / "e.yaml"
        path.write_text(text)
        self.assertRan(run("validate", path))
        for layout in layouts:
            with self.subTest(layout=layout, extra=extra):
                pdf, scene = self.tmp / f"{layout}.pdf", self.tmp / f"{layout}.json"
                proc = run("render", path, "-o", pdf, "--scene", scene, "--layout", layout,
                           *extra)
                self.assertRan(proc)
                self.assertNotIn("internal error", proc.stderr)
                self.assertEqual(tool("qpdf", "--check", pdf).returncode, 0)
                # The axis names no year outside the calendar.
                years = {int(y) for item in json.loads(scene.read_text())["items"]
                         if item.get("role") == "axis-label"
                         for y in re.findall(r"\b\d{4,5}\b", item.get("text", ""))}
                self.assertTrue(all(1400 <= y <= 9999 for y in years), years)

    def test_a_single_event_at_either_end_renders_in_every_layout(self):
        for i, date in enumerate(EDGE_DATES):
            with self.subTest(date=date):
                # Under the sanitizers, each date in one layout, each layout with five dates.
                layouts = (LAYOUTS[i % len(LAYOUTS)],) if SANITIZED else LAYOUTS
                self.render_everywhere(event_file(date), layouts=layouts)

    def test_eras_and_events_spanning_the_whole_calendar(self):
        self.render_everywhere(event_file(None, era="1400/9999-12-31",
                                          events=["1400-01-01", "9999-12-31", "2024-09"]))
        self.render_everywhere(event_file(None, era="../9999", events=["1400-01-01/.."]))

    def test_today_at_either_end(self):
        for today in ("1400-01-01", "9999-12-31"):
            with self.subTest(today=today):
                self.render_everywhere(event_file("2024-09"), "--today", today)
                self.render_everywhere(event_file(today), "--today", today)


if __name__ == "__main__":
    import unittest
    unittest.main()
