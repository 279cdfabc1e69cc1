"""The axis covers the window asked for: --from 2024-01-01 --to 2024-06-30 on the Kiel tracker
draws January to June 2024, however long before the window the support still going on in it
began, and a package that reaches beyond the window is cut at its edge with a wedge that says
it goes on."""
import html
import json
import re
import unittest
import xml.etree.ElementTree as ET

from helpers import SOURCE_DIR, TempDirTest, run, tool

KIEL = SOURCE_DIR.parent / "shared" / "data" / "kiel-r28"
WINDOW = ("--from", "2024-01-01", "--to", "2024-06-30")
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

# The tracker lists single days; these are the multi-year packages that analysts add beside
# it, each reaching past one edge of the window or both.
ONGOING = """events:
  - id: test-ongoing-germany
    date: "2022-08-15/2025-03-01"
    title: "Germany: air-defence package, deliveries running"
    kind: arms-transfer
    from: germany
    to: ukraine
    sources: ["https://example.org/germany"]
  - id: test-ongoing-france
    date: "2023-11/2024-02"
    title: "France: artillery shells, winter deliveries"
    kind: arms-transfer
    from: france
    to: ukraine
    sources: ["https://example.org/france"]
  - id: test-ongoing-poland
    date: "2024-05-20/2024-09-30"
    title: "Poland: repair hub, first phase"
    kind: arms-transfer
    from: poland
    to: ukraine
    sources: ["https://example.org/poland"]
"""


def pdf_words(pdf):
    """(text, xMin, yMin, xMax, yMax) of every word on the PDF's first page, as pdftotext
    reads them."""
    proc = tool("pdftotext", "-bbox", "-f", "1", "-l", "1", pdf, "-")
    assert proc.returncode == 0, proc.stderr
    words = []
    for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                         r'yMax="([\d.]+)">([^<]*)</word>', proc.stdout):
        words.append((html.unescape(m.group(5)), *map(float, m.group(1, 2, 3, 4))))
    return words


def axis_ticks(pdf, scene):
    """The tick labels on the PDF's axis, left to right, as (year, month) each: the words
    printed in the band where the Scene puts its axis labels."""
    labels = [it for it in scene["items"] if it.get("role") == "axis-label"]
    assert labels, "the Scene has no axis labels"
    # The axis at the top: a tall chart repeats it lower down, with the same ticks.
    first_row = min(it["y"] for it in labels)
    labels = [it for it in labels if it["y"] == first_row]
    top = min(it["y"] for it in labels) - 1
    bottom = max(it["y"] + it["height"] for it in labels) + 1
    left = min(it["x"] for it in labels) - 1
    words = sorted((w for w in pdf_words(pdf) if top <= w[2] and w[4] <= bottom and w[1] >= left),
                   key=lambda w: w[1])
    assert words, "no axis label found in the PDF"
    ticks = []  # [year, month]; "Jan 2024" is one tick, "2024" alone another
    for text, *_ in words:
        if text in MONTHS:
            ticks.append([None, MONTHS.index(text) + 1])
        elif re.fullmatch(r"\d{4}", text):
            if ticks and ticks[-1][0] is None and ticks[-1][1] is not None:
                ticks[-1][0] = int(text)
            else:
                ticks.append([int(text), None])
    for before, tick in zip(ticks, ticks[1:]):  # "Feb" has the year of the tick before it
        if tick[0] is None:
            tick[0] = before[0]
    return [tuple(t) for t in ticks], [w[0] for w in words]


def svg_triangles(svg):
    """The filled paths of an SVG that are triangles, each as its three corners."""
    out = []
    for el in ET.parse(svg).iter():
        if not el.tag.endswith("path") or "d" not in el.attrib:
            continue
        subpaths = [p for p in re.split(r"(?=M)", el.attrib["d"]) if p.strip()]
        for sub in subpaths:
            points = [tuple(map(float, p)) for p in
                      re.findall(r"(-?[\d.]+)[ ,]+(-?[\d.]+)", sub)]
            corners = []
            for p in points:
                if not any(abs(p[0] - q[0]) < 0.01 and abs(p[1] - q[1]) < 0.01 for q in corners):
                    corners.append(p)
            if len(corners) == 3 and "Z" in sub.upper():
                out.append(corners)
    return out


@unittest.skipUnless(KIEL.is_dir(), f"the Kiel tracker data is not at {KIEL}")
class TheAxisIsTheWindow(TempDirTest):
    def render(self, name, *extra):
        ongoing = self.tmp / "ongoing.yaml"
        ongoing.write_text(ONGOING)
        pdf, svg, scene = (self.tmp / f"{name}.{ext}" for ext in ("pdf", "svg", "json"))
        self.assertRan(run("render", KIEL, ongoing, *WINDOW, *extra, "-o", pdf, "-o", svg,
                           "--scene", scene))
        return pdf, svg, json.loads(scene.read_text())

    def assert_axis_in_window(self, pdf, scene):
        ticks, words = axis_ticks(pdf, scene)
        self.assertGreaterEqual(len(ticks), 3, words)
        for year in ("2022", "2023", "2025"):
            self.assertNotIn(year, words)
        for year, month in ticks:
            self.assertEqual(year, 2024, (ticks, words))
            if month is not None:
                self.assertLessEqual(month, 6, (ticks, words))
        self.assertEqual(ticks[0], (2024, 1), words)
        self.assertLessEqual(ticks[-1][1], 6, words)
        self.assertEqual(scene["range"], {"from": "2024-01-01", "to": "2024-06-30"})

    def test_the_whole_tracker_in_a_window(self):
        pdf, _, scene = self.render("all")
        self.assert_axis_in_window(pdf, scene)

    def test_three_donors_in_a_window_with_packages_cut_at_its_edges(self):
        pdf, svg, scene = self.render("donors", "--actor", "germany", "--actor", "france",
                                      "--actor", "poland", "--today", "2024-10-01")
        self.assert_axis_in_window(pdf, scene)
        # --today lies after the window: no line for it, and the axis did not reach for it.
        self.assertFalse([it for it in scene["items"] if it["role"] == "today"])
        cuts = {(it["event"], it["role"]) for it in scene["items"]
                if it["role"].startswith("continues-")}
        self.assertEqual(cuts, {("test-ongoing-germany", "continues-before"),
                                ("test-ongoing-germany", "continues-after"),
                                ("test-ongoing-france", "continues-before"),
                                ("test-ongoing-poland", "continues-after")})
        # Each wedge is in the SVG as the Scene has it: a filled triangle in its box.
        triangles = svg_triangles(svg)
        for item in scene["items"]:
            if not item["role"].startswith("continues-"):
                continue
            with self.subTest(event=item["event"], role=item["role"]):
                inside = [t for t in triangles if all(
                    item["x"] - 0.5 <= x <= item["x"] + item["width"] + 0.5 and
                    item["y"] - 0.5 <= y <= item["y"] + item["height"] + 0.5 for x, y in t)]
                self.assertTrue(inside, f"no triangle drawn in {item}")
                tip = (min if item["role"] == "continues-before" else max)(
                    x for t in inside for x, _ in t)
                edge = item["x"] if item["role"] == "continues-before" else \
                    item["x"] + item["width"]
                self.assertAlmostEqual(tip, edge, delta=0.5)
        # The legend says what the wedge means.
        self.assertTrue([it for it in scene["items"] if it["role"] == "legend"
                         and it["text"] == "goes on beyond the dates shown"])


if __name__ == "__main__":
    unittest.main()
