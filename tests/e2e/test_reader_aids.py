"""What a reader sees in the printed chart: a date axis within reach on a tall chart, a
legend of only what is drawn, a single source said once, a shared event drawn once."""
import html
import json
import re
import subprocess
import sys

from helpers import EVENTS, SOURCE_DIR, TempDirTest, run, tool

AXIS_EVERY = 567  # 20 cm in points


def pdf_words(pdf):
    """Every word pdftotext -bbox finds, as (text, x_min, y_min, x_max, y_max, page)."""
    out = tool("pdftotext", "-bbox", pdf, "-").stdout
    words, page = [], 0
    for line in out.splitlines():
        if "<page " in line:
            page += 1
        m = re.search(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)</word>',
                      line)
        if m:
            words.append((html.unescape(m.group(5)), *map(float, m.groups()[:4]), page))
    return words


def write_events(folder, events, actors=("de", "fr", "ua")):
    folder.mkdir()
    (folder / "actors.yaml").write_text(
        "actors:\n" + "".join(f"  - id: {a}\n    name: Actor {a.upper()}\n" for a in actors))
    (folder / "events.yaml").write_text("events:\n" + "".join(events))
    return folder


def event(n, date, extra, source="Kiel Institute"):
    return (f"  - id: e{n}\n    date: {date}\n    title: Event number {n}\n    kind: diplomatic\n"
            f"    confidence: confirmed\n{extra}"
            f"    sources: [{{publisher: \"{source}\", title: \"Support Tracker\", "
            f"url: \"https://example.org/tracker\"}}]\n")


class TallCharts(TempDirTest):
    def test_the_axis_is_repeated_down_a_tall_chart_and_at_its_bottom(self):
        folder = self.tmp / "corpus"
        subprocess.run([sys.executable, SOURCE_DIR / "bench" / "generate_events.py", "--events",
                        "3000", "--out", folder, "--shape", "tracker"],
                       check=True, capture_output=True)
        pdf, scene = self.tmp / "tall.pdf", self.tmp / "tall.json"
        self.assertRan(run("render", folder, "-o", pdf, "--scene", scene))
        items = json.loads(scene.read_text())["items"]
        lanes = [i for i in items if i["role"] == "lane"]
        top = min(i["y"] for i in lanes)
        bottom = max(i["y"] + i["height"] for i in lanes)
        self.assertGreater(bottom - top, 3 * AXIS_EVERY)
        # A tick label's first word where the axis puts it: the same word in an event's
        # label ("Sep 2024 ...") lies elsewhere.
        ticks = {(i["text"].split()[0], round(i["x"])) for i in items if i["role"] == "axis-label"}
        # Only down to just under the lanes: below them a source's date ("Jan 2024") can
        # fall at a tick's x by chance.
        rows = sorted({round(w[2]) for w in pdf_words(pdf)
                       if w[2] < bottom + 40
                       and any(w[0] == t and abs(w[1] - x) <= 1 for t, x in ticks)})
        self.assertTrue(rows, "no tick label in the PDF")
        self.assertLess(rows[0], top)
        self.assertGreater(rows[-1], bottom - 1)
        gaps = [b - a for a, b in zip(rows, rows[1:])]
        self.assertLessEqual(max(gaps), AXIS_EVERY + 2, rows)


class Legend(TempDirTest):
    def test_a_chart_of_exact_confirmed_days_lists_only_those(self):
        folder = write_events(self.tmp / "one", [
            event(1, "2024-03-05", "    actors: [de]\n", "A"),
            event(2, "2024-04-05", "    actors: [fr]\n", "B")])
        pdf = self.tmp / "one.pdf"
        self.assertRan(run("render", folder, "-o", pdf))
        text = " ".join(tool("pdftotext", pdf, "-").stdout.split())
        self.assertIn("exact day", text)
        self.assertIn("Diplomatic", text)
        for absent in ("interval", "ongoing", "alleged", "reported", "support, from supplier",
                       "known only to the month"):
            self.assertNotIn(absent, text)


class SingleSource(TempDirTest):
    def test_one_source_for_every_event_is_said_once(self):
        folder = write_events(self.tmp / "kiel", [
            event(n, f"2024-0{n}-10", "    from: de\n    to: ua\n") for n in range(1, 6)])
        pdf = self.tmp / "kiel.pdf"
        self.assertRan(run("render", folder, "-o", pdf))
        text = " ".join(tool("pdftotext", pdf, "-").stdout.split())
        self.assertNotIn("[1]", text)
        self.assertEqual(text.count("Source: Kiel Institute"), 1, text)
        self.assertIn("Event number 3", text)


class SharedEvents(TempDirTest):
    def test_the_seeds_shared_events_are_labelled_once(self):
        pdf = self.tmp / "seed.pdf"
        self.assertRan(run("render", EVENTS, "-o", pdf))
        text = " ".join(tool("pdftotext", pdf, "-").stdout.split())
        self.assertEqual(text.count("launches its full-scale invasion"), 1, text)
        self.assertEqual(text.count("North Korea become"), 1, text)
