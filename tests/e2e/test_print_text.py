"""What is printed is what the Scene says: every word in the PDF lies where the Scene puts its
text, as wide as the Scene measured it, no word is drawn over another, and none is printed
under 6 pt. For every template and view, on the seed and on real tracker data."""
import json
import re
import unittest
import xml.etree.ElementTree as ET

from helpers import EVENTS, KIEL, SOURCE_DIR, TempDirTest, run, tool

TEMPLATES = sorted(p.stem for p in (SOURCE_DIR / "templates").glob("*.yaml"))
KIEL_FILTER = ["--actor", "germany", "--actor", "france", "--actor", "poland",
               "--from", "2024-01-01", "--to", "2024-12-31"]
DATASETS = {"seed": [EVENTS], "kiel": [KIEL, *KIEL_FILTER]}
VIEWS = ["detail", "density", "pages"]

MIN_SIZE = 6
# Noto Sans's ascent plus descent is 1.362 em: pdftotext's word boxes are that tall. Scripts
# that fall back to other Noto fonts run taller, never shorter.
LINE_PER_EM = 1.3
TOLERANCE = 0.5  # points: how far a word's edge may lie from the Scene's box
INVISIBLE = re.compile("[\u200b-\u200f\u2066-\u2069\ufeff]")


def pdf_words(pdf):
    """Per page, the words pdftotext finds, as (text, x0, y0, x1, y1)."""
    out = tool("pdftotext", "-bbox", pdf, "-").stdout
    root = ET.fromstring(re.sub(r"<!DOCTYPE[^>]*>", "", out).replace(
        ' xmlns="http://www.w3.org/1999/xhtml"', ""))
    pages = []
    for page in root.iter("page"):
        pages.append([(w.text or "", float(w.get("xMin")), float(w.get("yMin")),
                       float(w.get("xMax")), float(w.get("yMax"))) for w in page.iter("word")])
    return pages


def scene_texts(scene):
    doc = json.loads(scene.read_text())
    pages = [doc] + doc.get("pages", [])
    return [[i for i in p["items"] if i["type"] == "text" and INVISIBLE.sub("", i["text"]).strip()]
            for p in pages]


def owner(word, texts):
    """The Scene text whose box holds the word, or None."""
    _, x0, y0, x1, y1 = word
    cy = (y0 + y1) / 2
    best, best_d = None, None
    for t in texts:
        if not (t["y"] - TOLERANCE <= cy <= t["y"] + t["height"] + TOLERANCE):
            continue
        if x0 < t["x"] - TOLERANCE or x1 > t["x"] + t["width"] + TOLERANCE:
            continue
        d = abs(cy - (t["y"] + t["height"] / 2))
        if best is None or d < best_d:
            best, best_d = t, d
    return best


def drawn_over(words):
    """Pairs of words of different Scene texts whose boxes overlap by more than the tolerance."""
    found = []
    ordered = sorted(words, key=lambda w: w[0][1])
    for n, (a, ta) in enumerate(ordered):
        for b, tb in ordered[n + 1:]:
            if b[1] >= a[3] - TOLERANCE:
                break
            if ta is tb:
                continue
            if (min(a[3], b[3]) - max(a[1], b[1]) > TOLERANCE
                    and min(a[4], b[4]) - max(a[2], b[2]) > TOLERANCE):
                found.append((a[0], b[0]))
    return found


class PrintedTextMatchesTheScene(TempDirTest):
    def check(self, name, inputs, template, view, min_size=MIN_SIZE):
        pdf = self.tmp / f"{name}.pdf"
        scene = self.tmp / f"{name}.json"
        self.assertRan(run("render", *inputs, "--template", template, "--layout", view,
                           "-o", pdf, "--scene", scene, "-q"))
        words, texts = pdf_words(pdf), scene_texts(scene)
        self.assertEqual(len(words), len(texts), "the PDF has the Scene's pages")
        for number, (page_words, page_texts) in enumerate(zip(words, texts), 1):
            where = f"{name} page {number}"
            for t in page_texts:
                self.assertGreaterEqual(t["font_size"], min_size, f"{where}: {t['text']!r}")
            owned = []
            extent = {}
            for w in page_words:
                t = owner(w, page_texts)
                self.assertIsNotNone(t, f"{where}: {w[0]!r} at {w[1:]} is in no Scene text")
                owned.append((w, t))
                lo, hi = extent.get(id(t), (w[1], w[3]))
                extent[id(t)] = (min(lo, w[1]), max(hi, w[3]))
                self.assertGreaterEqual(w[4] - w[2], min_size * LINE_PER_EM,
                                        f"{where}: {w[0]!r} is printed under {min_size} pt")
            for t in page_texts:
                if not re.search(r"\w", t["text"]):
                    continue
                self.assertIn(id(t), extent, f"{where}: {t['text']!r} is not in the PDF")
                lo, hi = extent[id(t)]
                self.assertAlmostEqual(lo, t["x"], delta=TOLERANCE, msg=f"{where}: {t['text']!r}")
                self.assertAlmostEqual(hi, t["x"] + t["width"], delta=TOLERANCE,
                                       msg=f"{where}: {t['text']!r}")
            self.assertEqual(drawn_over(owned), [], where)

    def test_every_template_and_view_on_the_seed_and_the_kiel_tracker(self):
        for data, inputs in DATASETS.items():
            if data == "kiel" and not KIEL.is_dir():
                continue  # no tracker data beside this clone: the seed still runs
            for template in TEMPLATES:
                for view in VIEWS:
                    with self.subTest(data=data, template=template, view=view):
                        self.check(f"{data}-{template}-{view}", inputs, template, view)

    @unittest.skipUnless(KIEL.is_dir(), f"no Kiel tracker data at {KIEL}")
    def test_a_page_shrunk_to_fit_prints_its_text_where_the_scene_says(self):
        # With the floor turned off the briefing shrinks the Kiel chart to a fifth. Pango
        # rounded glyph positions to whole points, so that shrunk text came out wider than
        # the Scene measured it: words ran into their neighbours ("[12]" into "250 million").
        template = self.tmp / "shrink.yaml"
        text = (SOURCE_DIR / "templates" / "briefing.yaml").read_text()
        shrinking = re.sub(r"min-size: [0-9.]+", "min-size: 0", text)
        self.assertNotEqual(shrinking, text, "the briefing sets its min-size")
        template.write_text(shrinking)
        self.check("kiel-shrunk", DATASETS["kiel"], template, "detail", min_size=0)


if __name__ == "__main__":
    import unittest
    unittest.main()
