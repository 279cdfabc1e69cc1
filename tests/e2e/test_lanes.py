"""Lanes on real data: the recipient's lane first, and a subtitle that says what was asked
for (the actors named, the window) and how many actors take part, as a reader sees it in
the PDF."""
import json
import os
import pathlib
import unittest

from helpers import SOURCE_DIR, TempDirTest, run, tool

# The Kiel Ukraine Support Tracker extract beside the repository (../shared/data/kiel-r28).
KIEL = pathlib.Path(os.environ.get("TIMELINE_KIEL_DATA", SOURCE_DIR.parent / "shared" / "data" / "kiel-r28"))
FILTER = ["--actor", "germany", "--actor", "france", "--actor", "poland",
          "--from", "2024-01-01", "--to", "2024-12-31"]


def involved_actors(*args):
    """The distinct actors the listed events name, supplying, receiving or acting."""
    proc = run("list", *args, "--format", "json")
    assert proc.returncode == 0, proc.stderr
    ids = set()
    for event in json.loads(proc.stdout):
        for key in ("from", "to", "actors"):
            value = event.get(key) or []
            ids.update(value if isinstance(value, list) else [value])
    return ids


def words(pdf, page=1):
    """(text, xMin, yMin, yMax) of every word on one page, from pdftotext -bbox."""
    import xml.etree.ElementTree as ET
    proc = tool("pdftotext", "-bbox", "-f", page, "-l", page, pdf, "-")
    assert proc.returncode == 0, proc.stderr
    root = ET.fromstring(proc.stdout.replace(' xmlns="http://www.w3.org/1999/xhtml"', ""))
    return [(w.text or "", float(w.get("xMin")), float(w.get("yMin")), float(w.get("yMax")))
            for w in root.iter("word")]


def lane_names(pdf, names=("Ukraine", "Germany", "France", "Poland")):
    """The lane names drawn, top to bottom: words in the gutter left of the time axis, below
    the subtitle."""
    page = words(pdf)
    below = max(w[3] for w in page if w[0] == "actors")
    drawn = [text for text, x, y, _ in sorted(page, key=lambda w: w[2])
             if 40 <= x < 100 and y > below and text in names]
    # A lane taller than 20 cm says its name again under each repeated axis: one lane.
    return [name for i, name in enumerate(drawn) if i == 0 or drawn[i - 1] != name]


def subtitle_line(pdf):
    """The second line of the first page: the subtitle under the title."""
    proc = tool("pdftotext", "-l", "1", pdf, "-")
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.splitlines()[1]


@unittest.skipUnless(KIEL.is_dir(), f"no Kiel tracker data at {KIEL}")
class KielLanes(TempDirTest):
    def test_a_filtered_chart_says_its_filter_and_counts_actors_recipient_first(self):
        pdf = self.tmp / "kiel.pdf"
        self.assertRan(run("render", KIEL, *FILTER, "-o", pdf))
        subtitle = subtitle_line(pdf)
        self.assertIn("Germany, France, Poland \u00b7 2024", subtitle)
        actors = involved_actors(KIEL, *FILTER)
        self.assertIn(f"{len(actors)} actors", subtitle)

        self.assertEqual(lane_names(pdf), ["Ukraine", "Germany", "France", "Poland"])

    def test_a_folded_chart_counts_its_actors_not_its_lanes(self):
        pdf = self.tmp / "all.pdf"
        self.assertRan(run("render", KIEL, "--layout", "density", "-o", pdf))
        actors = involved_actors(KIEL)
        self.assertGreater(len(actors), 40)  # more actors than lanes: some fold into "Other"
        self.assertIn(f"{len(actors)} actors", subtitle_line(pdf))

    def test_lane_order_by_name_is_alphabetical(self):
        pdf = self.tmp / "by-name.pdf"
        self.assertRan(run("render", KIEL, *FILTER, "--lane-order", "name", "-o", pdf))
        self.assertEqual(lane_names(pdf), ["France", "Germany", "Poland", "Ukraine"])

    def test_a_template_chooses_the_lane_order(self):
        template = self.tmp / "by-name.yaml"
        template.write_text("name: by-name\nlane-order: name\n")
        pdf = self.tmp / "by-name.pdf"
        self.assertRan(run("render", KIEL, *FILTER, "--template", template, "-o", pdf))
        self.assertEqual(lane_names(pdf), ["France", "Germany", "Poland", "Ukraine"])
        # The command line wins over the template.
        self.assertRan(run("render", KIEL, *FILTER, "--template", template,
                           "--lane-order", "role", "-o", pdf))
        self.assertEqual(lane_names(pdf)[0], "Ukraine")

    def test_an_unknown_lane_order_is_a_usage_error(self):
        proc = run("render", KIEL, "--lane-order", "alphabetical", "-o", self.tmp / "x.pdf")
        self.assertEqual(proc.returncode, 2, proc.stderr)
        self.assertIn("role", proc.stderr)  # the choices are named


if __name__ == "__main__":
    unittest.main()
